"""The JSON Schema of output records (version 1) and a validator for it."""

from __future__ import annotations

import functools
import json
from importlib import resources
from typing import Any


@functools.cache
def schema() -> dict[str, Any]:
    return json.loads(resources.files("communique").joinpath("data/schema-v1.json").read_text("utf-8"))


class SchemaError(ValueError):
    """A record that is not schema v1; the message names the first problem and where."""


@functools.cache
def _validator(kind: str | None = None):
    """A validator of the whole schema, or of one branch (``record`` or ``error``),
    whose errors name the field at fault rather than the ``oneOf``."""
    import jsonschema

    s = schema() if kind is None else {**schema(), "oneOf": [{"$ref": f"#/$defs/{kind}"}]}
    return jsonschema.validators.validator_for(s)(s)


def check_record(record: Any) -> None:
    """Raise ``SchemaError`` unless ``record`` is a schema-v1 record or error record."""
    import jsonschema

    try:
        if not isinstance(record, dict):
            raise SchemaError(f"a record is a JSON object, not {type(record).__name__}")
        error = jsonschema.exceptions.best_match(
            _validator("error" if "error" in record else "record").iter_errors(record))
        if error is not None:
            raise error
        validate(record)
    except jsonschema.ValidationError as exc:
        where = "/".join(str(p) for p in exc.absolute_path)
        raise SchemaError(f"{exc.message[:200]}" + (f" at {where}" if where else "")) from None
    except (KeyError, TypeError, RecursionError) as exc:
        raise SchemaError(f"{type(exc).__name__}: {exc}") from None


def validate(record: dict[str, Any]) -> None:
    """Raise ``jsonschema.ValidationError`` unless ``record`` is schema v1.

    Beyond the JSON Schema, every offset must be a valid slice of ``text``.
    """
    import jsonschema

    error = jsonschema.exceptions.best_match(_validator().iter_errors(record))
    if error is not None:
        raise error
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
