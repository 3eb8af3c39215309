"""Vietnamese first: the language comes from the switcher's cookie, never from the browser's
Accept-Language (office PCs in Vietnam often run an English browser)."""


class VietnameseFirstMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request.META.pop("HTTP_ACCEPT_LANGUAGE", None)
        return self.get_response(request)
