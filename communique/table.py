"""A readable plain-text view of a record, for terminals."""

from __future__ import annotations

from typing import Any


def text_table(headers: list[str], rows: list[list[Any]], max_width: int = 60) -> str:
    """Rows as aligned plain-text columns under a header and a rule; long cells cut with "…"."""
    cells = [[_cell(v, max_width) for v in row] for row in rows]
    widths = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    line = "  ".join(h.ljust(w) for h, w in zip(headers, widths))
    rule = "  ".join("-" * w for w in widths)
    body = ["  ".join(c.ljust(w) for c, w in zip(r, widths)) for r in cells]
    return "\n".join([line, rule] + body)


def _cell(v: Any, max_width: int) -> str:
    s = "" if v is None else str(v)
    s = " ".join(s.split())
    return s if len(s) <= max_width else s[: max_width - 1] + "…"


def event_date(e: dict[str, Any]) -> str:
    """An event's date as the table shows it, never passing a stand-in off as a finding.

    With no date expression of its own the event carries the report's date (publication
    or dateline) at precision ``unknown``: shown as ``(report date)``. A relative
    expression that nothing dates ("on Sunday" with no publication date) is ``unresolved``.
    """
    date, precision = e.get("date"), e.get("date_precision")
    if date is None:
        return "- (unresolved)" if e.get("date_text") else "-"
    if precision == "unknown":
        return f"{date} (report date)"
    return f"{date} ({precision})"


def format_record(rec: dict[str, Any]) -> str:
    """Actors, events and quotes of one record as three aligned tables."""
    if "error" in rec:
        e = rec["error"]
        return f"# {rec.get('id')}: ERROR at stage {e['stage']}: {e['message']}\n"
    names = {a["id"]: a["name"] for a in rec["actors"]}

    def who(ids):
        return " + ".join(names.get(i, i) for i in ids) or "-"

    out = [f"# {rec['id']}" + (f"  (published {rec['published']})" if rec.get("published") else ""), ""]
    out.append(f"ACTORS ({len(rec['actors'])})")
    out.append(text_table(["id", "name", "kind", "code", "role", "mentions"], [
        [a["id"], a["name"], a["kind"], a["code"] or "-", a["role"] or "-",
         " | ".join(m["text"] for m in a["mentions"])] for a in rec["actors"]], max_width=70))
    out += ["", f"EVENTS ({len(rec['events'])})"]
    out.append(text_table(["id", "type", "mode", "cameo", "actor", "recipient", "date", "where",
                       "modality", "trigger"], [
        [e["id"], e["type"] + (" (negated)" if e["negated"] else ""), e["mode"] or "-",
         e["cameo"] or "-", who(e["actor"]), who(e["recipient"]),
         event_date(e),
         (e["location"] or {}).get("name", "-"), e["modality"], e["trigger"]["text"]]
        for e in rec["events"]], max_width=30))
    out += ["", f"QUOTES ({len(rec['quotes'])})"]
    out.append(text_table(["id", "kind", "speaker", "cue", "text"], [
        [q["id"], q["kind"],
         names.get(q["speaker"], "?") + (f" ({q['speaker_mention']['text']})" if q["speaker_mention"] else ""),
         q["cue"] or "-", q["text"]] for q in rec["quotes"]], max_width=60))
    if rec["places"]:
        out += ["", f"PLACES ({len(rec['places'])})"]
        out.append(text_table(["name", "country", "lat", "lon"], [
            [p["name"], p["country"] or "-", p["lat"], p["lon"]] for p in rec["places"]]))
    return "\n".join(out) + "\n"
