"""Signing in and out, changing and resetting a password, and the role helpers."""

import re
from html.parser import HTMLParser

import pytest
from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.urls import reverse

from accounts.roles import agencies_for, is_admin, is_coordinator, is_officer, is_viewer, may_reopen, sees_all_reports
from agencies.models import Membership
from testing.factories import make_agency, make_user

NEW_PASSWORD = "doi-Mat-khau-7391"
HOST = "plans.example.gov.vn"


@pytest.fixture
def officer(db, django_user_model):
    return make_user(django_user_model, "officer", make_agency(), email="officer@example.vn")


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


class _Inputs(HTMLParser):
    """Collects the ids of the fields a user fills in, and the ids that a <label for> names."""

    def __init__(self):
        super().__init__()
        self.field_ids, self.label_fors = [], set()

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "label" and attrs.get("for"):
            self.label_fors.add(attrs["for"])
        elif tag in ("select", "textarea") or (
            tag == "input" and attrs.get("type") not in ("hidden", "submit", "button")
        ):
            self.field_ids.append(attrs.get("id"))


def unlabelled_fields(html):
    parser = _Inputs()
    parser.feed(html)
    return [field_id for field_id in parser.field_ids if field_id is None or field_id not in parser.label_fors]


def without_csrf_tokens(html):
    return re.sub(r'name="csrfmiddlewaretoken" value="[^"]*"', "", html)


def reset_link_from(message):
    return re.search(r"https?://\S+/accounts/reset/\S+/", message.body).group(0)


# Signing in and out.


def test_login_with_username_and_password_lands_on_home(client, officer):
    response = client.post(reverse("login"), {"username": "officer", "password": "pw-officer"})
    assert response.status_code == 302
    assert response.url == "/"
    assert signed_in_user_id(client) == str(officer.pk)


def test_login_returns_to_the_page_asked_for(client, officer):
    response = client.post(
        reverse("login"), {"username": "officer", "password": "pw-officer", "next": "/plans/1/"}
    )
    assert response.url == "/plans/1/"


def test_login_ignores_next_pointing_to_another_site(client, officer):
    response = client.post(
        reverse("login"), {"username": "officer", "password": "pw-officer", "next": "https://evil.example/"}
    )
    assert response.url == "/"


def test_login_with_wrong_password_shows_vietnamese_error_and_starts_no_session(client, officer):
    response = client.post(reverse("login"), {"username": "officer", "password": "wrong"})
    assert response.status_code == 200
    assert "Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác" in response.text
    assert signed_in_user_id(client) is None


def test_login_with_empty_fields_shows_vietnamese_required_errors(client, db):
    response = client.post(reverse("login"), {"username": "", "password": ""})
    assert response.text.count("Trường này là bắt buộc.") == 2


def test_logout_by_get_is_refused_and_keeps_the_session(client, officer):
    client.force_login(officer)
    response = client.get(reverse("logout"))
    assert response.status_code == 405
    assert signed_in_user_id(client) == str(officer.pk)


def test_logout_by_post_ends_the_session_and_shows_the_login_page(client, officer):
    client.force_login(officer)
    response = client.post(reverse("logout"), follow=True)
    assert response.redirect_chain == [(reverse("login"), 302)]
    assert "Bạn đã đăng xuất." in response.text
    assert signed_in_user_id(client) is None


def test_deactivated_user_cannot_log_in(client, officer):
    officer.is_active = False
    officer.save()
    response = client.post(reverse("login"), {"username": "officer", "password": "pw-officer"})
    assert response.status_code == 200
    assert signed_in_user_id(client) is None


def test_user_deactivated_by_an_admin_is_anonymous_from_the_next_request(client, officer):
    client.force_login(officer)
    assert client.get(reverse("password_change")).status_code == 200
    officer.is_active = False
    officer.save()

    response = client.get(reverse("password_change"))
    assert response.status_code == 302
    assert response.url == f"{reverse('login')}?next={reverse('password_change')}"
    assert client.get("/").wsgi_request.user.is_anonymous


# Changing one's password.


def test_password_change_asks_anonymous_users_to_log_in(client, db):
    response = client.get(reverse("password_change"))
    assert response.url == f"{reverse('login')}?next={reverse('password_change')}"


def test_password_change_works_and_the_old_password_stops_working(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": "pw-officer", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("password_change_done"), 302)]
    assert "Mật khẩu của bạn đã được đổi." in response.text
    assert signed_in_user_id(client) == str(officer.pk)  # this session stays signed in

    client.logout()
    assert client.login(username="officer", password="pw-officer") is False
    assert client.login(username="officer", password=NEW_PASSWORD) is True


def test_password_change_with_wrong_old_password_shows_vietnamese_error(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": "wrong", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
    )
    assert response.status_code == 200
    assert "Mật khẩu cũ không chính xác" in response.text
    officer.refresh_from_db()
    assert officer.check_password("pw-officer")


def test_password_change_refuses_a_weak_password_in_vietnamese(client, officer):
    client.force_login(officer)
    response = client.post(
        reverse("password_change"),
        {"old_password": "pw-officer", "new_password1": "12345678", "new_password2": "12345678"},
    )
    assert response.status_code == 200
    assert "Mật khẩu này hoàn toàn là số." in response.text


# Resetting a forgotten password by email.


@pytest.fixture
def site_host(settings):
    """The site's public address (SITE_URL), which the reset links use whatever Host the request named."""
    settings.ALLOWED_HOSTS = [HOST, "testserver"]
    settings.SITE_URL = f"https://{HOST}"
    return HOST


def test_password_reset_emails_a_vietnamese_link_on_the_sites_host(client, officer, site_host):
    response = client.post(reverse("password_reset"), {"email": "OFFICER@example.vn"})
    assert response.status_code == 302
    assert response.url == reverse("password_reset_done")
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["officer@example.vn"]
    assert message.subject == f"Đặt lại mật khẩu trên {site_host}"
    assert "Mở liên kết sau để đặt mật khẩu mới" in message.body
    assert "hết hạn sau 24 giờ" in message.body
    assert "Tên đăng nhập của bạn: officer" in message.body
    assert reset_link_from(message).startswith(f"https://{site_host}/accounts/reset/")


def test_following_the_reset_link_sets_a_new_password_once(client, officer, site_host):
    client.post(reverse("password_reset"), {"email": "officer@example.vn"}, headers={"host": site_host})
    link = reset_link_from(mail.outbox[0]).removeprefix(f"https://{site_host}")

    # Django swaps the token in the URL for one kept in the session before showing the form.
    response = client.get(link, headers={"host": site_host}, follow=True)
    form_url = response.redirect_chain[-1][0]
    assert response.context["validlink"] is True
    response = client.post(
        form_url, {"new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD}, headers={"host": site_host}, follow=True
    )
    assert response.redirect_chain == [(reverse("password_reset_complete"), 302)]
    assert "Mật khẩu mới của bạn đã được lưu." in response.text

    assert client.login(username="officer", password="pw-officer") is False
    assert client.login(username="officer", password=NEW_PASSWORD) is True
    client.logout()
    response = client.get(link, headers={"host": site_host}, follow=True)
    assert response.context["validlink"] is False
    assert "Liên kết đặt lại mật khẩu không dùng được" in response.text


def test_reset_link_with_a_bad_token_is_refused(client, officer):
    response = client.get(reverse("password_reset_confirm", args=["MQ", "bad-token"]))
    assert response.context["validlink"] is False
    assert "Liên kết đặt lại mật khẩu không dùng được" in response.text


@pytest.mark.parametrize("email", ["nobody@example.vn", "inactive@example.vn"])
def test_password_reset_for_an_address_with_no_usable_account_looks_the_same_and_sends_nothing(
    client, officer, django_user_model, email
):
    make_user(django_user_model, "inactive", email="inactive@example.vn", is_active=False)
    known = client.post(reverse("password_reset"), {"email": "officer@example.vn"}, follow=True)
    mail.outbox.clear()

    unknown = client.post(reverse("password_reset"), {"email": email}, follow=True)
    assert unknown.redirect_chain == known.redirect_chain == [(reverse("password_reset_done"), 302)]
    assert "Đã gửi hướng dẫn đặt lại mật khẩu" in unknown.text
    assert without_csrf_tokens(unknown.text) == without_csrf_tokens(known.text)
    assert mail.outbox == []


# Every page: fields labelled, header links.


@pytest.mark.parametrize(
    "url_name, signed_in",
    [("login", False), ("password_change", True), ("password_reset", False)],
)
def test_every_field_on_the_accounts_forms_has_a_label(client, officer, url_name, signed_in):
    if signed_in:
        client.force_login(officer)
    response = client.post(reverse(url_name), {})  # with errors shown too
    assert response.status_code == 200
    assert unlabelled_fields(response.text) == []
    assert len(response.context["form"].visible_fields()) >= 1


def test_every_field_on_the_new_password_form_has_a_label(client, officer):
    client.post(reverse("password_reset"), {"email": "officer@example.vn"})
    response = client.get(reset_link_from(mail.outbox[0]).removeprefix(settings.SITE_URL), follow=True)
    assert response.context["validlink"] is True
    assert unlabelled_fields(response.text) == []


def test_header_offers_login_to_anonymous_users(client, db):
    response = client.get(reverse("password_reset"))
    assert f'href="{reverse("login")}?next=/accounts/password_reset/"' in response.text
    # Not on the login page itself, where "next" would point back at it.
    assert f'href="{reverse("login")}?next=' not in client.get(reverse("login")).text


def test_header_offers_password_change_and_logout_when_signed_in(client, officer):
    client.force_login(officer)
    html = client.get(reverse("password_change")).text
    assert f'href="{reverse("password_change")}"' in html
    assert f'action="{reverse("logout")}"' in html
    assert reverse("admin:logout") not in html


def test_admin_password_change_and_logout_still_work_through_these_templates(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        reverse("admin:password_change"),
        {"old_password": "pw-admin", "new_password1": NEW_PASSWORD, "new_password2": NEW_PASSWORD},
        follow=True,
    )
    assert response.redirect_chain == [(reverse("admin:password_change_done"), 302)]
    assert "Mật khẩu của bạn đã được đổi." in response.text
    response = client.post(reverse("admin:logout"))
    assert response.url == reverse("login")


# Role helpers.


@pytest.fixture
def people(db, django_user_model):
    """One user per role; ``both`` is an officer of one agency and a viewer of another."""
    home, other = make_agency(code="home"), make_agency(code="other")
    both = make_user(django_user_model, "both", home)
    Membership.objects.create(user=both, agency=other, role=Membership.Role.VIEWER)
    return {
        "home": home,
        "other": other,
        "officer": make_user(django_user_model, "officer", home),
        "coordinator": make_user(django_user_model, "coordinator", other, role=Membership.Role.COORDINATOR),
        "viewer": make_user(django_user_model, "viewer", other, role=Membership.Role.VIEWER),
        "both": both,
        "staff": make_user(django_user_model, "staff", is_staff=True),
        "staff reviewer": _with_permissions(make_user(django_user_model, "reviewer", is_staff=True),
                                            "review_agencyreport"),
        "staff leader": _with_permissions(make_user(django_user_model, "leader"), "view_all_agencyreports"),
        "superuser": django_user_model.objects.create_superuser("root", password="x"),
        "nobody": make_user(django_user_model, "nobody"),
        "deactivated coordinator": make_user(
            django_user_model, "gone", other, role=Membership.Role.COORDINATOR, is_active=False
        ),
        "anonymous": AnonymousUser(),
    }


def _with_permissions(user, *codenames):
    from django.contrib.auth.models import Permission

    user.user_permissions.set(Permission.objects.filter(content_type__app_label="reports", codename__in=codenames))
    return user


@pytest.mark.parametrize(
    "persona, coordinator, viewer, officer, sees_all, admin",
    [
        ("officer", False, False, True, False, False),
        ("coordinator", True, False, False, True, False),
        ("viewer", False, True, False, True, False),
        ("both", False, True, True, True, False),
        # is_staff only opens the admin site: no role without a membership or a permission.
        ("staff", False, False, False, False, False),
        ("staff reviewer", True, False, False, True, False),
        ("staff leader", False, True, False, True, False),
        ("superuser", True, False, False, True, True),
        ("nobody", False, False, False, False, False),
        ("deactivated coordinator", False, False, False, False, False),
        ("anonymous", False, False, False, False, False),
    ],
)
def test_role_helpers_answer_per_persona(people, persona, coordinator, viewer, officer, sees_all, admin):
    user = people[persona]
    assert is_coordinator(user) is coordinator
    assert is_viewer(user) is viewer
    assert is_officer(user) is officer
    assert sees_all_reports(user) is sees_all
    assert is_admin(user) is admin
    assert may_reopen(user) is admin


def test_agencies_for_lists_only_the_agencies_where_the_user_holds_that_role(people):
    assert list(agencies_for(people["both"], Membership.Role.OFFICER)) == [people["home"]]
    assert list(agencies_for(people["both"], Membership.Role.VIEWER)) == [people["other"]]
    assert list(agencies_for(people["both"], Membership.Role.COORDINATOR)) == []
    assert list(agencies_for(people["coordinator"], Membership.Role.COORDINATOR)) == [people["other"]]
    assert list(agencies_for(people["staff"], Membership.Role.COORDINATOR)) == []


@pytest.mark.parametrize("persona", ["anonymous", "deactivated coordinator"])
def test_agencies_for_is_empty_without_asking_the_database_for_anonymous_or_deactivated_users(
    people, persona, django_assert_num_queries
):
    with django_assert_num_queries(0):
        assert list(agencies_for(people[persona], Membership.Role.COORDINATOR)) == []


def test_role_helpers_share_one_query_per_user(people, django_assert_num_queries):
    # SELECT agency_id, role FROM agencies_membership WHERE user_id = … UNION SELECT NULL, app.codename of the
    # role permissions the user holds: once, then every helper answers from it (a request asks once however many
    # checks its view makes).
    for persona in ("nobody", "staff reviewer", "coordinator"):
        with django_assert_num_queries(1):
            for helper in (is_coordinator, is_viewer, is_officer, sees_all_reports, may_reopen, is_coordinator):
                helper(people[persona])


def test_the_grants_query_compiled_once_a_day_answers_as_the_orm_query(people, django_user_model):
    """``roles.grant_rows`` runs the SQL compiled once a day with the user's id swapped in: the same rows as the ORM
    query built for that user, for every persona, a permission held through a group, and an agency that has ceased
    (a coordinator's rights end with it; an officer keeps theirs), on every date."""
    import datetime

    from django.contrib.auth.models import Group, Permission

    from accounts import roles

    group = Group.objects.create(name="Tổng hợp")
    group.permissions.set(Permission.objects.filter(codename="reopen_agencyreport"))
    people["nobody"].groups.add(group)
    ended = make_agency(code="ended", valid_to=datetime.date(2025, 6, 30))
    Membership.objects.create(user=people["coordinator"], agency=ended, role=Membership.Role.COORDINATOR)
    Membership.objects.create(user=people["officer"], agency=ended, role=Membership.Role.OFFICER)
    for on in (datetime.date(2025, 6, 30), datetime.date(2025, 7, 1)):
        for persona, user in people.items():
            if persona in ("home", "other", "anonymous"):
                continue
            assert sorted(roles.grant_rows(user.pk, on), key=str) == sorted(
                roles._grants_queryset(user.pk, on), key=str), (persona, on)
    assert (ended.pk, "coordinator") in roles.grant_rows(people["coordinator"].pk, datetime.date(2025, 6, 30))
    assert (ended.pk, "coordinator") not in roles.grant_rows(people["coordinator"].pk, datetime.date(2025, 7, 1))
    assert (ended.pk, "officer") in roles.grant_rows(people["officer"].pk, datetime.date(2025, 7, 1))
    assert roles.grant_rows(people["nobody"].pk) == [(None, "reports.reopen_agencyreport")]
    assert roles.grant_rows(people["staff"].pk) == []
