"""syntax.speech_verbs: one list of verbs of saying, its uses checked on load."""

from __future__ import annotations

import pytest

from communique.extract.syntax import speech_verbs
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
