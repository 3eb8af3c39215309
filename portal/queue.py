"""The coordinator's queue: what waits for them in the plans they receive.

* **awaiting review**: reports submitted (or resubmitted) and neither accepted nor returned, oldest submission first
  (the order "next report" follows after a review: ``AgencyReport.objects.awaiting_review``);
* **not yet sent**: obliged reports of an opened year never submitted (drafts; invited bodies owe nothing), newest
  year first, agencies in Vietnamese order, with the agency's officers to chase (name, phone, email);
* **returned, not resent**: reports sent back to their agency and not submitted again.

Four queries whatever the numbers: the three lists and the officers of the agencies still to chase. The home page reads
the first ``HOME_ROWS`` reports awaiting review and returned, with their counts (``coordinator_queue(rows=…)``)."""

from collections import defaultdict
from dataclasses import dataclass, field

from django.db.models import Count, Exists, OuterRef, Window

from agencies.models import Membership
from reports import rules
from reports.models import AgencyReport, ReportingYear

#: How many reports of each list the home page shows; the queue page shows them all.
HOME_ROWS = 8


@dataclass
class Contact:
    name: str
    phone: str
    email: str


@dataclass
class MissingYear:
    """The reports of one plan's year still not sent: what "Nhắc ngay" reminds."""

    plan: object
    year: int
    reports: list = field(default_factory=list)

    @property
    def unreachable(self):
        return sum(1 for r in self.reports if not r.contacts and not r.agency.head_email)


@dataclass
class Queue:
    awaiting: list  # the first ``rows`` of them (all on the queue's page)
    not_sent: list  # all of them (the home's copyable list names every one)
    returned: list  # the first ``rows`` of them
    missing_years: list
    awaiting_count: int = 0  # how many in all
    returned_count: int = 0

    @property
    def total(self):
        return self.awaiting_count + len(self.not_sent) + self.returned_count

    @property
    def contact_text(self):
        """The agencies still to chase with their officers, one agency a line, to paste into a message."""
        lines = []
        for report in self.not_sent:
            people = "; ".join(
                ", ".join(part for part in (c.name, c.phone, c.email) if part) for c in report.contacts)
            head = report.agency.head_email
            if head and head not in {c.email for c in report.contacts}:
                people = f"{people}; {head}" if people else head
            lines.append(f"{report.agency.name} ({report.year}): {people or '—'}")
        return "\n".join(lines)


def _opened(queryset):
    return queryset.filter(Exists(ReportingYear.objects.filter(plan=OuterRef("plan"), year=OuterRef("year"))))


def _vietnamese_name(user):
    """Family and middle names first, as Vietnamese write them ("Nguyễn Văn An"); the username when blank."""
    return " ".join(p for p in (user.last_name.strip(), user.first_name.strip()) if p) or user.get_username()


#: The columns the queue shows or works from (its template, ``status_label``, ``timeliness``, the due date,
#: ``agencies.naming``'s former names): the reports' texts and the plan's (its legal basis, purpose, requirements…,
#: read with every row through ``select_related``) are never read. On the coordinator's home computed after a
#: submission at national scale (719 reports in the lists) this is ~10 ms of CPU and ~12 ms of SQL less per request
#: (README "Computed pages at national scale, session 16"). None: every column (the tests' reference).
COLUMNS = ("id", "plan_id", "year", "agency_id", "status", "invited", "first_submitted_at", "submitted_at",
           "reviewed_at", "version", "agency__id", "agency__code", "agency__name", "agency__short_name",
           "agency__head_email", "plan__id", "plan__number", "plan__report_due_month", "plan__report_due_day")


def _first(reports, rows):
    """([the first ``rows`` of ``reports``, or all of them when None], how many there are in all), in one query: the
    total is a window count over the whole list, read from its first row."""
    if rows is None:
        found = list(reports)
        return found, len(found)
    found = list(reports.annotate(queue_total=Window(Count("pk")))[:rows])
    return found, found[0].queue_total if found else 0


def coordinator_queue(plans, rows=None):
    """The queue over ``plans`` (the coordinator's own plans: portal.views chooses them). ``rows``: how many reports
    awaiting review and returned to read (the home page shows ``HOME_ROWS`` of each and their counts: at national
    scale the coordinator's home computed after a submission built ~280 such reports to show 16); None: all."""
    reports = AgencyReport.objects.filter(plan__in=plans).select_related("agency", "plan")
    if COLUMNS is not None:
        reports = reports.only(*COLUMNS)
    awaiting, awaiting_count = _first(reports.awaiting_review(), rows)
    returned, returned_count = _first(
        reports.filter(status=AgencyReport.Status.RETURNED).order_by("reviewed_at", "pk"), rows)
    not_sent = list(
        _opened(reports.filter(status=AgencyReport.Status.DRAFT, invited=False))
        .order_by("-year", "plan__number", "agency__sort_key", "agency__code")
    )
    contacts = defaultdict(list)
    memberships = (
        Membership.objects.filter(role=Membership.Role.OFFICER, user__is_active=True,
                                  agency_id__in={r.agency_id for r in not_sent})
        .select_related("user").order_by("user__last_name", "user__first_name", "user__username")
    )
    for m in memberships:
        contacts[m.agency_id].append(
            Contact(_vietnamese_name(m.user), m.phone.strip(), m.user.email.strip()))
    years = {}
    for report in not_sent:
        report.contacts = contacts.get(report.agency_id, [])
        report.state_label = rules.State.LABELS[rules.submission_state(report)]
        years.setdefault((report.plan_id, report.year), MissingYear(report.plan, report.year)).reports.append(report)
    return Queue(awaiting=awaiting, not_sent=not_sent, returned=returned, missing_years=list(years.values()),
                 awaiting_count=awaiting_count, returned_count=returned_count)
