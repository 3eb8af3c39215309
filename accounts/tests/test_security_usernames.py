"""Usernames in one script (issue #12, item 8; README "Security"): "so.tuphаp" with a Cyrillic "а" is refused
wherever a username is made or changed; Vietnamese names with their marks are Latin and pass."""

import unicodedata
from io import StringIO

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.management import CommandError, call_command
from django.urls import reverse
from django.utils import translation

from accounts.validators import SingleScriptUsernameValidator, scripts_in

CYRILLIC_A = "\u0430"
GREEK_OMICRON = "\u03bf"
SPOOFS = [
    f"so.tuph{CYRILLIC_A}p",  # the example
    f"canb{GREEK_OMICRON}.huyen",
    f"{CYRILLIC_A}dmin",
    "so.tuphap\u0661",  # an Arabic-Indic digit one
]
FINE = ["so.tuphap", "canbo.huyen", "admin", "user_01", "a.b-c+d@e", "nguyễn.văn.đức", "trần.thị.ơn", "lê.ưng",
        unicodedata.normalize("NFD", "nguyễn.văn.đức"), "иван.петров", "Δημήτρης"]
MESSAGE = "Tên đăng nhập trộn chữ của nhiều bảng chữ cái"


@pytest.fixture(autouse=True)
def vietnamese():
    """Messages read outside a request are in the active language: Vietnamese, whatever an earlier test chose."""
    with translation.override("vi"):
        yield


@pytest.mark.parametrize("username", SPOOFS)
def test_mixed_scripts_are_refused(username):
    with pytest.raises(ValidationError) as refused:
        SingleScriptUsernameValidator()(username)
    assert refused.value.code == "mixed_scripts"
    assert MESSAGE in refused.value.messages[0]


@pytest.mark.parametrize("username", FINE)
def test_one_script_passes_vietnamese_marks_are_latin(username):
    SingleScriptUsernameValidator()(username)


def test_the_message_names_the_scripts_in_vietnamese():
    with pytest.raises(ValidationError) as refused:
        SingleScriptUsernameValidator()(SPOOFS[0])
    assert "(Kirin, Latinh)" in refused.value.messages[0]
    assert scripts_in("so.tuphap") == {"LATIN"}


def test_the_user_models_username_field_runs_it(db):
    user = get_user_model()(username=SPOOFS[0])
    user.set_unusable_password()
    with pytest.raises(ValidationError) as refused:
        user.full_clean()
    assert "username" in refused.value.message_dict


def test_the_admin_refuses_a_new_user_with_a_mixed_script_name(admin_client):
    response = admin_client.post(reverse("admin:auth_user_add"), {
        "username": SPOOFS[0], "password1": "Mat-khau-moi-2931", "password2": "Mat-khau-moi-2931",
        "usable_password": "true"})
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not get_user_model().objects.filter(username=SPOOFS[0]).exists()

    ok = admin_client.post(reverse("admin:auth_user_add"), {
        "username": "so.tuphap", "password1": "Mat-khau-moi-2931", "password2": "Mat-khau-moi-2931",
        "usable_password": "true"})
    assert ok.status_code == 302
    assert get_user_model().objects.filter(username="so.tuphap").exists()


def test_the_admin_refuses_renaming_a_user_to_a_mixed_script_name(admin_client, django_user_model):
    user = django_user_model.objects.create_user("canbo.huyen", password="x")
    url = reverse("admin:auth_user_change", args=[user.pk])
    form = admin_client.get(url).context["adminform"].form
    data = {name: value for name, value in form.initial.items() if value is not None and name != "password"}
    data.update({"username": f"canb{GREEK_OMICRON}.huyen", "date_joined_0": "01/01/2025", "date_joined_1": "08:00:00",
                 "last_login_0": "", "last_login_1": "", "groups": [], "user_permissions": []})
    data = {k: v for k, v in data.items() if not isinstance(v, (list, tuple)) or v}
    for key in ("is_active", "is_staff", "is_superuser"):
        if not data.get(key):
            data.pop(key, None)
    response = admin_client.post(url, data)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    user.refresh_from_db()
    assert user.username == "canbo.huyen"


def test_createsuperuser_refuses_it(db):
    with pytest.raises(CommandError, match="trộn chữ"):
        call_command("createsuperuser", username=SPOOFS[0], email="x@example.vn", interactive=False,
                     stdout=StringIO(), stderr=StringIO())
    call_command("createsuperuser", username="quan.tri", email="x@example.vn", interactive=False,
                 stdout=StringIO(), stderr=StringIO())
