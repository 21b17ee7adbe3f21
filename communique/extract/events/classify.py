"""Classification: an event's PLOVER type, mode, contexts and CAMEO code, decided once.

Two steps, each setting its value once:

- :func:`read` gives every candidate its ``reading``: what its lexicon entry says,
  or, for a framing trigger, what the act it reports makes of it ("threatened to
  attack" is THREATEN violence 138; "agreed to provide aid" is AGREE 033). The
  argument step reads it to know which preposition introduces the recipient.
- :func:`decide` turns the reading into the event's :class:`Decision`, from what
  the text around the trigger says: what is requested, who is mobilized, where one
  meets, who hosts, and PLOVER's rules for future and refused acts (see
  :mod:`.normalise`).

``decide`` is where the trained event model has its say (:mod:`.model`): given
the model's view of the sentence, the lexicon's reading is a hint that the model
may overrule for the sentence's main candidate (type) and any candidate (mode);
without a model the reading stands.
"""

from __future__ import annotations

import functools
from dataclasses import dataclass
from pathlib import Path

from communique.extract.fatalities import casualties
from communique.lexicon import DATA, LexiconError, known_modes, read_tsv
from communique.word_lists import word_list

from .arguments import Roles, actor_ids
from .candidates import DEMAND, Candidate, main_child
from .modality import Mood
from . import acled_reading, destruction, territory
from .model import View, cameo_for, depth, plain_types, revise, specific_reading
from .normalise import MATERIAL_CONFLICT, frame_mode, intent_code, intent_to_yield, normalise
from .tree import lemma, pobjs, prep_children, subjects


@dataclass(frozen=True)
class Reading:
    """What a candidate codes before its context is weighed: type, mode, CAMEO, contexts."""

    type: str
    mode: str | None
    cameo: str | None
    contexts: tuple[str, ...] = ()


@dataclass(frozen=True)
class Decision:
    """An event's final type, mode, CAMEO code and contexts.

    ``hosts``: for a visit read off where a meeting took place, (visitors, host) ids,
    which replace the actor and recipient. ``why``: what decided the type and mode
    (the record's optional ``why``, with ``--explain``).
    """

    type: str
    mode: str | None
    cameo: str | None
    contexts: tuple[str, ...] = ()
    hosts: tuple[list[str], list[str]] | None = None
    why: dict | None = None
    rules: tuple[str, str | None] | None = None  # with a model: (type, mode) the rules give


# ---------------------------------------------------------------- reading: the lexicon and frames

def _lexical(c: Candidate) -> Reading:
    e = c.entry
    r = Reading(type=e.type, mode=e.mode, cameo=e.cameo, contexts=tuple(e.contexts))
    if c.kind == DEMAND and c.took_over is not None:
        # "North Korea must first disarm": a demand that the trigger's act be done
        inner = c.took_over.entry
        mode, cameo = frame_mode("request", inner.type, inner.mode, (None, "100"))
        r = Reading(r.type, mode, "100" if (cameo or "").startswith("0") else cameo, r.contexts)
    return r


def _merge(a: tuple[str, ...], b) -> tuple[str, ...]:
    return tuple(dict.fromkeys(tuple(a) + tuple(b)))


def _framed(c: Candidate, base: Reading, child: Reading) -> Reading:
    """A frame's reading from the act it reports (``child``)."""
    frame = c.frame
    if frame == "intent":
        if child.type in ("SUPPORT", "COOPERATE", "AID", "CONSULT", "AGREE"):
            return Reading("AGREE", None, intent_code(child.type), _merge(base.contexts, child.contexts))
        if child.type in ("RETREAT", "CONCEDE"):
            # "agreed to lift the sanctions": CAMEO 035x, express intent to yield -> AGREE
            # (CAMEO2PLOVER-2021 table)
            return Reading("AGREE", None, intent_to_yield(child.cameo), _merge(base.contexts, child.contexts))
        if child.type == "MOBILIZE" and lemma(c.tok) not in ("vow", "threaten"):
            # "offered to send troops to help the army": military cooperation, intended
            return Reading("AGREE", None, "0312", ("military",))
        if child.type in MATERIAL_CONFLICT:
            mode, cameo = frame_mode("threaten", child.type, child.mode, (None, "130"))
            return Reading("THREATEN", mode, cameo, base.contexts)
        return Reading(child.type, child.mode, child.cameo, base.contexts)
    if frame == "request" and child.type == "COERCE" and lemma(c.tok) == "order":
        # an order to arrest, jail, expel or suspend is the coercion itself (PETRARCH CAMEO.2.0,
        # ORDER: * ARREST 173, * &DETENTION 173, * EXPULSION 174, * SUSPENSION (OF ACTIVITIES) 172);
        # PLV train part: 3 of 3 rows of "ordered X jailed / to suspend publication" are COERCE
        return Reading(child.type, child.mode, child.cameo, _merge(base.contexts, child.contexts))
    if frame in ("request", "reject", "threaten"):
        mode, cameo = frame_mode(frame, child.type, child.mode, (base.mode, base.cameo))
        if frame == "request" and child.type in ("ASSAULT", "MOBILIZE", "COERCE", "SANCTION"):
            mode = "change"
        return Reading(base.type, mode, cameo, base.contexts)
    if frame == "approve":
        # "welcomed the ceasefire": praise of an act told again; the praise is the event
        return Reading(base.type, base.mode, base.cameo, _merge(base.contexts, [x for x in child.contexts if x]))
    if frame == "accuse":
        contexts = _merge(base.contexts, [x for x in child.contexts if x])
        if child.type == "ASSAULT" and "military" not in contexts:
            contexts += ("military",)
        return Reading(base.type, base.mode, base.cameo, contexts)
    return base


def read(cands: list[Candidate]) -> None:
    """Set ``reading`` on each candidate and on the acts they absorbed, in text order:
    a frame's reading follows the reading of the act it reports."""
    seen: dict[int, Candidate] = {}
    todo = list(cands)
    while todo:
        c = todo.pop()
        if id(c) in seen:
            continue
        seen[id(c)] = c
        todo += c.absorbed + ([c.took_over] if c.took_over is not None else [])
    for c in sorted(seen.values(), key=lambda c: c.tok.i):
        base = _lexical(c)
        if c.framed:
            child = main_child(c.absorbed)
            base = _framed(c, base, child.reading if child.reading is not None else _lexical(child))
        c.reading = base


# ---------------------------------------------------------------- decision: the context

_REQUEST_OBJECTS = {
    "assist": word_list("request_objects_assist"),
    "yield": word_list("request_objects_yield"),
    "meet": word_list("request_objects_meet"),
    "change": word_list("request_objects_change"),
}
_MOBILIZE_WORDS = {
    "police": word_list("mobilize_words_police"),
    "militia": word_list("mobilize_words_militia"),
    "weapons": word_list("mobilize_words_weapons"),
}
RELIEF_WORDS = word_list("relief_words")
PEACEKEEPING_WORDS = word_list("peacekeeping_words")
_MULTILATERAL = word_list("multilateral_words")


@functools.cache
def weapon_modes(path: Path = DATA / "weapon_modes.tsv") -> tuple[tuple[str, str], ...]:
    """(word, ASSAULT mode) rows of ``weapon_modes.tsv``, in file order (the first match wins).

    Raises:
        LexiconError: naming the file and line of a mode ASSAULT does not have.
    """
    rows = []
    for n, d in read_tsv(path):
        if d["mode"] not in known_modes("ASSAULT") or not d["word"]:
            raise LexiconError(f"{path.name} line {n}: a word and one of the ASSAULT modes "
                               f"{', '.join(known_modes('ASSAULT'))}")
        rows.append((d["word"].lower(), d["mode"]))
    return tuple(rows)


def weapon_mode(tok) -> str | None:
    """The ASSAULT mode the weapons around a trigger name (``weapon_modes.tsv``): in its
    phrase or clause ("killed by an airstrike", "a bomb planted by X injured two", "a
    mortar attack"), the first row of the table that matches."""
    seen, todo = [], [tok]
    while todo:
        t = todo.pop()
        seen.append(t)
        # not into a clause of its own joined on ("..., and the army responded with airstrikes")
        # nor into what a relative clause says of someone ("a militant who was armed with a
        # grenade")
        todo += [k for k in t.children if k.dep_ != "relcl" and not (
            k.dep_ == "conj" and k.pos_ in ("VERB", "AUX") and any(g.dep_ == "nsubj" for g in k.children))
            and not _support(k)]
    return _first_weapon(seen)


# verbs of support given to a force ("backed by airstrikes", "supported by helicopters")
BACKING_VERBS = word_list("backing_verbs")


def _support(k) -> bool:
    """A phrase that names the support a force has, not the act's own means ("special forces,
    backed by airstrikes, killed 18 militants", "the army, along with the helicopters of a
    private company, attacked the militants"): ACLED codebook, a ground fight that air power
    supports is a battle (train part, 2 of 2 such notes)."""
    return (k.dep_ == "prep" and k.lower_ in ("along", "alongside")) or (
        k.dep_ == "acl" and k.tag_ == "VBN" and lemma(k) in BACKING_VERBS)


def held_weapon_mode(tok) -> str | None:
    """:func:`weapon_mode` of the words an act a trigger names hangs from: the verbs and nouns
    above it and their subjects and objects ("militants planted an IED targeting a patrol",
    "lobbed a grenade at the forces, in which three were injured", "warplanes carried out 15
    raids"), not the clauses joined beside it."""
    seen = []
    for a in tok.ancestors:
        for k in [a] + [k for k in a.children if k.dep_ in ("nsubj", "nsubjpass", "dobj")]:
            seen += [k] + [g for g in k.children if g.dep_ in ("compound", "amod")]
    return _first_weapon(seen)


def sentence_weapon_mode(tok) -> str | None:
    """:func:`weapon_mode` over the whole sentence of ``tok`` ("the OSCE observed 40
    explosions and bursts of fire involving small arms": the weapons hang from another word)."""
    return _first_weapon(list(tok.sent))


def _first_weapon(tokens) -> str | None:
    """The mode of the first row of ``weapon_modes.tsv`` that ``tokens`` name: a lemma, or a
    pair (a modifier and the word it modifies, or two adjacent words: "small arms")."""
    at = {t.i for t in tokens}
    words = set()
    for t in tokens:
        if t.i >= 2 and t.doc[t.i - 1].text == "-" and t.doc[t.i - 2].lower_ == "anti":
            continue  # an anti-aircraft gun is no aircraft
        w = lemma(t)
        words.add(w)
        if t.dep_ in ("compound", "amod") and t.head.i != t.i:
            words.add(f"{w} {lemma(t.head)}")
        if t.i + 1 in at:
            nxt = t.doc[t.i + 1]
            words.update((f"{w} {lemma(nxt)}", f"{w} {nxt.lower_}"))
    for word, mode in weapon_modes():
        if word in words:
            return mode
    return None


# the modes of a weapon fired from afar (ACLED codebook: explosions/remote violence); not
# explosives, which demolish what they are laid at ("destroyed the depots with bombs", "blew up
# a bridge with explosives": the destruction itself; train part of the ACLED notes, 1 such note,
# disrupted weapons use)
REMOTE_MEANS = ("aerial", "drone", "heavy-weapons")


def means_weapon_mode(tok) -> str | None:
    """:func:`weapon_mode` of the weapons an act is done with: those of a with- or by-phrase
    or of a using-clause in the trigger's phrase ("destroyed a tank with artillery fire",
    "destroyed a bulldozer, using an ATGM"), not of what it was done to."""
    seen = []
    for t in tok.subtree:
        if (t.dep_ in ("prep", "agent") and t.lower_ in ("with", "by")) or (
                lemma(t) == "use" and t.dep_ in ("advcl", "xcomp", "acl")):
            seen += list(t.subtree)
    return _first_weapon(seen)


# the mode of fire at no one (weapon_modes.tsv, "the air": PLOVER manual, ASSAULT crowd-control,
# "firing weapons in the air"); the event model's mode head has no such label
AT_NO_ONE = "crowd-control"


def _refine(c: Candidate, r: Reading, roles: Roles, token_actor, weapons: bool = True) -> Reading:
    """Modes the trigger word alone doesn't tell: what is requested, who is mobilized, where one
    meets; ``weapons``: what weapon an assault uses."""
    tok = c.tok
    near = {t.lower_ for t in tok.subtree} | {t.lower_ for t in tok.children}
    if r.type == "ASSAULT" and r.mode in (None, "firearms") and not c.entry.has("two-sided"):
        # manual, ASSAULT modes: the weapon names the mode (firearms are "rifles, pistols, light
        # machine guns": a heavier weapon named says more); a fight both sides wage stays a
        # fight whatever its weapons. With the event model only fire "in(to) the air" (fire at
        # no one, crowd-control), a mode its mode head was not trained to tell
        mode = weapon_mode(tok) or held_weapon_mode(tok)
        if mode and (weapons or mode == AT_NO_ONE):
            return Reading(r.type, mode, cameo_for(r.type, mode, r.cameo), r.contexts)
    elif r.type == "ASSAULT" and r.mode == "destroy" and weapons and \
            (mode := means_weapon_mode(tok)) in REMOTE_MEANS:
        # property destroyed by a remote weapon ("destroyed a bulldozer using an ATGM",
        # "destroyed a tank with artillery fire"): ACLED codebook, the shelling or strike is the
        # event (train part of the ACLED notes: 3 of 3 such notes, shelling/artillery/missile
        # attacks); the weapon named as the thing destroyed ("destroyed a drone") is no means
        return Reading(r.type, mode, cameo_for(r.type, mode, r.cameo), r.contexts)
    elif r.type == "ASSAULT" and r.mode in ("heavy-weapons", "explosives") and weapons and \
            sentence_weapon_mode(tok) == "firearms":
        # small arms fired beside mortars or grenades: a fight within the other side's reach
        # (weapon_modes.tsv), whatever heavier weapon the trigger names ("fired mortars and
        # small arms at the positions")
        return Reading(r.type, "firearms", cameo_for(r.type, "firearms", r.cameo), r.contexts)
    elif r.type in ("REQUEST", "REJECT") and not r.mode:
        words = {lemma(t) for t in tok.subtree} | {t.lower_ for t in tok.subtree}
        for mode, ws in _REQUEST_OBJECTS.items():
            if words & ws:
                return Reading(r.type, mode, r.cameo, r.contexts)
    elif r.type == "MOBILIZE" and lemma(tok) in ("exercise", "drill", "game") and \
            len(actor_ids(roles.actors, token_actor)) >= 2:
        # "US and Western allies launch war games": joint exercises are cooperation (manual, MOBILIZE)
        return Reading("COOPERATE", None, "062", r.contexts)
    elif r.type == "MOBILIZE" and {t.lower_ for t in tok.sent} & RELIEF_WORDS:
        # manual, MOBILIZE ambiguities: forces sent for peacekeeping or relief are AID
        peace = bool({t.lower_ for t in tok.sent} & PEACEKEEPING_WORDS)
        return Reading("AID", None, "074" if peace else "073",
                       ("peacekeeping",) if peace else ("human_security",))
    elif r.type == "MOBILIZE" and r.mode == "troops":
        words = near | {t.lower_ for s in subjects(tok) for t in s.subtree}
        for mode in ("police", "militia", "weapons"):
            if words & _MOBILIZE_WORDS[mode]:
                return Reading(r.type, mode, r.cameo, r.contexts)
    elif r.type == "CONSULT" and not r.mode:
        if {t.lower_ for t in tok.sent} & _MULTILATERAL:
            return Reading(r.type, "multilateral", r.cameo, r.contexts)
        who = set(actor_ids(roles.actors, token_actor)) | set(actor_ids(roles.recipients, token_actor))
        for p in prep_children(tok, ("in",)):
            for g in pobjs(p):
                if g.ent_type_ == "GPE" and len(who) >= 2 and token_actor.get(g.i) not in who \
                        and not any(g.text in w for w in who):
                    return Reading(r.type, "third-party", r.cameo, r.contexts)
    return r


def decide(c: Candidate, roles: Roles, mood: Mood, token_actor: dict[int, str],
           hosts: tuple[list[str], list[str]] | None = None, view: View | None = None,
           main: bool = False, recipient_sectors=(), victim_sectors=(),
           two_sided: bool = False) -> Decision:
    """The event's type, mode, CAMEO code and contexts.

    Args:
        c: a candidate with its ``reading`` set (:func:`read`).
        roles: its actor and recipient tokens (:func:`.arguments.assign`).
        mood: its modality, negation and refusal (:func:`.modality.assess`).
        token_actor: token index -> actor id.
        hosts: (visitors, host) where the place of a meeting names a host
            (:func:`.sides.host_and_guests`); a plain CONSULT becomes a visit.
        view: the event model's view of the candidate's sentence, or None.
        main: whether the candidate is its sentence's main one (the model decides its type).
        recipient_sectors: the PLOVER sectors of its recipients (an armed recipient is no
            victim of one-sided violence, :mod:`.acled_reading`).
        victim_sectors: the sectors of the people the act falls on, recipients or not.
        two_sided: its sentence tells of a fight both sides wage, or its paragraph of fire
            answered or an attack repelled (no one-sided violence).
    """
    # the weapons name the mode where no model reads them: the mode head, trained on ACLED's
    # notes, knows them, and the rule on top of it read more battles as explosions (held-out
    # part of the ACLED notes, docs/evaluation.md)
    r = _refine(c, c.reading, roles, token_actor, weapons=view is None)
    rev = acled_reading.land(
        revise(r.type, r.mode, r.cameo, view, main,
               specific_reading(r.cameo, c.entry.specificity > 0),
               depth(c.tok) if view is not None and main else 0, plain_types(c.entry)),
        view, main, recipient_sectors, victim_sectors, two_sided, r.type,
        view is not None and any(casualties(c.tok.sent, c.tok)))
    etype, mode, cameo = normalise(rev.type, rev.mode, rev.cameo, c.tok, mood.modality,
                                   mood.refusal)
    etype, mode, cameo = destruction.reading(etype, mode, cameo, c.tok)  # beside harm to people
    etype, mode, cameo = territory.reading(etype, mode, cameo, c.tok, two_sided)  # taken in a fight
    rules = None if view is None else \
        normalise(r.type, r.mode, r.cameo, c.tok, mood.modality, mood.refusal)[:2]
    e = c.entry
    why = {"trigger": c.tok.doc[c.span[0]:c.span[1]].text,
           "lexicon": f"{e.lemma} ({e.pos}): {e.type}{' ' + e.mode if e.mode else ''}"
                      f"{', CAMEO ' + e.cameo if e.cameo else ''}"
                      f"{' [user lexicon]' if e.source == 'user' else ''}",
           "lexicon_type": r.type, "type_by": rev.type_by,
           "type_probability": rev.type_probability, "mode_by": rev.mode_by,
           "mode_probability": rev.mode_probability}
    if e.source == "model":  # no lexicon entry: made by the model (find._untriggered)
        why.update(lexicon=f"none: the event model read {e.type}{' ' + e.mode if e.mode else ''} "
                           "in a text with no trigger", lexicon_type=None, type_by="model",
                   mode_by="model" if e.mode else rev.mode_by)
    if e.source == "model-sentence":  # no lexicon entry near the root (sentence_reading)
        why.update(lexicon=f"none: the event model read {e.type} in a sentence with no trigger "
                           "near its root", lexicon_type=None, type_by="model")
    if rev.model_type is not None:
        why["model_type"] = rev.model_type
    if rev.type_kept:
        why["type_kept"] = rev.type_kept
    if rev.acled_type:
        why.update(acled_type=rev.acled_type, acled_probability=rev.acled_probability)
    if etype == "CONSULT" and mode in (None, "third-party") and hosts:
        # manual, CONSULT: "met X in X's capital" - X hosts, the other side visits
        return Decision(etype, "visit", "042", r.contexts, hosts, why, rules)
    return Decision(etype, mode, cameo, r.contexts, None, why, rules)
