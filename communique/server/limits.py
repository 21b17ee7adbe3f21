"""Limits on what clients may cost: request size, request rate, connections, slow
requests and log volume. Each answers with clear 4xx JSON or closes the connection.
"""

from __future__ import annotations

import ipaddress
import json
import logging
import threading
import time
from collections import OrderedDict
from collections.abc import Iterable
from typing import Any

MAX_BODY_BYTES = 2 * 1024 * 1024  # an article is a few KB; 2 MB leaves room for a batch
RATE_LIMIT = (30, 60.0)  # POST requests per client per window (coding is CPU-bound)
MAX_CONNECTIONS = 256  # open connections; more are closed as they arrive (file descriptors)
REQUEST_TIMEOUT = 30.0  # seconds a client has to send one whole request, headers and body
KEEP_ALIVE = 5.0  # seconds an idle keep-alive connection stays open
LOG_BURST = (20, 60.0)  # log records of one kind per window; the rest are counted, not written


def error_body(status: int, code: str, message: str, **extra: Any) -> dict[str, Any]:
    """The one shape every error response has: ``{"error": {status, code, message}}``."""
    return {"error": {"status": status, "code": code, "message": message, **extra}}


async def send_json(send, status: int, body: dict[str, Any],
                    headers: list[tuple[bytes, bytes]] | None = None) -> None:
    payload = json.dumps(body).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"),
                            (b"content-length", str(len(payload)).encode()),
                            (b"x-content-type-options", b"nosniff"),
                            *(headers or [])]})
    await send({"type": "http.response.body", "body": payload})


class BodyLimitMiddleware:
    """Refuse request bodies over ``max_bytes`` with 413, whether or not they declare a length.

    The body is read here (up to the limit) and replayed to the app, so a chunked
    upload without ``Content-Length`` cannot slip past.
    """

    def __init__(self, app, max_bytes: int = MAX_BODY_BYTES) -> None:
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] != "http" or scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        declared = dict(scope.get("headers") or []).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > self.max_bytes:
            await self._too_large(send)
            return
        chunks, size = [], 0
        while True:
            message = await receive()
            if message["type"] == "http.disconnect":
                return
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_bytes:
                await self._too_large(send)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)

    async def _too_large(self, send) -> None:
        await send_json(send, 413, error_body(
            413, "body_too_large",
            f"request body is over the limit of {self.max_bytes:,} bytes; "
            f"send fewer or shorter articles per request"))


class RateLimiter:
    """A sliding-window counter per client address (in memory, per process)."""

    def __init__(self, limit: int, window: float, max_clients: int = 10_000) -> None:
        self.limit = limit
        self.window = window
        self.max_clients = max_clients
        self._hits: OrderedDict[str, list[float]] = OrderedDict()
        self._lock = threading.Lock()

    def check(self, client: str) -> float | None:
        """Count one request; return None if allowed, else seconds until the next is."""
        now = time.monotonic()
        with self._lock:
            hits = [t for t in self._hits.pop(client, []) if now - t < self.window]
            if len(hits) >= self.limit:
                self._hits[client] = hits
                return self.window - (now - hits[0])
            hits.append(now)
            self._hits[client] = hits
            while len(self._hits) > self.max_clients:  # forget the least recent client
                self._hits.popitem(last=False)
            return None


def parse_proxies(proxies: Iterable[str]) -> list[ipaddress.IPv4Network | ipaddress.IPv6Network]:
    """``10.0.0.5``, ``10.0.0.0/8`` or ``::1`` -> networks; a bad one is a ValueError saying so."""
    nets = []
    for p in proxies:
        try:
            nets.append(ipaddress.ip_network(p.strip(), strict=False))
        except ValueError:
            raise ValueError(f"trusted proxy {p!r} is not an IP address or network "
                             f"(e.g. 10.0.0.5 or 10.0.0.0/8)") from None
    return nets


def _in(address: str, nets) -> bool:
    try:
        ip = ipaddress.ip_address(address)
    except ValueError:
        return False
    return any(ip in n for n in nets)


def client_address(scope, trusted_proxies=()) -> str:
    """The address a request comes from, for the rate limit.

    ``X-Forwarded-For`` is believed only when the peer is a trusted proxy; then the
    client is the last address in it that is not itself a trusted proxy (proxies
    append, so the addresses before that one were written by the client and may be
    forged).
    """
    peer = (scope.get("client") or ("unknown", 0))[0]
    if not trusted_proxies or not _in(peer, trusted_proxies):
        return peer
    forwarded = [v for k, v in scope.get("headers") or [] if k == b"x-forwarded-for"]
    hops = [h.strip() for v in forwarded for h in v.decode("latin-1").split(",") if h.strip()]
    for hop in reversed(hops):
        if not _in(hop, trusted_proxies):
            return hop
    return peer


class RateLimitMiddleware:
    """429 with ``Retry-After`` once a client sends more than the limit of writes/codings.

    Args:
        trusted_proxies: networks (``parse_proxies``) whose ``X-Forwarded-For`` names
            the client; from anyone else the header is ignored.
    """

    def __init__(self, app, limit: int = RATE_LIMIT[0], window: float = RATE_LIMIT[1],
                 trusted_proxies: Iterable[str] = ()) -> None:
        self.app = app
        self.limiter = RateLimiter(limit, window)
        self.trusted = parse_proxies(trusted_proxies)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            client = client_address(scope, self.trusted)
            wait = self.limiter.check(client)
            if wait is not None:
                retry = max(1, int(wait + 0.999))
                await send_json(send, 429, error_body(
                    429, "rate_limited",
                    f"more than {self.limiter.limit} requests in {self.limiter.window:g} s; "
                    f"retry in {retry} s", retry_after=retry),
                    headers=[(b"retry-after", str(retry).encode())])
                return
        await self.app(scope, receive, send)


class LogBurstFilter(logging.Filter):
    """Write at most ``burst`` records of one kind (logger and message template) per
    ``window`` seconds; count the rest and say how many in the next one written.

    A flood of one error ("Too many open files", "Invalid HTTP request") would
    otherwise fill the disk.
    """

    def __init__(self, burst: int = LOG_BURST[0], window: float = LOG_BURST[1]) -> None:
        super().__init__()
        self.burst, self.window = burst, window
        self._seen: dict[tuple[str, str], list[float]] = {}
        self._dropped: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def filter(self, record: logging.LogRecord) -> bool:
        key = (record.name, str(record.msg))
        now = time.monotonic()
        with self._lock:
            times = [t for t in self._seen.get(key, []) if now - t < self.window]
            if len(times) >= self.burst:
                self._seen[key] = times
                self._dropped[key] = self._dropped.get(key, 0) + 1
                return False
            times.append(now)
            self._seen[key] = times
            if len(self._seen) > 1000:  # many kinds: forget the oldest
                self._seen.pop(next(iter(self._seen)))
            dropped = self._dropped.pop(key, 0)
        if dropped:
            record.msg = f"{record.msg} ({dropped} more like this were not logged)"
        return True


def guarded_protocol(max_connections: int = MAX_CONNECTIONS,
                     request_timeout: float = REQUEST_TIMEOUT):
    """uvicorn's HTTP protocol with two guards against slow and idle clients.

    - at most ``max_connections`` open connections: one more makes room by
      dropping the connection that has waited longest without sending a whole
      request, so idle connections cannot lock out new clients (it is refused
      only when every other connection is being answered);
    - each request must arrive whole, headers and body, within ``request_timeout``
      seconds of its first byte (or of the connection opening): a client that
      trickles a byte at a time, or opens and says nothing, is cut off.

    Returns a class for ``uvicorn.Config(http=...)``.
    """
    import h11
    from uvicorn.protocols.http.h11_impl import H11Protocol

    # uvicorn's own logger: these lines belong in the server log beside its own.
    log = logging.getLogger("uvicorn.error")

    # Connections waiting for a whole request, the longest-waiting first.
    waiting: OrderedDict[Any, None] = OrderedDict()

    class GuardedH11Protocol(H11Protocol):
        _deadline = None

        def connection_made(self, transport) -> None:
            super().connection_made(transport)
            if len(self.connections) > max_connections:
                # Full: make room by dropping the connection that has waited longest
                # without a whole request (idle or trickling), never one being
                # answered; refuse this one only if every other is being answered.
                oldest = next((c for c in waiting if not c.transport.is_closing()), None)
                log.warning("%d connections open, the limit (--max-connections): %s",
                            max_connections, "dropped the one that waited longest for a "
                            "request" if oldest else "refused a new one")
                if oldest is None:
                    transport.abort()
                    return
                oldest._disarm(answering=True)
                oldest.transport.abort()
            self._arm()

        def data_received(self, data: bytes) -> None:
            super().data_received(data)
            if self.conn.their_state in (h11.IDLE, h11.SEND_BODY):
                self._arm()  # a request is on its way: it has until the deadline
            else:
                self._disarm(answering=True)

        def on_response_complete(self) -> None:
            # Idle now: uvicorn's keep-alive timeout takes over, and the connection
            # may be dropped to make room.
            self._disarm()
            waiting[self] = None
            waiting.move_to_end(self)
            super().on_response_complete()

        def connection_lost(self, exc) -> None:
            self._disarm(answering=True)
            super().connection_lost(exc)

        def _arm(self) -> None:
            waiting[self] = None
            if self._deadline is None:
                self._deadline = self.loop.call_later(request_timeout, self._too_slow)

        def _disarm(self, answering: bool = False) -> None:
            if self._deadline is not None:
                self._deadline.cancel()
                self._deadline = None
            if answering:  # being answered (or gone): never dropped to make room
                waiting.pop(self, None)

        def _too_slow(self) -> None:
            self._deadline = None
            waiting.pop(self, None)
            if self.transport.is_closing():
                return
            log.warning("closed a connection that sent no whole request in %g s "
                        "(--request-timeout)", request_timeout)
            answering = (self.cycle is not None and self.cycle.response_started
                         and not self.cycle.response_complete)
            if not answering and (self.conn.their_state is h11.SEND_BODY
                                  or self.conn.trailing_data[0]):
                self.send_408()  # it sent part of a request: say why it is cut off
            self.transport.close()

        def send_408(self) -> None:
            body = json.dumps(error_body(408, "request_timeout", f"the request did not "
                                         f"arrive whole within {request_timeout:g} s")).encode()
            try:
                self.transport.write(
                    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
                    b"connection: close\r\ncontent-length: " + str(len(body)).encode()
                    + b"\r\n\r\n" + body)
            except Exception:  # noqa: BLE001 - the connection is being dropped anyway
                pass

    return GuardedH11Protocol
