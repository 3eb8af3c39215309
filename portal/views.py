"""Browsing the plans: the home page by role, plans, the task list with its filters, one task."""

import copy
import datetime
from dataclasses import dataclass

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.db.models import Count, F, IntegerField, OuterRef, Prefetch, Q, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import get_object_or_404, redirect, render
from django.template import engines
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_GET, require_POST

from accounts.roles import Roles
from agencies.models import Agency
from notifications import reminders
from plan_tracker.jinja2 import ChoiceLabels, PageUrls
from reports import completion, rules
from reports.completion import deadline_state, with_deadline_states
from reports.models import AgencyReport, ReportingYear, TaskReport
from tasks.models import Assignment, Plan, Section, Task

from . import fragments, statements
from .filters import TaskFilter
from .forms import RemindNowForm
from .health import plan_health
from .queue import HOME_ROWS, coordinator_queue

TASKS_PER_PAGE = 50
# The coordinator's home lists deadline tasks overdue or due within this many days.
HOME_DUE_WITHIN_DAYS = 90
HOME_TASKS = 20  # overdue or due tasks shown on an overseer's home page; the task list has them all
SUBMITTED = rules.CONTENT_STATUSES


# ------------------------------------------------------------------------------------ helpers

def _assignments():
    return Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group"))


def listed_tasks(today):
    """What a task row shows: plan, section, completion (as of ``today``'s year: reports.completion), lead and
    coordinating agencies (2 queries)."""
    return completion.annotate_completion(Task.objects.select_related("plan", "section"), today.year).prefetch_related(
        _assignments())


def year_page_url(plan_pk, year):
    """The coordinator's page for a plan's year: the overview where it exists, else the submissions list."""
    try:
        return reverse("reports:year-overview", args=[plan_pk, year])
    except NoReverseMatch:
        return reverse("reports:year-submissions", args=[plan_pk, year])


def _percent(part, whole):
    return round(100 * part / whole) if whole else 0


# ------------------------------------------------------------------------------------ home

@login_required
@require_GET
def home(request):
    """An officer's agency work this year; the province overview for coordinators and viewers."""
    today = timezone.localdate()
    roles = Roles(request.user)
    context = {"today": today, "year": today.year, "roles": roles}
    if roles.officer_agency_ids:
        agency_ids = sorted(roles.officer_agency_ids)
        context["officer"] = fragments.body("home-officer", (agency_ids,), lambda: officer_home_html(
            _officer_home(roles.officer_agency_ids, today), today.year), today)
    if roles.is_coordinator:
        overseen = sorted(roles.overseen_agency_ids)
        context["overview"] = fragments.body("home-overview", (overseen, True), lambda: fragments.rendered(
            "portal/cached/home_overview.html",
            {"overview": _overview_home(today, roles.overseen_agency_ids), "year": today.year, "is_coordinator": True}),
            today)
    elif roles.sees_all:
        # A leader (viewer): the plan's health, the last complete year beside the current one (portal.health).
        context["health"] = [plan_health(plan, today) for plan in own_plans(today, roles.overseen_agency_ids)]
    if roles.is_coordinator:
        # The queue names the officers to chase (users: portal.apps bumps SITE when one's name, email or state
        # changes); its "Nhắc ngay" forms carry the CSRF token, a stand-in in the cached body, the request's own here.
        queue = fragments.body("home-queue", (overseen, HOME_ROWS), lambda: fragments.rendered(
            "portal/cached/home_queue.html", {
                "queue": coordinator_queue(queue_plans(roles.overseen_agency_ids), rows=HOME_ROWS),
                "queue_rows": HOME_ROWS,
                "csrf_token": fragments.CSRF_STAND_IN}), today)
        context["queue"] = fragments.with_csrf_token(queue, request)
    return render(request, "home.html", context)


@login_required
@require_GET
def queue_page(request):
    """The coordinator's queue in full: every report awaiting review, not yet sent, returned and not resent, with
    the contacts of the agencies still to chase."""
    roles = Roles(request.user)
    if not roles.is_coordinator:
        raise PermissionDenied
    today = timezone.localdate()
    return render(request, "portal/queue.html", {
        "queue": coordinator_queue(queue_plans(roles.overseen_agency_ids)), "today": today,
    })


@login_required
@require_POST
def remind_now(request):
    """"Nhắc ngay": mail every obliged agency whose report of the plan's year is still not sent, now, through the
    reminders (notifications.reminders.remind_now: recorded, never twice the same day for one agency)."""
    if not Roles(request.user).is_coordinator:
        raise PermissionDenied
    form = RemindNowForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Không rõ kỳ báo cáo cần nhắc."))
        return redirect(_back(request))
    plan, year = form.cleaned_data["plan"], form.cleaned_data["year"]
    outcome = reminders.remind_now(plan, year)
    if outcome.failed:  # the mail server refused or could not be reached: recorded on each mail, sent again later
        messages.warning(request, ngettext(
            "Chưa gửi được %(n)d thư nhắc vì máy chủ thư báo lỗi; thư sẽ được gửi lại ở lượt gửi kế tiếp.",
            "Chưa gửi được %(n)d thư nhắc vì máy chủ thư báo lỗi; thư sẽ được gửi lại ở lượt gửi kế tiếp.",
            outcome.failed) % {"n": outcome.failed})
    elif outcome.reminded:
        messages.success(request, ngettext(
            "Đã gửi thư nhắc tới %(n)d cơ quan chưa gửi báo cáo năm %(year)s.",
            "Đã gửi thư nhắc tới %(n)d cơ quan chưa gửi báo cáo năm %(year)s.",
            len(outcome.reminded)) % {"n": len(outcome.reminded), "year": year})
    if outcome.already:
        messages.info(request, ngettext(
            "%(n)d cơ quan đã được nhắc hôm nay, không nhắc lại: %(names)s.",
            "%(n)d cơ quan đã được nhắc hôm nay, không nhắc lại: %(names)s.",
            len(outcome.already)) % {"n": len(outcome.already), "names": ", ".join(a.name for a in outcome.already)})
    if outcome.unreachable:
        messages.warning(request, ngettext(
            "%(n)d cơ quan chưa có cán bộ nào có email để nhắc; hãy gọi điện: %(names)s.",
            "%(n)d cơ quan chưa có cán bộ nào có email để nhắc; hãy gọi điện: %(names)s.",
            len(outcome.unreachable)) % {"n": len(outcome.unreachable),
                                         "names": ", ".join(a.name for a in outcome.unreachable)})
    if not (outcome.reminded or outcome.already or outcome.unreachable):
        messages.info(request, _("Không còn cơ quan nào chưa gửi báo cáo năm %(year)s.") % {"year": year})
    return redirect(_back(request))


def _back(request):
    """Where "Nhắc ngay" was pressed: the home page or the queue page (nothing else)."""
    queue = reverse("portal:queue")
    return queue if request.POST.get("back") == queue else reverse("portal:home")


@dataclass
class CurrentReport:
    """This year's report of an agency on a plan (None while the year is not opened) and its due date."""

    plan: Plan
    report: AgencyReport | None
    due: datetime.date
    days_left: int  # negative once the due date has passed

    @property
    def days_late(self):
        return max(-self.days_left, 0)


@dataclass
class AgencyWork:
    agency: Agency
    active: bool
    tasks: list  # active this year, nearest deadline first, each with .role and .deadline
    lead_count: int
    coordinator_count: int
    current_reports: list  # CurrentReport per plan the agency reports on this year
    reports: list  # every report of the agency, newest year first


def officer_home_html(officer, year):
    """The officer's work (``_officer_home``) as HTML, rendered by Jinja2 (templates_jinja2/portal/home_officer.html:
    the same HTML as the Django template it replaced, issue #18) with the page's helpers: its addresses (``url``: each
    reversed once) and choice labels (``label``)."""
    return engines["jinja2"].get_template("portal/home_officer.html").render({
        "officer": officer, "year": year, "url": PageUrls(), "label": ChoiceLabels()})


def _roles_for(task, agency_id, group_ids):
    """The agency's role on a task from its prefetched assignments: lead wins over coordinator."""
    role = None
    for a in task.assignments.all():
        if a.agency_id == agency_id or (a.group_id and a.group_id in group_ids):
            if a.role == Assignment.Role.LEAD:
                return Assignment.Role.LEAD
            role = a.role
    return role


def _officer_home(agency_ids, today):
    """Queries: the agencies (+ their group ids), their tasks, the tasks' assignments, who completed them, their
    reports: compiled statements (portal.statements), each compiled once per process and shape."""
    year = today.year
    agency_ids = sorted(agency_ids)
    agencies = statements.AGENCIES.rows(agency_ids)
    memberships = {}
    for agency_id, group_id in statements.MEMBERSHIPS.rows(agency_ids):
        memberships.setdefault(agency_id, set()).add(group_id)
    group_ids = sorted(set().union(*memberships.values())) if memberships else []
    # listed_tasks' rows, compiled once per process (portal.statements): the same tasks, assignments and order.
    tasks = statements.with_assignments(statements.tasks(year, agency_ids, group_ids), agency_ids, group_ids)
    with_deadline_states(tasks, today)
    # Who completed each task by this year: a lead's own state of a deadline task (reports.completion).
    completed = statements.completed_by(year, agency_ids, group_ids)
    reports = statements.REPORTS.rows(agency_ids)
    work = []
    for agency in agencies:
        mine = []
        for task in tasks:
            role = _roles_for(task, agency.pk, memberships.get(agency.pk, set()))
            if not role:
                continue
            if role == Assignment.Role.LEAD and task.deadline is not None:
                # A lead sees its own state: overdue until it has completed the task, completed once it has,
                # even while other leads still owe it (reports.completion.deadline_state_for).
                task = copy.copy(task)
                task.deadline = completion.deadline_state_for(task, agency.pk, today, completed.get(task.pk, set()))
            # This year's obligations, and any older deadline still overdue (for the task, or for this lead).
            if task.is_active_in_year(year) or (task.deadline and task.deadline.is_overdue) or (
                    role == Assignment.Role.LEAD and not task.is_completed and task.deadline
                    and task.deadline.state == "completed"):
                mine.append(_TaskRow(task, role))
        active = agency.is_active_on(today)  # the body exists today (the notice says its work passed on)
        own_reports = [r for r in reports if r.agency_id == agency.pk]
        current = {r.plan_id: r for r in own_reports if r.year == year}
        plans = {row.task.plan_id: row.task.plan for row in mine}
        for r in current.values():
            plans.setdefault(r.plan_id, r.plan)
        current_reports = []
        for plan in sorted(plans.values(), key=lambda p: p.number):
            due = plan.report_due_date(year)
            current_reports.append(CurrentReport(plan, current.get(plan.pk), due, (due - today).days))
        work.append(AgencyWork(
            agency=agency, active=active, tasks=mine,
            lead_count=sum(1 for row in mine if row.role == Assignment.Role.LEAD),
            coordinator_count=sum(1 for row in mine if row.role != Assignment.Role.LEAD),
            current_reports=current_reports, reports=own_reports,
        ))
    return work


@dataclass
class _TaskRow:
    task: Task
    role: str

    @property
    def is_lead(self):
        return self.role == Assignment.Role.LEAD


@dataclass
class PlanYear:
    plan: Plan
    year: int
    opened: bool
    due: datetime.date
    obliged: int = 0
    submitted: int = 0
    on_time: int = 0
    returned: int = 0
    url: str = ""

    @property
    def submitted_percent(self):
        return _percent(self.submitted, self.obliged)

    @property
    def on_time_percent(self):
        return _percent(self.on_time, self.obliged)

    @property
    def not_submitted(self):
        return self.obliged - self.submitted


def with_receiving_body(plans, year=None):
    """``plans`` (a queryset) with ``receiving_id``: the body receiving each plan's reports now -- the recipient of
    the latest reporting year opened (up to ``year`` when given), from the year's parameters
    (``ReportingYear.recipient``: after a reorganisation, the successor), else the plan's own recipient. In the
    same query."""
    years = ReportingYear.objects.filter(plan=OuterRef("pk"), recipient__isnull=False)
    if year is not None:
        years = years.filter(year__lte=year)
    latest = Subquery(years.order_by("-year").values("recipient_id")[:1])
    return plans.annotate(receiving_id=Coalesce(latest, F("report_recipient_id"), output_field=IntegerField()))


def _own(plans, agency_ids):
    """Of ``plans`` (annotated by ``with_receiving_body``), those the agencies ``agency_ids`` receive the reports
    of now or issued; all of them when none is theirs."""
    own = [p for p in plans if p.receiving_id in agency_ids or p.issuer_id in agency_ids]
    return own or plans


def own_plans(today, agency_ids=()):
    """The plans running this year that the user's agencies receive the reports of (as this year's parameters say,
    or the latest opened year's) or issued; every running plan for people whose agencies do neither (admins,
    coordinators by permission)."""
    plans = with_receiving_body(Plan.objects.order_by("-issue_date", "number"), today.year)
    return _own([p for p in plans if p.runs_in(today.year)], agency_ids)


def queue_plans(agency_ids=()):
    """The plans whose reports a coordinator reviews and chases: those with an opened reporting year (a plan that
    ended last year still has last year's reports), their agencies' own (received, as the latest opened year's
    parameters say, or issued), else all of them."""
    plans = with_receiving_body(Plan.objects.filter(reporting_years__isnull=False).distinct().order_by("number"))
    return _own(list(plans), agency_ids)


def _overview_home(today, agency_ids=()):
    """Queries: plans, opened years, one grouped count of this year's reports, overdue/due tasks and
    their assignments. Counting submitted and on-time reports is cheap here; the full aggregate lives
    on the year's overview page.

    The plans are the user's own: those their agencies (as coordinator or viewer) receive the reports of
    or issued, so that a department in a national roll-out sees its province's plans, not all 200. People
    whose agencies neither issue nor receive any plan (admins, coordinators by permission) see every plan. The overdue and due
    tasks are those plans', the nearest HOME_TASKS of them; the task list has the rest."""
    year = today.year
    plans = own_plans(today, agency_ids)
    opened = set(ReportingYear.objects.filter(plan__in=plans, year=year).values_list("plan_id", flat=True))
    rows = {p.pk: PlanYear(p, year, p.pk in opened, p.report_due_date(year), url=year_page_url(p.pk, year))
            for p in plans}
    if plans:
        # The same rules as the year's overview (reports.rules): a returned report was submitted, on time or
        # late by its first submission.
        on_time = Q()
        for p in plans:
            on_time |= Q(plan_id=p.pk) & rules.on_time_q(p, [year])
        counts = (
            AgencyReport.objects.filter(plan__in=plans, year=year, invited=False).values("plan_id")
            .annotate(
                obliged=Count("pk"),
                submitted=Count("pk", filter=Q(first_submitted_at__isnull=False)),
                on_time=Count("pk", filter=on_time),
                returned=Count("pk", filter=Q(status=AgencyReport.Status.RETURNED)),
            )
            .order_by()
        )
        for c in counts:
            row = rows[c["plan_id"]]
            row.obliged, row.submitted, row.on_time, row.returned = (
                c["obliged"], c["submitted"], c["on_time"], c["returned"])
    tasks = list(completion.overdue_or_due_within(listed_tasks(today).filter(plan__in=[p.pk for p in plans]),
                                                  HOME_DUE_WITHIN_DAYS, today).by_deadline()[:HOME_TASKS + 1])
    return {"plan_years": list(rows.values()), "tasks": with_deadline_states(tasks[:HOME_TASKS], today),
            "more_tasks": len(tasks) > HOME_TASKS, "due_within_days": HOME_DUE_WITHIN_DAYS,
            "plan_filter": plans[0].pk if len(plans) == 1 else ""}


# ------------------------------------------------------------------------------------ plans

def plan_list(request):
    """The plans; with only one, its outline straight away."""
    plans = list(Plan.objects.annotate(task_count=Count("tasks")).select_related("issuer")[:2])
    if len(plans) == 1:
        return plan_detail(request, plans[0].pk)
    plans = Plan.objects.annotate(task_count=Count("tasks")).select_related("issuer")
    return render(request, "tasks/plan_list.html", {"plans": plans})


def plan_detail(request, pk):
    """The full outline: sections and tasks (with links to every task and agency), section IV's
    responsibilities per agency, section V's reporting rule."""
    plan = get_object_or_404(Plan.objects.select_related("issuer", "report_recipient"), pk=pk)
    signed_in = request.user.is_authenticated

    def render_body():
        outline = Section.objects.outline(plan, tasks=Task.objects.with_agencies())
        responsibilities = plan.responsibilities.prefetch_related(
            Prefetch("agencies", queryset=Agency.objects.vietnamese_order()), "groups")
        return fragments.rendered("portal/cached/plan.html", {
            "plan": plan, "outline": outline, "responsibilities": responsibilities, "signed_in": signed_in})

    body = fragments.body("plan", (plan.pk, signed_in), render_body)
    return render(request, "tasks/plan_detail.html", {"plan": plan, "body": body})


# ------------------------------------------------------------------------------------ tasks

@login_required
@require_GET
def task_list(request):
    today = timezone.localdate()
    filterset = TaskFilter(fragments.form_data(request.GET, TaskFilter), queryset=listed_tasks(today), today=today)
    agency = filterset.form.cleaned_data.get("agency") if filterset.is_valid() else None
    if agency is not None and request.GET.get("agency") != agency.code:
        # A typed name becomes the agency's code: the address stays short and shareable.
        query = request.GET.copy()
        query["agency"] = agency.code
        query.pop("page", None)
        return redirect(f"{request.path}?{query.urlencode()}")
    # Keyed on what the filters mean (fragments.canonical_query: parameters it does not know, spellings of a value
    # make no new entry) and on the page shown; the body shows that canonical query (its form, its links), nothing
    # typed.
    canonical = fragments.canonical_query(filterset.form)
    filters = tuple(sorted(canonical.items()))
    count, number = fragments.page_number(
        "tasks", (filters,), lambda: filterset.qs.count(), TASKS_PER_PAGE, request.GET.get("page"), today)

    # The page's ids first (a narrow sort), then those tasks in full: sorting every task's full row to
    # keep 50 cost 60 ms at national scale (10,000 tasks), the ids alone a few.
    def render_body():
        filterset.data = filterset.form.data = canonical
        if agency is not None:
            filterset.show_agency(agency)
        page = fragments.paginator(filterset.qs.values_list("pk", flat=True), TASKS_PER_PAGE, count).page(number)
        ids = list(page.object_list)
        by_id = listed_tasks(today).in_bulk(ids)
        page.object_list = [by_id[pk] for pk in ids]
        with_deadline_states(page.object_list, today)
        return fragments.rendered("portal/cached/tasks.html", {
            "filter": filterset, "page": page, "query": canonical.urlencode()})

    # The filters' form is in the body too (its choices, its errors and the agency's name are the data's and the
    # canonical query's).
    # The count is in the key too: read under the generation the count was (a change between the two reads must
    # not store a body paginated with the older count under the newer generation).
    body = fragments.body("tasks", (filters, number, count), render_body, today)
    return render(request, "tasks/task_list.html", {"body": body})


@login_required
@require_GET
def task_detail(request, pk):
    """One task in full, and what the agencies reported on it year by year: submitted reports of every
    agency, plus the user's own agency's lines in any state. Officers of other agencies see the
    status only; the text is for those who may open the report."""
    today = timezone.localdate()  # once: the key's day and the rendered day (fragments.body)
    roles = Roles(request.user)
    own = sorted(roles.officer_agency_ids)
    # The officer's own drafts' lines are shown, and a draft's save bumps nothing (reports.cache.agency_writes):
    # their versions (each save adds one) are part of the key. One query, for officers only.
    versions = sorted(AgencyReport.objects.filter(agency_id__in=own, lines__task_id=pk).exclude(
        status__in=SUBMITTED).values_list("pk", "version")) if own else []

    def render_page():
        context = _task_context(pk, roles, today)
        return (fragments.rendered("portal/cached/task_title.html", context),
                fragments.rendered("portal/cached/task.html", context))

    # A task deleted bumps SITE: a cached page is of a task that exists (a missing one raises 404 in render_page).
    title, body = fragments.body("task", (pk, own, roles.sees_all, versions), render_page, today)
    return render(request, "tasks/task_detail.html", {"title": title, "body": body})


def _task_context(pk, roles, today):
    members = Prefetch("group__members", queryset=Agency.objects.vietnamese_order())
    task = get_object_or_404(
        completion.annotate_completion(Task.objects.select_related("plan", "section__parent"), today.year).prefetch_related(
            Prefetch("assignments", queryset=Assignment.objects.select_related("agency", "group")
                     .prefetch_related(members))),
        pk=pk,
    )
    task.deadline = deadline_state(task, today)
    lines = list(
        TaskReport.objects.filter(task=task)
        .filter(Q(report__status__in=SUBMITTED) | Q(report__agency_id__in=roles.officer_agency_ids))
        .select_related("report__agency")
        .order_by("-report__year", "role", "report__agency__sort_key")
    )
    for line in lines:
        line.readable = roles.reads_content_of(line.report.agency_id)
    # Per year: how many of the obliged agencies' reports on this task have been submitted (as the year's figures
    # count: a returned report was submitted; invited bodies are not counted).
    years = {
        row["report__year"]: row for row in
        TaskReport.objects.filter(task=task, report__invited=False).values("report__year")
        .annotate(total=Count("pk"), submitted=Count("pk", filter=Q(report__first_submitted_at__isnull=False)))
        .order_by()
    }
    by_year = []
    for year in sorted(years, reverse=True):
        year_lines = [line for line in lines if line.report.year == year]
        by_year.append({"year": year, "total": years[year]["total"], "submitted": years[year]["submitted"],
                        "lines": year_lines, "hidden": any(not line.readable for line in year_lines)})
    return {"task": task, "by_year": by_year, "today": today, "leads": task.leads, "coordinators": task.coordinators}

