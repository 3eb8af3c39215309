"""Issue #19, item 4: /healthz for a load balancer or a monitor. No login, no cookie, no session, no data; 200 with
{"database": "ok", "storage": "ok"}, or 503 naming what failed."""

import json

import pytest
from django.contrib.sessions.models import Session

URL = "/healthz"


@pytest.mark.django_db
def test_healthz_answers_ok_without_login_cookie_or_session(client, tmp_media, django_assert_max_num_queries):
    with django_assert_max_num_queries(1):
        response = client.get(URL)
    assert response.status_code == 200
    assert json.loads(response.content) == {"database": "ok", "storage": "ok"}
    assert response["Content-Type"] == "application/json"
    assert response["Cache-Control"] == "no-store"
    assert not response.cookies and "Vary" not in response
    assert not Session.objects.exists()
    assert client.head(URL).status_code == 200
    assert client.get(URL + "/").status_code == 200


@pytest.mark.django_db
def test_healthz_is_not_redirected_to_https_nor_refused_for_its_host(client, settings, tmp_media):
    """A balancer polls gunicorn over plain HTTP, often by IP address: the HTTPS redirect and ALLOWED_HOSTS of
    production must not turn its check into a 301 or a 400."""
    settings.DEBUG = False
    settings.SECURE_SSL_REDIRECT = True
    settings.ALLOWED_HOSTS = ["plans.example.gov.vn"]
    assert client.get(URL, HTTP_HOST="10.0.0.7:8001").status_code == 200
    assert client.get("/", HTTP_HOST="10.0.0.7:8001").status_code == 400  # every other page still checks


@pytest.mark.django_db
def test_healthz_names_the_storage_when_the_media_folder_cannot_be_used(client, settings, tmp_path):
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("x")
    settings.MEDIA_ROOT = blocker / "media"  # under a file: cannot exist
    response = client.get(URL)
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "ok", "storage": "error"}


@pytest.mark.django_db
def test_healthz_checks_the_database_storage(client, settings):
    settings.STORAGES = {**settings.STORAGES, "default": {"BACKEND": "operations.storage.DatabaseStorage"}}
    response = client.get(URL)
    assert response.status_code == 200 and json.loads(response.content)["storage"] == "ok"


@pytest.mark.django_db(transaction=True)
def test_healthz_names_the_database_when_it_is_down(client, settings, tmp_media):
    """No database at all (a closed port): 503 naming it, not a 500."""
    from django.db import connections

    connection = connections["default"]
    if connection.vendor == "sqlite":
        pytest.skip("the test database is SQLite in memory, which cannot go away; CI runs this on PostgreSQL")
    saved = dict(connection.settings_dict)
    connection.close()
    try:
        connection.settings_dict["PORT"] = "1"  # nothing listens there
        response = client.get(URL)
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503
    assert json.loads(response.content) == {"database": "error", "storage": "ok"}


@pytest.mark.django_db
def test_only_get_and_head_are_the_health_check(client, tmp_media):
    assert client.post(URL).status_code != 200


@pytest.mark.django_db(transaction=True)
def test_a_page_while_the_database_is_away_is_503_try_again_then_works_again(client, django_user_model, tmp_media):
    """A signed-in page while PostgreSQL is away: 503 with Retry-After and a message saying to try again (not a
    500); once it is back, the same browser's next request works, with no restart."""
    from django.db import connections

    connection = connections["default"]
    if connection.vendor == "sqlite":
        pytest.skip("the test database is SQLite in memory, which cannot go away; CI runs this on PostgreSQL")
    user = django_user_model.objects.create_user("someone", password="pw")
    client.force_login(user)
    client.raise_request_exception = False
    saved = dict(connection.settings_dict)
    connection.close()
    try:
        connection.settings_dict["PORT"] = "1"
        response = client.get("/")
    finally:
        connection.close()
        connection.settings_dict.clear()
        connection.settings_dict.update(saved)
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert "thử lại sau ít giây" in response.content.decode()
    assert client.get("/").status_code == 200
