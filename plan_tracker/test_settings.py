"""Settings for the test suite: the real settings, with a fast password hasher, and the benchmark app
(its commands are tested; production does not install it)."""

from .settings import *  # noqa: F401,F403

# ~0.3 s per check with the default hasher; never use MD5 outside tests.
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
STORAGES["staticfiles"] = {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"}  # noqa: F405
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
INSTALLED_APPS = [*INSTALLED_APPS, "benchmarks"]  # noqa: F405
# Django's test Client.login() authenticates without a request, which axes refuses: the sign-in lock-out is
# off here and on in its own tests (accounts/tests/test_security_login.py), which sign in through the form.
AXES_ENABLED = False
