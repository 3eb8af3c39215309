"""Every request's fixed cost (issue #18, README "Every request's fixed cost, session 12"): what the middleware does
once per process instead of once per request gives the same response, header for header."""

import hashlib
import inspect
from importlib.metadata import version

import csp.middleware
import pytest
from csp.constants import NONCE
from csp.decorators import csp_exempt, csp_replace, csp_update
from django.http import HttpResponse, HttpResponseNotFound
from django.test import RequestFactory
from django.urls import reverse

from plan_tracker.middleware import CSPMiddleware

CSP_HEADERS = ("Content-Security-Policy", "Content-Security-Policy-Report-Only")


def _plain(request):
    return HttpResponse("ok")


def _nonce_used(request):
    return HttpResponse(str(request.csp_nonce))


@csp_exempt()
def _exempt(request):
    return HttpResponse("ok")


@csp_update({"img-src": ["data:"]})
def _updated(request):
    return HttpResponse("ok")


@csp_replace({"script-src": ["'self'", "https://example.org"]})
def _replaced(request):
    return HttpResponse("ok")


def _not_found(request):
    return HttpResponseNotFound("no")


def _already_set(request):
    response = HttpResponse("ok")
    response["Content-Security-Policy"] = "default-src 'none'"
    return response


VIEWS = [_plain, _nonce_used, _exempt, _updated, _replaced, _not_found, _already_set]


def both(view, path="/reports/"):
    """The CSP headers of ``view``'s response through django-csp's middleware and through ours (a new request
    each), and what ``request.csp_nonce`` does after the response."""
    answers = []
    for middleware_class in (csp.middleware.CSPMiddleware, CSPMiddleware):
        middleware = middleware_class(view)
        middleware(RequestFactory().get(path))  # ours builds its policy on the first response
        request = RequestFactory().get(path)
        response = middleware(request)
        headers = {name: response.headers.get(name) for name in CSP_HEADERS}
        if view is _nonce_used:  # the nonce is per request: the same header around it
            nonce = response.content.decode()
            headers = {name: value and value.replace(nonce, "NONCE") for name, value in headers.items()}
        try:
            str(request.csp_nonce)
            after = "nonce"
        except Exception as error:  # noqa: BLE001 - the type is what is compared
            after = type(error).__name__
        answers.append((headers, after))
    return answers


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
def test_csp_headers_byte_for_byte_as_django_csps(view):
    theirs, ours = both(view)
    assert ours == theirs
    if view is _plain:
        assert "script-src 'self'" in ours[0]["Content-Security-Policy"]
        assert ours[1] == "CSPNonceError"  # a nonce asked for after the header is written is an error, as theirs


NONCE_POLICY = {"DIRECTIVES": {"default-src": ["'self'"], "script-src": ["'self'", NONCE]}}
REPORT_ONLY = {"DIRECTIVES": {"default-src": ["'self'"], "report-uri": "/csp-report/"}}


@pytest.mark.parametrize("view", VIEWS, ids=lambda view: view.__name__)
@pytest.mark.parametrize("policies", [
    {"CONTENT_SECURITY_POLICY": NONCE_POLICY},
    {"CONTENT_SECURITY_POLICY_REPORT_ONLY": REPORT_ONLY},
    {"CONTENT_SECURITY_POLICY": {**NONCE_POLICY, "EXCLUDE_URL_PREFIXES": ["/reports/"]},
     "CONTENT_SECURITY_POLICY_REPORT_ONLY": {**REPORT_ONLY, "EXCLUDE_URL_PREFIXES": ["/admin/"]}},
    {"CONTENT_SECURITY_POLICY": None},
    {"DEBUG": True},
], ids=["nonce", "report-only", "excluded", "none", "debug"])
def test_other_policies_byte_for_byte_as_django_csps(view, policies, settings):
    for name, value in policies.items():
        setattr(settings, name, value)
    theirs, ours = both(view)
    assert ours == theirs


def test_a_changed_setting_builds_the_policy_again(settings):
    middleware = CSPMiddleware(_plain)
    first = middleware(RequestFactory().get("/"))["Content-Security-Policy"]
    settings.CONTENT_SECURITY_POLICY = {"DIRECTIVES": {"default-src": ["'none'"]}}
    assert middleware(RequestFactory().get("/"))["Content-Security-Policy"] == "default-src 'none'"
    assert "script-src 'self'" in first


def test_the_site_serves_the_policy_django_csp_builds(client, db):
    from csp.utils import build_policy

    response = client.get(reverse("login"))
    assert response["Content-Security-Policy"] == build_policy()
    assert "Content-Security-Policy-Report-Only" not in response


def test_pinned_django_csp():
    """Our fast path copies django-csp 4.0's process_response: an upgrade must be read again (then update the hash)."""
    assert version("django-csp") == "4.0"
    source = inspect.getsource(csp.middleware.CSPMiddleware.process_response)
    assert hashlib.sha256(source.encode()).hexdigest()[:16] == "fa72a0cd0d633c49"
