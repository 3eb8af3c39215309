"""Vietnamese first: the language comes from the switcher's cookie, never from the browser's
Accept-Language (office PCs in Vietnam often run an English browser)."""


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
