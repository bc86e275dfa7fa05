"""Where outgoing webhooks may go: http(s) URLs whose host resolves to public addresses only.

    url = normalise_target("HTTPS://Hooks.Example.com/tally")   # "https://hooks.example.com/tally"
    check_target(url, allow_private=False)                       # raises RefusedTarget
    address = public_address("hooks.example.com", 443, allow_private=False)   # resolve once, check

A subscription URL is parsed and normalised (by httpx, which sends it later) when it is made, so a URL that
cannot be sent is refused then and never becomes a message that fails forever. Private, loopback,
link-local (cloud metadata), shared, reserved and site-local addresses are refused unless
`TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS` is true, and so is every IPv6 form that embeds such an IPv4 address:
IPv4-mapped `::ffff:a.b.c.d`, IPv4-compatible `::a.b.c.d`, NAT64 `64:ff9b::/96` (and the local-use
`64:ff9b:1::/48`), 6to4 `2002::/16` and Teredo `2001::/32`. The delivery connects to the very address that
was checked (`app.services.pinned.PinnedTransport`), so a DNS answer that changes between the check and the
connection (DNS rebinding) cannot steer it elsewhere.
"""

from __future__ import annotations

import ipaddress
import re
import socket

import httpx

from app.errors import TallyError
from app.validation import WEBHOOK_URL_PATTERN

_NAT64 = ipaddress.ip_network("64:ff9b::/96")
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")
IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address


class RefusedTarget(TallyError):
    """The URL cannot receive webhooks: not a valid http(s) URL, or a host on a non-public address."""

    status, slug, title = 422, "refused-target", "Webhook URL not allowed"


def _public_v4(ip: ipaddress.IPv4Address) -> bool:
    return ip.is_global and not ip.is_multicast


def embedded_ipv4(ip: ipaddress.IPv6Address) -> list[ipaddress.IPv4Address]:
    """The IPv4 addresses an IPv6 address carries (mapped, compatible, NAT64, 6to4, Teredo)."""
    if ip.ipv4_mapped is not None:
        return [ip.ipv4_mapped]
    if ip in _NAT64 or ip in _IPV4_COMPATIBLE:
        return [ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)]
    if ip.sixtofour is not None:
        return [ip.sixtofour]
    if ip.teredo is not None:
        return list(ip.teredo)
    return []


def is_public(address: str | IPAddress) -> bool:
    """Whether `address` (IPv4 or IPv6, maybe with a %zone) is a public unicast address.

    >>> is_public("93.184.215.14"), is_public("::ffff:127.0.0.1"), is_public("64:ff9b::a9fe:a9fe")
    (True, False, False)
    """
    ip = ipaddress.ip_address(address.split("%", 1)[0]) if isinstance(address, str) else address
    if isinstance(ip, ipaddress.IPv4Address):
        return _public_v4(ip)
    embedded = embedded_ipv4(ip)
    if embedded:
        return ip not in _IPV4_COMPATIBLE and all(_public_v4(v4) for v4 in embedded)
    if ip in _NAT64_LOCAL or ip.is_site_local or ip.is_reserved or ip.is_multicast:
        return False
    return ip.is_global


def normalise_target(url: str) -> str:
    """The URL as httpx will send it (lower-case scheme and host, IDNA, percent-encoding), or RefusedTarget.

    >>> normalise_target("HTTPS://Hooks.Example.com/café")
    'https://hooks.example.com/caf%C3%A9'
    """
    if not re.match(WEBHOOK_URL_PATTERN, url):
        raise RefusedTarget(
            f"{url[:100]!r} is not an http:// or https:// URL with a host name or [IPv6] address, "
            "without credentials, spaces or control characters"
        )
    try:
        parsed = httpx.URL(url)
        port = parsed.port
    except (httpx.InvalidURL, ValueError, TypeError, UnicodeError) as exc:
        raise RefusedTarget(f"{url[:100]!r} is not a valid URL: {exc}") from None
    if parsed.scheme not in ("http", "https") or not parsed.raw_host:
        raise RefusedTarget(f"{url[:100]!r} is not an http:// or https:// URL with a host")
    if parsed.userinfo:
        raise RefusedTarget("webhook URLs may not carry credentials; the signature authenticates Tally")
    if port is not None and not 0 < port < 65536:
        raise RefusedTarget(f"{url[:100]!r} names the port {port}, outside 1-65535")
    return str(parsed)


def resolve(host: str, port: int) -> list[IPAddress]:
    """Every address `host` resolves to now (an IP literal resolves to itself), or RefusedTarget."""
    try:
        return [ipaddress.ip_address(host.strip("[]"))]
    except ValueError:
        pass
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (OSError, UnicodeError, ValueError) as exc:
        raise RefusedTarget(f"the host {host!r} does not resolve ({exc})") from None
    found = {ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]): None for info in infos}
    return list(found)


def public_address(host: str, port: int, *, allow_private: bool) -> IPAddress:
    """Resolve `host` once and return the address to connect to; refuse it if any answer is not public."""
    addresses = resolve(host, port)
    private = [str(a) for a in addresses if not is_public(a)]
    if private and not allow_private:
        raise RefusedTarget(
            f"{host} resolves to {', '.join(sorted(private))}, a private, loopback or reserved address; "
            "set TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it"
        )
    if not addresses:
        raise RefusedTarget(f"the host {host!r} resolves to no address")
    return addresses[0]


def check_target(url: str, *, allow_private: bool) -> str:
    """Normalise `url` and refuse it unless its host resolves only to public addresses; return it."""
    normalised = normalise_target(url)
    if allow_private:
        return normalised
    parsed = httpx.URL(normalised)
    port = parsed.port or (443 if parsed.scheme == "https" else 80)
    public_address(parsed.raw_host.decode("ascii"), port, allow_private=allow_private)
    return normalised
