"""syntax: one list of verbs of saying and one of light verbs, their uses checked on load;
the headline rules."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from communique.extract.syntax import body_start, headline_end_char, light_verbs, speech_verbs
from communique.lexicon import LexiconError


def test_one_list_serves_the_three_stages():
    quote, report, clause = (speech_verbs(u) for u in ("quote", "report", "clause"))
    assert {"say", "tell", "announce"} <= quote & report & clause
    assert "ask" in quote and "ask" not in report  # a question reports no act
    assert "know" in clause and "know" not in quote  # "we know that ..." is no quote cue
    assert speech_verbs("report") is report  # read once


@pytest.mark.parametrize("line,message", [
    ("say\n", "line 2: 'say' names no use; add one or more of quote, report, clause"),
    ("say quote reprot\n", "line 2: unknown use 'reprot' of 'say'; use one of quote, report, clause"),
])
def test_bad_lines_are_errors_naming_file_and_line(tmp_path, line, message):
    f = tmp_path / "speech_verbs.txt"
    f.write_text("# verbs\n" + line)
    with pytest.raises(LexiconError, match="speech_verbs.txt " + message):
        speech_verbs("quote", f)


def test_unknown_use_is_an_error():
    with pytest.raises(LexiconError, match="use one of quote, report, clause"):
        speech_verbs("cue")


def test_light_verbs_one_list_two_uses():
    event, anchor = light_verbs("event"), light_verbs("anchor")
    assert {"launch", "carry", "hold", "wage"} <= event & anchor
    assert "express" in event and "express" not in anchor  # "expressed opposition": a statement
    assert {"commit", "perpetrate"} <= anchor - event  # "committed a massacre that killed 40"
    assert light_verbs("anchor") is anchor  # read once


@pytest.mark.parametrize("line,message", [
    ("carry\n", "line 2: 'carry' names no use; add one or more of event, anchor"),
    ("carry event anchr\n", "line 2: unknown use 'anchr' of 'carry'; use one of event, anchor"),
])
def test_bad_light_verb_lines_are_errors_naming_file_and_line(tmp_path, line, message):
    f = tmp_path / "light_verbs.txt"
    f.write_text("# verbs\n" + line)
    with pytest.raises(LexiconError, match="light_verbs.txt " + message):
        light_verbs("event", f)


def test_no_module_keeps_its_own_verb_list():
    """One home per list: speech and light verbs come from the data files, not literals."""
    package = Path(__file__).resolve().parents[2] / "communique"
    found = []
    for path in package.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Assign) and isinstance(node.value, (ast.Set, ast.List, ast.Tuple)):
                for target in node.targets:
                    name = getattr(target, "id", "")
                    if name.endswith(("SPEECH_VERBS", "REPORTING_VERBS", "LIGHT_VERBS", "ANCHOR_VERBS")):
                        found.append(f"{path.name}:{node.lineno} {name}")
    assert not found, f"read these from data/speech_verbs.txt or data/light_verbs.txt: {found}"


@pytest.mark.parametrize("text,body,headline", [
    ("Iran FM talks to Azeri counterpart\nThe minister spoke on Sunday.", 6, 34),
    ("Iran's minister spoke.\nHe said more.", 0, -1),  # a first line that ends a sentence
    ("Only one line, no headline", 0, -1),
    ("A headline with nothing after it\n", 6, -1),  # the dedupe rule wants more text after it
])
def test_the_two_headline_rules(nlp, text, body, headline):
    doc = nlp(text)
    assert body_start(doc) == body
    assert headline_end_char(doc) == headline


# -- token columns: the same answers as a loop over the tokens, read from arrays ----------

COLUMNS_TEXT = ("TEHRAN, Oct 3 (Reuters) - Iran's foreign minister said on Monday that he\n\n"
                "spoke with   his Azeri counterpart in Baku. The capital's police, in 2022, "
                "arrested 3 men near the border.\nThey denied it.")


@pytest.fixture(scope="module")
def columns_doc(nlp):
    return nlp(COLUMNS_TEXT)


def test_tokens_where_and_with_pos_are_the_token_loops(columns_doc):
    from communique.extract.syntax import tokens_where, tokens_with_pos

    doc = columns_doc
    words = {"in", "the", "near", "capital", "not-a-word-here"}
    assert tokens_where(doc, "lower", words) == [t for t in doc if t.lower_ in words]
    assert [t.text for t in tokens_where(doc, "lower", {"the"})] == ["The", "the"]
    assert tokens_where(doc, "shape", {"dddd"}) == [t for t in doc if t.shape_ == "dddd"]
    assert tokens_where(doc, "dep", {"ccomp"}) == [t for t in doc if t.dep_ == "ccomp"]
    assert tokens_where(doc, "lower", set()) == []
    assert tokens_with_pos(doc, "NOUN", "PRON") == [t for t in doc if t.pos_ in ("NOUN", "PRON")]
    assert tokens_with_pos(doc, "PROPN") and all(t.pos_ == "PROPN" for t in tokens_with_pos(doc, "PROPN"))


def test_token_columns_and_lowers_are_the_token_attributes(columns_doc, nlp):
    from communique.extract.syntax import token_at_char, token_columns, token_lowers

    doc = columns_doc
    words, starts, punct, space = token_columns(doc)
    assert words == [t.text for t in doc]
    assert starts == [t.idx for t in doc]
    assert punct == [t.is_punct for t in doc] and any(punct)
    assert space == [t.is_space for t in doc] and any(space)
    assert token_lowers(doc) == [t.lower_ for t in doc]
    assert token_columns(nlp("")) == ([], [], [], []) and token_lowers(nlp("")) == []
    baku = COLUMNS_TEXT.index("Baku")
    assert doc[token_at_char(doc, baku + 2)].text == "Baku"
