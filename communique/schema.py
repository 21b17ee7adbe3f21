"""The JSON Schema of output records (version 1) and a validator for it."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def schema() -> dict[str, Any]:
    return json.loads(resources.files("communique").joinpath("data/schema-v1.json").read_text("utf-8"))


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``record`` is schema v1.

    Beyond the JSON Schema, every offset must be a valid slice of ``text``.
    """
    import jsonschema

    jsonschema.validate(record, schema())
    if "error" in record:
        return
    text = record["text"]

    def check(span: dict[str, Any], what: str) -> None:
        s, e = span["start"], span["end"]
        if not (0 <= s <= e <= len(text)):
            raise jsonschema.ValidationError(f"{what}: offsets {s}-{e} outside the text")
        if "text" in span and text[s:e] != span["text"]:
            raise jsonschema.ValidationError(f"{what}: text {span['text']!r} is not text[{s}:{e}]")

    ids = {a["id"] for a in record["actors"]}
    for a in record["actors"]:
        for m in a["mentions"]:
            check(m, f"actor {a['id']} mention")
    for ev in record["events"]:
        check(ev["trigger"], f"event {ev['id']} trigger")
        check(ev["sentence"], f"event {ev['id']} sentence")
        for aid in ev["actor"] + ev["recipient"]:
            if aid not in ids:
                raise jsonschema.ValidationError(f"event {ev['id']}: unknown actor {aid}")
    for q in record["quotes"]:
        check(q, f"quote {q['id']}")
        if q["speaker_mention"]:
            check(q["speaker_mention"], f"quote {q['id']} speaker")
        if q["speaker"] and q["speaker"] not in ids:
            raise jsonschema.ValidationError(f"quote {q['id']}: unknown actor {q['speaker']}")
    for p in record["places"]:
        for m in p["mentions"]:
            check(m, f"place {p['name']} mention")
