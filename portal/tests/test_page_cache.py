"""Issue #18: the portal's pages render their rows once per generation (portal.fragments), and never show stale HTML.

Every test runs twice: on local memory (``make run``) and on Redis (production), each Redis run under its own key
prefix (only its keys deleted). For each cached page: the second request comes from the cache (fewer queries) and
reads byte for byte as the first, freshly rendered one (CSRF tokens aside: Django masks them anew on every page);
and each kind of change a page shows shows at once: a task edited, an agency renamed, a report submitted and
accepted, a draft's first save, the officer's own draft saved, the day changing, the language."""

import datetime
import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from agencies.models import Membership
from tasks.models import Assignment
from plan_tracker.cache import SITE, generations
from portal import fragments
from reports import cache as figures_cache
from reports.models import AgencyReport, ReportingYear, TaskReport
from reports.services import review_report, save_report, submit_report
from testing.factories import fill_report, make_group, make_user, today
from testing.cache_backends import backend_fixture




backend = backend_fixture()


CSRF = re.compile(r'name="csrfmiddlewaretoken" value="[^"]*"')


def page(client, address):
    response = client.get(address)
    assert response.status_code == 200, address
    return CSRF.sub('name="csrfmiddlewaretoken" value=""', response.content.decode())


def queries(client, address):
    with CaptureQueriesContext(connection) as captured:
        html = page(client, address)
    return html, len(captured)


@pytest.fixture
def people(world, django_user_model):
    """Officers of Sở Tư pháp (leads t1 and t5, its submitted report has lines on t1 and t3), of Sở Nội vụ (its
    draft has a line on t3) and of the district; a coordinator of Sở Nội vụ; a viewer (reads every report); someone
    of no agency (reads none); this year opened for plan A; a second group (Các sở)."""
    submitted = AgencyReport.objects.get(plan=world.plan_a, agency=world.tuphap, year=today().year)
    TaskReport.objects.create(report=submitted, task=world.t1, role="lead", status=TaskReport.Status.IN_PROGRESS,
                              achievements="Đã tổ chức hai hội nghị")
    ReportingYear.objects.create(plan=world.plan_a, year=today().year)
    make_group([world.tuphap, world.noivu], code="cac-so", name="Các sở, ban, ngành")
    world.plan_b.report_recipient = world.tuphap  # Sở Tư pháp's coordinators oversee plan B only
    world.plan_b.save()
    ReportingYear.objects.create(plan=world.plan_b, year=today().year - 1)  # plan B's queue: its own (empty)
    return {
        "tuphap": make_user(django_user_model, "tuphap", world.tuphap),
        "noivu": make_user(django_user_model, "noivu", world.noivu),
        "huyen": make_user(django_user_model, "huyen", world.huyen),
        "coordinator": make_user(django_user_model, "coord", world.noivu, role=Membership.Role.COORDINATOR),
        "coordinator of plan B": make_user(django_user_model, "coord-b", world.tuphap,
                                           role=Membership.Role.COORDINATOR),
        "viewer": make_user(django_user_model, "viewer", world.huyen, role=Membership.Role.VIEWER),
        "nobody": make_user(django_user_model, "nobody"),
    }


def addresses(world):
    """(label, persona, address) of every cached page; pages differing in one key part only stand side by side."""
    tasks, agencies = reverse("portal:task-list"), reverse("portal:agency-list")
    task = lambda t: reverse("portal:task-detail", args=[t.pk])  # noqa: E731
    return [
        ("officer's home", "tuphap", reverse("portal:home")),
        ("officer's home, another agency", "noivu", reverse("portal:home")),
        ("coordinator's home", "coordinator", reverse("portal:home")),
        ("coordinator's home, another agency's plans", "coordinator of plan B", reverse("portal:home")),
        ("plan page", "tuphap", reverse("portal:plan-detail", args=[world.plan_a.pk])),
        ("plan page, signed out", None, reverse("portal:plan-detail", args=[world.plan_a.pk])),
        ("plan page, plan B", "tuphap", reverse("portal:plan-detail", args=[world.plan_b.pk])),
        ("task list", "tuphap", tasks),
        ("task list, agency and role", "tuphap", f"{tasks}?agency=so-tu-phap&role=lead&sort=deadline"),
        ("task list, text search", "tuphap", f"{tasks}?q=truyen+thong&plan={world.plan_a.pk}"),
        ("task list, page 2", "tuphap", f"{tasks}?page=2"),
        ("task page", "tuphap", task(world.t1)),
        ("task page, another agency's officer", "huyen", task(world.t1)),
        ("task page, a viewer", "viewer", task(world.t1)),
        ("task page, no agency", "nobody", task(world.t1)),
        ("task page, another task", "tuphap", task(world.t3)),
        ("task page, own draft line", "noivu", task(world.t3)),
        ("agency list", "tuphap", agencies),
        ("agency list, search", "tuphap", f"{agencies}?q=so&kind="),
        ("agency page", "tuphap", reverse("portal:agency-detail", args=["so-tu-phap"])),
        ("agency page, another agency", "tuphap", reverse("portal:agency-detail", args=["so-noi-vu"])),
        ("agency page, its own officer", "noivu", reverse("portal:agency-detail", args=["so-noi-vu"])),
        ("group page", "tuphap", reverse("portal:group-detail", args=[world.districts.code])),
        ("group page, another group", "tuphap", reverse("portal:group-detail", args=["cac-so"])),
    ]


PAGES = 24


def _as(client, people, persona):
    if persona is None:
        client.logout()
    else:
        client.force_login(people[persona])


def test_every_page_read_from_the_cache_is_its_own_fresh_rendering(client, world, people):
    """Each page rendered afresh (every generation moved before it), then all of them read again from the cache:
    two pages whose keys miss a part they differ in would read as the same page."""
    assert len(addresses(world)) == PAGES
    fresh = {}
    for label, persona, address in addresses(world):
        _as(client, people, persona)
        figures_cache.bump_everything()
        fresh[label] = page(client, address)
    for label, persona, address in addresses(world):
        _as(client, people, persona)
        assert page(client, address) == fresh[label], label
    assert len(set(fresh.values())) == PAGES  # every page differs from every other


@pytest.mark.parametrize("index", range(PAGES))
def test_the_second_request_comes_from_the_cache_and_reads_as_a_fresh_one(client, world, people, index):
    label, persona, address = addresses(world)[index]
    _as(client, people, persona)
    fresh, computed = queries(client, address)
    cached, served = queries(client, address)
    assert served < computed, label
    assert cached == fresh, label
    # Rendered afresh once more (every generation moved): the same page.
    figures_cache.bump_everything()
    again, recomputed = queries(client, address)
    assert recomputed == computed and again == cached, label


def _cache_all(client, people, world):
    pages = {}
    for label, persona, address in addresses(world):
        _as(client, people, persona)
        pages[label] = page(client, address)
        assert page(client, address) == pages[label]  # served from the cache from now on
    return pages


def _read_all(client, people, world):
    pages = {}
    for label, persona, address in addresses(world):
        _as(client, people, persona)
        pages[label] = page(client, address)
    return pages


def test_a_task_edited_shows_at_once_on_every_page(client, world, people):
    before = _cache_all(client, people, world)
    world.t1.title = "Tổ chức hội nghị tập huấn pháp luật mới"
    world.t1.save()
    after = _read_all(client, people, world)
    for label in ("officer's home", "plan page", "task list", "task list, agency and role", "task page",
                  "agency page", "group page"):
        assert "Tổ chức truyền thông chính sách" in before[label], label
        assert "Tổ chức hội nghị tập huấn pháp luật mới" in after[label], label
        assert "Tổ chức truyền thông chính sách" not in after[label], label


def test_an_agency_renamed_shows_at_once_on_every_page(client, world, people):
    before = _cache_all(client, people, world)
    world.tuphap.name = "Sở Tư pháp và Hộ tịch"
    world.tuphap.save()
    after = _read_all(client, people, world)
    for label in ("officer's home", "plan page", "task list", "task page", "agency list", "agency page",
                  "task page, own draft line", "coordinator's home"):
        assert "Sở Tư pháp và Hộ tịch" not in before[label], label
        assert "Sở Tư pháp và Hộ tịch" in after[label], label


def test_a_group_member_renamed_shows_on_the_group_page(client, world, people):
    before = _cache_all(client, people, world)
    world.huyen.name = "UBND thị xã Việt Yên"
    world.huyen.save()
    after = _read_all(client, people, world)
    assert "UBND thị xã Việt Yên" not in before["group page"]
    assert "UBND thị xã Việt Yên" in after["group page"]


def test_a_report_submitted_then_accepted_shows_at_once(client, world, people):
    draft = AgencyReport.objects.get(plan=world.plan_a, agency=world.noivu, year=today().year)
    fill_report(draft, people["noivu"])
    draft = AgencyReport.objects.get(pk=draft.pk)
    client.force_login(people["tuphap"])
    t3 = reverse("portal:task-detail", args=[world.t3.pk])
    noivu_page = reverse("portal:agency-detail", args=["so-noi-vu"])
    assert "Nháp" not in page(client, t3)  # another agency's draft: not shown to Sở Tư pháp
    before = page(client, noivu_page)
    assert "Đã gửi" not in before
    client.force_login(people["coordinator"])
    home = page(client, reverse("portal:home"))

    submit_report(draft, people["noivu"])
    client.force_login(people["tuphap"])
    assert "Sở Nội vụ" in page(client, t3).split("Năm ")[1]  # its line now shown, the state only
    assert "Đã gửi" in page(client, noivu_page)
    client.force_login(people["coordinator"])
    submitted_home = page(client, reverse("portal:home"))
    assert submitted_home != home

    review_report(AgencyReport.objects.get(pk=draft.pk), people["coordinator"], accept=True)
    client.force_login(people["tuphap"])
    assert "Đã tiếp nhận" in page(client, noivu_page)


def test_a_drafts_first_save_shows_at_once_on_the_officers_home_and_agency_page(client, world, people):
    report = AgencyReport.objects.create(plan=world.plan_b, agency=world.tuphap, year=today().year)
    client.force_login(people["tuphap"])
    home, agency = reverse("portal:home"), reverse("portal:agency-detail", args=["so-tu-phap"])
    assert "Chưa bắt đầu" in page(client, home) and "Chưa bắt đầu" in page(client, agency)

    save_report(report, people["tuphap"], expected_version=report.version, general={"difficulties": "Thiếu người"})
    assert "Chưa bắt đầu" not in page(client, home) and "Đang soạn, chưa gửi" in page(client, home)
    assert "Chưa bắt đầu" not in page(client, agency) and "Đang soạn, chưa gửi" in page(client, agency)


def test_the_officers_own_draft_saved_shows_at_once_on_the_task_page(client, world, people):
    draft = AgencyReport.objects.get(plan=world.plan_a, agency=world.noivu, year=today().year)
    line = draft.lines.get(task=world.t3)
    t3 = reverse("portal:task-detail", args=[world.t3.pk])
    client.force_login(people["noivu"])
    assert "Nháp" in page(client, t3)
    save_report(draft, people["noivu"], expected_version=draft.version,
                lines={line.pk: {"achievements": "Đã bố trí hai cán bộ"}})
    assert "Đã bố trí hai cán bộ" in page(client, t3)
    report = AgencyReport.objects.get(pk=draft.pk)
    save_report(report, people["noivu"], expected_version=report.version,
                lines={line.pk: {"achievements": "Đã bố trí ba cán bộ"}})
    html = page(client, t3)
    assert "Đã bố trí ba cán bộ" in html and "hai cán bộ" not in html


def test_a_new_day_shows_at_once(client, world, people, monkeypatch):
    client.force_login(people["tuphap"])
    tasks = reverse("portal:task-list")
    pages = [tasks, reverse("portal:agency-detail", args=["so-noi-vu"]), reverse("portal:home"),
             reverse("portal:group-detail", args=[world.districts.code]),
             reverse("portal:task-detail", args=[world.t3.pk]), reverse("portal:plan-detail", args=[world.plan_a.pk])]
    before = [page(client, address) for address in pages]
    assert "quá hạn 10 ngày" in before[0] and "quá hạn 10 ngày" in before[1] and "quá hạn 10 ngày" in before[4]
    real = timezone.localdate

    def tomorrow(value=None, timezone=None):
        return real(value, timezone) if value is not None else real() + datetime.timedelta(days=1)

    monkeypatch.setattr("django.utils.timezone.localdate", tomorrow)
    after = [page(client, address) for address in pages]
    assert "quá hạn 11 ngày" in after[0] and "quá hạn 11 ngày" in after[1] and "quá hạn 11 ngày" in after[4]
    assert "còn 199 ngày" in after[3] or "còn 199 ngày" not in before[3]  # t6 is plan B's: not the group's
    assert after[2] != before[2]  # "còn N ngày" of the year's report, the deadlines of the officer's tasks


@pytest.mark.parametrize("index", range(PAGES))
def test_the_language_is_part_of_the_key(client, world, people, settings, index):
    """Each language's page, read after the other's was cached, is the one rendered afresh in that language."""
    label, persona, address = addresses(world)[index]
    _as(client, people, persona)
    vietnamese = page(client, address)
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = page(client, address)
    figures_cache.bump_everything()
    assert page(client, address) == english != vietnamese, label
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "vi"
    assert page(client, address) == vietnamese, label


def test_a_signed_out_visitor_and_a_user_get_their_own_plan_page(client, world, people):
    address = reverse("portal:plan-detail", args=[world.plan_a.pk])
    client.force_login(people["tuphap"])
    signed_in = page(client, address)
    client.logout()
    anonymous = page(client, address)
    assert "Tìm, lọc nhiệm vụ của kế hoạch" in signed_in and "Tìm, lọc nhiệm vụ của kế hoạch" not in anonymous


def test_each_user_gets_their_own_rows(client, world, people):
    """The officer's home is per agency; the task page's lines and texts per agency and role."""
    home = reverse("portal:home")
    client.force_login(people["tuphap"])
    tuphap_home = page(client, home)
    client.force_login(people["noivu"])
    noivu_home = page(client, home)
    assert tuphap_home != noivu_home and "Bố trí cán bộ đầu mối" in noivu_home.split("Nhiệm vụ năm")[1]

    t3 = reverse("portal:task-detail", args=[world.t3.pk])
    assert "Nháp" in page(client, t3)
    client.force_login(people["tuphap"])
    html = page(client, t3)
    assert "Nháp" not in html and "Đã phối hợp" in html  # its own submitted line, in full
    client.force_login(people["viewer"])
    assert "Đã phối hợp" in page(client, t3)
    client.force_login(people["huyen"])
    assert "Đã phối hợp" not in page(client, t3)  # another agency's text: the state only
    noivu_page = reverse("portal:agency-detail", args=["so-noi-vu"])
    readable = page(client, noivu_page)
    client.force_login(people["noivu"])
    assert page(client, noivu_page) != readable  # its own reports are links


def test_the_coordinators_queue_shows_an_officers_new_name_and_email_at_once(client, world, people):
    """The queue names the officers to chase: a user's save bumps (a sign-in's last_login alone does not)."""
    client.force_login(people["coordinator"])
    home = reverse("portal:home")
    before = page(client, home)
    assert "noivu" in before.split('id="not-sent"')[1]
    officer = people["noivu"]
    officer.last_name, officer.first_name, officer.email = "Trần", "Thị Bình", "binh@noivu.gov.vn"
    officer.save()
    after = page(client, home)
    assert "Trần Thị Bình" in after and "binh@noivu.gov.vn" in after
    officer.is_active = False
    officer.save()
    assert "binh@noivu.gov.vn" not in page(client, home)


def test_a_sign_in_keeps_the_cached_bodies(client, world, people):
    kept = generations(SITE)
    client.login(username="tuphap", password="pw-tuphap")  # saves last_login only
    assert generations(SITE) == kept


def test_the_cached_queue_carries_the_requests_own_csrf_token(world, people):
    """"Nhắc ngay" from a home page whose queue came from the cache: the form's token is this browser's."""
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["coordinator"])
    browser.get(reverse("portal:home"))  # computed and cached
    other = Client(enforce_csrf_checks=True)
    other.force_login(people["coordinator"])
    html = other.get(reverse("portal:home")).content.decode()  # from the cache
    assert fragments.CSRF_STAND_IN not in html
    form = html.split('action="%s"' % reverse("portal:remind-now"))[1]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form).group(1)
    response = other.post(reverse("portal:remind-now"), {
        "csrfmiddlewaretoken": token, "plan": world.plan_a.pk, "year": today().year})
    assert response.status_code == 302


def test_a_name_typed_as_the_stand_in_never_shows_the_readers_token(world, people):
    """Only the forms' token fields take the request's token: data that reads like the stand-in stays as typed
    (the queue's contact list is copied into messages to the agencies)."""
    officer = people["noivu"]
    officer.last_name = fragments.CSRF_STAND_IN
    officer.save()
    browser = Client(enforce_csrf_checks=True)
    browser.force_login(people["coordinator"])
    browser.get(reverse("portal:home"))
    html = browser.get(reverse("portal:home")).content.decode()  # from the cache
    tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', html)
    assert tokens and fragments.CSRF_STAND_IN not in tokens  # every form carries a real token
    assert fragments.CSRF_STAND_IN in html.split('id="not-sent"')[1]  # the name, as typed
    assert not any(token in html.split('id="not-sent"')[1].split("<form")[0] for token in tokens)


@pytest.mark.parametrize("name, args", [
    ("portal:task-list", ()), ("portal:home", ()), ("portal:agency-detail", ("so-noi-vu",)),
    ("portal:task-detail", ("t3",)), ("portal:group-detail", ("ubnd-cap-huyen",)),
])
def test_midnight_between_the_views_today_and_the_key_files_the_page_under_the_day_it_shows(
        client, world, people, monkeypatch, name, args):
    """A view takes today, midnight passes, then the body is looked up: it is filed under the view's day, so the
    next request (the new day) never reads the old day's page under the new day's key. The body is rendered with the
    view's day too (never read again in render())."""
    Assignment.objects.create(task=world.t3, group=world.districts, role=Assignment.Role.COORDINATOR)  # group page
    client.force_login(people["tuphap"])
    address = reverse(name, args=[world.t3.pk if a == "t3" else a for a in args])
    real_localdate, real_body = timezone.localdate, fragments.body
    midnight = {"passed": False}

    def localdate(value=None, timezone=None):
        if value is not None:
            return real_localdate(value, timezone)
        return real_localdate() + datetime.timedelta(days=1 if midnight["passed"] else 0)

    def body_after_midnight(*args, **kwargs):
        midnight["passed"] = True
        return real_body(*args, **kwargs)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    monkeypatch.setattr(fragments, "body", body_after_midnight)
    assert "quá hạn 10 ngày" in page(client, address)  # the view's day
    monkeypatch.setattr(fragments, "body", real_body)
    html = page(client, address)
    assert "quá hạn 11 ngày" in html and "quá hạn 10 ngày" not in html


def test_the_agency_lists_year_is_the_views_day_across_new_year(client, world, people, monkeypatch):
    """The agency list marks an agency that ended before this year: its body renders the view's day, whatever the
    clock reads by the time the body is rendered (New Year's midnight between the two)."""
    year = today().year
    world.huyen.valid_to = datetime.date(year, 12, 31)
    world.huyen.save()
    client.force_login(people["tuphap"])
    address = reverse("portal:agency-list")
    real_localdate, real_body = timezone.localdate, fragments.body
    clock = {"day": datetime.date(year, 12, 31)}

    def localdate(value=None, timezone=None):
        return real_localdate(value, timezone) if value is not None else clock["day"]

    def body_after_midnight(*args, **kwargs):
        clock["day"] = datetime.date(year + 1, 1, 1)
        return real_body(*args, **kwargs)

    monkeypatch.setattr("django.utils.timezone.localdate", localdate)
    monkeypatch.setattr(fragments, "body", body_after_midnight)
    assert "ngừng hoạt động" not in page(client, address)  # 31 December: still active this year
    monkeypatch.setattr(fragments, "body", real_body)
    assert "ngừng hoạt động" in page(client, address)  # 1 January: the new day's key, the new day's page


def test_a_returned_reports_edits_show_on_the_task_page_to_those_who_may_see_them(
        client, world, people, django_user_model):
    """Sở Nội vụ's report is submitted, then returned: its officers edit it (quiet writes: reports.cache.agency_writes
    bumps nothing) and see each edit on the task page at once (their key holds the versions of their own reports not
    in CONTENT_STATUSES, a returned one too); a second officer of the agency too. Readers outside it never see the
    returned text (a report being revised), and see the edited text once it is sent again."""
    draft = AgencyReport.objects.get(plan=world.plan_a, agency=world.noivu, year=today().year)
    fill_report(draft, people["noivu"])
    report = AgencyReport.objects.get(pk=draft.pk)
    submit_report(report, people["noivu"])
    review_report(AgencyReport.objects.get(pk=draft.pk), people["coordinator"], accept=False, comment="Bổ sung số liệu")
    line = draft.lines.get(task=world.t3)
    t3 = reverse("portal:task-detail", args=[world.t3.pk])
    second = make_user(django_user_model, "noivu2", world.noivu)
    readers = {"noivu": people["noivu"], "noivu2": second, "viewer": people["viewer"], "tuphap": people["tuphap"]}
    for user in readers.values():  # every reader's page cached before the edits
        client.force_login(user)
        assert "Đã bố trí ba cán bộ" not in page(client, t3)

    for text in ("Đã bố trí ba cán bộ", "Đã bố trí bốn cán bộ"):
        report = AgencyReport.objects.get(pk=draft.pk)
        assert report.status == AgencyReport.Status.RETURNED
        save_report(report, people["noivu"], expected_version=report.version, lines={line.pk: {"achievements": text}})
        for name in ("noivu", "noivu2"):
            client.force_login(readers[name])
            assert text in page(client, t3), (name, text)
        for name in ("viewer", "tuphap"):
            client.force_login(readers[name])
            assert text not in page(client, t3), (name, text)

    submit_report(AgencyReport.objects.get(pk=draft.pk), people["noivu"])
    client.force_login(people["viewer"])
    html = page(client, t3)
    assert "Đã bố trí bốn cán bộ" in html and "ba cán bộ" not in html
