"""Production password hashing: Argon2 first; older PBKDF2 hashes still log in and are upgraded on the way.
(The test settings use MD5 for speed: these tests put the production list back.)"""

import importlib

import pytest
from django.contrib.auth import authenticate
from django.contrib.auth.hashers import PBKDF2PasswordHasher, get_hasher, identify_hasher, make_password

PRODUCTION_HASHERS = importlib.import_module("plan_tracker.settings").PASSWORD_HASHERS


@pytest.fixture
def production_hashers(settings):
    settings.PASSWORD_HASHERS = PRODUCTION_HASHERS


def test_argon2_comes_first_and_pbkdf2_still_verifies():
    assert PRODUCTION_HASHERS[0] == "plan_tracker.hashers.Argon2OwaspPasswordHasher"
    assert "django.contrib.auth.hashers.PBKDF2PasswordHasher" in PRODUCTION_HASHERS[1:]


def test_argon2_uses_owasps_parameters_and_rehashes_djangos_defaults(production_hashers, db, django_user_model):
    from django.contrib.auth.hashers import Argon2PasswordHasher

    encoded = make_password("mật khẩu đủ dài 2025")
    assert "$v=19$m=19456,t=2,p=1$" in encoded
    # A hash made with Django's own Argon2 defaults (m=102400, p=8) still logs in, and is re-hashed.
    user = django_user_model.objects.create(username="canbo.argon")
    user.password = Argon2PasswordHasher().encode("mật khẩu", Argon2PasswordHasher().salt())
    user.save()
    assert "m=102400" in user.password
    assert authenticate(username="canbo.argon", password="mật khẩu") == user
    user.refresh_from_db()
    assert "$m=19456,t=2,p=1$" in user.password


def test_new_passwords_are_hashed_with_argon2(production_hashers):
    encoded = make_password("mật khẩu đủ dài 2025")

    assert encoded.startswith("argon2$argon2id$")
    assert identify_hasher(encoded).algorithm == get_hasher("default").algorithm == "argon2"


def test_an_old_pbkdf2_hash_logs_in_and_is_upgraded_to_argon2(production_hashers, db, django_user_model):
    user = django_user_model.objects.create(username="canbo.cu")
    # A hash from before the change (fewer iterations than Django's default keeps the test fast).
    user.password = PBKDF2PasswordHasher().encode("mật khẩu cũ", PBKDF2PasswordHasher().salt(), iterations=1000)
    user.save()

    assert authenticate(username="canbo.cu", password="mật khẩu cũ") == user

    user.refresh_from_db()
    assert user.password.startswith("argon2$")
    assert authenticate(username="canbo.cu", password="mật khẩu cũ") == user
    assert authenticate(username="canbo.cu", password="sai") is None
