"""ACLED's crowd-size tag: a note that carries one tells of a demonstration.

ACLED records a crowd size for its demonstration events (protests and riots: ACLED codebook,
"tags") and its analysts write it at the end of the note: "[size=no report]", "[size=about
200]", "[size=dozens]". On the train part of the ACLED dev notes 989 of the 996 protest and
riot notes carry one and 7 of the 1414 others do. ACLED codes one event per note, so in a
tagged note the note's event is the demonstration, whatever else the note tells of it: the
police arresting or dispersing its people ("Protest with intervention"), force used on it
("Excessive force against protesters"), the crowd's own violence ("Violent demonstration",
"Mob violence").

In model mode the tag decides only where the leading act reads as no ACLED type at all (a
request, a rejection, support, or no event, where the note gets one at its first sentence's
root as below: the model's reading stands elsewhere). In rules
mode (:func:`communique.extract.events.find.find_events`): the leading act of a
tagged note (its first asserted, not negated candidate) is read as PROTEST, ``riot`` where the
note tells of violence its crowd does (:func:`crowd_violence`), else the mode of the note's
first protest (``demo`` if none), and ``riot`` after all where another of the note's events
tells of the crowd's violence (:func:`riot_beside`); a tagged note in which the lexicon finds no trigger gets one
at the root of its first sentence (:func:`tagged_candidate`). Where that leading act is the
police's or the army's on the crowd ("police detained 5 people who gathered ..."), the crowd
demonstrates and the force is its recipient (:func:`crowd_first`: ACLED's actor2). Text with
no such tag (news articles, sentences) is untouched.

ACLED's strategic-development label: a note that opens with one of the names ACLED gives its
kinds of strategic developments ("Looting: On 2 May ...", "Movement of forces: ...",
``data/acled_note_labels.tsv``) tells of a strategic development (train part: 64 of 64 such
notes). Its leading act, where it does not read as one already (:func:`strategic`; in model mode
only where it reads as no ACLED type at all), takes the label's PLOVER type and mode (:func:`note_label`); a labelled note in which the lexicon finds
nothing gets an event at the root of its first sentence (:func:`label_candidate`).
"""

from __future__ import annotations

import functools
import re

from communique.acled import acled_type
from communique.extract.syntax import doc_text
from communique.lexicon import DATA, Entry
from communique.word_lists import word_list

from .candidates import Candidate
from .model import cameo_for, depth
from .tree import in_relative_clause, lemma

__all__ = ["SIZE_TAG", "called_mob", "crowd_first", "crowd_tagged", "crowd_violence", "label_candidate",
           "lead_demonstration", "note_label", "protest_mode", "riot_beside", "strategic", "tagged_candidate",
           "violence_told"]

# "[size=no report]", "[size=at least 40]", once "[size=no report}"
SIZE_TAG = re.compile(r"\[size\s*=[^\]}\n]{0,80}[\]}]", re.IGNORECASE)

# sectors of the state's armed forces: force they use on a crowd is no violence of the crowd's
STATE_FORCES = frozenset({"MIL", "COP", "SPY", "GOV"})
# ASSAULT modes no crowd uses (remote means)
REMOTE = frozenset({"aerial", "drone", "heavy-weapons", "explosives", "suicide-attack"})
# words that tell of a crowd's violence where the lexicon found no act (ACLED codebook, riots:
# violent demonstrations, mob violence)
VIOLENCE_WORDS = word_list("violence_words")
# what ACLED calls a crowd that does violence (codebook, riots: "mob violence")
MOB_WORDS = word_list("mob_words")


def crowd_tagged(doc) -> bool:
    """Whether the text carries ACLED's crowd-size tag."""
    return "[size" in doc_text(doc).lower() and bool(SIZE_TAG.search(doc_text(doc)))


def called_mob(doc) -> bool:
    """Whether a note calls its crowd a mob (ACLED codebook: mob violence is a riot; train part
    of the ACLED notes: 21 of 21 tagged notes that say "mob" are riots)."""
    return any(t.lower_ in MOB_WORDS for t in doc)


def crowd_violence(d, actor_ids, staged, sector_of, tok=None) -> bool:
    """Whether the crowd of a tagged note whose leading act is decided as ``d`` (by
    ``actor_ids``; its trigger ``tok``) is violent: that act is an ASSAULT (not by remote means)
    whose doers are not all state forces (a crowd's, or one nobody is named doing: "a woman was
    beaten up by traders") and that is not told in a relative clause, the note calls its crowd
    a mob, or it tells of an asserted riot or vandalism. Force the police or the army
    use on the crowd is no riot of it (ACLED codebook: excessive force against protesters is
    coded as a protest). An act told in a relative clause says who the protesters are or what
    befell the one they protest for ("the family of a guard who was shot dead held a protest",
    "families who say their sons were abducted staged a sit-in"): the grievance, not the
    crowd's violence (ACLED codebook, peaceful protest: demonstrators are not violent)."""
    if d.type == "ASSAULT" and d.mode not in REMOTE and not (
            actor_ids and all(sector_of.get(i) in STATE_FORCES for i in actor_ids)) and not (
            tok is not None and in_relative_clause(tok)):
        return True
    if staged and called_mob(staged[0][0].tok.doc):
        return True
    return any(c.reading.type == "PROTEST" and c.reading.mode in ("riot", "vandalize")
               and mood.modality == "asserted" and not mood.negated
               and c.tok.dep_ != "compound"  # "riot police", "riot gear"
               for c, _roles, mood, *_ in staged)


# armed groups other than the state's: their attacks a tagged note tells of are what its crowd
# protests against ("demonstrated against attacks by armed groups"), not the crowd's violence
ARMED_GROUPS = frozenset({"REB", "PRM", "UAF", "CRM"})


def riot_beside(lead, events, sector_of) -> bool:
    """Whether a tagged note whose leading act ``lead`` (an EventHit) was read as a peaceful
    protest tells of its crowd's violence in another event: an asserted riot or vandalism, or
    an asserted ASSAULT (not by remote means) by neither the state's forces nor an armed group
    ("a fight between several tens of people", "a brawl between the demonstrators and the
    police", "started to storm the house")."""
    for e in events:
        if e is lead or e.modality != "asserted" or e.negated:
            continue
        if e.type == "PROTEST" and e.mode in ("riot", "vandalize"):
            return True
        if e.type == "ASSAULT" and e.mode not in REMOTE and not any(
                sector_of.get(i) in STATE_FORCES | ARMED_GROUPS for i in e.actor_ids):
            return True
    return False


# what a crowd demonstrates against or over: its grievance, not its violence
GRIEVANCE_PREPS = frozenset({"against", "over", "about", "after", "following"})
# the state's armed forces that arrest, disperse or use force on a crowd (ACLED actor kind 1)
FORCES = frozenset({"MIL", "COP", "SPY"})


def lead_demonstration(d, tok, actor_ids: list, recipient_ids: list, staged, sector_of,
                       settled: set | None = None) -> tuple[str, list, list]:
    """(mode, actor ids, recipient ids) of a tagged note's leading act ``d`` (its trigger
    ``tok``) read as the note's demonstration: :func:`protest_mode` of it, its sides by
    :func:`crowd_first`. Where the lead is the force's act on the crowd, the crowd's own
    violence is read off the note's words as where the lexicon found nothing
    (:func:`tagged_candidate`: "locals turned violent and had to be dispersed by police"), and
    its trigger goes into ``settled``: the role step, which reads the force as the subject that
    acts, leaves those sides as they are."""
    violent = crowd_violence(d, actor_ids, staged, sector_of, tok)
    sides = crowd_first(d.type, actor_ids, recipient_ids, sector_of)
    if sides != (actor_ids, recipient_ids) and settled is not None:
        settled.add(tok.i)
    if sides != (actor_ids, recipient_ids) and not violent:
        # not the force's own act ("police beat ..."), nor what the crowd protests ("who had
        # demonstrated against attacks by bandits")
        violent = violence_told(tok.doc, {tok.i} | {c.i for c in tok.conjuncts} | {
            t.i for t in tok.doc if t.dep_ == "pobj" and t.head.lower_ in GRIEVANCE_PREPS})
    return protest_mode(staged, violent), sides[0], sides[1]


def violence_told(doc, skip=frozenset()) -> bool:
    """Whether a word of the note (but those at ``skip``) tells of violence (not "riot police",
    "riot gear")."""
    return any((lemma(t) in VIOLENCE_WORDS or t.lower_ in VIOLENCE_WORDS) and t.dep_ != "compound"
               and t.i not in skip for t in doc)


def crowd_first(type_: str | None, actor_ids: list, recipient_ids: list, sector_of) -> tuple[list, list]:
    """The sides of a tagged note's leading act read as its demonstration, where that act is
    the police's or the army's on the crowd ("police detained 5 people who gathered ...", "a
    protest was dispersed by police"): the crowd demonstrates, the force is at the receiving
    end, as ACLED codes a protest with intervention or excessive force against protesters
    (codebook: the protesters are actor1, the intervening force actor2). Train part of the ACLED
    notes: 24 tagged notes whose demonstration had only state forces as its actors; ACLED
    makes the force actor2 in 16 of them and actor1 in 1. Other acts keep their sides."""
    if type_ not in ("COERCE", "ASSAULT") or not actor_ids or not all(
            sector_of.get(i) in FORCES for i in actor_ids):
        return actor_ids, recipient_ids
    return [i for i in recipient_ids if sector_of.get(i) not in FORCES], list(actor_ids)


def protest_mode(staged, violent: bool) -> str:
    """The mode of a tagged note's demonstration: riot where its crowd is violent, else the
    mode of the note's first asserted protest, else demo."""
    if violent:
        return "riot"
    for c, _roles, mood, *_ in staged:
        if c.reading.type == "PROTEST" and mood.modality == "asserted" and c.reading.mode:
            return c.reading.mode
    return "demo"


def tagged_candidate(doc) -> list[Candidate]:
    """A PROTEST candidate at the root of the first sentence of a tagged note in which the
    lexicon found nothing ("employees of the hospital in front of its building demanding
    salaries [size=no report]"): riot where a word of the note tells of violence."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return []
    tok = sent.root
    mode = "riot" if violence_told(doc) else "demo"
    entry = Entry(lemma=tok.lemma_.lower(), pos="verb" if tok.pos_ == "VERB" else "noun",
                  type="PROTEST", mode=mode, contexts=(), cameo=cameo_for("PROTEST", mode),
                  source="acled-size-tag")
    return [Candidate(tok=tok, entry=entry, span=(tok.i, tok.i + 1))]


LABELS = DATA / "acled_note_labels.tsv"
# "Security measures: On 8 May ...": a label of at most a few words, then a colon
LABEL = re.compile(r"^\s*([A-Za-z][A-Za-z /'-]{0,48}?)\s*:\s")


@functools.cache
def _labels() -> dict[str, tuple[str, str | None]]:
    """{label (case-folded): (PLOVER type, mode or None)} of ``data/acled_note_labels.tsv``."""
    out, header = {}, False
    for n, line in enumerate(LABELS.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = line.split("\t")
        if not header:
            header = True
            continue
        if len(cells) != 3 or not cells[1]:
            raise ValueError(f"{LABELS} line {n}: expected label, type and mode (may be blank)")
        out[cells[0].strip().casefold()] = (cells[1], cells[2] or None)
    return out


def note_label(doc) -> tuple[str, str | None] | None:
    """(PLOVER type, mode) of the strategic-development label a note opens with, or None."""
    m = LABEL.match(doc_text(doc))
    return _labels().get(" ".join(m.group(1).split()).casefold()) if m else None


def strategic(type_: str | None, mode: str | None, recipient_sectors=()) -> bool:
    """Whether a PLOVER reading reads as an ACLED strategic development (data/acled_plover.tsv)."""
    found = acled_type(type_, mode, recipient_sectors)
    return bool(found) and found[0] == "Strategic developments"


def label_candidate(doc, reading: tuple[str, str | None]) -> list[Candidate]:
    """An event of the label's reading at the leading verb of a labelled note in which the
    lexicon found nothing ("Change to armed group: ... members joined the group"): of the verbs
    after the label in its sentence, not in brackets nor a parenthetical ("(as reported)"), the
    one nearest the root of the parse, then the first; else the sentence's root. The label is
    no act: the parse may make it the root ("Security/compound measures/ROOT: ... halted/acl
    all entries", "Change/ROOT to armed group: ... joined/conj")."""
    sent = next(iter(doc.sents), None)
    if sent is None:
        return []
    text = doc_text(doc)
    m = LABEL.match(text)
    after = m.end() if m else 0

    def bracketed(t) -> bool:
        before = text[after:t.idx]
        return before.count("(") > before.count(")") or before.count("[") > before.count("]")

    verbs = [t for t in sent if t.idx >= after and t.pos_ == "VERB" and t.dep_ != "parataxis"
             and not bracketed(t)]
    tok = min(verbs, key=lambda t: (depth(t), t.i)) if verbs else sent.root
    type_, mode = reading
    entry = Entry(lemma=tok.lemma_.lower(), pos="verb" if tok.pos_ == "VERB" else "noun",
                  type=type_, mode=mode, contexts=(), cameo=cameo_for(type_, mode),
                  source="acled-note-label")
    return [Candidate(tok=tok, entry=entry, span=(tok.i, tok.i + 1))]
