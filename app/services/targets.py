"""Where outgoing webhooks may go: http(s) URLs whose host resolves to public addresses only.

    check_target("https://hooks.example.com/tally", allow_private=False)   # raises RefusedTarget

Private, loopback, link-local (cloud metadata), shared and reserved addresses are refused unless
`TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS` is true, so a subscription cannot make Tally call into its own
network. The check runs when a subscription is made and again before every delivery (DNS may change).
"""

from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit

from app.errors import TallyError


class RefusedTarget(TallyError):
    """The URL cannot receive webhooks: wrong scheme, no host, or a non-public address."""

    status, slug, title = 422, "refused-target", "Webhook URL not allowed"


def is_public(address: str) -> bool:
    """Whether `address` (IPv4 or IPv6, maybe with a %zone) is a public unicast address."""
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_global and not ip.is_multicast


def check_target(url: str, *, allow_private: bool) -> None:
    """Refuse `url` unless it is http(s) with a host that resolves only to public addresses."""
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise RefusedTarget(f"{url[:100]!r} is not an http:// or https:// URL with a host")
    if parts.username or parts.password:
        raise RefusedTarget("webhook URLs may not carry credentials; the signature authenticates Tally")
    if allow_private:
        return
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
        infos = socket.getaddrinfo(parts.hostname, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, ValueError) as exc:
        raise RefusedTarget(f"the host {parts.hostname!r} does not resolve ({exc})") from None
    private = sorted({str(info[4][0]) for info in infos if not is_public(str(info[4][0]))})
    if private:
        raise RefusedTarget(
            f"{parts.hostname} resolves to {', '.join(private)}, a private or loopback address; "
            "set TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS=true to allow it"
        )
