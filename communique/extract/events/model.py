"""The event model's say in classification: type and mode from the sentence, the lexicon as hint.

The lexicon finds the candidates and gives each a reading (type, mode, CAMEO).
Where a trained model is in use (``Coder(event_model=True)``, ``--model``), it
reads each sentence that has a candidate once (:func:`sentence_views`) and
:func:`revise` weighs its answer against the reading:

- **type**: the sentence's main candidate (asserted before negated or
  hypothetical, then nearest the root: the one a reader would call "what
  happened") takes the model's type when the model gives it at least
  ``TYPE_MIN`` and ``TYPE_MARGIN`` more than the lexicon's type, unless the
  lexicon's reading is specific and deep in the parse, or the new type changes
  the quad class against the model's own quad head (:func:`type_verdict`);
  the model's YIELD is CONCEDE or RETREAT as the lexicon says, else CONCEDE.
  Other candidates keep the lexicon's type. Each event keeps the rules' own
  reading (``EventHit.rules``) so that a retelling the model reads otherwise
  still merges with the first telling (``dedupe``).
- **mode**: an ASSAULT, PROTEST, COERCE or MOBILIZE takes the model's mode
  (airstrike, shelling, explosives, riot ...) when the model gives it at least
  ``MODE_MIN`` and the lexicon said none or this is the main candidate; the
  model's ``none`` keeps the lexicon's mode.
- **ACLED reading**: what the ``acled`` head says of the sentence lands in the
  main candidate's type and mode in :mod:`.acled_reading` (riot, remote means,
  one-sided violence), after this step.
- **CAMEO** follows a changed type or mode through ``data/cameo2plover.tsv``,
  so CAMEO, Goldstein and quad class stay consistent with the PLOVER type.

Without a model every reading stands: the rules are the fallback.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass, field

from communique.acled import acled_rows
from communique.extract.syntax import doc_text
from communique.lexicon import cameo_to_plover, penta_class
from communique.models.event_model import mark

TYPE_MIN = 0.5
TYPE_MARGIN = 0.3  # the model's type must beat the lexicon's type by this much
SPECIFIC_DEPTH = 2  # a specific lexicon reading deeper than this in the parse stands
MODE_MIN = 0.5
YIELD_TYPES = ("CONCEDE", "RETREAT")


@dataclass(frozen=True)
class View:
    """What the model says about one sentence: label -> probability, per head."""

    type: dict[str, float] = field(default_factory=dict)
    mode: dict[str, float] = field(default_factory=dict)
    quad: dict[str, float] = field(default_factory=dict)
    acled: dict[str, float] = field(default_factory=dict)

    @staticmethod
    def top(probs: dict[str, float]) -> tuple[str | None, float]:
        if not probs:
            return None, 0.0
        label = max(probs, key=probs.get)
        return label, probs[label]


@functools.cache
def model_modes() -> dict[str, frozenset[str]]:
    """PLOVER type -> the modes the model was trained to tell (from the ACLED table)."""
    out: dict[str, set[str]] = {}
    for r in acled_rows():
        if r.type and r.mode and r.direction != "to_acled":
            out.setdefault(r.type, set()).add(r.mode)
    return {t: frozenset(m) for t, m in out.items()}


@functools.cache
def _cameo_for() -> dict[tuple[str, str | None], str]:
    """(type, mode) -> the most general CAMEO code that maps to it."""
    out: dict[tuple[str, str | None], str] = {}
    for code, (type_, mode, _) in sorted(cameo_to_plover().items(), key=lambda kv: (len(kv[0]), kv[0])):
        out.setdefault((type_, mode), code)
        out.setdefault((type_, None), code)
    return out


def cameo_for(type_: str, mode: str | None, current: str | None = None) -> str | None:
    """A CAMEO code for a PLOVER type and mode: ``current`` when it already maps there."""
    table = cameo_to_plover()
    if current and current in table and table[current][0] == type_ and (
            mode is None or table[current][1] in (mode, None)):
        return current
    found = _cameo_for()
    return found.get((type_, mode)) or found.get((type_, None))


@dataclass(frozen=True)
class Revision:
    """A reading after the model: the values and why."""

    type: str
    mode: str | None
    cameo: str | None
    type_by: str  # "lexicon" or "model"
    type_probability: float | None
    mode_by: str | None
    mode_probability: float | None
    model_type: str | None = None  # main candidate: the model's most probable type (YIELD ...)
    type_kept: str | None = None  # why the lexicon's type stood where the model said another
    acled_type: str | None = None  # the model's ACLED reading, where it set the type or mode
    acled_probability: float | None = None


def specific_reading(cameo: str | None, constrained: bool) -> bool:
    """Whether the lexicon's reading is specific: its CAMEO code is a leaf below a root
    ("041" discuss by telephone, "138" threaten with military force, not "040" or "190"),
    or its entry matches only with a given object, particle, preposition or modifier
    ("telephone call", "call off the strike")."""
    return constrained or bool(cameo and len(cameo) >= 3 and cameo[2:].strip("0") != "")


def plain_types(entry) -> frozenset[str]:
    """The types of the plain (unconstrained) lexicon entries of a word whose entry matched by
    its object, preposition or particle: the reading that argument set aside ("agreed a trade
    deal": SUPPORT, CAMEO 057, not the plain AGREE of "agree"). Not for a noun's modifier ("cyber
    attacks"): that names a kind of the same act, which the model reads as well."""
    if entry is None or entry.source == "user" or not any(
            k in ("obj", "prep", "prt") for k, _ in getattr(entry, "args", ())):
        return frozenset()
    from communique.lexicon import load_lexicon
    return frozenset(e.type for e in load_lexicon().candidates(entry.lemma, entry.pos)
                     if e.specificity == 0 and e.type != entry.type)


def type_verdict(type_: str, cameo: str | None, view: View, specific: bool, depth: int = 0,
                 plain: frozenset[str] = frozenset()) -> tuple[str, str, float | None, str | None]:
    """The main candidate's type after the model: (type, "lexicon" or "model", the model's
    probability of that type, why the lexicon's type stood where the model said another).

    The model's type replaces the lexicon's when all hold (chosen on the held-out parts,
    docs/evaluation.md "How the model's say was narrowed"):

    - the model gives it ``TYPE_MIN`` or more, and ``TYPE_MARGIN`` more than the lexicon's
      own type;
    - a specific lexicon reading (:func:`specific_reading`) is at most ``SPECIFIC_DEPTH``
      steps from the root of the parse: the model reads the sentence, not the trigger, so
      deeper down its answer is about another act ("expressed happiness over X's scheduled
      visit");
    - where the new type moves the event to another quad class (``penta_class``), the
      model's own quad head says that class too.
    """
    lex = _label(type_)
    label, p = View.top(view.type)
    p_lex = view.type.get(lex, 0.0)
    if label is None or label == lex:
        return type_, "lexicon", p_lex if label else None, None
    said = f"the model's {label} (p {p:.2f}; {lex} {p_lex:.2f})"
    new = (type_ if type_ in YIELD_TYPES else "CONCEDE") if label == "YIELD" else label
    q_lex, q_new = penta_class(cameo or cameo_for(type_, None)), penta_class(cameo_for(new, None))
    q_model, _ = View.top(view.quad)
    if p < TYPE_MIN:
        kept = f"{said} is under {TYPE_MIN}"
    elif p - p_lex < TYPE_MARGIN:
        kept = f"{said} is not {TYPE_MARGIN} above the lexicon's"
    elif new in plain:
        kept = f"{said} is the trigger's plain reading, which the lexicon's constrained entry set aside"
    elif specific and depth > SPECIFIC_DEPTH:
        kept = (f"{said} reads the sentence; the lexicon's reading (CAMEO {cameo}) is specific "
                f"and its trigger {depth} steps below the root")
    elif q_new != q_lex and q_model is not None and int(q_model) != q_new:
        kept = f"{said} moves quad class {q_lex} to {q_new}; the model's quad head says {q_model}"
    else:
        return new, "model", p, None
    return type_, "lexicon", p_lex, kept


def revise(type_: str, mode: str | None, cameo: str | None, view: View | None,
           main: bool, specific: bool = False, depth: int = 0,
           plain: frozenset[str] = frozenset()) -> Revision:
    """The reading (type, mode, CAMEO) after the model's view of the sentence; ``specific``:
    the lexicon's reading is specific (:func:`specific_reading`)."""
    if view is None:
        return Revision(type_, mode, cameo, "lexicon", None, "lexicon" if mode else None, None)
    new_type, type_by, p_type, kept = type_, "lexicon", view.type.get(_label(type_)), None
    if main:
        new_type, type_by, p_type, kept = type_verdict(type_, cameo, view, specific, depth, plain)
    new_mode = mode if new_type == type_ else None
    mode_by = "lexicon" if new_mode else None
    p_mode = None
    modes = model_modes().get(new_type)
    if modes:
        m, pm = View.top(view.mode)
        if m in modes and pm >= MODE_MIN and m != new_mode and (main or new_mode is None):
            new_mode, mode_by, p_mode = m, "model", pm
    new_cameo = cameo if (new_type, new_mode) == (type_, mode) else cameo_for(new_type, new_mode, cameo)
    return Revision(new_type, new_mode, new_cameo, type_by,
                    round(p_type, 3) if p_type is not None else None, mode_by,
                    round(p_mode, 3) if p_mode is not None else None,
                    View.top(view.type)[0] if main else None, kept)


def mention_span(tok, token_actor: dict[int, str]) -> tuple[int, int]:
    """Character span (in the document) of the mention a role token stands for: the run of
    tokens of its sentence with the same actor id, else the token with its determiners,
    modifiers and compounds ("the armed forces")."""
    sent, doc = tok.sent, tok.doc
    aid = token_actor.get(tok.i)
    lo = hi = tok.i
    if aid is not None:
        while lo - 1 >= sent.start and token_actor.get(lo - 1) == aid:
            lo -= 1
        while hi + 1 < sent.end and token_actor.get(hi + 1) == aid:
            hi += 1
    else:
        lo = min([tok.i] + [c.left_edge.i for c in tok.lefts
                            if c.dep_ in ("det", "amod", "compound", "nummod", "poss")])
        lo = max(lo, sent.start)
    return doc[lo].idx, doc[hi].idx + len(doc[hi].text)


def marked_sentence(c, roles, token_actor: dict[int, str]) -> str:
    """The candidate's sentence with its actor in ``<s>…</s>`` and its recipient in ``<t>…</t>``
    (``event_model.mark``), as the model was trained; "clashes between X and Y" marks both
    sides as actors."""
    sent = c.tok.sent
    base = sent.start_char

    def spans(toks):
        return [(a - base, b - base) for a, b in (mention_span(t, token_actor) for t in toks)]

    actors = roles.actors + (roles.recipients if roles.between else [])
    recipients = [] if roles.between else roles.recipients
    return mark(sent.text, spans(actors), spans(recipients))


# the types whose mode or ACLED reading the model's paragraph reading can change (``revise``:
# the modes of ``model_modes``; ``acled_reading.land``: protests from assaults, coercion and
# demands); a sentence with none of them, by the lexicon or by the type head, needs no
# paragraph reading, and gets the same events without one
PARAGRAPH_TYPES = frozenset({"ASSAULT", "PROTEST", "COERCE", "MOBILIZE", "REQUEST"})


def event_views(staged, event_model, token_actor: dict[int, str],
                sentence_types: dict[int, set[str]] | None = None) -> dict[int, View]:
    """The model's view of each sentence that has a main candidate, keyed by the sentence's
    first token; each text is read alone (``OnnxEncoder.readings``). ``staged``: (candidate, roles) of each main
    candidate. A model trained on marked text (``meta.json`` ``marked``) reads the sentence
    with that candidate's actor and recipient marked; an older one the plain sentence.

    The ``type`` and ``quad`` heads read the sentence alone. The ``mode`` and ``acled`` heads
    read it with the rest of its paragraph (:func:`paragraph_rest`), and with the sentences
    before it in the paragraph that hold no candidate (:func:`paragraph_before`), as the model read its
    ACLED notes in training: what a reader needs to tell a riot from a demonstration or a
    shelling from a clash often comes in the next sentence ("Demonstrators clashed with
    police", "The army responded with artillery"). Where the sentence ends its paragraph
    the two readings are one text.

    ``sentence_types``: sentence start -> the lexicon's types of all its candidates; where
    given, only sentences with a type of ``PARAGRAPH_TYPES`` (theirs or the type head's) are
    read a second time with their paragraph, the only ones whose events that reading can
    change (a speed-up: the second pass is most of the model's cost on news text)."""
    marked = getattr(event_model, "marked", False)
    texts: dict[int, str] = {}
    wider: dict[int, str] = {}
    held = set(sentence_types) if sentence_types is not None else {c.tok.sent.start
                                                                    for c, _ in staged}
    for c, roles in staged:
        s = c.tok.sent
        if s.start not in texts:
            texts[s.start] = marked_sentence(c, roles, token_actor) if marked else s.text
            before, rest = paragraph_before(s, held), paragraph_rest(s)
            if before or rest:
                wider[s.start] = before + texts[s.start] + rest
    if not texts:
        return {}
    by_start = dict(zip(texts, event_model.predict(list(texts.values()))))
    if sentence_types is not None:
        wider = {i: w for i, w in wider.items()
                 if (sentence_types.get(i, set()) | {View.top(by_start[i].get("type", {}))[0]})
                 & PARAGRAPH_TYPES}
    para = dict(zip(wider, event_model.predict(list(wider.values())))) if wider else {}
    return {i: View(type=p.get("type", {}), quad=p.get("quad", {}),
                    mode=para.get(i, p).get("mode", {}), acled=para.get(i, p).get("acled", {}))
            for i, p in by_start.items()}


def paragraph_before(sent, held=frozenset()) -> str:
    """The sentences before ``sent`` in its paragraph that hold no candidate (``held``: the
    first tokens of the sentences that do), with the space after them: the setting a note or
    a lede gives before its act ("Security measures: On 8 May, in Van, ..."; "Movement of
    forces:"). Empty where the sentence opens its paragraph or follows one with a candidate."""
    doc = sent.doc
    text = doc_text(doc)  # ``Doc.text`` rebuilds the text token by token on every access
    start = sent.start
    while start > 0:
        prev = doc[start - 1].sent
        if prev.start in held or "\n" in text[prev.start_char:doc[start].idx]:
            break
        start = prev.start
    return text[doc[start].idx:sent.start_char] if start < sent.start else ""


def paragraph_rest(sent) -> str:
    """What follows ``sent`` in its paragraph (up to the next line break), with the space
    before it; empty where the sentence ends its paragraph."""
    text = doc_text(sent.doc)
    end = text.find("\n", sent.end_char)
    rest = text[sent.end_char:end if end >= 0 else len(text)]
    return rest if rest.strip() else ""


def depth(tok) -> int:
    n = 0
    while tok.head.i != tok.i and n < 50:  # spaCy makes a new Token on each access: no `is`
        tok, n = tok.head, n + 1
    return n


def main_candidates(cands_moods) -> set[int]:
    """``id`` of each sentence's main candidate: asserted (or future) before hypothetical or
    negated, then the one nearest the root of the parse, then the first."""
    best: dict[int, tuple] = {}
    for c, mood in cands_moods:
        key = (mood.negated, mood.modality not in ("asserted", "future"), depth(c.tok), c.tok.i)
        s = c.tok.sent.start
        if s not in best or key < best[s][0]:
            best[s] = (key, id(c))
    return {v[1] for v in best.values()}


def _label(type_: str) -> str:
    return "YIELD" if type_ in YIELD_TYPES else type_
