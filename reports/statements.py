"""The statements of an officer's report page, save and submission, compiled once per process
(``plan_tracker.compiled``, issue #18: building and compiling them cost more CPU than running them). Each ``build``
only passes its arguments into the queryset: see that module's rule."""

import datetime

from django.db.models import Count, OuterRef, Q, Subquery, Value

from plan_tracker.compiled import DATETIME_STAND_IN, Statement, set_prefetched
from tasks.models import Plan, Task

from . import completion, rules
from .models import AgencyReport, Evidence, Indicator, IndicatorValue, ReportEvent, ReportingYear, TaskReport

#: A plan by its id, alone (the year's pages: what they need of it is its own row; an agency it names is read when a
#: cached body is rendered, inside the page's ``names_on`` block).
PLAN = Statement(lambda pk: Plan.objects.filter(pk=pk).order_by())
#: A plan by its id with the bodies it names (its report's recipient, its issuer): the exports' plan for a year never
#: opened, whose parameters are the plan's (``ReportingYear.parameters_from``).
PLAN_WITH_BODIES = Statement(lambda pk: Plan.objects.filter(pk=pk).select_related("report_recipient", "issuer")
                             .order_by())
#: One task of a plan, with its section (the year's one-task page).
TASK = Statement(lambda plan_id, pk: Task.objects.filter(plan_id=plan_id, pk=pk).select_related("section").order_by())
#: A plan's reporting year (its parameters and revision), alone; the year is a small integer: its own stand-in.
REPORTING_YEAR = Statement(lambda plan_id, year: ReportingYear.objects.filter(plan_id=plan_id, year=year).order_by(),
                           stand_ins=(None, 32_102))
#: The reports of some agencies with their plans and agencies, newest year first (the "my reports" page of their
#: officers: ``views.my_reports``); one compiled statement per number of agencies.
AGENCIES_REPORTS = Statement(lambda agency_ids: AgencyReport.objects.filter(agency_id__in=agency_ids)
                             .select_related("plan", "agency").order_by("-year", "plan__number", "agency__name"))
#: A report's lines with their tasks and sections, in plan order (the page, the problems).
LINES = Statement(lambda report_id: TaskReport.objects.filter(report_id=report_id)
                  .select_related("task__section").order_by("task__order", "task__number"))
#: Some of a report's lines (those a save posts), in their default order.
SOME_LINES = Statement(lambda report_id, pks: TaskReport.objects.filter(report_id=report_id, pk__in=pks))
#: A report's evidence files, each line's in upload order (``Evidence.Meta.ordering``): ``with_evidence``.
EVIDENCE = Statement(lambda report_id: Evidence.objects.filter(task_report__report_id=report_id)
                     .order_by("uploaded_at", "pk"))
#: A plan's indicators in their order (``Indicator.Meta.ordering`` within one plan, without its join to the plan).
INDICATORS = Statement(lambda plan_id: Indicator.objects.filter(plan_id=plan_id).order_by("order", "code"))
VALUES = Statement(lambda report_id: IndicatorValue.objects.filter(report_id=report_id))
#: A plan's indicators in their order, each with the report's value of it (``report_value``: None without one; one
#: value per report and indicator, ``reports_one_value_per_indicator``): ``INDICATORS`` and ``VALUES`` in one query,
#: for the report's page and its missing parts (the confirm page, the submission).
INDICATORS_WITH_VALUES = Statement(lambda plan_id, report_id: Indicator.objects.filter(plan_id=plan_id).annotate(
    report_value=Subquery(IndicatorValue.objects.filter(report_id=report_id, indicator_id=OuterRef("pk"))
                          .values("value")[:1])).order_by("order", "code"))
EVENTS = Statement(lambda report_id: ReportEvent.objects.filter(report_id=report_id).select_related("actor"))
#: The report locked for a write (inside a transaction: ``Statement`` refuses it outside one, as Django does).
LOCKED = Statement(lambda pk: AgencyReport.objects.select_for_update(of=("self",))
                   .select_related("plan", "updated_by").filter(pk=pk))
#: {task id: text} of the agency's content report of the year before (``services.last_year_texts``); the year is
#: a small integer: its own stand-in.
LAST_YEAR_TEXTS = Statement(
    lambda agency_id, plan_id, year: TaskReport.objects.filter(
        report__agency_id=agency_id, report__plan_id=plan_id, report__year=year,
        report__status__in=rules.CONTENT_STATUSES).exclude(achievements="").values_list("task_id", "achievements"),
    stand_ins=(None, None, 32_101))


def of_report(rows, report):
    """``rows`` (a report's lines or events) each knowing its report without a query, as ``report.lines`` and
    ``report.events`` give them."""
    for row in rows:
        row.report = report
    return rows


def with_evidence(lines, report_id):
    """``lines`` (all of the report ``report_id``'s, or some) with their evidence files set as Django's prefetch
    (``Prefetch("evidence", Evidence.objects.order_by("uploaded_at", "pk"))``) sets them: ``line.evidence.all()``
    makes no query, each file knows its line. One query by the report (compiled once), not by a list of line ids:
    one shape whatever the number of lines. Lines prefetched already are left as they are."""
    set_prefetched(lines, "evidence", lambda: EVIDENCE.rows(report_id), Evidence.objects.order_by("uploaded_at", "pk"))


# ------------------------------------------------------------------------------- the year overview (issue #18)

#: The task × agency cells of a plan year's obliged reports, as (all, of submitted reports, of reports submitted
#: before ``deadline``: ``rules.deadline_end``, the on-time rule of ``rules.on_time_q`` within one year): one row,
#: zeros without a report (``aggregates.figures.figures_from_tally``; the constant grouping is dropped by Django: one
#: aggregate, no GROUP BY). The year is a small integer: its own stand-in; the deadline an instant.
CELLS = Statement(lambda plan_id, year, deadline: TaskReport.objects.filter(
    report__plan_id=plan_id, report__year=year, report__invited=False).order_by().annotate(one=Value(1)).values("one")
    .annotate(cells=Count("pk"), submitted=Count("pk", filter=Q(report__first_submitted_at__isnull=False)),
              on_time=Count("pk", filter=Q(report__first_submitted_at__lt=deadline)))
    .values_list("cells", "submitted", "on_time"), stand_ins=(None, 32_103, DATETIME_STAND_IN))

#: The columns the overview shows of an overdue task (``templates_jinja2/reports/_overview_body.html``) and
#: ``completion.is_overdue`` reads.
_OVERDUE_COLUMNS = ("pk", "plan_id", "number", "title", "order", "timeframe_kind", "due_date")
#: {year: Statement}: the completion rules are compiled per year (the year is written into their SQL,
#: ``completion.CompiledRule``), so each year has its own statement; a handful of years per process.
_OVERDUE = {}
_OVERDUE_MAX = 64
_DAY_STAND_IN = datetime.date(1, 2, 3)


def _overdue_build(year):
    def build(plan_id, due_before):
        tasks = Task.objects.filter(plan_id=plan_id, timeframe_kind=Task.Timeframe.DEADLINE, due_date__lt=due_before)
        return completion.annotate_lead_progress(tasks, year).only(*_OVERDUE_COLUMNS).order_by("order", "number")
    return build


def overdue_tasks(plan, year, today):
    """``aggregates.overdue_tasks(plan, year, today)`` for the year overview, by a statement compiled once per year
    (built by the ORM at every request it was ~4.5 ms of a computed overview's CPU, README "The overview's CPU,
    session 15"): the deadline tasks due before the day the year is seen from, each with ``lead_count`` and
    ``lead_completed``, those not completed. Completed is read from the two counts (a task is completed exactly when
    0 < lead_completed = lead_count: ``completion.annotate_lead_progress``, held by ``reports/tests/test_rules.py``),
    not by the completion rule's own subquery (half the statement's PostgreSQL time). Only the columns the page shows
    (``_OVERDUE_COLUMNS``); no section, plan or assignments (the page shows none of them)."""
    on = completion.year_view_date(year, today)
    statement = _OVERDUE.get(year)
    if statement is None:
        if len(_OVERDUE) >= _OVERDUE_MAX:
            _OVERDUE.clear()
        statement = _OVERDUE[year] = Statement(_overdue_build(year), stand_ins=(None, _DAY_STAND_IN))
    found = []
    for task in statement.rows(plan.pk, on):
        task.is_completed = 0 < task.lead_completed == task.lead_count
        if completion.is_overdue(task, on):
            found.append(task)
    return found
