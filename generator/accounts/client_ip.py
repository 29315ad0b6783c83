"""The client's address for login throttling (django-axes).

Without a proxy, REMOTE_ADDR. Behind TRUSTED_PROXY_COUNT proxies that each append the address
they saw to X-Forwarded-For, the client is that many entries from the right: entries further
left were sent by the client itself and could be anything.
"""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    remote = request.META.get("REMOTE_ADDR", "")
    proxies = settings.TRUSTED_PROXY_COUNT
    if proxies <= 0:
        return remote
    forwarded = [
        part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part
    ]
    if len(forwarded) < proxies:
        return remote  # not through the expected proxies: trust only the connection
    return forwarded[-proxies]
