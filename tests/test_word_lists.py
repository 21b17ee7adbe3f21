"""The word-list table (communique/data/word_lists.tsv) and its loader."""

import re
import subprocess
import sys
from pathlib import Path

import pytest

from communique.lexicon import LexiconError
from communique.word_lists import TABLE, word_list, word_lists

ROOT = Path(__file__).resolve().parent.parent
HEADER = "list\tword\tnote\n"


def _asked_for() -> dict[str, list[str]]:
    """{list name: modules} of every ``word_list("...")`` call in the package."""
    asked: dict[str, list[str]] = {}
    for path in sorted((ROOT / "communique").rglob("*.py")):
        if path.name == "word_lists.py":  # the loader's docstring shows a call
            continue
        for name in re.findall(r'word_list\("([^"]+)"\)', path.read_text("utf-8")):
            asked.setdefault(name, []).append(str(path.relative_to(ROOT)))
    return asked


def _table(tmp_path, body: str) -> Path:
    path = tmp_path / "lists.tsv"
    path.write_text(body, "utf-8")
    return path


def test_every_list_the_code_asks_for_is_in_the_table_and_not_empty():
    asked, lists = _asked_for(), word_lists()
    assert len(asked) >= 15
    missing = sorted(name for name in asked if not lists.get(name))
    assert not missing, f"lists the code reads but the table lacks or leaves empty: {missing}"


def test_every_list_of_the_table_is_read_by_the_code():
    unread = sorted(set(word_lists()) - set(_asked_for()))
    assert not unread, f"lists no module reads: {unread}"


def test_every_list_has_a_note_naming_its_module():
    firsts = {}
    for line in TABLE.read_text("utf-8").splitlines():
        cells = line.split("\t")
        if line.startswith("#") or cells[0] == "list" or len(cells) < 2:
            continue
        firsts.setdefault(cells[0], cells[2] if len(cells) > 2 else "")
    asked = _asked_for()
    for name, note in firsts.items():
        module = note.split(" ", 1)[0]
        assert any(m.endswith(module) for m in asked[name]), (name, note)


def test_a_list_is_a_frozenset_of_its_rows(tmp_path):
    path = _table(tmp_path, "# a comment\n" + HEADER
                  + "harm\tkill\twhat harms\nharm\tmaim\n\nsites\tsquare\twhere\n")
    assert word_list("harm", path) == frozenset({"kill", "maim"})
    assert isinstance(word_list("sites", path), frozenset)
    assert set(word_lists(path)) == {"harm", "sites"}


@pytest.mark.parametrize("body, line, says", [
    (HEADER + "harm\tkill\tnote\nharm\n", 3, "1 cells"),
    (HEADER + "harm\tkill\tnote\textra\n", 2, "4 cells"),
    (HEADER + "harm\t\tnote\n", 2, "empty word"),
    (HEADER + "harm\tkill\tnote\n\tmaim\n", 3, "empty list"),
    (HEADER + "harm\tkill \tnote\n", 2, "spaces"),
    (HEADER + "harm\tkill\tnote\nharm\tkill\n", 3, "already in 'harm'"),
    (HEADER + "harm\tkill\n", 2, "needs a note"),
    ("list\tword\n" + "harm\tkill\tnote\n", 1, "header"),
])
def test_a_malformed_row_names_the_file_and_the_line(tmp_path, body, line, says):
    path = _table(tmp_path, body)
    with pytest.raises(LexiconError) as err:
        word_lists(path)
    assert f"lists.tsv line {line}:" in str(err.value)
    assert says in str(err.value)


def test_a_list_the_table_lacks_is_an_error_naming_it(tmp_path):
    path = _table(tmp_path, HEADER + "harm\tkill\tnote\n")
    with pytest.raises(LexiconError, match="no word list 'sites' in lists.tsv"):
        word_list("sites", path)
    with pytest.raises(LexiconError, match="no word list 'no_such_list'"):
        word_list("no_such_list")


def test_an_edit_to_the_table_reaches_the_coder(tmp_path):
    # a user adds a protest site and drops one: the event rules read the edited table
    rows = TABLE.read_text("utf-8").splitlines(keepends=True)
    edited = [r for r in rows if r != "protest_sites\tmarket\n"] + ["protest_sites\tstadium\n"]
    assert len(edited) == len(rows)
    path = _table(tmp_path, "".join(edited))
    code = ("import communique.word_lists as w, pathlib; w.TABLE = pathlib.Path(r'%s'); "
            "from communique.extract.events import candidates as c; "
            "print('stadium' in c.PROTEST_SITES, 'market' in c.PROTEST_SITES)" % path)
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                         cwd=ROOT, check=True).stdout.split()
    assert out == ["True", "False"]
    assert "market" in word_list("protest_sites") and "stadium" not in word_list("protest_sites")


def test_the_data_readme_names_every_list():
    readme = (TABLE.parent / "README.md").read_text("utf-8")
    unnamed = sorted(name for name in word_lists() if f"`{name}`" not in readme)
    assert not unnamed, f"add these lists to communique/data/README.md's word-list table: {unnamed}"
