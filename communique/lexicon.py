"""Event lexicon and the CAMEO / PLOVER score tables, loaded once per process.

The tables live in ``communique/data/`` (see its README for where they come from):
``event_lexicon.tsv`` (trigger -> PLOVER type, mode, contexts, CAMEO code, argument
constraints), ``cameo_codes.tsv`` (description, Goldstein score, quad class),
``cameo2plover.tsv`` and ``plover_scores.tsv``.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterable

from communique.record import EVENT_TYPES

DATA = Path(__file__).parent / "data"
POS = ("verb", "noun", "adj")
ARG_KEYS = {"obj", "obj-any", "obj-actor", "prt", "prep", "mod", "light", "plural", "ctx",
            "swap", "frame", "needs", "two-sided"}
NONE_TYPE = "NONE"  # a user entry of this type switches a trigger off
# The values a constraint may take, where it takes one from a closed list. Each `needs:`
# value is a test in communique/extract/events/candidates.py (NEEDS).
ARG_VALUES = {
    "needs": ("xcomp", "xcomp-or-obj", "subj-actor", "subj-police", "comment", "not-opinion",
              "violent-agent", "captive", "ask", "guilty", "meet", "labour", "not-labour",
              "not-metaphor", "light-verb", "no-oprd", "no-obj", "obj-unowned", "obj-or-of", "future-act",
              "subj-protesters", "subj-explosive", "subj-aircraft", "subj-official",
              "subj-armed", "left-harmed", "subj-migrants", "subj-critics"),
    "frame": ("intent", "request", "reject", "threaten", "accuse", "approve"),
    "ctx": ("conflict",),
}


class LexiconError(ValueError):
    pass


@dataclass(frozen=True)
class Entry:
    """One trigger: a lemma (with argument constraints) and what it codes."""

    lemma: str
    pos: str
    type: str
    mode: str | None
    contexts: tuple[str, ...]
    cameo: str | None
    args: tuple[tuple[str, str], ...] = ()
    source: str = "communique"

    def arg(self, key: str) -> str | None:
        for k, v in self.args:
            if k == key:
                return v
        return None

    def has(self, key: str, value: str | None = None) -> bool:
        return any(k == key and (value is None or v == value) for k, v in self.args)

    @property
    def specificity(self) -> int:
        """How many constraints must hold: the more specific entry wins."""
        return sum(2 if k in ("prt", "prep", "mod") else 1
                   for k, _ in self.args if k in ("obj", "obj-any", "obj-actor", "prt", "prep", "mod"))


@dataclass
class Lexicon:
    """All triggers, indexed by (lemma, pos); user entries come first."""

    entries: dict[tuple[str, str], list[Entry]] = field(default_factory=dict)
    _ranked: dict[tuple[str, str], list[Entry]] = field(default_factory=dict, repr=False,
                                                         compare=False)

    def candidates(self, lemma: str, pos: str) -> list[Entry]:
        return self.entries.get((lemma, pos), [])

    def ranked(self, lemma: str, pos: str) -> list[Entry]:
        """The candidates in the order they are tried: user entries first, then the
        more specific (more constraints), then those that code an event before NONE.
        Sorted once per (lemma, pos); do not change the list returned."""
        key = (lemma, pos)
        out = self._ranked.get(key)
        if out is None:
            out = self._ranked[key] = sorted(
                self.candidates(lemma, pos),
                key=lambda e: (e.source != "user", -e.specificity, e.type != "NONE"))
        return out

    def add(self, entry: Entry, override: bool = False) -> None:
        self._ranked.clear()
        bucket = self.entries.setdefault((entry.lemma, entry.pos), [])
        if override:
            bucket[:] = [e for e in bucket if e.args != entry.args]
            bucket.insert(0, entry)
        else:
            bucket.append(entry)

    def __len__(self) -> int:
        return sum(len(v) for v in self.entries.values())

    def __iter__(self):
        for bucket in self.entries.values():
            yield from bucket


def _parse_args(text: str, where: str) -> tuple[tuple[str, str], ...]:
    out = []
    for part in (text or "").split(";"):
        part = part.strip()
        if not part:
            continue
        key, _, value = part.partition(":")
        if key not in ARG_KEYS:
            raise LexiconError(f"{where}: unknown argument constraint {key!r}; "
                               f"use one of {', '.join(sorted(ARG_KEYS))}")
        value = value.strip().lower()
        if key in ARG_VALUES and value not in ARG_VALUES[key]:
            raise LexiconError(f"{where}: unknown value {key}:{value}; "
                               f"use one of {', '.join(key + ':' + v for v in ARG_VALUES[key])}")
        out.append((key, value))
    return tuple(out)


def _entry(d: dict[str, Any], where: str, source: str) -> Entry:
    lemma = str(d.get("lemma") or "").strip().lower()
    pos = str(d.get("pos") or "verb").strip().lower()
    etype = str(d.get("type") or "").strip().upper()
    if not lemma:
        raise LexiconError(f"{where}: missing `lemma`")
    if pos not in POS:
        raise LexiconError(f"{where}: pos {pos!r} is not one of {', '.join(POS)}")
    if etype not in EVENT_TYPES and etype != NONE_TYPE:
        raise LexiconError(f"{where}: type {etype!r} is not a PLOVER event type "
                           f"({', '.join(EVENT_TYPES)}) or NONE")
    contexts = d.get("contexts") or ()
    if isinstance(contexts, str):
        contexts = [c for c in contexts.replace(",", ";").split(";")]
    args = d.get("args") or ""
    if isinstance(args, (list, tuple)):
        args = ";".join(str(a) for a in args)
    cameo = str(d.get("cameo") or "").strip() or None
    if cameo and cameo not in cameo_table():
        raise LexiconError(f"{where}: CAMEO code {cameo!r} is not in cameo_codes.tsv")
    return Entry(lemma=lemma, pos=pos, type=etype, mode=(str(d.get("mode") or "").strip() or None),
                 contexts=tuple(c.strip() for c in contexts if c and c.strip()),
                 cameo=cameo, args=_parse_args(str(args), where), source=source)


def read_tsv(path: Path) -> Iterable[tuple[int, dict[str, str]]]:
    """The rows of a tab-separated table as (line number, {column: cell}).

    ``#`` lines and blank lines are skipped; the first other line is the header.
    """
    with open(path, encoding="utf-8") as f:
        lines = [(n, ln) for n, ln in enumerate(f, 1) if ln.strip() and not ln.startswith("#")]
    if not lines:
        return []
    header = lines[0][1].rstrip("\n").split("\t")
    rows = []
    for n, ln in lines[1:]:
        cells = ln.rstrip("\n").split("\t")
        rows.append((n, dict(zip(header, cells + [""] * (len(header) - len(cells))))))
    return rows


ENTRY_KEYS = ("lemma", "pos", "type", "mode", "contexts", "cameo", "args")


def _yaml_item_lines(text: str) -> list[int]:
    """The 1-based line of each item of a YAML list (or of its ``entries`` list), in order."""
    import yaml

    try:
        node = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []
    if isinstance(node, yaml.MappingNode):
        node = next((v for k, v in node.value if getattr(k, "value", None) == "entries"), None)
    if not isinstance(node, yaml.SequenceNode):
        return []
    return [item.start_mark.line + 1 for item in node.value]


def _read_user(path: Path) -> list[tuple[str, dict[str, Any]]]:
    """(where, entry) pairs of a user lexicon; unknown keys and columns are errors here."""
    if not path.exists():
        raise LexiconError(f"lexicon file {str(path)!r} does not exist")
    keys = ", ".join(ENTRY_KEYS)
    if path.suffix.lower() in (".yaml", ".yml", ".json"):
        import yaml

        text = path.read_text(encoding="utf-8")
        try:
            data = yaml.safe_load(text) or []
        except yaml.YAMLError as err:
            raise LexiconError(f"{path} is not valid YAML ({err}); fix the file") from None
        if isinstance(data, dict):
            other = sorted(str(k) for k in data if k != "entries")
            if other or "entries" not in data:
                raise LexiconError(f"{path}: a mapping holds one key, `entries` (a list of entries)"
                                   + (f"; unknown key `{other[0]}`" if other else ""))
            data = data["entries"] or []
        if not isinstance(data, list):
            raise LexiconError(f"{path}: expected a list of entries ({keys}) or a mapping with "
                               f"`entries`")
        lines = _yaml_item_lines(text)
        out = []
        for i, d in enumerate(data):
            where = f"{path} line {lines[i]}: entry {i + 1}" if i < len(lines) else f"{path}: entry {i + 1}"
            if not isinstance(d, dict):
                raise LexiconError(f"{where}: an entry is a mapping of {keys}")
            unknown = sorted(str(k) for k in d if k not in ENTRY_KEYS)
            if unknown:
                raise LexiconError(f"{where}: unknown key `{unknown[0]}`; the keys are {keys}")
            out.append((where, d))
        return out
    rows = read_tsv(path)
    with open(path, encoding="utf-8") as f:
        header_line, header = next(((n, ln.rstrip("\n").split("\t")) for n, ln in enumerate(f, 1)
                                    if ln.strip() and not ln.startswith("#")), (0, []))
    unknown = [c for c in header if c not in ENTRY_KEYS]
    if unknown:
        raise LexiconError(f"{path} line {header_line}: unknown column `{unknown[0]}`; "
                           f"the columns are {keys}")
    return [(f"{path} line {n}", d) for n, d in rows]


def known_modes(event_type: str) -> frozenset[str]:
    """The modes communique knows for a PLOVER type: the score table's, the CAMEO
    conversion's and the shipped lexicon's."""
    return _known_modes().get(event_type, frozenset())


@functools.cache
def _known_modes() -> dict[str, frozenset[str]]:
    modes: dict[str, set[str]] = {}
    for (etype, mode) in _scores():
        modes.setdefault(etype, set()).add(mode)
    for etype, mode, _ in cameo_to_plover().values():
        modes.setdefault(etype, set()).add(mode or "")
    for e in _builtin():
        modes.setdefault(e.type, set()).add(e.mode or "")
    return {t: frozenset(m for m in ms if m) for t, ms in modes.items()}


def _check_user_mode(entry: Entry, where: str) -> Entry:
    if entry.mode and entry.type != NONE_TYPE and entry.mode not in known_modes(entry.type):
        raise LexiconError(f"{where}: mode {entry.mode!r} is not a mode of {entry.type}; use one of "
                           f"{', '.join(sorted(known_modes(entry.type))) or '(none: leave it empty)'}")
    return entry


@functools.cache
def _builtin() -> tuple[Entry, ...]:
    path = DATA / "event_lexicon.tsv"
    return tuple(_entry(d, f"{path.name} line {n}", "communique") for n, d in read_tsv(path))


@functools.cache
def _load(user_path: str | None) -> Lexicon:
    lex = Lexicon()
    for e in _builtin():
        lex.add(e)
    if user_path:
        for where, d in _read_user(Path(user_path)):
            lex.add(_check_user_mode(_entry(d, where, "user"), where), override=True)
    return lex


def load_lexicon(user_path: str | Path | None = None) -> Lexicon:
    """The built-in event lexicon, plus the entries of a user file (YAML or TSV).

    A user entry with the same lemma, pos and constraints as a built-in one replaces it;
    any other user entry is tried before the built-in ones. Type ``NONE`` switches a
    trigger off.

    Raises:
        LexiconError: naming the file, the entry and what is wrong with it.
    """
    return _load(str(user_path) if user_path else None)


@functools.cache
def cameo_table() -> dict[str, tuple[str, float, int]]:
    """CAMEO code -> (description, Goldstein score, quad class)."""
    return {d["code"]: (d["description"], float(d["goldstein"]), int(d["quad_class"]))
            for _, d in read_tsv(DATA / "cameo_codes.tsv")}


def penta_class(cameo: str | None) -> int:
    """Schrodt's PentaClass of a CAMEO code (the class ConfliBERT's data and the event model's
    quad head use): 0 statements and appeals (CAMEO 01-02), 1 verbal cooperation (03-05),
    2 material cooperation (06-08), 3 verbal conflict (09-13 and 16, reduce relations),
    4 material conflict (14, 15, 17-20)."""
    if not cameo:
        return 0
    root = int(cameo[:2])
    if root == 16:
        return 3
    return 0 if root <= 2 else 1 if root <= 5 else 2 if root <= 8 else 3 if root <= 13 else 4


def cameo_info(code: str | None) -> tuple[str | None, float | None, int | None]:
    """(description, goldstein, quad_class) of a CAMEO code; Nones for an unknown code."""
    return cameo_table().get(code or "", (None, None, None))


@functools.cache
def cameo_to_plover() -> dict[str, tuple[str, str | None, tuple[str, ...]]]:
    """CAMEO code -> (PLOVER type, mode, contexts)."""
    return {d["cameo"]: (d["type"], d["mode"] or None,
                         tuple(c for c in d["contexts"].split(";") if c))
            for _, d in read_tsv(DATA / "cameo2plover.tsv")}


@functools.cache
def _scores() -> dict[tuple[str, str], float]:
    return {(d["type"], d["mode"]): float(d["score"])
            for _, d in read_tsv(DATA / "plover_scores.tsv")}


def plover_score(type: str, mode: str | None = None) -> float | None:
    """The PLOVER manual's conflict-cooperation score of a type and mode.

    Falls back to the type's own score for a mode the table doesn't list.
    """
    table = _scores()
    if mode and (type, mode.lower()) in table:
        return table[(type, mode.lower())]
    return table.get((type, ""))
