"""The admin: every registered model's pages open, agency lists stay at a fixed number of queries,
search ignores accents and case, d/m/Y dates are read as such."""

import datetime

import pytest
from django.contrib import admin
from django.contrib.auth.models import Group
from django.core.files.base import ContentFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from simple_history.admin import SimpleHistoryAdmin

from agencies.models import Agency, AgencyGroup, Membership
from reports.models import Evidence, Indicator, TaskReport
from reports.services import open_reporting_year
from tasks.models import Plan
from testing.factories import SEED_FIXTURE, make_agency, make_group, make_task, make_user

# Every model in the admin, read from the registry itself so that a new model cannot escape.
REGISTERED = sorted(admin.site._registry.items(), key=lambda item: item[0]._meta.label)
REGISTERED_IDS = [model._meta.label for model, _ in REGISTERED]


def admin_url(model, view, *args):
    return reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_{view}", args=args)


@pytest.fixture
def world(db, admin_user, django_user_model, settings, tmp_path):
    """At least one object of every registered model: the seed plan, a reporting year, a membership…"""
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("loaddata", SEED_FIXTURE, verbosity=0)
    plan = Plan.objects.get(number="151/KH-UBND")
    Group.objects.create(name="Cán bộ đầu mối")
    make_user(django_user_model, "can-bo", agency=Agency.objects.first())
    Indicator.objects.get_or_create(plan=plan, code="tin-bai", defaults={"name": "Tin, bài"})
    open_reporting_year(plan, 2024, admin_user)
    Evidence.objects.create(
        task_report=TaskReport.objects.first(), file=ContentFile(b"%PDF-1.4", name="bao-cao.pdf"),
        original_name="bao-cao.pdf", content_type="application/pdf", size=8, uploaded_by=admin_user,
    )
    # The mail side (notifications): a reminder and its delivery, a preference, a calendar address.
    from notifications.models import CalendarToken, Delivery, Preference, Reminder
    from reports.models import AgencyReport, ReportingYear

    report = AgencyReport.objects.first()
    reminder = Reminder.objects.create(kind=Reminder.Kind.REPORT, reporting_year=ReportingYear.objects.first(),
                                       report=report, offset_days=7, run_date=datetime.date(2024, 11, 8))
    Delivery.objects.create(kind=Delivery.Kind.REMINDER, reminder=reminder, agency=report.agency,
                            email="vanthu@example.vn", status=Delivery.Status.FAILED, attempts=3,
                            last_error="550 mailbox unavailable")
    Preference.objects.create(user=admin_user)
    CalendarToken.objects.create(agency=report.agency, created_by=admin_user)
    # Sign-in lock-outs (django-axes) and password-reset requests (accounts).
    from accounts.models import PasswordResetRequest
    from axes.models import AccessAttempt, AccessFailureLog, AccessLog

    seen = {"username": "can-bo", "ip_address": "203.0.113.10", "user_agent": "Firefox", "http_accept": "*/*",
            "path_info": "/accounts/login/"}
    AccessAttempt.objects.create(**seen, get_data="", post_data="", failures_since_start=5)
    AccessFailureLog.objects.create(**seen, locked_out=True)
    AccessLog.objects.create(**seen)
    PasswordResetRequest.objects.create(email="can-bo@example.vn", ip_address="203.0.113.10")
    # A reorganisation (agencies.AgencyChange with a routing and a former name).
    call_command("load_reorganisation_2025", stdout=__import__("io").StringIO())
    from agencies.models import GroupMemberPeriod

    group = AgencyGroup.objects.get(code="so-ban-nganh")
    GroupMemberPeriod.objects.create(group=group, agency=group.members.first(), valid_to=datetime.date(2025, 2, 28))
    # A background task as db_worker finds it (django-tasks-db's admin lists them).
    from django_tasks_db.models import DBTaskResult
    from django.utils import timezone

    DBTaskResult.objects.create(task_path="notifications.tasks.send_event_mails", args_kwargs={"args": [1], "kwargs": {}},
                                backend_name="default", run_after=timezone.now(), exception_class_path="",
                                traceback="")


def any_instance(model):
    obj = model._default_manager.order_by("pk").first()
    if obj is None:
        pytest.fail(f"No {model._meta.label} to open its change form: create one in the `world` fixture.")
    return obj


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=REGISTERED_IDS)
def test_every_admin_changelist_add_and_change_page_opens(admin_client, admin_user, world, model, model_admin):
    obj = any_instance(model)
    request = RequestFactory().get("/")
    request.user = admin_user
    urls = [admin_url(model, "changelist"), admin_url(model, "change", obj.pk)]
    if model_admin.has_add_permission(request):  # some models are only created by services
        urls.append(admin_url(model, "add"))
    if isinstance(model_admin, SimpleHistoryAdmin):
        urls.append(admin_url(model, "history", obj.pk))

    for url in urls:
        assert admin_client.get(url).status_code == 200, url


@pytest.mark.parametrize("model, model_admin", REGISTERED, ids=REGISTERED_IDS)
def test_every_admin_changelist_searches_without_error(admin_client, model, model_admin):
    make_task(lead=make_agency(name="Sở Tư pháp"), coordinators=[make_group(name="Các sở, ban, ngành")])

    response = admin_client.get(admin_url(model, "changelist"), {"q": "Sở Tư pháp"})

    assert response.status_code == 200


# --- Query counts: the same at 3 and at 30 rows -------------------------------------------------


def agencies(n):
    for _ in range(n):
        make_agency()


def groups(n):
    for _ in range(n):
        make_group(members=[make_agency(), make_agency()])


def memberships(n, django_user_model):
    for i in range(n):
        make_user(django_user_model, f"can-bo-{i}", agency=make_agency())


@pytest.mark.parametrize("n", [3, 30])
def test_agency_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    agencies(n)
    # 1 session, 2 user, 3 COUNT with the list's filters, 4 COUNT of all rows ("x of y"),
    # 5 the page's agencies.
    with django_assert_num_queries(4):
        response = admin_client.get(admin_url(Agency, "changelist"))
    assert response.context["cl"].result_count == n


@pytest.mark.parametrize("n", [3, 30])
def test_agency_group_changelist_query_count_does_not_grow_with_rows(admin_client, django_assert_num_queries, n):
    groups(n)
    # 1 session, 2 user, 3-4 the two COUNTs, 5 the page's groups with their member count annotated.
    with django_assert_num_queries(4):
        response = admin_client.get(admin_url(AgencyGroup, "changelist"))
    assert response.context["cl"].result_count == n
    assert "<td class=\"field-member_count\">2</td>" in response.content.decode()


@pytest.mark.parametrize("n", [3, 30])
def test_membership_changelist_query_count_does_not_grow_with_rows(
    admin_client, django_assert_num_queries, django_user_model, n
):
    memberships(n, django_user_model)
    # 1 session, 2 user, 3-4 the two COUNTs, 5 the page's memberships joined to user and agency.
    with django_assert_num_queries(4):
        response = admin_client.get(admin_url(Membership, "changelist"))
    assert response.context["cl"].result_count == n


# --- Search ignores accents and case -----------------------------------------------------------


@pytest.fixture
def named_agencies(db):
    return {
        "tu_phap": make_agency(code="so-tu-phap", name="Sở Tư pháp"),
        "tai_chinh": make_agency(code="so-tai-chinh", name="Sở Tài chính"),
        "dang": make_agency(code="ban-tuyen-giao", name="Ban Tuyên giáo Tỉnh ủy", short_name="Đảng"),
    }


@pytest.mark.parametrize("query", ["so tu phap", "SỞ TƯ PHÁP", "sở tư pháp", "Tu Phap", "tư  pháp", "so-tu-phap"])
def test_agency_search_ignores_accents_and_case(admin_client, named_agencies, query):
    response = admin_client.get(admin_url(Agency, "changelist"), {"q": query})

    assert list(response.context["cl"].result_list) == [named_agencies["tu_phap"]]


def test_agency_search_needs_every_word_and_folds_d_with_stroke(admin_client, named_agencies):
    def found(query):
        return set(admin_client.get(admin_url(Agency, "changelist"), {"q": query}).context["cl"].result_list)

    assert found("so") == {named_agencies["tu_phap"], named_agencies["tai_chinh"]}
    assert found("so chinh") == {named_agencies["tai_chinh"]}
    assert found("dang") == {named_agencies["dang"]}
    assert found("phap chinh") == set()


def test_agency_group_search_ignores_accents(admin_client, db):
    group = make_group(code="cac-so-nganh", name="Các sở, ban, ngành")
    make_group(code="ubnd-huyen", name="UBND các huyện, thành phố")

    response = admin_client.get(admin_url(AgencyGroup, "changelist"), {"q": "CAC SO NGANH"})

    assert list(response.context["cl"].result_list) == [group]


def test_autocomplete_for_agencies_uses_the_same_search(admin_client, named_agencies):
    response = admin_client.get(
        reverse("admin:autocomplete"),
        {"app_label": "agencies", "model_name": "agency", "field_name": "successors", "term": "so TU phap"},
    )

    assert [r["text"] for r in response.json()["results"]] == ["Sở Tư pháp"]


# --- Dates are read d/m/Y ----------------------------------------------------------------------


def test_agency_form_reads_15_11_2025_as_15_november(admin_client, db):
    response = admin_client.post(
        admin_url(Agency, "add"),
        {
            "code": "so-moi",
            "name": "Sở Mới",
            "kind": Agency.Kind.DEPARTMENT,
            "valid_from": "15/11/2025",
            "valid_to": "",
            "head_email": "",
            "memberships-TOTAL_FORMS": "0",
            "memberships-INITIAL_FORMS": "0",
        },
    )

    assert response.status_code == 302, response.context["adminform"].form.errors
    assert Agency.objects.get(code="so-moi").valid_from == datetime.date(2025, 11, 15)


def test_agency_change_form_shows_dates_as_d_m_y(admin_client, db):
    agency = make_agency(valid_from=datetime.date(2025, 3, 1))

    response = admin_client.get(admin_url(Agency, "change", agency.pk))

    assert 'value="01/03/2025"' in response.content.decode()


# --- Import/export permissions for agencies and groups ----------------------------------------


@pytest.mark.parametrize("model", [Agency, AgencyGroup])
@pytest.mark.parametrize("action", ["import", "export"])
def test_agency_import_and_export_need_their_own_permission(client, django_user_model, db, model, action):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user(username="nhan-vien", password="x", is_staff=True)
    name = model._meta.model_name
    user.user_permissions.set(Permission.objects.filter(codename__in=[f"view_{name}", f"change_{name}", f"add_{name}"]))
    client.force_login(user)
    url = admin_url(model, action)

    assert client.get(url).status_code == 403
    user.user_permissions.add(Permission.objects.get(codename=f"{action}_{name}"))
    user = django_user_model.objects.get(pk=user.pk)  # drop the permission cache
    client.force_login(user)
    assert client.get(url).status_code == 200


def test_adding_an_agency_offers_its_groups_and_saves_them(admin_client, db):
    group = make_group([], name="Các sở, ban, ngành", code="cac-so-nganh")
    url = admin_url(Agency, "add")
    page = admin_client.get(url).content.decode()
    assert "thuộc các nhóm" in page and "Các sở, ban, ngành" in page
    response = admin_client.post(url, {
        "code": "so-moi", "name": "Sở Mới", "short_name": "", "kind": "department", "groups": [group.pk],
        "valid_from": "", "valid_to": "", "head_email": "",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
    })
    assert response.status_code == 302, response.content.decode()[:3000]
    assert list(Agency.objects.get(code="so-moi").groups.all()) == [group]


def test_a_bad_agency_code_is_explained_in_vietnamese_without_slug(admin_client, db):
    response = admin_client.post(admin_url(Agency, "add"), {
        "code": "sở mới", "name": "Sở Mới", "kind": "department",
        "memberships-TOTAL_FORMS": "0", "memberships-INITIAL_FORMS": "0",
    })
    page = response.content.decode()
    assert "Vui lòng sửa các lỗi được đánh dấu bên dưới." in page
    assert "Please correct" not in page and "slug" not in page.lower().replace("slugify", "")
    assert "chỉ gồm chữ cái không dấu, chữ số" in page
