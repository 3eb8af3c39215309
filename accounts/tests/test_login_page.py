"""The sign-in page (issue #18, session 14): its plain form (a visitor, no query string, no message) is rendered once
per process and language (``accounts.views.LoginView``) and served with each request's own CSRF token. What a visitor
reads is Django's page, token aside; the token is theirs, and signs them in; anything else is Django's rendering."""

import re

import pytest
from django.conf import settings
from django.contrib.auth import views as auth_views
from django.middleware.csrf import _unmask_cipher_token
from django.test import Client
from django.urls import reverse

from accounts import views
from accounts.tests.conftest import PASSWORD

LOGIN = reverse("login")
TOKEN = re.compile(r'name="csrfmiddlewaretoken" value="([^"]*)"')


@pytest.fixture(autouse=True)
def fresh_memo():
    views._LOGIN_PAGES.clear()
    yield
    views._LOGIN_PAGES.clear()


def masked(html):
    return TOKEN.sub('name="csrfmiddlewaretoken" value=""', html)


def browser(language=None):
    client = Client()
    if language:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = language
    return client


def djangos(monkeypatch, path=LOGIN, language=None):
    """The page as Django's own LoginView renders it (the fast path taken out), with a fresh browser."""
    with monkeypatch.context() as m:
        m.setattr(views.LoginView, "get", auth_views.LoginView.get)
        response = browser(language).get(path)
    assert response.status_code == 200
    return response


@pytest.mark.parametrize("language", ["vi", "en"])
def test_the_plain_page_is_djangos_page_token_aside(db, monkeypatch, language):
    reference = djangos(monkeypatch, language=language)
    for _ in range(2):  # rendered, then from the memo
        response = browser(language).get(LOGIN)
        assert response.status_code == 200
        html = response.content.decode()
        assert masked(html) == masked(reference.content.decode())
        assert len(TOKEN.findall(html)) == 2  # the language form's and the sign-in form's
        for name in ("Content-Type", "Cache-Control", "Expires", "Vary", "X-Frame-Options", "Content-Language"):
            assert response.get(name) is not None or reference.get(name) is None, name
            if name != "Expires":
                assert response.get(name) == reference.get(name), name
    assert len(views._LOGIN_PAGES) == 1
    assert ("Đăng nhập" if language == "vi" else "Sign in") in html


def test_each_visitor_gets_their_own_token_and_signs_in_with_it(officer, monkeypatch):
    made = []
    plain_page = views.LoginView._plain_page
    monkeypatch.setattr(views.LoginView, "_plain_page", lambda self, request: made.append(1) or plain_page(self, request))
    first, second = Client(enforce_csrf_checks=True), Client(enforce_csrf_checks=True)
    first_tokens = TOKEN.findall(first.get(LOGIN).content.decode())
    second_tokens = TOKEN.findall(second.get(LOGIN).content.decode())
    assert made == [1]  # the page made once: the second visitor's came from the memo
    for browser, tokens in ((first, first_tokens), (second, second_tokens)):
        secret = browser.cookies["csrftoken"].value
        assert tokens and all(_unmask_cipher_token(token) == secret for token in tokens)
    assert first.cookies["csrftoken"].value != second.cookies["csrftoken"].value
    assert not set(first_tokens) & set(second_tokens)
    response = second.post(LOGIN, {"username": "officer", "password": PASSWORD,
                                   "csrfmiddlewaretoken": second_tokens[-1]})
    assert response.status_code == 302 and "_auth_user_id" in second.session


def test_a_next_a_message_or_a_signed_in_reader_get_djangos_own_page(officer, monkeypatch):
    Client().get(LOGIN)  # the plain page in the memo
    html = Client().get(LOGIN + "?next=/reports/").content.decode()
    assert '<input type="hidden" name="next" value="/reports/">' in html
    assert masked(html) == masked(djangos(monkeypatch, LOGIN + "?next=/reports/").content.decode())

    browser = Client()
    browser.force_login(officer)
    browser.post(reverse("logout"))
    html = browser.get(LOGIN).content.decode()
    assert "Bạn đã đăng xuất." in html
    assert "Bạn đã đăng xuất." not in browser.get(LOGIN).content.decode()  # shown once, as Django shows messages

    browser.force_login(officer)
    html = browser.get(LOGIN + "?next=/admin/").content.decode()
    assert "Tài khoản của bạn không có quyền xem trang này" in html
    assert "(officer)</button>" in browser.get(LOGIN).content.decode()  # signed in: the header names them
