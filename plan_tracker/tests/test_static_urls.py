"""``{% static %}`` and Jinja2's ``static()`` with each address worked out once per process (plan_tracker/static_urls.py,
issue #18, session 14): the address Django's ``static()`` gives, for the URL prefix of the request and the settings of
the moment."""

import pytest
from django.template import engines
from django.templatetags.static import static
from django.test import Client, override_settings
from django.urls import reverse, set_script_prefix

from plan_tracker import static_urls

PATHS = ["css/app.css", "css/print.css", "favicon.svg", "js/report form.js", "img/ảnh.png", "a?b=1&c"]


@pytest.fixture(autouse=True)
def prefix_back():
    static_urls._URLS.clear()
    yield
    set_script_prefix("/")
    static_urls._URLS.clear()


def django_template(path):
    return engines["django"].from_string("{% load static_urls %}{% static path %}|{% static path as u %}{{ u }}|"
                                         "{% get_static_prefix %}|{% get_media_prefix %}").render({"path": path})


def jinja(path):
    return engines["jinja2"].from_string("{{ static(path) }}").render({"path": path})


def expected(path):
    from django.utils.html import conditional_escape
    from django.conf import settings

    url = conditional_escape(static(path))
    return f"{url}|{url}|{conditional_escape(settings.STATIC_URL)}|{conditional_escape(settings.MEDIA_URL)}"


def test_the_tags_give_djangos_addresses_twice_over():
    for _ in range(2):  # worked out, then kept
        for path in PATHS:
            assert django_template(path) == expected(path)
            assert jinja(path) == str(static(path).replace("&", "&amp;"))
    assert static_urls._URLS


@override_settings(STATIC_URL="static/")  # relative, as in production's settings: the URL prefix goes in front
def test_the_address_is_djangos_whatever_the_url_prefix():
    set_script_prefix("/ke-hoach/")  # before the storage is made (override_settings made it anew): its base URL
    assert django_template("css/app.css").startswith("/ke-hoach/static/css/app.css|")
    for prefix in ("/", "/khac/"):  # Django's storage keeps its base URL: so do the tags
        set_script_prefix(prefix)
        assert django_template("css/app.css") == expected("css/app.css")
        assert jinja("css/app.css") == static("css/app.css") == "/ke-hoach/static/css/app.css"


def test_a_changed_setting_is_followed():
    before = static("css/app.css")
    assert jinja("css/app.css") == before
    with override_settings(STATIC_URL="https://cdn.example.vn/tinh/"):
        assert jinja("css/app.css") == "https://cdn.example.vn/tinh/css/app.css"
        assert django_template("favicon.svg").startswith("https://cdn.example.vn/tinh/favicon.svg|")
    assert jinja("css/app.css") == static("css/app.css")


def test_a_page_links_its_stylesheet(db):
    html = Client().get(reverse("password_reset")).content.decode()  # (the sign-in page may come from its memo)
    assert f'<link rel="stylesheet" href="{static("css/app.css")}">' in html
    assert "css/app.css" in static_urls._URLS  # through the project's library


def test_the_project_pages_load_it_and_django_warns_of_nothing(capsys):
    from django.core.management import call_command

    for name in ("base.html", "reports/report_detail.html", "tasks/task_list.html"):
        source = engines["django"].engine.find_template(name)[0].source
        assert "{% load" in source.splitlines()[0] and " static_urls " in source.splitlines()[0], name
    call_command("check", "--tag", "templates")
    assert "W003" not in capsys.readouterr().err
