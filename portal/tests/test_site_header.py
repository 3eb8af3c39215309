"""{% site_header %} (portal/templatetags/chrome.py): every page's header served from memory is the HTML its template
renders for that request — for a visitor and a signed-in user, staff or not, in Vietnamese and English, on pages of
one kind with other paths (the language form's ``next``) — and its forms carry the reader's own valid CSRF token."""

import re

import pytest
from django.contrib.auth.models import AnonymousUser
from django.template.loader import get_template
from django.test import Client, RequestFactory
from django.urls import resolve

from portal.templatetags import chrome
from testing.factories import make_user

HEADER = re.compile(r"<header class=\"site-header\">.*?</header>", re.S)
TOKEN = re.compile(r'(name="csrfmiddlewaretoken" value=")[^"]+(")')


def _header(response):
    (found,) = HEADER.findall(response.content.decode())
    return found


def _as_template_renders_it(response, user, language):
    """The header as the template renders it for this request, without the memo."""
    request = RequestFactory().get(response.wsgi_request.get_full_path())
    request.user = user
    request.resolver_match = resolve(request.path)
    html = get_template(chrome.TEMPLATE).render({"request": request, "user": user, "csrf_token": "x",
                                                 "LANGUAGE_CODE": language})
    return TOKEN.sub(r"\1…\2", html)


PATHS = ["/", "/tasks/?q=%3Cb%3E%22x%22&page=2", "/tasks/?q=s%E1%BB%9F", "/agencies/", "/plans/"]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("kind", ["visitor", "officer", "staff"])
def test_the_header_from_memory_is_what_the_template_renders(world, django_user_model, kind, language):
    chrome._MEMO.clear()
    client = Client(HTTP_ACCEPT_LANGUAGE=language)
    client.cookies["django_language"] = language
    user = AnonymousUser()
    if kind != "visitor":
        user = make_user(django_user_model, f"u-{kind}", world.noivu, is_staff=kind == "staff")
        client.force_login(user)
    paths = PATHS if kind != "visitor" else ["/accounts/login/", "/accounts/login/?next=/plans/%22%3E", "/plans/"]
    for path in paths + paths:  # the second time from memory
        response = client.get(path)
        assert response.status_code == 200, path
        user.is_authenticated and user.refresh_from_db()
        assert TOKEN.sub(r"\1…\2", _header(response)) == _as_template_renders_it(response, user, language), path
    assert chrome._MEMO  # served from memory


def test_each_user_sees_their_own_name_and_links(world, django_user_model, client):
    chrome._MEMO.clear()
    first = make_user(django_user_model, "nguoi-mot", world.noivu)
    second = make_user(django_user_model, "nguoi-hai", world.noivu)
    client.force_login(first)
    one = _header(client.get("/plans/"))
    client.force_login(second)
    two = _header(client.get("/plans/"))
    assert "(nguoi-mot)" in one and "(nguoi-hai)" not in one and "/admin/" not in one
    assert "(nguoi-hai)" in two and "(nguoi-mot)" not in two


def test_the_headers_forms_carry_the_readers_valid_token(world, django_user_model):
    chrome._MEMO.clear()
    user = make_user(django_user_model, "canbo-token", world.noivu)
    for _ in range(2):  # rendered, then from memory
        client = Client(enforce_csrf_checks=True)
        client.force_login(user)
        header = _header(client.get("/plans/"))
        tokens = re.findall(r'name="csrfmiddlewaretoken" value="([^"]+)"', header)
        assert len(tokens) == 2 and chrome.CSRF_STAND_IN not in header
        response = client.post("/i18n/setlang/", {"language": "en", "next": "/plans/",
                                                  "csrfmiddlewaretoken": tokens[1]})
        assert response.status_code == 302
        assert client.post("/accounts/logout/", {"csrfmiddlewaretoken": tokens[0]}).status_code == 302
        assert "_auth_user_id" not in client.session


def test_a_user_who_changes_language_gets_the_header_in_it(world, django_user_model, client):
    chrome._MEMO.clear()
    client.force_login(make_user(django_user_model, "doi-ngon-ngu", world.noivu))
    assert ">Trang chủ<" in _header(client.get("/plans/"))
    client.cookies["django_language"] = "en"
    header = _header(client.get("/plans/"))
    assert ">Trang chủ<" not in header and 'value="en" selected' in header


def test_one_header_in_memory_serves_every_user_with_their_own_name(world, django_user_model):
    """The name is put into the stored header per request, escaped as the template escapes it: the header of a page
    kind is rendered once for all the officers who open it (deadline day: each officer's first page of a kind)."""
    chrome._MEMO.clear()
    names = ["can-bo.mot@so", "can-bo-hai", 'ten<b>&"la\'']  # the last made without the form's checks
    for name in names:
        user = make_user(django_user_model, name, world.noivu)
        client = Client()
        client.force_login(user)
        response = client.get("/plans/?q=" + name)
        header = TOKEN.sub(r"\1…\2", _header(response))
        assert header == _as_template_renders_it(response, user, "vi"), name
        assert chrome._USERNAME not in header
    assert "(ten&lt;b&gt;&amp;&quot;la&#x27;)</button>" in header
    assert len(chrome._MEMO) == 1
