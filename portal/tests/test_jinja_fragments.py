"""The page fragments Jinja2 renders inside Django's pages (plan_tracker/jinja2.py, ``{% jinja %}``): the same
words in both languages, the same escaping, local times, addresses and choice labels as Django's templates."""

import ast
import datetime
from pathlib import Path

import polib
import pytest
from django.conf import settings as django_settings
from django.urls import reverse
from django.utils import timezone
from jinja2.ext import babel_extract

from agencies.models import Agency, Membership
from portal.templatetags.jinja import PageUrls
from reports.models import AgencyReport, TaskReport
from reports.services import submit_report
from tasks.models import Section, Task
from testing.factories import (fill_report, make_agency, make_task, make_user, open_year, small_plan,
                               submitted_report, today)

URL = reverse("portal:task-list")


def cards(html):
    return html.split('<article class="task-card">')[1:]


def test_task_cards_speak_vietnamese_and_english(client, viewer, world, settings):
    html = client.get(URL).content.decode()
    assert "<dt>Chủ trì</dt>" in html and "<dt>Phối hợp</dt>" in html and "còn 30 ngày" in html
    assert "Kế hoạch 10/KH-UBND · mục II.1" in html
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    html = client.get(URL).content.decode()
    assert "<dt>Lead</dt>" in html and "<dt>Coordinating</dt>" in html and "due in 30 days" in html
    assert "Chủ trì" not in html and "còn 30 ngày" not in html


def test_task_cards_escape_what_people_typed(client, viewer, world):
    odd = make_agency(code="so-thu", name='Sở <b>Thử</b> & "Nghiệm"')
    make_task(world.t1.section, lead=odd, number="9.9", order=99, title="Việc <script>alert(1)</script>")
    html = client.get(URL).content.decode()
    assert "Sở &lt;b&gt;Thử&lt;/b&gt; &amp; &quot;Nghiệm&quot;" in html
    assert "Việc &lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>Thử</b>" not in html and "<script>alert" not in html


def test_each_card_links_its_own_task_and_says_its_own_timeframe(client, viewer, world):
    Task.objects.update(timeframe_text="")  # each card says its kind of timeframe
    html = client.get(URL).content.decode()
    shown = cards(html)
    tasks = [world.t1, world.t2, world.t3, world.t4, world.t5, world.t6]
    assert len(shown) == len(tasks)
    labels = set()
    for task, card in zip(tasks, shown):
        assert f'href="{reverse("portal:task-detail", args=[task.pk])}"' in card
        label = task.get_timeframe_kind_display()
        assert f'<span lang="vi">{label}</span>' in card
        labels.add(label)
    assert len(labels) >= 2  # the labels differ from card to card: not one label cached for all


def test_page_urls_are_what_reverse_gives():
    urls = PageUrls()
    for name, args in [("portal:task-detail", (7,)), ("portal:task-detail", (1234567,)), ("portal:task-detail", (7,)),
                       ("reports:year-task", (3, 2025, 77)), ("reports:year-task", (12, 2024, 5)),
                       ("reports:report-detail", (9,)), ("portal:agency-detail", ("so-tu-phap",)),
                       ("portal:group-detail", ("ubnd-cap-huyen",))]:
        assert urls(name, *args) == reverse(name, args=args)


def test_year_submissions_show_the_first_submission_in_local_time(client, db, django_user_model):
    plan, who = small_plan()
    open_year(plan, 2024)
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
    # 23:30 UTC on 1 March is 06:30 on 2 March in Hà Nội (UTC+7).
    AgencyReport.objects.filter(pk=report.pk).update(
        status=AgencyReport.Status.SUBMITTED,
        first_submitted_at=datetime.datetime(2025, 3, 1, 23, 30, tzinfo=datetime.timezone.utc),
        submitted_at=datetime.datetime(2025, 3, 1, 23, 30, tzinfo=datetime.timezone.utc))
    client.force_login(make_user(django_user_model, "coord", who["districts"][1], role=Membership.Role.COORDINATOR))
    html = client.get(reverse("reports:year-submissions", args=[plan.pk, 2024])).content.decode()
    assert timezone.get_current_timezone_name() == "Asia/Ho_Chi_Minh"
    assert "06:30 02/03/2025" in html and "23:30 01/03/2025" not in html
    assert "gửi muộn" in html or "gửi đúng hạn" in html


def test_form_widgets_escape_as_django_does(client, viewer, world):
    """The filters' inputs render from Django's Jinja2 widget templates (FORM_RENDERER), escaped as before."""
    html = client.get(URL, {"q": 'Sở "Tư" <pháp> & \'x\''}).content.decode()
    assert 'value="Sở &quot;Tư&quot; &lt;pháp&gt; &amp; &#x27;x&#x27;"' in html


def _fragment_messages():
    """Every message the Jinja2 fragments say: msgid, or (msgid, msgid_plural)."""
    found = set()
    for path in sorted((Path(django_settings.BASE_DIR) / "templates_jinja2").rglob("*.html")):
        with open(path, "rb") as f:
            for _line, _func, message, _comments in babel_extract(
                    f, ["_", "gettext", "ngettext", "pgettext", "npgettext"], [],
                    {"extensions": "jinja2.ext.i18n", "trimmed": "true"}):
                found.add(message if isinstance(message, str) else tuple(message[:2]))
    return found


def test_every_message_of_the_fragments_is_listed_for_makemessages_and_translated():
    """makemessages reads no Jinja2: plan_tracker/jinja_messages.py lists the fragments' messages for it, and the
    English catalogue translates each of them."""
    source = (Path(django_settings.BASE_DIR) / "plan_tracker" / "jinja_messages.py").read_text(encoding="utf-8")
    listed = set()
    for node in ast.walk(ast.parse(source)):
        if isinstance(node, ast.Call) and getattr(node.func, "id", "") == "gettext_noop":
            listed.add(node.args[0].value)
        elif isinstance(node, ast.Call) and getattr(node.func, "id", "") == "ngettext_lazy":
            listed.add((node.args[0].value, node.args[1].value))
    messages = _fragment_messages()
    assert len(messages) > 30
    assert messages - listed == set()
    catalogue = polib.pofile(str(Path(django_settings.BASE_DIR) / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    translated = {}
    for entry in catalogue.translated_entries():
        if not entry.obsolete and not entry.msgctxt:
            translated[(entry.msgid, entry.msgid_plural) if entry.msgid_plural else entry.msgid] = entry
    assert {m for m in messages if m not in translated} == set()


# What people type, in every fragment: escaped in the page a user gets, never raw.

SCRIPT = "<script>alert(1)</script>"
ODD_NAME = f'Sở {SCRIPT} "Thử"'
ODD_NAME_ESCAPED = "Sở &lt;script&gt;alert(1)&lt;/script&gt; &quot;Thử&quot;"
SCRIPT_ESCAPED = "&lt;script&gt;alert(1)&lt;/script&gt;"


def assert_escaped(html, *escaped):
    for text in escaped:
        assert text in html
    assert SCRIPT not in html and '"Thử"' not in html


def test_task_years_escape_agency_names_and_report_text(client, viewer, world):
    odd = make_agency(code="so-la", name=ODD_NAME)
    report = submitted_report(world.plan_a, odd, today().year)
    TaskReport.objects.create(report=report, task=world.t1, role="coordinator",
                              status=TaskReport.Status.DONE_FOR_YEAR, achievements=f'Đã làm {SCRIPT} "xong"')

    html = client.get(reverse("portal:task-detail", args=[world.t1.pk])).content.decode()

    part = html.split("Báo cáo về nhiệm vụ qua các năm", 1)[1]
    assert_escaped(part, ODD_NAME_ESCAPED, f"Đã làm {SCRIPT_ESCAPED} &quot;xong&quot;")
    assert SCRIPT not in html


@pytest.fixture
def odd_year(db, django_user_model):
    """small_plan's 2024, its department renamed and its tasks and section titled with markup, the department's
    report submitted with markup in its text; a coordinator logged in reads the year's pages."""
    plan, who = small_plan()
    Agency.objects.filter(pk=who["dept"].pk).update(name=ODD_NAME)
    Task.objects.filter(plan=plan).update(title=f'Việc {SCRIPT} "mới"', target_unit=f'{SCRIPT}"')
    Section.objects.filter(plan=plan).update(title=f"Phần {SCRIPT}")
    open_year(plan, 2024)
    officer = make_user(django_user_model, "canbo", who["dept"])
    report = fill_report(AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"]), officer)
    report.lines.update(achievements=f'Đã làm {SCRIPT} "xong"')
    submit_report(report, officer)
    return plan


def year_page(client, django_user_model, name, plan):
    coordinator = make_user(django_user_model, "dieuphoi", make_agency(), role=Membership.Role.COORDINATOR)
    client.force_login(coordinator)
    response = client.get(reverse(name, args=[plan.pk, 2024]))
    assert response.status_code == 200
    return response.content.decode()


def test_year_overview_agency_rows_escape_agency_names(client, django_user_model, odd_year):
    html = year_page(client, django_user_model, "reports:year-overview", odd_year)
    rows = html.split('<table class="agencies">', 1)[1]
    assert_escaped(rows, ODD_NAME_ESCAPED)
    assert SCRIPT not in html


def test_rollup_rows_escape_task_titles_agency_names_and_units(client, django_user_model, odd_year):
    html = year_page(client, django_user_model, "reports:year-tasks", odd_year)
    rows = html.split('<table class="tasks">', 1)[1]
    assert_escaped(rows, f"Việc {SCRIPT_ESCAPED} &quot;mới&quot;", ODD_NAME_ESCAPED)
    assert f"Phần {SCRIPT_ESCAPED}" in html
    assert SCRIPT not in html


def test_year_submissions_escape_agency_names(client, django_user_model, odd_year):
    html = year_page(client, django_user_model, "reports:year-submissions", odd_year)
    assert_escaped(html, ODD_NAME_ESCAPED)


def test_the_fragments_finalize_every_value_as_djangos_conditional_escape():
    """plan_tracker.jinja2.finalize is conditional_escape without its per-call cost: the same text, safe."""
    from django.utils.html import conditional_escape
    from django.utils.safestring import SafeString, mark_safe
    from django.utils.translation import gettext_lazy
    from jinja2 import Undefined
    from markupsafe import Markup

    from plan_tracker.jinja2 import finalize

    values = ["<b>A & B</b> \"q\" 'a'", "Sở Tài chính", "", 0, 42, -3, True, False, None, 1.5,
              datetime.date(2024, 1, 2), gettext_lazy("Đã gửi"), mark_safe("<i>ok</i>"), Markup("<u>m</u>"),
              SafeString("&amp;"), Undefined(), [1, "<x>"]]
    for value in values:
        got, expected = finalize(value), conditional_escape(value)
        assert got == expected and type(got) is type(expected) and hasattr(got, "__html__"), value
