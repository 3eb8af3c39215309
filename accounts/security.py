"""Who is asking: the client's address, for the sign-in lock-out (django-axes, AXES_CLIENT_IP_CALLABLE) and the
password-reset limits. README "Security"."""

import ipaddress

from django.conf import settings


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except (ValueError, AttributeError):
        return None


def client_ip(request):
    """The client's IP address, or None when there is none to read.

    With REVERSE_PROXY_COUNT = 0 (the default): REMOTE_ADDR, the peer of the socket; X-Forwarded-For is never
    read, since anyone can send it. Behind N proxies that each append the address they saw to X-Forwarded-For
    (nginx: ``proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for``): the address the outermost proxy
    saw, i.e. the N-th from the right of X-Forwarded-For + REMOTE_ADDR. Whatever a client puts in the header
    itself stays on its left, out of reach."""
    remote = _valid(request.META.get("REMOTE_ADDR", ""))
    proxies = getattr(settings, "REVERSE_PROXY_COUNT", 0)
    if proxies <= 0:
        return remote
    forwarded = [part for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    chain = [*forwarded, request.META.get("REMOTE_ADDR", "")]
    if len(chain) <= proxies:
        return remote  # not through the proxies (a direct request): the peer itself
    return _valid(chain[-(proxies + 1)]) or remote
