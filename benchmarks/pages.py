"""The pages the benchmark measures: one row per page, as (label, URL builder, persona).

Each row names the URL it needs (``url_name``), builds its address from the scale's *targets* (the
same kind of object at every scale: plan 1 of province 1, its latest reporting year, its busiest task,
the department that receives its reports, that department's own report), and is requested as one
persona: ``officer`` (an officer of that department), ``coordinator``, ``admin`` (Django staff).
"""

from dataclasses import dataclass
from typing import Callable
from urllib.parse import urlencode

from django.contrib.auth import get_user_model
from django.db.models import Count, Q
from django.urls import reverse

from agencies.models import Agency
from plan_tracker.text import fold
from reports.models import AgencyReport, ReportingYear
from tasks.models import Plan

from .scale import agency_code, group_code, plan_code


@dataclass(frozen=True)
class Page:
    label: str
    url_name: str
    build: Callable  # targets -> URL
    persona: str
    export: bool = False  # a file download: its own target (≤ 10 s), no floor ratio
    # × the floor at the large scale: 5 for every page; 3 for the officer's home, the task list and the year pages
    # (issue #18, item 1).
    floor_target: float = 5.0


@dataclass
class Targets:
    scale: str
    plan: Plan
    year: int
    task: object
    agency: Agency
    report: AgencyReport
    users: dict  # persona -> user

    @property
    def group_code(self):
        return group_code(self.scale, 1, "communes")

    @property
    def search_words(self):
        """Two words of the target task's title, typed without accents ("to chuc"): never an empty result."""
        return " ".join(fold(self.task.title).split()[:2])

    def url(self, name, *args, query=None):
        return reverse(name, args=args) + (f"?{urlencode(query)}" if query else "")


FLOOR = Page("floor (trivial signed-in page, 1 query)", "benchmark-floor", lambda t: t.url("benchmark-floor"), "officer")

PAGES = [
    Page("home · officer", "portal:home", lambda t: t.url("portal:home"), "officer", floor_target=3.0),
    Page("home · coordinator", "portal:home", lambda t: t.url("portal:home"), "coordinator"),
    Page("plan page", "portal:plan-detail", lambda t: t.url("portal:plan-detail", t.plan.pk), "officer"),
    Page("task list", "portal:task-list", lambda t: t.url("portal:task-list"), "officer", floor_target=3.0),
    Page("task list · agency + role filter", "portal:task-list",
         lambda t: t.url("portal:task-list", query={"agency": t.agency.code, "role": "lead", "sort": "deadline"}),
         "officer", floor_target=3.0),
    Page("task list · text search", "portal:task-list",
         lambda t: t.url("portal:task-list", query={"q": t.search_words, "plan": t.plan.pk}), "officer", floor_target=3.0),
    Page("task detail", "portal:task-detail", lambda t: t.url("portal:task-detail", t.task.pk), "officer"),
    Page("agency suggestions (typing “so tu”)", "portal:suggest",
         lambda t: t.url("portal:suggest", query={"q": "so tu"}), "officer"),
    Page("agency list", "portal:agency-list", lambda t: t.url("portal:agency-list"), "officer"),
    Page("agency detail", "portal:agency-detail", lambda t: t.url("portal:agency-detail", t.agency.code),
         "officer"),
    Page("group detail (communes)", "portal:group-detail",
         lambda t: t.url("portal:group-detail", t.group_code), "officer"),
    Page("my reports", "reports:my-reports", lambda t: t.url("reports:my-reports"), "officer"),
    Page("report form (officer)", "reports:report-detail", lambda t: t.url("reports:report-detail", t.report.pk),
         "officer"),
    Page("year submissions", "reports:year-submissions",
         lambda t: t.url("reports:year-submissions", t.plan.pk, t.year), "coordinator", floor_target=3.0),
    Page("year overview", "reports:year-overview", lambda t: t.url("reports:year-overview", t.plan.pk, t.year),
         "coordinator", floor_target=3.0),
    Page("per-task roll-up", "reports:year-tasks", lambda t: t.url("reports:year-tasks", t.plan.pk, t.year),
         "coordinator", floor_target=3.0),
    Page("one task's roll-up", "reports:year-task",
         lambda t: t.url("reports:year-task", t.plan.pk, t.year, t.task.pk), "coordinator", floor_target=3.0),
    Page("indicator totals", "reports:year-indicators",
         lambda t: t.url("reports:year-indicators", t.plan.pk, t.year), "coordinator", floor_target=3.0),
    Page("difficulties and proposals", "reports:year-feedback",
         lambda t: t.url("reports:year-feedback", t.plan.pk, t.year), "coordinator", floor_target=3.0),
    Page("plan's years", "reports:plan-years", lambda t: t.url("reports:plan-years", t.plan.pk), "coordinator", floor_target=3.0),
    Page("XLSX export", "reports:year-export-xlsx",
         lambda t: t.url("reports:year-export-xlsx", t.plan.pk, t.year), "coordinator", export=True),
    Page("DOCX export", "reports:year-export-docx",
         lambda t: t.url("reports:year-export-docx", t.plan.pk, t.year), "coordinator", export=True),
    Page("admin · tasks", "admin:tasks_task_changelist", lambda t: t.url("admin:tasks_task_changelist"), "admin"),
    Page("admin · agencies", "admin:agencies_agency_changelist",
         lambda t: t.url("admin:agencies_agency_changelist"), "admin"),
]


def targets(scale_name):
    """The objects the pages are asked about at ``scale_name`` (built by generate_scale_data)."""
    User = get_user_model()
    plan = Plan.objects.get(code=plan_code(scale_name, 1, 1))
    year = ReportingYear.objects.filter(plan=plan).order_by("-year").values_list("year", flat=True).first()
    # The task with the most report lines that year: the heaviest roll-up and task page.
    task = plan.tasks.annotate(n=Count("task_reports", filter=Q(task_reports__report__year=year))).order_by(
        "-n", "order").first()
    agency = Agency.objects.get(code=agency_code(scale_name, 1, "so", 1))
    report = AgencyReport.objects.get(plan=plan, year=year, agency=agency)
    users = {
        "officer": User.objects.get(username=f"{scale_name}-officer"),
        "coordinator": User.objects.filter(username__startswith=f"{scale_name}-coordinator").order_by("username")[0],
        "admin": User.objects.get(username=f"{scale_name}-admin"),
    }
    return Targets(scale_name, plan, year, task, agency, report, users)
