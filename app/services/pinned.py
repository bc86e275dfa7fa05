"""An httpx transport that connects only to the address it checked: no DNS rebinding for outgoing webhooks.

    client = httpx.Client(transport=PinnedTransport(allow_private=False), follow_redirects=False)
    client.post("https://hooks.example.com/tally", content=b"...")   # RefusedTarget for a private host

For every request the host is resolved once (`app.services.targets.public_address`), every answer must be
public, and the connection is made to that IP; the request keeps the name in its `Host` header and as the
TLS server name (SNI and certificate check), so virtual hosting and HTTPS work as with a plain client. A
name that resolves to a public address when the subscription is made and to 127.0.0.1 at delivery is refused
at delivery, and one that changes between the check and the connect cannot be reached at the new address:
there is no second lookup. Each host name gets its own connection pool, so a connection opened for one name
is never reused for another name on the same address.
"""

from __future__ import annotations

import threading

import httpx

from app.services.targets import public_address


class PinnedTransport(httpx.BaseTransport):
    """Resolve, check, then connect to the checked IP (with the original Host header and TLS name)."""

    def __init__(self, *, allow_private: bool, **transport_options: object) -> None:
        self.allow_private = allow_private
        self._options = transport_options
        self._pools: dict[tuple[str, str, int], httpx.HTTPTransport] = {}
        self._lock = threading.Lock()

    def _pool(self, key: tuple[str, str, int]) -> httpx.HTTPTransport:
        with self._lock:
            pool = self._pools.get(key)
            if pool is None:
                pool = self._pools[key] = httpx.HTTPTransport(**self._options)  # type: ignore[arg-type]
            return pool

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        url = request.url
        host = url.raw_host.decode("ascii")
        port = url.port or (443 if url.scheme == "https" else 80)
        address = public_address(host, port, allow_private=self.allow_private)
        request.headers.setdefault("host", url.netloc.decode("ascii"))
        request.url = url.copy_with(host=str(address))
        if url.scheme == "https":
            request.extensions = {**request.extensions, "sni_hostname": host}
        return self._pool((url.scheme, host, port)).handle_request(request)

    def close(self) -> None:
        with self._lock:
            pools, self._pools = list(self._pools.values()), {}
        for pool in pools:
            pool.close()
