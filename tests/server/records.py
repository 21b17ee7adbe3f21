"""Hand-made schema-v1 records for the server tests, and a coder that returns them.

Offsets are found with ``str.find`` so every span is a valid slice of the text,
as the schema promises. The seed article's record follows shared/seed/expected.md
closely enough to draw every page; the other articles give the dyad a time series,
the network more links and the map more places.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from communique.record import content_id, error_record

# the seed article, in the repository (same text as ../shared/seed/article.txt)
SEED = Path(__file__).resolve().parents[2] / "examples" / "iran-azerbaijan-call.txt"
XSS = "<script>window.__xss = 1; alert('xss')</script><img src=x onerror=\"window.__xss=2\">"
GOLDSTEIN = {"041": 1.0, "051": 3.4, "111": -2.0, "190": -10.0, "042": 1.9, "112": -2.0,
             "036": 4.0, "172": -5.0, "057": 8.0, "152": -7.2}
QUAD = {"041": 1, "051": 1, "111": 3, "190": 4, "042": 1, "112": 3, "036": 1, "172": 4, "057": 1,
        "152": 4}
BAKU = {"name": "Baku", "country": "AZE", "lat": 40.38, "lon": 49.89, "precision": "city"}
TEHRAN = {"name": "Tehran", "country": "IRN", "lat": 35.69, "lon": 51.39, "precision": "city"}
KARABAKH = {"name": "Nagorno-Karabakh", "country": "AZE", "lat": 39.82, "lon": 46.75,
            "precision": "region"}
YEREVAN = {"name": "Yerevan", "country": "ARM", "lat": 40.18, "lon": 44.51, "precision": "city"}
JERMUK = {"name": "Jermuk", "country": "ARM", "lat": 39.84, "lon": 45.67, "precision": "city"}


def _span(text: str, needle: str, nth: int = 0, after: int = 0) -> dict[str, Any]:
    start = after - 1
    for _ in range(nth + 1):
        start = text.find(needle, start + 1)
        assert start >= 0, f"{needle!r} not in the text"
    return {"start": start, "end": start + len(needle), "text": needle}


def _sentence(text: str, pos: int) -> dict[str, int]:
    starts = [i + 1 for i in range(pos) if text[i] in ".\n"]
    start = max(starts, default=0)
    while start < len(text) and text[start] == " ":
        start += 1
    ends = [i + 1 for i in range(pos, len(text)) if text[i] in ".\n"]
    end = min(ends, default=len(text))
    return {"start": start, "end": end}


def build(text: str, *, id: str | None = None, published: str | None = None,
          title: str | None = None, url: str | None = None,
          actors: list[tuple] = (), events: list[dict] = (), quotes: list[dict] = ()) -> dict:
    """actors: (name, kind, country, sector, role, [mention strings]);
    events: dict(type, trigger, cameo, actor=[names], recipient=[names], ...);
    quotes: dict(kind, text, cue, speaker=name)."""
    ids = {}
    actor_dicts = []
    for n, (name, kind, country, sector, role, mentions) in enumerate(actors, 1):
        aid = f"A{n}"
        ids[name] = aid
        spans = []
        for m in mentions:
            needle, nth = (m, 0) if isinstance(m, str) else m
            spans.append(_span(text, needle, nth))
        actor_dicts.append({"id": aid, "name": name, "kind": kind, "country": country,
                            "sector": sector, "role": role,
                            "code": (country + (sector or "")) if country else None,
                            "mentions": spans})
    event_dicts = []
    for n, e in enumerate(events, 1):
        trig = _span(text, e["trigger"], e.get("nth", 0))
        cameo = e["cameo"]
        event_dicts.append({
            "id": f"E{n}", "type": e["type"], "mode": e.get("mode"),
            "contexts": e.get("contexts", ["diplomatic"]), "cameo": cameo,
            "quad_class": QUAD[cameo], "goldstein": GOLDSTEIN[cameo], "plover_score": 1.0,
            "actor": [ids[a] for a in e.get("actor", [])],
            "recipient": [ids[a] for a in e.get("recipient", [])],
            "date": e.get("date", published), "date_text": e.get("date_text"),
            "date_precision": e.get("date_precision", "day" if e.get("date_text") else "unknown"),
            "location": e.get("location"), "fatalities": e.get("fatalities"),
            "injured": None, "modality": e.get("modality", "asserted"),
            "negated": e.get("negated", False), "trigger": trig,
            "sentence": _sentence(text, trig["start"]), "confidence": 0.8})
    quote_dicts = []
    for n, q in enumerate(quotes, 1):
        span = _span(text, q["text"])
        quote_dicts.append({"id": f"Q{n}", "kind": q["kind"], "text": q["text"],
                            "start": span["start"], "end": span["end"], "cue": q.get("cue"),
                            "speaker": ids.get(q.get("speaker")), "speaker_mention": None})
    places = []
    for e in events:
        loc = e.get("location")
        if loc and loc["name"] in text and not any(p["name"] == loc["name"] for p in places):
            places.append({**loc, "mentions": [_span(text, loc["name"])]})
    return {"schema": 1, "id": id or content_id(text), "title": title, "url": url,
            "published": published, "text": text, "actors": actor_dicts,
            "events": event_dicts, "quotes": quote_dicts, "places": places}


def seed_record(text: str) -> dict:
    abd, bay = "Hossein Amir Abdollahian", "Jeyhun Bayramov"
    return build(
        text, id="seed", published="2022-10-03",
        title="Iran FM talks to Azeri counterpart, issues stark warning over foreign interference",
        url="https://example.org/iran-azerbaijan",
        actors=[
            (abd, "person", "IRN", "GOV", "Foreign Minister",
             ["Iran FM", abd, "The senior diplomat", "The Iranian official",
              "the Iranian foreign minister"]),
            (bay, "person", "AZE", "GOV", "Foreign Minister",
             ["Azeri counterpart", bay, "the Azeri foreign minister", "The Azeri official"]),
            ("Iran", "country", "IRN", None, None, ["Tehran", "the Islamic Republic"]),
            ("Azerbaijan", "country", "AZE", None, None, ["Republic of Azerbaijan", "Baku"]),
            ("Armenia", "country", "ARM", None, None, ["Armenia"]),
            ("Mohammad Baqer Qalibaf", "person", "IRN", "LEG", "Parliament Speaker",
             ["Mohammad Baqer Qalibaf"]),
        ],
        events=[
            dict(type="CONSULT", mode="phone", trigger="telephone call", cameo="041",
                 actor=[abd], recipient=[bay], date="2022-10-02",
                 date_text="on Sunday evening", location=TEHRAN),
            dict(type="ACCUSE", mode="disapprove", trigger="opposition", cameo="111",
                 actor=[abd], date="2022-10-02", location=TEHRAN),
            dict(type="AGREE", trigger="work to settle", cameo="036", actor=["Iran"],
                 recipient=["Armenia", "Azerbaijan"], modality="future", date="2022-10-02"),
            dict(type="ASSAULT", trigger="escalation", cameo="190", actor=["Armenia"],
                 recipient=["Azerbaijan"], date="2022-09", date_precision="month",
                 contexts=["military", "territory"], fatalities=100, location=KARABAKH),
            dict(type="SUPPORT", trigger="praised", cameo="051", actor=[bay],
                 recipient=["Iran"], date="2022-10-02"),
            dict(type="CONSULT", mode="visit", trigger="scheduled visit", cameo="042",
                 actor=["Mohammad Baqer Qalibaf"], recipient=["Azerbaijan"],
                 modality="future", date=None, location=BAKU),
        ],
        quotes=[
            dict(kind="direct", text="We regard the regional security", cue="noted", speaker=abd),
            dict(kind="direct", text="We declare our opposition to any deployment of foreign forces",
                 cue="said", speaker=abd),
        ])


ARM_AZE_ARTICLES = [
    ("2022-07-14", "Armenia accused Azerbaijan of shelling villages near the border. "
                   "Yerevan said the attack wounded two soldiers.",
     [dict(type="ACCUSE", trigger="accused", cameo="112", actor=["Armenia"],
           recipient=["Azerbaijan"], location=YEREVAN)]),
    ("2022-08-03", "Azerbaijan said its troops clashed with Armenian forces in Nagorno-Karabakh. "
                   "Armenia and Azerbaijan agreed to talks in Brussels.",
     [dict(type="ASSAULT", trigger="clashed", cameo="190", actor=["Azerbaijan"],
           recipient=["Armenia"], location=KARABAKH),
      dict(type="AGREE", trigger="agreed", cameo="057", actor=["Armenia", "Azerbaijan"])]),
    ("2022-09-14", "Armenia and Azerbaijan agreed to a ceasefire after two days of fighting "
                   "in Nagorno-Karabakh.",
     [dict(type="AGREE", trigger="agreed", cameo="057", actor=["Armenia", "Azerbaijan"],
           location=KARABAKH),
      dict(type="ASSAULT", trigger="fighting", cameo="190", actor=["Azerbaijan"],
           recipient=["Armenia"], location=KARABAKH)]),
    ("2022-09-20", "Azerbaijan threatened Armenia with new strikes. Armenia rejected the "
                   "demand and called on Russia to help.",
     [dict(type="ACCUSE", trigger="threatened", cameo="111", actor=["Azerbaijan"],
           recipient=["Armenia"]),
      dict(type="CONSULT", trigger="called on", cameo="041", actor=["Armenia"],
           recipient=["Russia"])]),
]


def arm_aze_records() -> list[dict]:
    out = []
    for n, (date, text, events) in enumerate(ARM_AZE_ARTICLES, 1):
        for e in events:
            e.setdefault("date", date)
        actors = [("Armenia", "country", "ARM", None, None, ["Armenia"]),
                  ("Azerbaijan", "country", "AZE", None, None, ["Azerbaijan"])]
        if "Russia" in text:
            actors.append(("Russia", "country", "RUS", None, None, ["Russia"]))
        out.append(build(text, id=f"arm-aze-{n}", published=date, actors=actors,
                         events=events, title=f"Armenia and Azerbaijan, {date}"))
    return out


def jermuk_records() -> list[dict]:
    """One shelling reported twice in one article, again in a copy of that article
    stored under another id (same URL), and once in another outlet: on the event's
    page "Also reported in" must list the other outlet only."""
    url = "https://news.example.am/jermuk-shelling"
    texts = [
        ("arm-aze-5", url, "Azerbaijan shelled Armenian border posts near Jermuk on Tuesday. "
                           "Armenia said the shelling killed three soldiers."),
        ("arm-aze-5-copy", url, "Azerbaijan shelled Armenian border posts near Jermuk on "
                                "Tuesday, Armenia said."),
        ("arm-aze-6", "https://other.example.org/jermuk", "Armenian officials said Azerbaijan "
                                                          "shelled positions near Jermuk."),
    ]
    out = []
    for id_, link, text in texts:
        events = [dict(type="ASSAULT", trigger="shelled", cameo="190", actor=["Azerbaijan"],
                       recipient=["Armenia"], date="2022-09-27", date_precision="day",
                       location=JERMUK,
                       fatalities=3 if id_ == "arm-aze-5" else None)]
        if "the shelling" in text:
            events.append(dict(type="ASSAULT", trigger="shelling", cameo="190",
                               actor=["Azerbaijan"], recipient=["Armenia"], date="2022-09-27",
                               date_precision="day", location=JERMUK))
        out.append(build(text, id=id_, published="2022-09-28", url=link,
                         title=f"Shelling near Jermuk ({id_})", events=events,
                         actors=[("Armenia", "country", "ARM", None, None, ["Armenia"]),
                                 ("Azerbaijan", "country", "AZE", None, None, ["Azerbaijan"])]))
    return out


def lone_record() -> dict:
    """Events with an actor and no recipient (the network shows them as stubs)."""
    text = "Georgia mobilized reserve troops on Friday. Georgia held a military parade."
    return build(text, id="georgia-1", published="2022-09-30", title="Georgia mobilizes",
                 actors=[("Georgia", "country", "GEO", None, None, ["Georgia", ("Georgia", 1)])],
                 events=[dict(type="MOBILIZE", trigger="mobilized", cameo="152",
                              actor=["Georgia"], date="2022-09-30")])


def xss_record() -> dict:
    """An article whose text, title and actor name carry markup that must stay text."""
    text = f"Iran condemned the attack. {XSS} Tehran said it would respond."
    return build(text, id="xss-article", published="2022-10-05", title=XSS,
                 url="javascript:window.__xss=3",
                 actors=[("Iran" + XSS, "country", "IRN", None, None, ["Iran"])],
                 events=[dict(type="ACCUSE", trigger="condemned", cameo="111",
                              actor=["Iran" + XSS], location=TEHRAN)])


def all_records(seed_text: str | None) -> list[dict]:
    recs = arm_aze_records() + jermuk_records() + [lone_record(), xss_record()]
    if seed_text is not None:
        recs.insert(0, seed_record(seed_text))
    return recs


class FakeCoder:
    """Stands in for communique.Coder: known texts get their hand-made record,
    others an empty record; 'FAIL' in the text gives an error record."""

    def __init__(self, known: list[dict]) -> None:
        self.known = {r["text"]: r for r in known}
        self.calls = 0

    def code_dicts(self, articles):
        for a in articles:
            self.calls += 1
            if "FAIL" in a.text:
                yield error_record(a.id, "parse", "the parser choked (test)")
                continue
            rec = self.known.get(a.text)
            if rec is not None:
                yield {**rec, "id": a.id if a.id and not a.id.startswith("sha1:") else rec["id"],
                       "published": a.published or rec["published"]}
                continue
            yield {"schema": 1, "id": a.id, "title": a.title, "url": a.url,
                   "published": a.published, "text": a.text, "actors": [], "events": [],
                   "quotes": [], "places": []}


def stored(folder: Path, records: list[dict]) -> Path:
    """A real SQLite store of ``records`` at ``folder/events.db``; its path."""
    from communique.store import Store

    path = folder / "events.db"
    with Store(path) as store:
        store.add(records)
    return path
