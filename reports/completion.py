"""Whether a task is completed, which leads have not finished it, and whether it is overdue: decided here, once
(DESIGN.md "Reporting rules": "One definition of 'overdue' serves every page, mail and export"). The home
pages, the task list and task pages, the agency pages, the year overview, the exports and the mails all ask
this module.

The rules, as of a year Y (the current year for "today's" pages, the year viewed on a year's pages):

* A task's **leads** are the agencies named as its lead and the members of the groups named as its lead.
  "Related agencies" given only as text are nobody.
* A lead **has completed** the task by Y when it has a line on the task with status "completed" in a
  submitted or accepted report of year Y or before. Drafts and returned reports do not count.
* A task's leads also include the bodies that **stand in** for them: every body holding a *lead line* on the task
  in a report of year Y or before that succeeds a lead the task names now (a successor, at any depth, of a named lead
  or of a member of a lead group or of its successor groups, or a member of a lead group's successor groups at any
  depth: ``_StandsForALead``, one SQL statement however long the chains). A body taken off the task is no lead,
  whatever lines it holds from before. ``services.obligations`` gives such lines to the successors of a ceased lead (by
  the task's routing, the change's default successor, or a group's successor group: ``agencies.succession``), so a
  successor's "completed" counts, and a successor that has not completed holds the task open.
* A lead **answers** for the task in Y when it exists on the plan's report due date for Y (15/11/Y in the seed;
  ``agencies.models.exists_on_due_q``, Python ``answers``) or has
  completed it. A lead that has ceased to exist without completing the task no longer holds it open: its
  open work passes to its successors, who answer as stand-ins; the task is judged by the leads that remain.
* A task is **completed** by Y when at least one lead answers and every lead that answers has completed it.
  A group-led task is completed when every member that exists has said so, not when the first one does. A
  task with no lead agency at all (or none that exists and none that completed it) is not completed.
* A deadline task is **overdue** on a date D (as of Y) when its due date is before D and it is not completed
  by Y. Due on D itself: not yet overdue ("due today"). The year's pages look from D = min(today, 31/12/Y).
* **Carry-over** (per lead): a deadline task whose due date fell in a year before Y is **carried over** to Y;
  it stays on the Y report of each lead that exists in Y and **has not completed it by Y - 1** (no "completed"
  line in a submitted or accepted report of an earlier year), as a lead line marked "quá hạn từ <due date>".
  It is **overdue for a lead** on D when its due date is before D and that lead has not completed it by Y,
  and **completed for that lead** once it has, even while other leads still owe it (the task's own state
  stays the rule above). ``services.obligations`` and the officer's home page ask ``carries_over`` /
  ``is_overdue_for``; ``overdue_for`` is the SQL twin of ``is_overdue_for``.
* A task is **done for the year** (the roll-up's "done" column) when every lead line of the year (every line,
  for a task with no lead line) is in a submitted report with status completed or done for the year.

``annotate_completion`` / ``overdue`` are the SQL forms (EXISTS subqueries: fixed query counts, driven by the
task index); ``completed_in_python`` / ``is_overdue`` are their Python twins, used where the rows are already
in hand (the overdue lists' "leads completed n/m") and run against the SQL over generated data by
``reports/tests/test_rules.py``."""

import datetime
import re
from dataclasses import dataclass

from django.db import models
from django.db.models.functions import Coalesce
from django.db.models import Exists, OuterRef, Q, prefetch_related_objects

from agencies.models import Agency, AgencyGroup, exists_on_due_q
from tasks.models import Assignment, Task

from .models import TaskReport
from .rules import CONTENT_STATUSES
LEAD = Assignment.Role.LEAD
DEADLINE = Task.Timeframe.DEADLINE


# ------------------------------------------------------------------------------------------ SQL


def _completed_line(agency_ref, year):
    """A "completed" line of the outer task by ``agency_ref`` in a submitted report of ``year`` or before."""
    lines = TaskReport.objects.filter(
        task=OuterRef(OuterRef("pk")), report__agency=agency_ref, status=TaskReport.Status.COMPLETED,
        report__status__in=CONTENT_STATUSES,
    )
    return lines.filter(report__year__lte=year) if year is not None else lines


def _conditions(year):
    """(some lead completed, an answering lead has not) as EXISTS expressions on the outer task.

    Each is two subqueries, named leads and members of lead groups: one subquery ORing the two join paths
    made PostgreSQL scan every group membership x lead assignment per task (1.2 s to > 30 s at national
    scale, README "Performance"); each of these is driven by the task's index."""
    named = Assignment.objects.filter(task=OuterRef("pk"), role=LEAD, agency__isnull=False)
    members = AgencyGroup.members.through.objects.filter(
        agencygroup__assignments__task=OuterRef("pk"), agencygroup__assignments__role=LEAD,
    )
    stand_ins = _stand_in_lines(OuterRef("pk"), year)
    done_named = Exists(_completed_line(OuterRef("agency_id"), year))
    done_member = Exists(_completed_line(OuterRef("agency_id"), year))
    done_stand_in = Exists(_completed_line(OuterRef("report__agency_id"), year))
    exists = _answers_q(year, "agency__")
    stand_in_exists = _answers_q(year, "report__agency__")
    some_done = (Q(Exists(named.filter(done_named))) | Q(Exists(members.filter(done_member)))
                 | Q(Exists(stand_ins.filter(done_stand_in))))
    unfinished = (Q(Exists(named.filter(exists).filter(~done_named)))
                  | Q(Exists(members.filter(exists).filter(~done_member)))
                  | Q(Exists(stand_ins.filter(stand_in_exists).filter(~done_stand_in))))
    return some_done, unfinished


def _answers_q(year, prefix=""):
    """SQL: the agency (reached by ``prefix`` from a subquery one level inside a task query) exists on the outer
    task's plan's due date for ``year`` (``exists_on_due_q``); anything when ``year`` is None."""
    if year is None:
        return Q()
    return exists_on_due_q(year, OuterRef("plan__report_due_month"), OuterRef("plan__report_due_day"), prefix)


class _StandsForALead(models.Expression):
    """SQL, on lead lines (``TaskReport``): the line's body stands for a lead the task names now -- it is a successor,
    at any depth, of a named lead or of a member of a lead group or of one of that group's successor groups (at any
    depth), or a member of such a successor group. A lead itself is no stand-in. A body that held a lead line and has
    since been taken off the task (its assignment removed, no lead it succeeds) stands for nobody: the task is judged
    by its current assignments and their successors.

    One EXISTS over two recursive queries, whatever the chains' length (run only when the body succeeds some body or
    a lead group of the task has a successor group: the walk finds nothing otherwise): the body and its predecessors
    through ``Agency.successors``, walked up from the body (the successions table's index on the successor), and the task's
    lead groups with their successor groups, walked down; each row carries ``moved`` (0: the body, or a group named
    on the task; 1: reached through a succession). ``UNION`` keeps each row once, so a cycle in the data ends the
    walk. The CTE and table aliases are lower case (``_ALIAS`` renames Django's U0, V1…)."""

    conditional = True
    output_field = models.BooleanField()

    def __init__(self, body=None, task=None):
        super().__init__()
        self.body = body if body is not None else models.F("report__agency_id")
        self.task = task if task is not None else models.F("task_id")

    def get_source_expressions(self):
        return [self.body, self.task]

    def set_source_expressions(self, exprs):
        self.body, self.task = exprs

    def as_sql(self, compiler, connection):
        q = connection.ops.quote_name
        body, body_params = compiler.compile(self.body)
        task, task_params = compiler.compile(self.task)
        succession = q(Agency.successors.through._meta.db_table)
        from_id, to_id = (q(Agency.successors.field.m2m_column_name()),
                          q(Agency.successors.field.m2m_reverse_name()))
        assignment, group = q(Assignment._meta.db_table), q(AgencyGroup._meta.db_table)
        members = q(AgencyGroup.members.through._meta.db_table)
        task_id, role, agency_id, group_id = q("task_id"), q("role"), q("agency_id"), q("group_id")
        # First what the walk needs to find anything, two probes of an index each: the body succeeds some body, or one
        # of the task's lead groups has a successor group. Most lines' bodies succeed nobody; without it every lead
        # line of every task ran the walk (README "Computed pages at national scale, session 16").
        guard = (
            f"(EXISTS (SELECT 1 FROM {succession} ptc_p WHERE ptc_p.{to_id} = {body}) "
            f"OR EXISTS (SELECT 1 FROM {assignment} ptc_ga, {group} ptc_gg WHERE ptc_ga.{task_id} = {task} "
            f"AND ptc_ga.{role} = %s AND ptc_gg.{q('id')} = ptc_ga.{group_id} AND ptc_gg.{q('successor_id')} IS NOT NULL))"
        )
        sql = (
            f"({guard} AND EXISTS (WITH RECURSIVE ptc_up(id, moved) AS ("
            f"SELECT {body}, 0 UNION SELECT ptc_s.{from_id}, 1 FROM {succession} ptc_s, ptc_up "
            f"WHERE ptc_s.{to_id} = ptc_up.id), "
            f"ptc_groups(id, moved) AS ("
            f"SELECT ptc_a.{group_id}, 0 FROM {assignment} ptc_a WHERE ptc_a.{task_id} = {task} "
            f"AND ptc_a.{role} = %s AND ptc_a.{group_id} IS NOT NULL "
            f"UNION SELECT ptc_g.{q('successor_id')}, 1 FROM {group} ptc_g, ptc_groups "
            f"WHERE ptc_g.{q('id')} = ptc_groups.id AND ptc_g.{q('successor_id')} IS NOT NULL) "
            f"SELECT 1 FROM ptc_up WHERE (ptc_up.moved = 1 AND EXISTS (SELECT 1 FROM {assignment} ptc_n "
            f"WHERE ptc_n.{task_id} = {task} AND ptc_n.{role} = %s AND ptc_n.{agency_id} = ptc_up.id)) "
            f"OR EXISTS (SELECT 1 FROM {members} ptc_m, ptc_groups WHERE ptc_m.{q('agencygroup_id')} = ptc_groups.id "
            f"AND ptc_m.{agency_id} = ptc_up.id AND ptc_up.moved + ptc_groups.moved > 0)))"
        )
        return sql, [*body_params, *task_params, LEAD, *body_params, *task_params, LEAD, *task_params, LEAD]


def _stands_for_a_lead():
    """SQL, on lead lines: the line's body stands for a lead the task names now (``_StandsForALead``)."""
    return _StandsForALead()


def _stand_in_lines(task_ref, year):
    """The lead lines on the task ``task_ref`` in reports of ``year`` or before whose bodies stand for a lead the
    task names now (``_stands_for_a_lead``): they stand in as leads (the successors obligations gave the task to).
    Driven by the lines' task index."""
    lines = TaskReport.objects.filter(task=task_ref, role=LEAD).filter(_stands_for_a_lead())
    return lines.filter(report__year__lte=year) if year is not None else lines


def _completed_q(year):
    """The ORM form of the rule, built afresh (~10 ms of Python per call, and as much again to compile): the SQL of
    ``completed_q`` is compiled from it once per process, database and year."""
    some_done, unfinished = _conditions(year)
    return some_done & ~unfinished


# The outer task's columns in a compiled rule, replaced by the using query's columns at each use.
_OUTER = {"pk": '"tasks_task"."id"', "plan__report_due_month": '"tasks_plan"."report_due_month"',
          "plan__report_due_day": '"tasks_plan"."report_due_day"'}
# A subquery's table alias as Django writes it, unquoted: U0, V12, AB3 (FROM "t" U0, U0."col").
_ALIAS = re.compile(r'(?<![\w"])([A-Z]+[0-9]+)(?=[\s.),]|$)')
_compiled = {}
_WORD = re.compile(r"[a-z_]{1,40}")
_PLACEHOLDER = re.compile(r"%s|%%")
#: The rule's constants whose share of the rows does not move during a day: the assignments' and lines' roles. (A
#: status does: on deadline day thousands of reports become submitted within minutes, faster than the statistics are
#: gathered again, and a plan chosen for "few submitted reports" reads every submitted one: measured, 3.3 -> 4.4 ms.)
_STABLE_WORDS = frozenset(Assignment.Role.values)


def inline_constants(sql, params, words):
    """(sql, params) with each parameter that is one of ``words`` (a role: a constant of the rule, never a user's
    input) or a whole number (the rule's year) written into the SQL as a literal, the others left as parameters, in
    order.

    PostgreSQL plans a prepared statement once for every value of its parameters (``plan_cache_mode =
    force_generic_plan``, settings): ``role = $1`` is then guessed to match half the lines whatever the column
    holds, and the planner hashed every report of the year to join one lead line (the stand-ins' EXISTS: ~0.7 ms per
    task on a deadline-day plan of 2,500 agencies). Written as ``role = 'lead'``, the column's statistics say how rare
    lead lines are. A rule is compiled once per year: nothing written in varies between its uses."""
    kept, values, missing = [], iter(params), object()

    def put(match):
        if match.group(0) == "%%":
            return "%%"
        value = next(values)
        if isinstance(value, int) and not isinstance(value, bool):
            return str(int(value))
        if isinstance(value, str) and value in words and _WORD.fullmatch(value):
            return "'%s'" % value
        kept.append(value)
        return "%s"

    sql = _PLACEHOLDER.sub(put, sql)
    if next(values, missing) is not missing:
        raise AssertionError(f"completion: more parameters than placeholders: {sql}")
    return sql, tuple(kept)


def _rule(rule, year):
    """The ORM form of a rule on the outer task, built afresh (~10 ms of Python to build, as much to compile)."""
    if rule == "completed":
        return _completed_q(year)
    return Coalesce(_leads_answering(year, done_only=rule == "leads_done"), 0)


def _outer_columns(rule, year):
    """The outer task's columns a rule reads: the plan's due day only where someone must exist on it."""
    return ("pk",) if year is None or rule == "leads_done" else tuple(_OUTER)


def _compiled_rule(connection, rule, year):
    """(sql, params) of ``_rule(rule, year)`` on ``connection``, its outer task's columns left as ``[[ptc:name]]``.
    Compiled once per process, database, rule and year, against a bare task query; the subqueries' aliases (U0, V1…)
    are renamed ``ptc_U0``… so that they can never shadow an alias of the query the rule is used in (a query used as
    a subquery has U0…)."""
    key = (connection.alias, connection.vendor, rule, year)
    if key not in _compiled:
        from django.db.models.sql import Query

        query = Query(Task)
        resolved = _rule(rule, year).resolve_expression(query, allow_joins=True)
        sql, params = query.get_compiler(connection=connection).compile(resolved)
        sql = _ALIAS.sub(r"ptc_\1", sql)
        for name in _outer_columns(rule, year):
            sql = sql.replace(_OUTER[name], "[[ptc:%s]]" % name)
        if '"tasks_task"' in sql or '"tasks_plan"' in sql:
            raise AssertionError(f"completion: an outer column left in the compiled rule: {sql}")
        _compiled[key] = inline_constants(sql, params, _STABLE_WORDS)
    return _compiled[key]


class CompiledRule(models.Expression):
    """SQL on the outer task: ``"completed"`` (completed by ``year``: ``_completed_q``), ``"leads"`` / ``"leads_done"``
    (how many leads answer for it / have completed it: ``_leads_answering``) -- the ORM's SQL compiled once per
    process (per database, rule and year) and reused, with the using query's own task and plan columns put in. The
    same SQL as the ORM builds each time (``reports/tests/test_rules.py`` compares them, and with the Python twins), at
    a fraction of the CPU: building and compiling the rule's EXISTS tree was ~25 ms of the officer's home page."""

    def __init__(self, rule, year, columns=None):
        field = models.BooleanField() if rule == "completed" else models.IntegerField()
        super().__init__(output_field=field)
        self.rule, self.year = rule, year
        self.columns = columns or [models.F(name) for name in _outer_columns(rule, year)]

    def get_source_expressions(self):
        return self.columns

    def set_source_expressions(self, exprs):
        self.columns = list(exprs)

    def get_group_by_cols(self):
        return [col for expr in self.columns for col in expr.get_group_by_cols()]

    def as_sql(self, compiler, connection):
        sql, params = _compiled_rule(connection, self.rule, self.year)
        for name, expr in zip(_outer_columns(self.rule, self.year), self.columns):
            column_sql, column_params = compiler.compile(expr)
            if column_params:
                raise ValueError("completion: a task column with parameters")
            sql = sql.replace("[[ptc:%s]]" % name, column_sql)
        return sql, list(params)


def completed_q(year):
    """SQL: the task is completed by ``year`` (see the module docstring): a condition for ``filter``/``exclude``
    on tasks."""
    return CompiledRule("completed", year)


def annotate_completion(tasks, year):
    """``tasks`` with ``is_completed`` (completed by ``year``), computed in the same query."""
    return tasks.annotate(is_completed=CompiledRule("completed", year))


def _leads_answering(year, *, done_only):
    """A subquery counting the outer task's distinct lead agencies (named, or members of lead groups) that answer
    for it in ``year`` (exist then, or completed it), or, ``done_only``, those that completed it."""
    named = Assignment.objects.filter(task=OuterRef(OuterRef("pk")), role=LEAD, agency__isnull=False).values("agency_id")
    members = AgencyGroup.members.through.objects.filter(
        agencygroup__assignments__task=OuterRef(OuterRef("pk")), agencygroup__assignments__role=LEAD,
    ).values("agency_id")
    done = Exists(TaskReport.objects.filter(
        task=OuterRef(OuterRef("pk")), report__agency=OuterRef("pk"), status=TaskReport.Status.COMPLETED,
        report__status__in=CONTENT_STATUSES, **({"report__year__lte": year} if year is not None else {}),
    ))
    # Rows of the agency table whose id is in the union of the three sources, so that an agency named and also a
    # member of a lead group is counted once. One IN over a UNION: an OR of three IN subqueries made PostgreSQL read
    # every agency for every task (2,500 a task on a deadline-day plan), testing each against the three.
    stand_ins = _stand_in_lines(OuterRef(OuterRef("pk")), year).values("report__agency_id")
    agencies = Agency.objects.filter(pk__in=named.order_by().union(members.order_by(), stand_ins.order_by()))
    if done_only:
        agencies = agencies.filter(done)
    elif year is not None:  # with no year, every lead answers
        agencies = agencies.filter(_answers_q(year) | Q(done))
    return models.Subquery(
        agencies.order_by().annotate(one=models.Value(1)).values("one")
        .annotate(n=models.Count("pk")).values("n")[:1],
        output_field=models.IntegerField(),
    )


def annotate_lead_progress(tasks, year):
    """``tasks`` with ``lead_count`` (the leads that answer for each task in ``year``) and ``lead_completed``
    (those of them that completed it by ``year``), in the same query; SQL twin of ``with_lead_progress``. A task
    is completed exactly when 0 < lead_completed = lead_count."""
    return tasks.annotate(lead_count=CompiledRule("leads", year), lead_completed=CompiledRule("leads_done", year))


def completed(tasks, year):
    return tasks.filter(completed_q(year))


def not_completed(tasks, year):
    return tasks.exclude(completed_q(year))


def overdue(tasks, on, year=None):
    """Deadline tasks due before ``on`` and not completed by ``year`` (default: ``on``'s year)."""
    return not_completed(tasks.filter(timeframe_kind=DEADLINE, due_date__lt=on), on.year if year is None else year)


def overdue_for(tasks, agency_id, on, year=None):
    """SQL twin of ``is_overdue_for``: deadline tasks due before ``on`` that the agency ``agency_id`` has not
    completed by ``year`` (default: ``on``'s year), whatever the other leads did."""
    year = on.year if year is None else year
    done = TaskReport.objects.filter(task=OuterRef("pk"), report__agency_id=agency_id, status=TaskReport.Status.COMPLETED,
                                     report__status__in=CONTENT_STATUSES, report__year__lte=year)
    return tasks.filter(timeframe_kind=DEADLINE, due_date__lt=on).exclude(Exists(done))


def due_within(tasks, days, on):
    """Deadline tasks not completed whose due date lies in [``on``, ``on`` + ``days``]."""
    return not_completed(tasks.filter(timeframe_kind=DEADLINE, due_date__gte=on,
                                      due_date__lte=on + datetime.timedelta(days=days)), on.year)


def overdue_or_due_within(tasks, days, on):
    """Deadline tasks not completed that are overdue on ``on`` or due within ``days``."""
    return not_completed(tasks.filter(timeframe_kind=DEADLINE, due_date__lte=on + datetime.timedelta(days=days)),
                         on.year)


def year_view_date(year, today):
    """The day a year's pages look from: today, or the year's last day for a past year."""
    return min(today, datetime.date(year, 12, 31))


# ------------------------------------------------------------------------------------------ Python


def due_on(task, year):
    """The day a lead answers for ``task`` in ``year`` by: the task's plan's report due date for the year (None for
    no year). Python side of ``_answers_q``."""
    return None if year is None else task.plan.report_due_date(year)


def answers(agency, completed_ids, on):
    """Python twin of ``_answers_q | done``: the lead answers for the task on its year's due date ``on`` (None: any
    date) when it exists then or has completed the task."""
    return agency.pk in completed_ids or on is None or agency.is_active_on(on)


def completed_in_python(leads, completed_ids, on):
    """Python twin of ``completed_q``: ``leads`` are the task's lead agencies (named, members of lead groups, and
    stand-ins), ``completed_ids`` the ids of the agencies that completed it by the year, ``on`` the year's due date
    (``due_on``; None: no year)."""
    answering = [a for a in leads if answers(a, completed_ids, on)]
    return bool(answering) and all(a.pk in completed_ids for a in answering)


def is_overdue(task, on):
    """Python twin of ``overdue`` for a task annotated by ``annotate_completion``."""
    return task.timeframe_kind == DEADLINE and task.due_date is not None and task.due_date < on and not task.is_completed


def overdue_since(task, year):
    """The due date a line of ``year`` on a carried-over task shows ("Quá hạn từ 30/11/2024"): the task's due date
    when it is a deadline that fell in a year before ``year``; else None."""
    if task.timeframe_kind == DEADLINE and task.due_date is not None and task.due_date.year < year:
        return task.due_date
    return None


def is_carried_over(task, year):
    """A deadline task whose due date fell in a year before ``year`` (of a plan still running in ``year``): it
    stays on the reports of the leads that have not completed it (``carries_over``)."""
    return overdue_since(task, year) is not None and task.plan.runs_in(year)


def carried_over_q(year, prefix=""):
    """SQL form of ``overdue_since(task, year) is not None``: a deadline task due in a year before ``year``.
    ``prefix`` reaches the task from another model (``"task__"``)."""
    return Q(**{f"{prefix}timeframe_kind": DEADLINE, f"{prefix}due_date__year__lt": year})


def carries_over(task, lead, year, completed_ids, stands_for=None):
    """Whether the carried-over ``task`` goes on ``lead``'s report for ``year``: the lead exists on the year's due
    date and is not among ``completed_ids``, the agencies that completed it by ``year - 1`` (``completed_by``).
    ``stands_for``: the lead named on the task whose work ``lead`` took over (``agencies.succession``) when that
    one has ceased: its unfinished work passes on, its completed work does not. A lead owes only what it (or the
    body it stands for) was named for on the task's due date: a body created later, even in a lead group, does not."""
    if not is_carried_over(task, year) or not lead.is_active_on(task.plan.report_due_date(year)):
        return False
    owed_by = stands_for or lead
    if not owed_by.is_active_on(task.due_date):
        return False  # a body created after the task fell due never owed it (a successor owes its predecessors' part)
    if owed_by.pk in completed_ids:
        return False
    return lead.pk not in completed_ids


def is_overdue_for(task, agency_id, on, completed_ids):
    """Python twin of ``overdue_for``: a deadline task due before ``on`` that the agency has not completed
    (``completed_ids``: who completed it by the year viewed)."""
    return (task.timeframe_kind == DEADLINE and task.due_date is not None and task.due_date < on
            and agency_id not in completed_ids)


def deadline_state_for(task, agency_id, on, completed_ids):
    """The state a lead's own page shows for a deadline task: completed once that lead has completed it (even if
    other leads still owe it), else overdue or due by the date; None for other timeframes."""
    if task.timeframe_kind != DEADLINE or task.due_date is None:
        return None
    if agency_id in completed_ids:
        return DeadlineState("completed")
    if is_overdue_for(task, agency_id, on, completed_ids):
        return DeadlineState("overdue", (on - task.due_date).days)
    return DeadlineState("due", (task.due_date - on).days)


def is_done_for_year(lead, everyone):
    """The roll-up's "done" for a task and year, from the spreads of its lead lines and of all its lines
    (objects with ``total`` lines and ``done`` lines: completed or done for the year, in submitted reports)."""
    basis = lead if lead.total else everyone
    return basis.total > 0 and basis.done == basis.total


@dataclass
class DeadlineState:
    """A deadline task's state on a day: completed, overdue since ``days``, or due in ``days`` (0: today)."""

    state: str
    days: int = 0

    @property
    def is_overdue(self):
        return self.state == "overdue"


def deadline_state(task, on):
    """The state a page shows for a task annotated by ``annotate_completion``; None for other timeframes."""
    if task.timeframe_kind != DEADLINE or task.due_date is None:
        return None
    if task.is_completed:
        return DeadlineState("completed")
    if is_overdue(task, on):
        return DeadlineState("overdue", (on - task.due_date).days)
    return DeadlineState("due", (task.due_date - on).days)


def with_deadline_states(tasks, on):
    for task in tasks:
        task.deadline = deadline_state(task, on)
    return tasks


def lead_agencies(task, stand_ins=None):
    """The task's lead agencies (named, and members of lead groups) from its prefetched assignments, and the bodies
    standing in for them (``stand_ins``: ``stand_ins_by``'s answer), each once."""
    seen = {}
    for a in task.assignments.all():
        if a.role != LEAD:
            continue
        for agency in ([a.agency] if a.agency_id else a.group.members.all() if a.group_id else []):
            seen.setdefault(agency.pk, agency)
    for agency in (stand_ins or {}).get(task.pk, ()):
        seen.setdefault(agency.pk, agency)
    return list(seen.values())


def stand_ins_by(tasks, year):
    """{task_id: [Agency]} of the bodies holding a lead line on each task in a report of ``year`` or before (the
    stand-ins of the module docstring). Two queries."""
    lines = TaskReport.objects.filter(task__in=[t.pk for t in tasks], role=LEAD).filter(_stands_for_a_lead())
    if year is not None:
        lines = lines.filter(report__year__lte=year)
    pairs = set(lines.values_list("task_id", "report__agency_id").distinct())
    agencies = Agency.objects.in_bulk({agency_id for _task, agency_id in pairs})
    result = {}
    for task_id, agency_id in sorted(pairs):
        result.setdefault(task_id, []).append(agencies[agency_id])
    return result


def completed_by(tasks, year):
    """{task_id: {agency_id}} of the agencies with a "completed" line on each task in a submitted report of
    ``year`` or before. One query."""
    result = {}
    lines = TaskReport.objects.filter(task__in=[t.pk for t in tasks], status=TaskReport.Status.COMPLETED,
                                      report__status__in=CONTENT_STATUSES)
    if year is not None:
        lines = lines.filter(report__year__lte=year)
    for task_id, agency_id in lines.values_list("task_id", "report__agency_id").distinct():
        result.setdefault(task_id, set()).add(agency_id)
    return result


def with_lead_progress(tasks, year):
    """Set ``lead_count`` (the leads that answer for each task in ``year``) and ``lead_completed`` (those that
    completed it) on tasks whose assignments, agencies and group members are prefetched. Three queries (four when
    the tasks' plans are not loaded)."""
    done = completed_by(tasks, year)
    stand_ins = stand_ins_by(tasks, year)
    prefetch_related_objects(tasks, "plan")
    for task in tasks:
        ids = done.get(task.pk, set())
        on = due_on(task, year)
        answering = [a for a in lead_agencies(task, stand_ins) if answers(a, ids, on)]
        task.lead_count = len(answering)
        task.lead_completed = sum(1 for a in answering if a.pk in ids)
    return tasks
