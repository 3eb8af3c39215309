"""Every main page of the demo (make setup-db's data), for each role: nothing scrolls sideways at 360 px, and
axe-core (vendored: browser_tests/vendor/) finds no serious or critical accessibility violation, on the app's
pages and the admin's task change form. One test loads the demo once and walks every role's pages, then lists
every failure together."""

import io
import re
from pathlib import Path

import pytest
from django.core.management import call_command

from .conftest import DESKTOP, PHONE, expect

AXE = Path(__file__).resolve().parent / "vendor" / "axe-core" / "axe.min.js"
PASSWORDS = {"admin": "admin-demo-2023", "dieuphoi": "dieuphoi-demo-2023", "so.tuphap": "tuphap-demo-2023",
             "huyen.vietyen": "vietyen-demo-2023", "lanhdao": "lanhdao-demo-2023"}


def load_demo():
    call_command("loaddata", "fixtures/seed_151_kh_ubnd_2023.json", "fixtures/indicators_151_kh_ubnd_2023.json",
                 verbosity=0)
    call_command("load_reorganisation_2025", stdout=io.StringIO())
    call_command("load_demo", allow_production=True, stdout=io.StringIO())
    call_command("load_demo_reports", allow_production=True, verbosity=0)


def demo_pages():
    """{username: [paths]}: each role's main pages on the demo."""
    from agencies.models import Agency, AgencyGroup
    from reports.models import AgencyReport, ReportingYear
    from tasks.models import Plan, Task

    plan = Plan.objects.get()
    year = ReportingYear.objects.filter(plan=plan).order_by("-year").values_list("year", flat=True)[1]
    submitted = AgencyReport.objects.filter(plan=plan, status="submitted").order_by("pk").first()
    task = Task.objects.filter(plan=plan, due_date__isnull=False).order_by("due_date").first()
    agency = Agency.objects.get(code="so-tu-phap")
    group = AgencyGroup.objects.order_by("pk").first()
    own = AgencyReport.objects.filter(agency=agency).order_by("-year").first()
    common = ["/", "/tasks/", f"/tasks/{task.pk}/", "/agencies/", f"/agencies/{agency.code}/",
              f"/agencies/groups/{group.code}/", "/plans/", "/reports/", "/notifications/preferences/",
              "/accounts/password_change/"]
    year_pages = [f"/reports/{plan.pk}/{year}/", f"/reports/{plan.pk}/{year}/tasks/",
                  f"/reports/{plan.pk}/{year}/tasks/{task.pk}/", f"/reports/{plan.pk}/{year}/indicators/",
                  f"/reports/{plan.pk}/{year}/feedback/", f"/reports/{plan.pk}/years/",
                  submitted.get_absolute_url(), f"{submitted.get_absolute_url()}history/"]
    return {
        None: ["/accounts/login/", "/accounts/password_reset/"],
        "dieuphoi": [*common, "/queue/", *year_pages, f"/reports/plan/{plan.pk}/{year}/submissions/"],
        "lanhdao": [*common, *year_pages],
        "so.tuphap": [*common, own.get_absolute_url()],
        "admin": ["/admin/", f"/admin/tasks/task/{task.pk}/change/", "/admin/agencies/agency/add/",
                  "/admin/tasks/task/"],
    }


def log_in(page, username):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORDS[username])
    page.locator("main button[type=submit]").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))


def axe_violations(page):
    """Serious and critical axe-core violations on the page: [(rule id, impact, first target, help)]."""
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        # Evaluated by the browser's devtools channel, outside the page's Content-Security-Policy.
        page.evaluate(AXE.read_text(encoding="utf-8"))
    result = page.evaluate("""async () => {
        const r = await axe.run(document, {resultTypes: ['violations']});
        return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
            .map(v => [v.id, v.impact, v.nodes.length, v.nodes[0].target.join(' '), v.help]);
    }""")
    return result


@pytest.mark.django_db(transaction=True)
def test_every_demo_page_fits_a_phone_and_passes_axe(new_page, shot):
    load_demo()
    pages = demo_pages()
    problems = []
    for username, paths in pages.items():
        for viewport in (PHONE, DESKTOP):
            page = new_page(viewport=viewport)
            if username:
                log_in(page, username)
            for path in paths:
                response = page.goto(path)
                if response.status != 200:
                    problems.append(f"{username} {path}: HTTP {response.status}")
                    continue
                if viewport is PHONE:
                    width = page.evaluate("[document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth]")
                    if width[0] > width[1]:
                        problems.append(f"{username} {path} at 360 px: scrolls sideways ({width[0]} > {width[1]})")
                for violation in axe_violations(page):
                    problems.append(f"{username} {path} at {viewport['width']} px: axe {violation}")
    # The admin's task change form fits 1366 px, its assignments table included (no sideways scrolling at all).
    page = new_page(viewport={"width": 1366, "height": 900})
    log_in(page, "admin")
    page.goto(pages["admin"][1])
    widths = page.evaluate("""() => [document.scrollingElement.scrollWidth, document.scrollingElement.clientWidth,
        ...[...document.querySelectorAll('.inline-group')].map(g => g.scrollWidth - g.clientWidth)]""")
    if widths[0] > widths[1] or any(extra > 0 for extra in widths[2:]):
        problems.append(f"admin task change form at 1366 px scrolls sideways: {widths}")
    if problems:
        (Path(__file__).resolve().parent.parent / "screenshots").mkdir(exist_ok=True)
        (Path(__file__).resolve().parent.parent / "screenshots" / "page-problems.txt").write_text("\n".join(problems))
    assert problems == [], "\n".join(problems)
