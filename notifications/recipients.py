"""Who receives what: an agency's officers, the coordinators of a plan. Each helper is one query."""

import datetime
from collections import defaultdict
from dataclasses import dataclass

from django.db.models import Exists, OuterRef, Q, QuerySet

from django.utils import timezone

from accounts import roles
from agencies.models import Membership

from .models import Preference

REMINDERS = "reminders"
NOTIFICATIONS = "notifications"


@dataclass(frozen=True)
class Recipient:
    email: str
    language: str
    user: object = None

    @property
    def key(self):
        return self.email.lower()


def _memberships(*conditions, **filters):
    return (
        Membership.objects.filter(*conditions, user__is_active=True, **filters)
        .exclude(user__email="")
        .select_related("user__notification_preference")
        .order_by("agency_id", "user__username")
    )


def _recipient(user, flag):
    preference = Preference.for_user(user)
    if not getattr(preference, flag):
        return None
    return Recipient(user.email.strip(), preference.language or "vi", user)


def _officers(memberships, flag):
    result = defaultdict(list)
    for membership in memberships:
        recipient = _recipient(membership.user, flag)
        if recipient and recipient.key not in {r.key for r in result[membership.agency_id]}:
            result[membership.agency_id].append(recipient)
    return {agency_id: people for agency_id, people in result.items() if people}


def _coordinators(plans, memberships, flag, recipients=None):
    result = {}
    for plan in plans:
        receiving = (recipients or {}).get(plan.pk, plan.report_recipient_id)
        own = [m for m in memberships if m.agency_id == receiving]
        people = []
        for membership in own or memberships:
            recipient = _recipient(membership.user, flag)
            if recipient and recipient.key not in {r.key for r in people}:
                people.append(recipient)
        result[plan.pk] = people
    return result


def officers_by_agency(agency_ids, flag):
    """{agency_id: [Recipient]}: the agencies' active officers with an email who have not turned ``flag``
    (REMINDERS or NOTIFICATIONS) off. Agencies with nobody left are absent."""
    return _officers(_memberships(role=Membership.Role.OFFICER, agency_id__in=list(agency_ids)), flag)


def coordinators_by_plan(plans, flag, recipients=None):
    """{plan_id: [Recipient]}: the coordinators who receive ``plans``' reports. Those of the receiving agency (the
    year's, ``recipients``: {plan_id: agency_id} from ``ReportingYear.recipient``; else the plan's) when it has any
    coordinator, else every coordinator, so that a province running several plans through different departments
    does not send each department all the mail. A coordinator is one by role (``accounts.roles``): a membership in
    a body that has ceased makes nobody a coordinator."""
    today = timezone.localdate()
    return _coordinators(plans, list(_memberships(roles.coordinator_memberships_q(today))), flag, recipients)


def _coordinators_and_officers_query(plan_id, agency_ids, year, today):
    officers_of = agency_ids if isinstance(agency_ids, QuerySet) else list(agency_ids)
    conditions = (roles.coordinator_memberships_q(today) | Q(role=Membership.Role.OFFICER, agency_id__in=officers_of))
    memberships = _memberships(conditions)
    if year is not None:  # the year's receiving body, read in the same query
        from reports.models import ReportingYear

        memberships = memberships.annotate(receives=Exists(ReportingYear.objects.filter(
            plan_id=plan_id, year=year, recipient_id=OuterRef("agency_id"))))
    return memberships


def coordinators_and_officers(plan, agency_ids, flag, year=None):
    """``coordinators_by_plan([plan], flag)[plan.pk]`` and ``officers_by_agency(agency_ids, flag)`` in one
    query: who hears of a submission (the receiving coordinators and the lead agencies' officers).
    ``agency_ids`` may be a subquery (a queryset of ids)."""
    memberships = list(_coordinators_and_officers_query(plan.pk, agency_ids, year, timezone.localdate()))
    return _split(plan, memberships, flag, year)


def submission_recipients(report, flag):
    """``coordinators_and_officers(report.plan, lead_agencies_told(report), flag, year=report.year)``: who hears of
    ``report``'s submission, by the same query, built and compiled once a day per database instead of at every
    submission (~5 ms of CPU, a quarter of the submit request: issue #18) and run with the report's values.

    The compiled part is ``lead_agencies_told`` (and ``_coordinators_and_officers_query``) applied to a stand-in
    report: they must not branch on the report's values (its year, plan, agency, due date), only pass them into the
    query; a branch would be taken for the stand-in once a day and hold for every report (``_CompiledQuery`` refuses a
    stand-in missing from the parameters, not a branch). The agencies' validity dates are the data's, compared in SQL
    with the report's year's due date (tests: test_submission_recipients)."""
    from django.db import router

    alias = router.db_for_read(Membership)
    compiled = _compiled_submission_query(alias, timezone.localdate())
    due = report.plan.report_due_date(report.year)
    memberships = compiled.run({_STAND_IN_REPORT: report.pk, _STAND_IN_AGENCY: report.agency_id,
                                _STAND_IN_PLAN: report.plan_id, _STAND_IN_YEAR: report.year, _STAND_IN_DUE: due})
    return _split(report.plan, memberships, flag, report.year)


#: Values no report, agency or plan has, compiled into the submission's query in place of the report's (then swapped
#: for them). The year's is inside its column's range (a value outside it would make Django drop the condition).
_STAND_IN_REPORT, _STAND_IN_AGENCY, _STAND_IN_PLAN = -918_273_645_101, -918_273_645_102, -918_273_645_103
_STAND_IN_YEAR = 32_101
_STAND_IN_DUE = datetime.date(1, 2, 3)
#: {(database alias, local date): _CompiledQuery}: today's (the coordinators' rule is dated).
_SUBMISSION = {}


class _StandInReport:
    pk, agency_id, plan_id, year = _STAND_IN_REPORT, _STAND_IN_AGENCY, _STAND_IN_PLAN, _STAND_IN_YEAR

    class plan:  # noqa: N801 (the report's plan, as lead_agencies_told reads it)
        pk = _STAND_IN_PLAN

        @staticmethod
        def report_due_date(year):
            return _STAND_IN_DUE


def _compiled_submission_query(alias, today):
    key = (alias, today)
    found = _SUBMISSION.get(key)
    if found is None:
        from .coordination import lead_agencies_told

        report = _StandInReport
        queryset = _coordinators_and_officers_query(report.plan.pk, lead_agencies_told(report), report.year, today)
        found = _CompiledQuery(queryset.using(alias), (
            _STAND_IN_REPORT, _STAND_IN_AGENCY, _STAND_IN_PLAN, _STAND_IN_YEAR, _STAND_IN_DUE))
        _SUBMISSION.clear()  # yesterday's
        _SUBMISSION[key] = found
    return found


class _CompiledQuery:
    """A queryset's SQL compiled once, run again with other values in place of its stand-ins: the rows become model
    instances (select_related, annotations) as the queryset's own would, the SQL is not built again."""

    def __init__(self, queryset, stand_ins):
        from django.db import connections

        self.queryset = queryset
        connection = connections[queryset.db]
        sql, params = queryset.query.get_compiler(using=queryset.db).as_sql()
        self.sql, self.params = sql, tuple(params)
        self.adapt = {}  # a stand-in as the backend passes it (a date is a string on SQLite) -> how to adapt its value
        for stand_in in stand_ins:
            if isinstance(stand_in, datetime.date):
                passed, adapt = connection.ops.adapt_datefield_value(stand_in), connection.ops.adapt_datefield_value
            else:
                passed, adapt = stand_in, None
            # Never a query for the wrong report: each stand-in is a parameter, and none is written into the SQL.
            if passed not in self.params or str(passed) in sql:
                raise RuntimeError(f"the compiled query does not take {stand_in!r} as a parameter")
            self.adapt[passed] = (stand_in, adapt)

    @staticmethod
    def _swap(param, swapped):
        # A parameter equal to a stand-in takes the value; in the same type (psycopg's Int2 for a small integer
        # column on PostgreSQL: the ORM passes the value so).
        if isinstance(param, (int, str, datetime.date)) and not isinstance(param, bool):
            try:
                value = swapped[param]
            except (KeyError, TypeError):
                return param
            return value if type(param) in (int, str, datetime.date) or value is None else type(param)(value)
        return param

    def run(self, values):
        """The rows with ``values`` ({stand-in: value}) in place of the stand-ins."""
        swapped = {}
        for passed, (stand_in, adapt) in self.adapt.items():
            value = values[stand_in]
            swapped[passed] = adapt(value) if adapt is not None else value
        params = tuple(self._swap(p, swapped) for p in self.params)
        sql = self.sql
        queryset = self.queryset.all()
        query = queryset.query
        build = query.get_compiler

        def get_compiler(using=None, connection=None, elide_empty=True):
            compiler = build(using, connection, elide_empty)

            def as_sql(with_limits=True, with_col_aliases=False):
                compiler.pre_sql_setup(with_col_aliases=with_col_aliases)  # the columns, for the instances
                return sql, params

            compiler.as_sql = as_sql
            return compiler

        query.get_compiler = get_compiler
        return list(queryset)


def _split(plan, memberships, flag, year):
    coordinators = [m for m in memberships if m.role == Membership.Role.COORDINATOR]
    officers = [m for m in memberships if m.role == Membership.Role.OFFICER]
    recipients = None
    if year is not None:
        receiving = next((m.agency_id for m in coordinators if m.receives), None)
        recipients = {plan.pk: receiving} if receiving else None
    return _coordinators([plan], coordinators, flag, recipients)[plan.pk], _officers(officers, flag)
