"""Vietnamese first: the language comes from the switcher's cookie, never from the browser's
Accept-Language (office PCs in Vietnam often run an English browser)."""

import csp.middleware
from csp.constants import HEADER, HEADER_REPORT_ONLY
from csp.utils import build_policy


class VietnameseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)


def permissions_policy_header(policy):
    """``{"camera": [], "fullscreen": ["self"]}`` as ``camera=(), fullscreen=(self)``."""
    return ", ".join(f"{feature}=({' '.join(allow)})" for feature, allow in policy.items())


class SecurityHeadersMiddleware:
    """Headers Django's SecurityMiddleware does not send (README "Security"):

    - ``Permissions-Policy`` (settings.PERMISSIONS_POLICY) on every response;
    - ``Cache-Control: private, no-store`` on every response to a signed-in person: report pages, history,
      evidence files, the year's pages and exports, task and agency pages, the home page… Whatever a signed-in
      page shows may be report content, and no shared cache, nor the browser's disk, should keep it after the
      person signs out. Static files never reach this (whitenoise serves them before)."""

    def __init__(self, get_response):
        from django.conf import settings

        self.get_response = get_response
        self.permissions_policy = permissions_policy_header(getattr(settings, "PERMISSIONS_POLICY", {}))

    def __call__(self, request):
        response = self.get_response(request)
        if self.permissions_policy:
            response.headers.setdefault("Permissions-Policy", self.permissions_policy)
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            from django.utils.cache import patch_cache_control

            response.headers.pop("Expires", None)
            patch_cache_control(response, private=True, no_store=True)
        return response


# --- Content-Security-Policy, built once per process (issue #18) ----------------------------------------------------

#: What a view may set on its response to change its policy (django-csp's decorators): any of them, and the header
#: is built for that response as django-csp builds it.
PER_RESPONSE = ("_csp_config", "_csp_update", "_csp_replace", "_csp_config_ro", "_csp_update_ro", "_csp_replace_ro")


class CSPMiddleware(csp.middleware.CSPMiddleware):
    """django-csp's middleware (4.0), the same headers, with the policy string built once per process: django-csp
    builds both policies (the policy and the report-only one) from the settings on every response, the same strings
    every time unless a view changed its response's policy (``@csp_update``…) or the page used a nonce. Those
    responses go through django-csp's own ``process_response``; every other one gets the string built for the
    settings' current value (a new value, ``override_settings`` in a test, builds it again).
    ``plan_tracker/tests/test_request_cost.py`` compares the headers with django-csp's, case by case, and pins
    django-csp's ``process_response`` this copies (an upgrade that changes it fails there)."""

    _SETTINGS = {False: "CONTENT_SECURITY_POLICY", True: "CONTENT_SECURITY_POLICY_REPORT_ONLY"}

    def __init__(self, get_response):
        super().__init__(get_response)
        self._built = {}  # report_only: (the settings' value it was built from, the policy)

    def _policy(self, report_only):
        from django.conf import settings

        config = getattr(settings, self._SETTINGS[report_only], None)
        built = self._built.get(report_only)
        if built is None or built[0] is not config:
            built = self._built[report_only] = (config, build_policy(report_only=report_only))
        return built[1]

    def process_response(self, request, response):
        if getattr(request, "_csp_nonce", None) is not None or any(
                getattr(response, name, None) is not None for name in PER_RESPONSE):
            return super().process_response(request, response)
        from django.conf import settings

        # As django-csp's process_response, with nothing per response to build.
        if response.status_code in (500, 404) and settings.DEBUG:
            return response
        for report_only, header, exempt in ((False, HEADER, "_csp_exempt"), (True, HEADER_REPORT_ONLY, "_csp_exempt_ro")):
            policy = self._policy(report_only)
            if policy and header not in response and getattr(response, exempt, False) is False:
                prefixes = (getattr(settings, self._SETTINGS[report_only], None) or {}).get("EXCLUDE_URL_PREFIXES") or ()
                if not request.path_info.startswith(tuple(prefixes)):
                    response[header] = policy
        request.csp_nonce = csp.middleware.CheckableLazyObject(self._csp_nonce_post_response)
        return response
