"""The web app: a JSON API over the coder and the store, and the pages that read it.

Every page is a thin HTML shell; its script reads the same JSON API that users
script (the page's "JSON" link names its twin). Article text is untrusted: the
templates autoescape and the scripts only ever set ``textContent``.
"""

from __future__ import annotations

import inspect
import logging
import os
import tempfile
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, HTMLResponse, JSONResponse, RedirectResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from pydantic import BaseModel, Field
from starlette.background import BackgroundTask
from starlette.exceptions import HTTPException as StarletteHTTPException

from .. import __version__
from ..filters import EVENT_FILTER_TABLE, EventFilter, from_params
from ..record import EVENT_TYPES, error_record, is_error
from .limits import (MAX_BODY_BYTES, RATE_LIMIT, BodyLimitMiddleware, RateLimitMiddleware,
                     error_body)

log = logging.getLogger(__name__)

HERE = Path(__file__).parent
MAX_ARTICLES_PER_REQUEST = 100
MAX_PAGE = 500
MAX_ID = 2 ** 63 - 1  # SQLite's largest integer: a larger id or offset matches nothing
SECURITY_HEADERS = {
    # No inline script anywhere, so script-src 'self' stops injected markup cold.
    "Content-Security-Policy": ("default-src 'self'; script-src 'self'; "
                                "style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                                "connect-src 'self'; object-src 'none'; base-uri 'none'; "
                                "frame-ancestors 'none'"),
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
}
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
QUAD_CLASSES = {1: "verbal cooperation", 2: "material cooperation",
                3: "verbal conflict", 4: "material conflict"}


class ArticleIn(BaseModel):
    """One article: ``text`` or ``html`` (main text extracted), optional metadata."""

    text: str | None = Field(None, description="plain article text")
    html: str | None = Field(None, description="an HTML page; its main text is extracted")
    id: str | None = Field(None, description="your id; a content hash when absent")
    published: str | None = Field(None, description="publication date, YYYY-MM-DD; "
                                  "relative dates ('on Sunday') resolve against it")
    title: str | None = None
    url: str | None = None

    model_config = {"json_schema_extra": {"examples": [
        {"text": "Iran's foreign minister held a telephone call with his Azeri "
                 "counterpart on Sunday.", "published": "2022-10-03"}]}}


class ArticlesIn(BaseModel):
    articles: list[ArticleIn] = Field(..., max_length=MAX_ARTICLES_PER_REQUEST)


class ApiError(Exception):
    """A client error the handlers raise; rendered as the standard error JSON."""

    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


FLAVOR_HELP = ("plover (communique's fields), gdelt (GDELT 2.0 columns, one row per "
               "deduplicated event) or icews")


def _query_parameter(flt: EventFilter) -> inspect.Parameter:
    """One filter of ``filters.EVENT_FILTER_TABLE`` as a query parameter of the API."""
    extra: dict[str, Any] = {}
    if flt.kind == "flag":
        return inspect.Parameter(flt.name, inspect.Parameter.KEYWORD_ONLY, annotation=bool,
                                 default=Query(False, description=flt.help))
    if flt.kind == "int":
        annotation: Any = int | None
        low, high = (min(flt.choices), max(flt.choices)) if flt.choices else (0, MAX_ID)
        extra.update(ge=low, le=high)
    else:
        annotation = str | None
        if flt.kind == "date":
            extra["pattern"] = DATE_PATTERN
        elif flt.choices:
            extra["pattern"] = f"^({'|'.join(map(str, flt.choices))})$"
        if flt.max_length:
            extra["max_length"] = flt.max_length
    description = flt.help
    if flt.kind == "date":
        description = f"YYYY-MM-DD, {description} (inclusive)"
    elif flt.kind == "country":  # filters.from_params splits these two at commas
        description = f"{description}: ISO alpha-3, e.g. IRN; several comma-separated"
    elif flt.kind == "type":
        description = f"{description}; several comma-separated, e.g. CONSULT,ACCUSE"
    return inspect.Parameter(flt.name, inspect.Parameter.KEYWORD_ONLY, annotation=annotation,
                             default=Query(None, description=description, **extra))


def event_filter_params(*names: str) -> Callable[..., dict[str, Any]]:
    """A FastAPI dependency taking the event filters ``names`` (default: all of
    ``filters.EVENT_FILTER_TABLE``) as query parameters and giving store filters."""
    table = [f for f in EVENT_FILTER_TABLE if not names or f.name in names]
    unknown = set(names) - {f.name for f in table}
    if unknown:
        raise ValueError(f"unknown event filter(s) {sorted(unknown)}; "
                         f"known: {', '.join(f.name for f in EVENT_FILTER_TABLE)}")

    def dependency(**params: Any) -> dict[str, Any]:
        filters = from_params(params)
        _types(",".join(filters.get("type", [])))
        return filters

    dependency.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
        [_query_parameter(f) for f in table], return_annotation=dict[str, Any])
    return dependency


# /api/events and its downloads take every filter; the dyad, network and map endpoints
# the few their queries use, declared by the same table.
ALL_EVENT_FILTERS = event_filter_params()
DATE_FILTERS = event_filter_params("date_from", "date_to")
TYPE_AND_DATE_FILTERS = event_filter_params("type", "date_from", "date_to")


def _types(value: str | None) -> list[str] | None:
    """A comma-separated ``type`` parameter as PLOVER types; an unknown one is a 422."""
    types = [t.strip().upper() for t in value.split(",") if t.strip()] if value else None
    bad = [t for t in types or [] if t not in EVENT_TYPES]
    if bad:
        raise ApiError(422, "bad_request", f"unknown event type {bad[0]!r}; "
                                           f"use one of {', '.join(EVENT_TYPES)}")
    return types


def quad_palette() -> list[dict[str, Any]]:
    """Quad classes with label and colour: analytics' palette, the CLI charts' own."""
    from ..analytics import QUAD_COLORS, QUAD_LABELS
    return [{"quad_class": q, "label": QUAD_LABELS[q], "color": QUAD_COLORS[q]}
            for q in QUAD_LABELS]



def _luminance(color: str) -> float:
    """Relative luminance (WCAG) of a ``#rrggbb`` colour, 0 black … 1 white."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (int(color[i:i + 2], 16) for i in (1, 3, 5))
    return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)


def _default_coder_factory():
    from ..pipeline import Coder
    return Coder()


class _Services:
    """The store and the (lazily loaded) coder behind the handlers."""

    def __init__(self, db_path: str | Path, coder_factory: Callable[[], Any] | None) -> None:
        self.db_path = Path(db_path)
        self._coder_factory = coder_factory or _default_coder_factory
        self._coder = None
        # spaCy models are not documented thread-safe: one coding at a time.
        self._coder_lock = threading.Lock()
        self._store = None
        self._store_lock = threading.Lock()

    @property
    def store(self):
        # One Store for the app: it serialises its own connection with a lock.
        with self._store_lock:
            if self._store is None:
                from ..store import Store
                self._store = Store(self.db_path)
            return self._store

    def close(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None

    def code(self, articles: list) -> list[dict[str, Any]]:
        """Code articles into schema-v1 record dicts (or error records); never raises for one."""
        with self._coder_lock:
            if self._coder is None:
                self._coder = self._coder_factory()
            return list(self._coder.code_dicts(articles))

    def sentences(self, event_ids: list[int]) -> dict[int, str]:
        """The sentence text of each event (the events table shows it)."""
        from ..store_queries import sentence_texts
        return sentence_texts(self.store, event_ids)


def _series_rows(df, period: str) -> list[dict[str, Any]]:
    """analytics.dyad_series' DataFrame as JSON rows, NaN as null."""
    from ..analytics import QUAD_CLASSES as COLUMNS
    width = {"day": 10, "week": 10, "month": 7, "year": 4}[period]
    rows = []
    for when, r in df.iterrows():
        mean = r["goldstein_mean"]
        rows.append({"period": when.strftime("%Y-%m-%d")[:width],
                     "counts": {str(q): int(r[c]) for q, c in COLUMNS.items()},
                     "events": int(r["events"]), "goldstein_sum": float(r["goldstein_sum"]),
                     "goldstein_mean": None if mean != mean else round(float(mean), 3)})
    return rows


def _read_article(body: ArticleIn, where: str):
    """One article of a batch, or its error record (stage ``read``) under its own id,
    else its place in the batch (``articles[3]``), as ``communique ingest`` files a bad
    line under the line's id or its position."""
    from ..io import InputError, article_from_dict, input_id
    try:
        return article_from_dict(body.model_dump(), where)
    except InputError as exc:
        try:
            id = input_id(body.id, where) or where
        except InputError:
            id = where
        return error_record(id, "read", str(exc))


def _article(body: ArticleIn, where: str):
    from ..io import InputError, article_from_dict
    try:
        return article_from_dict(body.model_dump(), where)
    except InputError as exc:
        raise ApiError(422, "bad_article", str(exc)) from None


def _error_response(status: int, code: str, message: str, **extra: Any) -> JSONResponse:
    return JSONResponse(error_body(status, code, message, **extra), status_code=status)


def _validation_message(exc: RequestValidationError) -> tuple[str, str]:
    """FastAPI's validation errors, as one sentence that says what to send instead."""
    errors = exc.errors()
    for e in errors:
        if e.get("type") == "json_invalid":
            ctx = e.get("ctx") or {}
            return "bad_json", (f"request body is not valid JSON ({ctx.get('error', 'parse error')}); "
                                f"send a JSON object with Content-Type: application/json")
        if tuple(e.get("loc", ())) == ("body",):
            return "bad_json", ("request body must be a JSON object sent with Content-Type: "
                                "application/json, e.g. {\"text\": \"...\", \"published\": "
                                "\"2022-10-03\"}")
    parts = []
    for e in errors[:5]:
        where, *path = [str(x) for x in e.get("loc", ())] or ["body"]
        name = ".".join(path)
        what = f"query parameter `{name}`" if where == "query" else (
            f"path parameter `{name}`" if where == "path" else f"field `{name}`")
        if e.get("type") == "missing":
            parts.append(f"missing {what}")
        elif name.startswith("date_"):
            parts.append(f"{what} must be a date, YYYY-MM-DD (got {e.get('input')!r})")
        else:
            parts.append(f"{what}: {e.get('msg', 'invalid')}")
    return "bad_request", "; ".join(parts) or "invalid request"


def create_app(db_path: str | Path, coder_factory: Callable[[], Any] | None = None, *,
               max_body_bytes: int = MAX_BODY_BYTES,
               rate_limit: tuple[int, float] = RATE_LIMIT,
               trusted_proxies: list[str] | tuple[str, ...] = ()) -> FastAPI:
    """The app serving the store at ``db_path``.

    Args:
        coder_factory: returns an object with ``code_dicts(articles)`` (default:
            ``communique.Coder``, loaded on the first coding request).
        max_body_bytes: larger request bodies get 413.
        rate_limit: (POST requests, seconds) allowed per client address.
        trusted_proxies: addresses or networks of reverse proxies whose
            ``X-Forwarded-For`` names the client; from any other peer the header is
            ignored, so a client cannot dodge the rate limit by forging it.
    """
    services = _Services(db_path, coder_factory)
    app = FastAPI(title="communique", version=__version__,
                  description="Political event data from news: code articles, query events, "
                              "dyads and the actor network. Errors are "
                              "`{\"error\": {\"status\", \"code\", \"message\"}}`.",
                  docs_url=None, redoc_url=None)
    app.state.services = services
    app.add_middleware(RateLimitMiddleware, limit=rate_limit[0], window=rate_limit[1],
                       trusted_proxies=tuple(trusted_proxies))
    app.add_middleware(BodyLimitMiddleware, max_bytes=max_body_bytes)
    app.mount("/static", StaticFiles(directory=HERE / "static"), name="static")
    templates = Jinja2Templates(directory=HERE / "templates")  # autoescapes .html

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            response.headers.setdefault(k, v)
        return response

    # -- errors: always JSON for the API, never a stack trace ------------------

    @app.exception_handler(ApiError)
    async def _api_error(request: Request, exc: ApiError):
        return _error_response(exc.status, exc.code, exc.message)

    @app.exception_handler(RequestValidationError)
    async def _invalid(request: Request, exc: RequestValidationError):
        code, message = _validation_message(exc)
        return _error_response(400 if code == "bad_json" else 422, code, message)

    @app.exception_handler(StarletteHTTPException)
    async def _http_error(request: Request, exc: StarletteHTTPException):
        if exc.status_code == 404:
            return _error_response(404, "not_found", f"no such path: {request.url.path}")
        if exc.status_code == 405:
            return _error_response(405, "method_not_allowed",
                                   f"{request.method} is not allowed on {request.url.path}")
        if exc.status_code == 400:  # Starlette could not read the body (e.g. not UTF-8)
            return _error_response(400, "bad_body", f"request body could not be read "
                                   f"({exc.detail}); send UTF-8 JSON with Content-Type: "
                                   f"application/json")
        return _error_response(exc.status_code, "http_error", str(exc.detail))

    @app.exception_handler(Exception)
    async def _crash(request: Request, exc: Exception):
        log.exception("error serving %s %s", request.method, request.url.path)
        return _error_response(500, "internal_error",
                               "internal error while serving this request; "
                               "the server log has the details")

    # -- JSON API --------------------------------------------------------------

    @app.post("/api/code", tags=["api"], summary="Code one article into a schema-v1 record")
    def api_code(body: ArticleIn) -> dict[str, Any]:
        """Runs the coder on ``text`` (or the main text of ``html``); nothing is stored."""
        article = _article(body, "request body")
        (rec,) = services.code([article])
        if is_error(rec):
            err = rec["error"]
            raise ApiError(422, "coding_failed",
                           f"could not code the article at stage {err.get('stage')}: "
                           f"{err.get('message')}")
        return rec

    @app.post("/api/articles", tags=["api"], status_code=201,
              summary="Code articles and add them to the store")
    def api_articles(body: ArticlesIn) -> dict[str, Any]:
        """Idempotent: re-sending an article (same id or same text) changes nothing. An
        article that cannot be read or coded is an error record; the others go on."""
        articles, errors = [], {}
        for i, a in enumerate(body.articles):
            read = _read_article(a, f"articles[{i}]")
            if isinstance(read, dict):  # its error record
                errors[i] = {"id": read["id"], **read["error"]}
            else:
                articles.append((i, read))
        store = services.store
        # Stored already (same id or same text): skip before paying for the coding.
        stored = {i for i, a in articles if store.has_article(id=a.id, text=a.text)}
        todo = [(i, a) for i, a in articles if i not in stored]
        records = services.code([a for _, a in todo])
        good = []
        for (i, _), r in zip(todo, records):
            if is_error(r):
                errors[i] = {"id": r.get("id"), **r["error"]}
            else:
                good.append(r)
        if good:
            store.add(good)
        return {"added": [r["id"] for r in good],
                "skipped": [a.id for i, a in articles if i in stored],
                "errors": [errors[i] for i in sorted(errors)]}

    @app.get("/api/events", tags=["api"], summary="Events matching the filters, by date")
    def api_events(
        filters: dict[str, Any] = Depends(ALL_EVENT_FILTERS),
        order: str = Query("oldest", pattern="^(oldest|newest)$",
                           description="oldest (default) or newest first"),
        limit: int = Query(50, ge=1, le=MAX_PAGE),
        offset: int = Query(0, ge=0, le=MAX_ID),
    ) -> dict[str, Any]:
        """Per-article events with their actors resolved; ``total`` counts every match."""
        store = services.store
        try:
            events = store.query_events(limit=limit, offset=offset,
                                        newest_first=order == "newest", **filters)
            total = store.count_events(**filters)
        except ValueError as exc:  # the store's message names the fix (FTS syntax)
            raise ApiError(422, "bad_request", str(exc)) from None
        text_of = services.sentences([e["id"] for e in events])
        for e in events:
            e["sentence"]["text"] = text_of.get(e["id"])
        return {"events": events, "total": total, "limit": limit, "offset": offset,
                "order": order, "filters": filters}

    def download(filters: dict[str, Any], flavor: str, format: str) -> FileResponse:
        """Every event matching ``filters`` written by communique.export, as a file."""
        from ..export import export
        fd, name = tempfile.mkstemp(prefix="communique-", suffix="." + format)
        os.close(fd)
        path = Path(name)
        cleanup = BackgroundTask(path.unlink, missing_ok=True)
        try:
            export(services.store, path, format=format, flavor=flavor, **filters)
        except (TypeError, ValueError) as exc:
            path.unlink(missing_ok=True)
            if flavor == "gdelt" and isinstance(exc, TypeError):
                raise ApiError(422, "bad_request",
                               f"flavor=gdelt writes deduplicated events, which filter by type, "
                               f"country and dates only (got {', '.join(sorted(filters))}); "
                               f"use flavor=plover or icews for the other filters") from None
            raise ApiError(422, "bad_request", str(exc)) from None
        except BaseException:
            path.unlink(missing_ok=True)
            raise
        media = "text/csv; charset=utf-8" if format == "csv" else "application/vnd.apache.parquet"
        return FileResponse(path, media_type=media, filename=f"events-{flavor}.{format}",
                            background=cleanup)

    @app.get("/api/events.csv", tags=["api"], response_class=FileResponse,
             summary="Every event matching the filters, as CSV (an export flavour)")
    def api_events_csv(filters: dict[str, Any] = Depends(ALL_EVENT_FILTERS),
                       flavor: str = Query("plover", pattern="^(plover|gdelt|icews)$",
                                           description=FLAVOR_HELP)):
        """The same filters as ``/api/events``, no paging: the file holds every match.
        Columns as ``communique export`` writes them (docs/exports.md)."""
        return download(filters, flavor, "csv")

    @app.get("/api/events.parquet", tags=["api"], response_class=FileResponse,
             summary="Every event matching the filters, as Parquet (an export flavour)")
    def api_events_parquet(filters: dict[str, Any] = Depends(ALL_EVENT_FILTERS),
                           flavor: str = Query("plover", pattern="^(plover|gdelt|icews)$",
                                               description=FLAVOR_HELP)):
        """The same filters as ``/api/events``, no paging; typed columns (docs/exports.md)."""
        return download(filters, flavor, "parquet")

    @app.get("/api/quad_classes", tags=["api"],
             summary="The quad classes with their labels and chart colours")
    def api_quad_classes() -> dict[str, Any]:
        """The colours every page and ``communique plot`` use (one palette)."""
        return {"quad_classes": quad_palette()}

    @app.get("/api/events/{event_id}", tags=["api"],
             summary="One event with its article, its actors' spans and every article reporting it")
    def api_event(event_id: str) -> dict[str, Any]:
        """``event.cluster.mentions`` lists every article and trigger span reporting the
        same event; ``article`` and ``actors`` let a client highlight it in the text."""
        known = event_id.isascii() and event_id.isdigit() and int(event_id) <= MAX_ID
        ev = services.store.get_event(int(event_id)) if known else None
        if ev is None:
            raise ApiError(404, "not_found", f"no event with id {event_id!r}; "
                                             f"ids are the integers /api/events lists")
        rec = services.store.record(ev["article_id"]) or {}
        article = {k: rec.get(k) for k in ("id", "title", "url", "published", "text")}
        return {"event": ev, "article": article, "actors": rec.get("actors", [])}

    @app.get("/api/actors", tags=["api"], summary="Actors in the store, most active first")
    def api_actors(country: str | None = Query(None, max_length=3),
                   sector: str | None = Query(None, max_length=3),
                   name: str | None = Query(None, max_length=200),
                   limit: int = Query(100, ge=1, le=MAX_PAGE),
                   offset: int = Query(0, ge=0, le=MAX_ID)) -> dict[str, Any]:
        return {"actors": services.store.actors(country=country, sector=sector, name=name,
                                                limit=limit, offset=offset),
                "limit": limit, "offset": offset}

    @app.get("/api/dyads/{a}/{b}/series", tags=["api"],
             summary="Quad-class counts and Goldstein per period between two sides")
    def api_dyad(a: str, b: str,
                 period: str = Query("month", pattern="^(day|week|month|year)$"),
                 directed: bool = Query(False, description="only a as actor, b as recipient"),
                 dates: dict[str, Any] = Depends(DATE_FILTERS)) -> dict[str, Any]:
        """A side is a country (``IRN``), an actor code (``IRNGOV``) or an actor name.
        Deduplicated events; every period of the span is listed, empty ones as zero."""
        from ..analytics import dyad_series
        df = dyad_series(services.store, a, b, freq=period, directed=directed, **dates)
        return {"a": a, "b": b, "period": period, "directed": directed,
                "series": _series_rows(df, period)}

    @app.get("/api/network", tags=["api"], summary="Actor network: nodes and directed edges")
    def api_network(level: str = Query("country", pattern="^(country|actor)$"),
                    min_events: int = Query(1, ge=1, le=MAX_ID),
                    filters: dict[str, Any] = Depends(TYPE_AND_DATE_FILTERS),
                    no_recipient: bool = Query(True, description=(
                        "events with an actor and no recipient as edges to the node "
                        "'(no recipient)'"))) -> dict[str, Any]:
        """Edges go actor → recipient with deduplicated ``events``, ``mentions``,
        ``mean_goldstein`` and one count per quad class. Events without a recipient
        go to the node ``(no recipient)`` (``placeholder: true``) unless
        ``no_recipient=false``."""
        from ..analytics import network
        g = network(services.store, level=level, min_events=min_events,
                    no_recipient=no_recipient, **filters)
        return {"level": level,
                "nodes": [{"id": n, **d} for n, d in g.nodes(data=True)],
                "edges": [{"source": u, "target": v, **d} for u, v, d in g.edges(data=True)]}

    @app.get("/api/places", tags=["api"], summary="Event locations with counts (the Map's data)")
    def api_places(filters: dict[str, Any] = Depends(TYPE_AND_DATE_FILTERS)) -> dict[str, Any]:
        """Up to 500 places, busiest first, each with ``events``, ``fatalities``,
        ``counts`` per quad class, its main ``quad_class`` and a ``sample`` of events;
        ``span`` is the date range of all located events."""
        from ..store_queries import place_summary
        return place_summary(services.store, **filters)

    @app.get("/api/health", tags=["api"], include_in_schema=False)
    def api_health() -> dict[str, Any]:
        return {"ok": True, "version": __version__}

    # -- pages -------------------------------------------------------------------

    palette = quad_palette()
    # Tags take dark text on the light (verbal) shades, white on the dark ones.
    quad_css = "; ".join(f"--q{p['quad_class']}: {p['color']}; --q{p['quad_class']}-ink: "
                         f"{'#1d2330' if _luminance(p['color']) > 0.4 else '#fff'}"
                         for p in palette)

    def page(request: Request, name: str, title: str, twin: str, **ctx: Any) -> HTMLResponse:
        return templates.TemplateResponse(request, name, {
            "title": title, "twin": twin, "version": __version__, "quad_css": quad_css,
            "quad_palette": palette, **ctx})

    @app.get("/", include_in_schema=False)
    def home():
        return RedirectResponse("/annotate", status_code=307)

    @app.get("/annotate", response_class=HTMLResponse, include_in_schema=False)
    def annotate_page(request: Request):
        return page(request, "annotate.html", "Annotate", "/docs#/api/api_code_api_code_post")

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(request: Request):
        return page(request, "events.html", "Events", "/api/events",
                    event_types=EVENT_TYPES, quad_classes=QUAD_CLASSES)

    @app.get("/events/{event_id}", response_class=HTMLResponse, include_in_schema=False)
    def event_page(request: Request, event_id: str):
        return page(request, "event.html", "Event", f"/api/events/{event_id}",
                    event_id=event_id)

    @app.get("/dyad", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(request: Request):
        return page(request, "dyad.html", "Dyad", "/api/dyads/{a}/{b}/series")

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(request: Request):
        return page(request, "network.html", "Network", "/api/network")

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page(request: Request):
        return page(request, "map.html", "Map", "/api/places")

    @app.get("/docs", response_class=HTMLResponse, include_in_schema=False)
    def docs_page(request: Request):
        # FastAPI's own /docs loads Swagger UI from a CDN; this one is vendored.
        return page(request, "docs.html", "API docs", "/openapi.json")

    return app
