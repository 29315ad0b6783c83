"""The SSRF guard of the cookie scan (issue 18): a scan makes our server open a URL a user typed,
so only http(s) to public addresses, checked for the page, every redirect and every
subresource.

The check resolves the host and refuses it when any address it resolves to is not public, so
every spelling of a private address is refused by what it is, not by how it is written: decimal
(`2130706433`), octal, IPv6-mapped (`::ffff:127.0.0.1`), 6to4 and Teredo wrappers, and names that
resolve to loopback. The browser never connects by itself: it goes through `proxy.GuardProxy`,
which connects to the very address checked here, so a name that resolves to a public address
for the check and to a private one a moment later (DNS rebinding) gains nothing.
"""

import ipaddress
import socket
from dataclasses import dataclass
from urllib.parse import urlsplit

SCHEMES = {"http": 80, "https": 443}
# The web allows the standard ports only; tests against a local site use any port.
WEB_PORTS = {80, 443}

Address = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedURL(ValueError):
    """Why a URL or host may not be scanned, in Dutch for the person who typed it."""


@dataclass(frozen=True)
class Target:
    host: str
    port: int
    addresses: tuple[str, ...]  # the checked addresses to connect to, and no other


def _inner(address: Address) -> Address:
    """The IPv4 address an IPv6 wrapper carries, so it is judged as what it reaches."""
    if isinstance(address, ipaddress.IPv6Address):
        for inner in (address.ipv4_mapped, address.sixtofour):
            if inner is not None:
                return inner
        if address.teredo is not None:
            return address.teredo[1]
        if address in ipaddress.ip_network("64:ff9b::/96"):  # NAT64 (RFC 6052)
            return ipaddress.IPv4Address(int(address) & 0xFFFFFFFF)
    return address


def refusal(address: Address, allow_loopback: bool = False) -> str | None:
    """Why connecting to this address is refused; None when it is public."""
    address = _inner(address)
    if address.is_loopback:
        return None if allow_loopback else "een adres van de server zelf (loopback)"
    if address.is_link_local:
        return "een link-local adres"
    if address.is_private:
        return "een adres in een privé-netwerk"
    if address.is_multicast:
        return "een multicast-adres"
    if address.is_reserved or address.is_unspecified or not address.is_global:
        return "een gereserveerd adres"
    return None


def resolve(host: str, port: int, allow_loopback: bool = False) -> Target:
    """Resolve the host and pick an address to connect to; refused when any address it has is
    not public (a name with one private address among public ones is not trusted either)."""
    if not host:
        raise RefusedURL("Het adres heeft geen host.")
    if port not in WEB_PORTS and not allow_loopback:
        raise RefusedURL(f"Poort {port} is niet toegestaan; alleen 80 en 443.")
    try:
        found = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise RefusedURL(f"De host {host!r} bestaat niet ({error}).") from None
    addresses = []
    for *_, sockaddr in found:
        address = ipaddress.ip_address(sockaddr[0].split("%")[0])
        reason = refusal(address, allow_loopback)
        if reason:
            raise RefusedURL(f"{host} wijst naar {reason} ({address}); dat scannen we niet.")
        addresses.append(str(address))
    if not addresses:
        raise RefusedURL(f"De host {host!r} heeft geen adres.")
    return Target(host=host, port=port, addresses=tuple(dict.fromkeys(addresses)))


def check_url(url: str, allow_loopback: bool = False) -> Target:
    """The target of a URL a person may scan, or RefusedURL with the reason."""
    try:
        parts = urlsplit(url.strip())
        port = parts.port
    except ValueError as error:
        raise RefusedURL(f"Geen geldig adres: {error}.") from None
    scheme = parts.scheme.lower()
    if scheme not in SCHEMES:
        raise RefusedURL("Alleen adressen die met http:// of https:// beginnen.")
    if parts.username or parts.password:
        raise RefusedURL("Een adres met een gebruikersnaam of wachtwoord scannen we niet.")
    return resolve(parts.hostname or "", port or SCHEMES[scheme], allow_loopback)
