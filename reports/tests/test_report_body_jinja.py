"""Issue #18: the report's body (reports.views._report_body) renders with Jinja2
(templates_jinja2/reports/_report_body.html) and gives the SAME HTML, byte for byte, as the Django template it
replaced (kept as the reference in reports/tests/reference/: nothing in the site renders it) — for every state of a
report, every kind of reader, in Vietnamese and in English, with what people typed escaped the same way.

Each case builds the body's context once (``_report_body_context``) and renders it with both; nothing is normalised.
"""

import datetime
from pathlib import Path

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template import Context, engines
from django.template.engine import Engine
from django.utils import timezone, translation
from jinja2 import ChoiceLoader, FileSystemLoader

from agencies.models import Membership
from reports import services, views
from reports.forms import ReportForm
from reports.models import AgencyReport, Indicator, IndicatorValue, TaskReport
from tasks.models import Task
from testing.factories import make_section, make_task, make_user, open_year, small_plan, today

from .test_report_pages import PDF

ODD = "<b>&\"'"  # what people type, in every place the body shows it
ODD_DJANGO = "&lt;b&gt;&amp;&quot;&#x27;"  # as Django escapes it

REFERENCE_DIR = Path(__file__).parent / "reference"


def reference_engine():
    """Django's engine, with the replaced templates found first (reports/tests/reference/)."""
    real = engines["django"].engine
    return Engine(dirs=[REFERENCE_DIR, *real.dirs], app_dirs=True, libraries=real.libraries, autoescape=True)


REFERENCE = None


def django_body(context):
    global REFERENCE
    if REFERENCE is None:
        REFERENCE = reference_engine()
    return REFERENCE.get_template("reports/includes/_report_body.html").render(Context(context, autoescape=True))


def fresh(report):
    return AgencyReport.objects.select_related("plan", "agency", "updated_by").get(pk=report.pk)


JINJA_REFERENCE = None


def macro_body(context):
    """The body by Jinja2 with the report form's fields written by the macro ``field_block`` as before session 12
    (reports/tests/reference/jinja2/reports/_report_form.html) instead of ``reports.form_html.field_block``."""
    global JINJA_REFERENCE
    if JINJA_REFERENCE is None:
        real = engines["jinja2"].env
        JINJA_REFERENCE = real.overlay(loader=ChoiceLoader([FileSystemLoader(REFERENCE_DIR / "jinja2"), real.loader]),
                                       cache_size=50)
    return views.render_body(context, environment=JINJA_REFERENCE)


def render_both(report, reader, *, form=None, day=None, lang="vi"):
    """The body by Django's template, by Jinja2, and by Jinja2 with the fields' macro, from one context: asserted
    equal; the HTML."""
    with translation.override(lang):
        context = views._report_body_context(report, reader, day or today(), form)
        expected = django_body(context)
        got = views.render_body(context)
        by_macro = macro_body(context)
    assert got == expected
    assert got == by_macro
    return got


def reader_of(user, report):
    return views._reader(user, report)


@pytest.fixture
def world(db, django_user_model, tmp_media):
    plan, who = small_plan()
    dept = who["dept"]
    dept.name = f"Sở {ODD}"
    dept.save()
    # A second section: a title with HTML characters, a number with them, a carried-over deadline (overdue since),
    # and a lead's task with a target whose unit has them too.
    section = make_section(plan, title=f"Nhóm {ODD} có tên dài " + "rất " * 20)
    make_task(section, lead=dept, number="2.1", title=f"Việc {ODD} " + "dài " * 50)
    make_task(section, lead=dept, number=f"2.{ODD}", title="Việc có số lạ", target_quantity=1500,
              target_unit=f"tin {ODD}")
    make_task(section, lead=dept, number="2.3", title="Việc có hạn", timeframe_kind=Task.Timeframe.DEADLINE,
              due_date=datetime.date(2023, 6, 30), timeframe_text="")
    Indicator.objects.create(plan=plan, code="khong-so", name=f"Chỉ tiêu {ODD}", unit=f"đơn vị {ODD}", order=2,
                             help_text=f"Cách tính {ODD}")
    officer = make_user(django_user_model, "officer", dept)
    colleague = make_user(django_user_model, "colleague", dept)
    other = make_user(django_user_model, "other", who["districts"][0])
    coordinator = make_user(django_user_model, "coord", who["districts"][1], role=Membership.Role.COORDINATOR)
    admin = make_user(django_user_model, "admin", who["districts"][1], role=Membership.Role.COORDINATOR,
                      is_superuser=True)
    # Last year's report, submitted: its texts are what "Chép từ năm trước" offers.
    open_year(plan, 2023)
    last = AgencyReport.objects.get(plan=plan, year=2023, agency=dept)
    TaskReport.objects.filter(report=last).update(achievements=f"Năm trước {ODD}\ndòng hai", status="done_for_year")
    AgencyReport.objects.filter(pk=last.pk).update(status=AgencyReport.Status.ACCEPTED, submitted_at=timezone.now(),
                                                   first_submitted_at=timezone.now())
    open_year(plan, 2024)
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=dept)
    return {"plan": plan, "report": report, "officer": officer, "colleague": colleague, "other": other,
            "coordinator": coordinator, "admin": admin}


def lines_of(report):
    return list(report.lines.select_related("task").order_by("task__order", "task__number"))


def fill(world, *, files=True, every_indicator=False):
    """Every line filled (a quantity where there is a target), one indicator of two given, a file on the first
    line, texts with HTML characters: ready to submit."""
    report = fresh(world["report"])
    lines = lines_of(report)
    data = {line.pk: {"status": "done_for_year", "achievements": f"Đã làm {ODD} {line.task.number}\n\nđoạn hai",
                      "quantity_achieved": 1234567 if line.task.target_quantity else None} for line in lines}
    data[lines[1].pk] = {"status": "nothing_to_report", "no_report_reason": f"Lý do {ODD}", "achievements": "x"}
    first, second = Indicator.objects.filter(plan=world["plan"]).order_by("order")
    values = {first.pk: 1234.5, **({second.pk: 7} if every_indicator else {})}
    uploads = [(lines[0], SimpleUploadedFile(f"minh chứng {ODD}.pdf", PDF, content_type="application/pdf"),
                "application/pdf")] if files else ()
    return services.save_report(report, world["officer"], expected_version=report.version, lines=data,
                                indicators=values,
                                general={"overall_assessment": f"Tốt {ODD}\ndòng hai", "difficulties": "",
                                         "proposals": "Đề xuất"}, uploads=uploads)


def submitted(world, *, drop_a_value=True):
    """Submitted; then one indicator's value taken away (as an indicator added to the plan later)."""
    report = services.submit_report(fresh(fill(world, every_indicator=True)), world["officer"])
    if drop_a_value:
        IndicatorValue.objects.filter(report=report, indicator__code="khong-so").delete()
    return report


def returned(world):
    report = submitted(world, drop_a_value=False)
    lines = lines_of(report)
    return services.review_report(fresh(report), world["coordinator"], accept=False, comment=f"Sửa {ODD}\nhai dòng",
                                  line_comments={lines[0].pk: f"Thiếu {ODD}", lines[3].pk: "Ghi rõ số"})


LANGS = ["vi", "en"]


@pytest.mark.parametrize("lang", LANGS)
def test_an_untouched_draft_for_its_officer_with_last_years_texts(world, lang):
    report = fresh(world["report"])
    html = render_both(report, reader_of(world["officer"], report), lang=lang)
    assert 'id="report-form"' in html and 'data-copy-target="' in html
    assert f"Năm trước {ODD_DJANGO}" in html and "<b>" not in html
    assert ('class="badge empty"' in html) and ("0/5" in html)
    # The fields' blocks (reports.form_html): help text escaped, a select marked, the star of a part needed.
    assert f'<small class="meta">Cách tính {ODD_DJANGO}</small>' in html
    assert 'class="field field-select"' in html and '<span class="req" title="' in html
    assert ("Quá hạn từ 30/06/2023" if lang == "vi" else "Overdue since 30/06/2023") in html
    if lang == "en":
        assert "Save draft" in html and "Lưu nháp" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_saved_draft_with_files_and_indicators_for_its_officer_and_hidden_from_others(world, lang):
    report = fresh(fill(world))
    html = render_both(report, reader_of(world["officer"], report), lang=lang)
    assert "minh chứng" in html and 'name="delete_evidence"' in html
    assert ODD_DJANGO in html and "<b>" not in html
    # Another agency's officer and a coordinator: a draft's content is its agency's alone.
    for user in (world["other"], world["coordinator"]):
        html = render_both(report, reader_of(user, report), lang=lang)
        assert 'id="report-form"' not in html and "Đã làm" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_draft_shown_again_with_its_errors(world, lang):
    report = fresh(world["report"])
    lines = lines_of(report)
    indicators = list(Indicator.objects.filter(plan=world["plan"]))
    data = {"version": report.version, "overall_assessment": "", "difficulties": "", "proposals": "",
            f"line-{lines[0].pk}-status": "no-such-status", f"line-{lines[3].pk}-quantity_achieved": "abc",
            f"indicator-{indicators[0].pk}": "không phải số"}
    form = ReportForm(data, {}, report=report, lines=lines, indicators=indicators, values={})
    assert not form.is_valid()
    html = render_both(report, reader_of(world["officer"], report), form=form, lang=lang)
    assert 'id="error-summary"' in html and "has-error" in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_submitted_report_for_a_coordinator_with_the_review_form_and_for_others_read_only(world, lang):
    report = fresh(submitted(world))
    html = render_both(report, reader_of(world["coordinator"], report), lang=lang)
    assert 'id="review-form"' in html and 'name="line-comment-' in html and 'type="radio"' in html
    assert "1.234.567" in html and "1.234,5" in html and "minh chứng" in html
    assert f"Chỉ tiêu {ODD_DJANGO}</th><td>—</td>" in html  # an indicator without a value
    assert ODD_DJANGO in html and "<b>" not in html
    for user in (world["other"], world["officer"]):  # read-only: another agency's officer, its own once sent
        html = render_both(report, reader_of(user, report), lang=lang)
        assert 'id="review-form"' not in html and 'id="report-form"' not in html and "minh chứng" in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_returned_report_with_line_comments_for_its_officer_and_a_coordinator(world, lang):
    report = fresh(returned(world))
    html = render_both(report, reader_of(world["officer"], report), lang=lang)
    assert 'id="review-comments"' in html and f"Thiếu {ODD_DJANGO}" in html and 'id="report-form"' in html
    assert f"Sửa {ODD_DJANGO}<br>hai dòng" in html
    html = render_both(report, reader_of(world["coordinator"], report), lang=lang)
    assert 'id="review-comments"' in html and 'id="review-form"' not in html and f"Thiếu {ODD_DJANGO}" in html


@pytest.mark.parametrize("lang", LANGS)
def test_a_resubmitted_report_with_its_changes_and_without(world, lang):
    report = fresh(returned(world))
    lines = lines_of(report)
    report = services.save_report(report, world["officer"], expected_version=report.version,
                                  lines={lines[0].pk: {"status": "done_for_year", "achievements": f"Đã sửa {ODD}"}},
                                  general={"proposals": f"Mới {ODD}"})
    report = fresh(services.submit_report(fresh(report), world["officer"]))
    html = render_both(report, reader_of(world["coordinator"], report), lang=lang)
    assert 'id="changes"' in html and "<del>" in html and 'id="review-form"' in html
    # Returned again, resubmitted without a change.
    report = services.review_report(report, world["coordinator"], accept=False, comment="Lần nữa")
    report = fresh(services.submit_report(fresh(report), world["officer"]))
    html = render_both(report, reader_of(world["coordinator"], report), lang=lang)
    assert 'id="changes"' in html and "<del>" not in html


@pytest.mark.parametrize("lang", LANGS)
def test_an_accepted_report_with_the_reopen_form_for_an_admin_only_and_reopened(world, lang):
    report = fresh(submitted(world))
    report = fresh(services.review_report(report, world["coordinator"], accept=True, comment=f"Được {ODD}"))
    html = render_both(report, reader_of(world["admin"], report), lang=lang)
    assert "reopen" in html and 'name="comment"' in html
    html = render_both(report, reader_of(world["coordinator"], report), lang=lang)
    assert "reopen" not in html
    report = fresh(services.reopen_report(report, world["admin"], comment="Mở lại để sửa"))
    html = render_both(report, reader_of(world["officer"], report), lang=lang)
    assert 'id="report-form"' in html


@pytest.mark.parametrize("lang", LANGS)
def test_days_left_and_days_late(world, lang):
    report = fresh(world["report"])
    due = report.due_date
    for day in (due - datetime.timedelta(days=1), due - datetime.timedelta(days=12), due,
                due + datetime.timedelta(days=1), due + datetime.timedelta(days=40)):
        render_both(report, reader_of(world["officer"], report), day=day, lang=lang)
        render_both(report, reader_of(world["other"], report), day=day, lang=lang)


def test_every_reader_kind_at_once(world):
    """Every combination of what a reader may do, on a report with comments and changes."""
    report = fresh(returned(world))
    report = fresh(services.submit_report(fresh(report), world["officer"]))
    for can_edit in (False, True):
        for content in (False, True):
            for can_review in (False, True):
                for can_reopen in (False, True):
                    reader = views.Reader(can_edit=can_edit and content, content=content, can_review=can_review,
                                          can_reopen=can_reopen)
                    render_both(report, reader)
