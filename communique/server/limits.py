"""Request-size and rate limits: small ASGI pieces that answer with clear 4xx JSON."""

from __future__ import annotations

import json
import threading
import time
from collections import OrderedDict
from typing import Any

MAX_BODY_BYTES = 2 * 1024 * 1024  # an article is a few KB; 2 MB leaves room for a batch
RATE_LIMIT = (30, 60.0)  # POST requests per client per window (coding is CPU-bound)


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


class RateLimitMiddleware:
    """429 with ``Retry-After`` once a client sends more than the limit of writes/codings."""

    def __init__(self, app, limit: int = RATE_LIMIT[0], window: float = RATE_LIMIT[1]) -> None:
        self.app = app
        self.limiter = RateLimiter(limit, window)

    async def __call__(self, scope, receive, send) -> None:
        if scope["type"] == "http" and scope["method"] == "POST":
            client = (scope.get("client") or ("unknown", 0))[0]
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
