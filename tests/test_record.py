"""Record classes: schema-v1 dicts, round trips, and the JSON Schema itself."""

from __future__ import annotations

import copy

import jsonschema
import pytest

from communique.record import Article, Record, error_record
from communique.schema import validate

TEXT = ("Russian troops shelled Kharkiv on Sunday, killing three civilians, "
        "Ukraine's defence ministry said.")


@pytest.fixture(scope="module")
def rec(coder):
    return coder.code(Article(text=TEXT, id="k1", published="2022-05-02"))


def test_round_trip_is_exact(rec):
    d = rec.to_dict()
    validate(d)
    assert Record.from_dict(d).to_dict() == d


def test_record_points_into_its_text(rec):
    d = rec.to_dict()
    for a in d["actors"]:
        for m in a["mentions"]:
            assert d["text"][m["start"]:m["end"]] == m["text"]
    assert d["events"], "a shelling with casualties is an event"
    e = d["events"][0]
    assert e["type"] == "ASSAULT" and e["quad_class"] == 4
    assert d["text"][e["trigger"]["start"]:e["trigger"]["end"]] == e["trigger"]["text"]


def test_error_record_validates_and_reads_back_as_error():
    e = error_record("x1", "read", "empty text")
    validate(e)
    with pytest.raises(jsonschema.ValidationError):
        validate({**e, "error": {"stage": "nowhere", "message": "m"}})


@pytest.mark.parametrize("mutate,why", [
    (lambda d: d["actors"][0]["mentions"][0].update(start=10_000, end=10_005), "outside the text"),
    (lambda d: d["actors"][0]["mentions"][0].update(text="not the text"), "is not text"),
    (lambda d: d["events"][0].update(actor=["A99"]), "unknown actor"),
    (lambda d: d["events"][0].update(type="BOMBARD"), "is not one of"),
    (lambda d: d.update(published="Monday"), "does not match"),
    (lambda d: d["events"][0].update(extra_field=1), "Additional properties"),
])
def test_schema_refuses_broken_records(rec, mutate, why):
    d = copy.deepcopy(rec.to_dict())
    mutate(d)
    with pytest.raises(jsonschema.ValidationError, match=why):
        validate(d)


def test_from_dict_refuses_other_schema_versions(rec):
    d = rec.to_dict()
    d["schema"] = 2
    with pytest.raises(ValueError, match="schema 2"):
        Record.from_dict(d)


def test_article_without_id_gets_content_hash():
    a, b = Article(text="Same words."), Article(text="Same words.")
    assert a.id == b.id and a.id.startswith("sha1:")
    assert Article(text="Other words.").id != a.id


def test_an_article_that_breaks_the_parser_is_an_error_record_and_the_batch_goes_on(coder):
    """nlp.pipe failing on a batch: each article is parsed alone, the bad one recorded."""
    from communique.pipeline import Coder

    class Breaking:
        def __init__(self, nlp):
            self.nlp = nlp

        def pipe(self, texts, **kw):
            texts = list(texts)
            if any("BOOM" in t for t in texts):
                raise RuntimeError("parser crashed")
            return self.nlp.pipe(texts, **kw)

        def __call__(self, text):
            if "BOOM" in text:
                raise RuntimeError("parser crashed")
            return self.nlp(text)

    c = Coder.__new__(Coder)
    c.__dict__.update(coder.__dict__)
    c.nlp = Breaking(coder.nlp)
    out = list(c.code_dicts([Article(text="Iran condemned the strike.", id="ok1"),
                             Article(text="BOOM goes the parser.", id="bad"),
                             Article(text="Turkey and Syria signed a deal.", id="ok2")]))
    assert [d["id"] for d in out] == ["ok1", "bad", "ok2"]
    assert "error" not in out[0] and "error" not in out[2]
    assert out[1]["error"]["stage"] == "parse" and "parser crashed" in out[1]["error"]["message"]
    validate(out[1])
