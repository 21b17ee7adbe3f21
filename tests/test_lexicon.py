"""lexicon: a user lexicon is checked on load; each error names the file, the line and
what is allowed."""

from __future__ import annotations

import pytest

from communique.lexicon import ENTRY_KEYS, LexiconError, known_modes, load_lexicon

TSV_HEADER = "lemma\tpos\ttype\tmode\tcontexts\tcameo\targs\n"


@pytest.mark.parametrize("text,message", [
    # a misspelt key used to be dropped silently (the entry loaded without its mode)
    ("- lemma: snub\n  type: ACCUSE\n  mdoe: disapprove\n",
     r"line 1: entry 1: unknown key `mdoe`; the keys are lemma, pos, type, mode"),
    ("entries:\n  - lemma: snub\n    type: ACCUSE\n  - lemma: rebuff\n    typ: REJECT\n",
     r"line 4: entry 2: unknown key `typ`"),
    # a misspelt `entries` used to load nothing at all
    ("entires:\n  - lemma: snub\n    type: ACCUSE\n", r"a mapping holds one key, `entries` \(a list of entries\); unknown key `entires`"),
    ("- snub\n", r"line 1: entry 1: an entry is a mapping of lemma, pos"),
    ("- lemma: snub\n  type: ACCUSE\n  mode: disaprove\n",
     r"line 1: entry 1: mode 'disaprove' is not a mode of ACCUSE; use one of allege, disapprove, investigate"),
    ("- {lemma: [unclosed\n", r"is not valid YAML"),
])
def test_yaml_typos_name_file_line_and_what_is_allowed(tmp_path, text, message):
    f = tmp_path / "mine.yaml"
    f.write_text(text, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon(f)
    assert str(f) in str(err.value)


@pytest.mark.parametrize("body,message", [
    (TSV_HEADER.replace("mode", "mood") + "snub\tverb\tACCUSE\tdisapprove\t\t111\t\n",
     r"line 2: unknown column `mood`; the columns are lemma, pos, type, mode"),
    (TSV_HEADER + "snub\tverb\tACCUSE\tscold\t\t111\t\n",
     r"line 3: mode 'scold' is not a mode of ACCUSE"),
    (TSV_HEADER + "snub\tverb\tACCUSE\t\t\t111\tneeds:captve\n", r"line 3: unknown value needs:captve"),
])
def test_tsv_typos_name_file_line_and_what_is_allowed(tmp_path, body, message):
    f = tmp_path / "mine.tsv"
    f.write_text("# my triggers\n" + body, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon(f)
    assert str(f) in str(err.value)


def test_good_user_entries_load(tmp_path):
    f = tmp_path / "mine.yaml"
    f.write_text("entries:\n  - {lemma: snub, pos: verb, type: ACCUSE, mode: disapprove, cameo: '111'}\n"
                 "  - {lemma: praise, type: NONE, mode: anything}\n", encoding="utf-8")
    lex = load_lexicon(f)
    assert lex.candidates("snub", "verb")[0].mode == "disapprove"
    assert lex.candidates("praise", "verb")[0].type == "NONE"  # a switch-off needs no real mode


def test_every_shipped_entry_has_a_known_mode():
    for e in load_lexicon():
        assert not e.mode or e.mode in known_modes(e.type), e
    assert ENTRY_KEYS == ("lemma", "pos", "type", "mode", "contexts", "cameo", "args")


def test_two_sided_fights_are_marked_and_only_assaults():
    """`two-sided` marks the fights both sides wage (PLOVER manual, ASSAULT): the ACLED reading
    never makes them one-sided violence."""
    lex = load_lexicon()
    marked = {(e.lemma, e.pos) for e in lex if e.has("two-sided")}
    assert {("clash", "verb"), ("clash", "noun"), ("exchange", "verb"), ("firefight", "noun"),
            ("fighting", "noun")} <= marked
    assert not marked & {("attack", "verb"), ("kill", "verb"), ("shoot", "verb")}
    assert all(e.type == "ASSAULT" for e in lex if e.has("two-sided"))
