"""Issue #18: the officer's home body (portal.views.officer_home_html) renders with Jinja2
(templates_jinja2/portal/home_officer.html) and gives the SAME HTML, byte for byte, as the Django template it replaced
(kept as the reference in portal/tests/reference/: nothing in the site renders it) — for every state of this year's
report (not opened, not started, drafting, submitted on time and late, returned with a comment, accepted, invited),
days left, the due day and days late, an agency no longer active, one without tasks, several agencies at once, in
Vietnamese and in English, with what people typed escaped the same way. Nothing is normalised."""

import datetime
from pathlib import Path

import pytest
from django.template import Context, engines
from django.template.engine import Engine
from django.utils import timezone, translation

from agencies.models import Agency
from portal import views
from reports.models import AgencyReport
from reports.services import open_reporting_year, review_report, submit_report
from testing.factories import (
    deadline, fill_report, make_agency, make_group, make_plan, make_section, make_task, make_user, today,
)

ODD = "<b>&\"'"  # what people type, in every place the body shows it
ODD_DJANGO = "&lt;b&gt;&amp;&quot;&#x27;"  # as Django escapes it

REFERENCE_DIR = Path(__file__).parent / "reference"
_REFERENCE = []


def django_body(officer, year):
    """The body by the Django template it replaced (portal/tests/reference/ found first)."""
    if not _REFERENCE:
        real = engines["django"].engine
        _REFERENCE.append(Engine(dirs=[REFERENCE_DIR, *real.dirs], app_dirs=True, libraries=real.libraries,
                                 autoescape=True))
    return _REFERENCE[0].get_template("portal/cached/home_officer.html").render(
        Context({"officer": officer, "year": year}, autoescape=True))


def render_both(agency_ids, lang):
    with translation.override(lang):
        officer = views._officer_home(set(agency_ids), today())
        expected = django_body(officer, today().year)
        got = views.officer_home_html(officer, today().year)
    assert got == expected, (agency_ids, lang)
    return got


def _plan(number, due, **extra):
    year = today().year
    return make_plan(number=number, start_year=year - 1, end_year=year + 1, report_due_month=due.month,
                     report_due_day=due.day, **extra)


@pytest.fixture
def world(db, django_user_model):
    """Agencies in every state of this year's reports, on three plans due before today, today and after it (on 29
    February, or a day that is another year's: the plans' due day is this year's)."""
    year = today().year
    past = max(datetime.date(year, 1, 1), today() - datetime.timedelta(days=40))
    future = min(datetime.date(year, 12, 31), today() + datetime.timedelta(days=25))
    late_plan = _plan(f"1/{ODD}", past)
    due_plan = _plan("2/KH-UBND", today())
    open_plan = _plan("3/KH-UBND", future)
    unopened = _plan("4/KH-UBND", future)
    dept = make_agency(code="so-thu", name=f"Sở {ODD} Thử")
    other = make_agency(code="so-khac", name="Sở Khác")
    districts = [make_agency(code=f"huyen-{i}", name=f"UBND huyện {i}", kind="district") for i in range(3)]
    gone = make_agency(code="huyen-cu", name="UBND huyện cũ", kind="district",
                       valid_to=today() - datetime.timedelta(days=10))
    group = make_group([*districts, gone], code="cac-huyen", name=f"Các huyện {ODD}")
    make_agency(code="khong-viec", name="Cơ quan không có việc")
    for plan in (late_plan, due_plan, open_plan, unopened):
        section = make_section(plan, code=f"S{plan.pk}", title=f"Mục {ODD}")
        make_task(section, lead=dept, coordinators=[group, other], number="1.1", order=1, title=f"Việc {ODD} " * 30)
        make_task(section, lead=group, coordinators=[dept], number="1.2", order=2, title="Việc của huyện",
                  **deadline(-5))
        make_task(section, lead=other, number="1.3", order=3, title="Việc sắp đến hạn", **deadline(7))
        make_task(section, lead=districts[0], number="1.4", order=4, title="Việc đã quá hạn lâu", **deadline(-400))
    for plan in (late_plan, due_plan, open_plan):
        open_reporting_year(plan, year, None)
    open_reporting_year(open_plan, year - 1, None)
    officer = make_user(django_user_model, "officer", dept)
    coordinator = make_user(django_user_model, "coord", other)

    def report(plan, agency):
        return AgencyReport.objects.get(plan=plan, agency=agency, year=year)

    # The department: submitted late on one plan, returned with a comment on another, accepted on the third.
    submit_report(fill_report(report(late_plan, dept), officer), officer)
    submitted = report(due_plan, dept)
    submit_report(fill_report(submitted, officer), officer)
    review_report(report(due_plan, dept), coordinator, accept=False, comment=f"Bổ sung {ODD}\nsố liệu.")
    submit_report(fill_report(report(open_plan, dept), officer), officer)
    review_report(report(open_plan, dept), coordinator, accept=True)
    # A district drafting, another invited, one untouched.
    fill_report(report(open_plan, districts[0]), officer)
    AgencyReport.objects.filter(agency=districts[1]).update(invited=True)
    return {"dept": dept, "other": other, "districts": districts, "gone": gone}


@pytest.mark.parametrize("lang", ["vi", "en"])
def test_every_agency_alone_and_together_gets_the_same_html(world, lang):
    every = sorted(Agency.objects.values_list("pk", flat=True))
    seen = []
    for agency_ids in [[pk] for pk in every] + [every]:
        seen.append(render_both(agency_ids, lang))
    html = "".join(seen)
    # What the cases were meant to show, shown.
    assert ODD_DJANGO in html and ODD not in html
    assert "task-card" in html and 'class="notice returned"' in html and "<br>" in html
    assert 'class="badge status-accepted"' in html and 'class="badge status-draft"' in html
    assert 'class="badge late"' in html and 'class="badge deadline"' in html
    if lang == "vi":
        assert "hạn cuối là hôm nay" in html and ">được mời<" in html and "Cơ quan không còn hoạt động" in html
        assert "Đơn vị không có nhiệm vụ nào trong năm nay." in html and "Kỳ báo cáo năm nay chưa được mở" in html


def test_a_day_far_from_the_due_date_and_no_report_yet(world, monkeypatch):
    """Hundreds of days late (grouped numbers), and an agency whose year is not opened on any plan."""
    later = today() + datetime.timedelta(days=1200)
    monkeypatch.setattr(timezone, "localdate", lambda *a, **k: later)
    every = sorted(Agency.objects.values_list("pk", flat=True))
    for lang in ("vi", "en"):
        render_both(every, lang)
