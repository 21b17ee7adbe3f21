"""Model mode: an event the model reads in a sentence where the lexicon found none.

A wire sentence often reports an act whose verb the lexicon lacks ("Indian troops pummelled
Pakistani posts", "the Turkish navy escorted Libyan ships"): the lexicon finds no candidate
in it, or only ones deep in the parse, far from what the sentence reports. In model mode
(``Coder(event_model=True)``), such a sentence is read by the event model where it
plausibly reports an act (:func:`plausible`: its root is a verb with no modal, not one of
being or having nor one of saying with a direct quotation, with an actor mention as its subject, object or
passive subject); where the type head and the quad head agree
(:func:`agreed`: the type head is at ``TYPE_MIN`` or more, the quad head says an event,
not class 0, at ``QUAD_MIN`` or more, and on the type's own quad class), the sentence's
root verb becomes the trigger of an event of the type head's type. Its mode then comes
from the mode head and its CAMEO code through ``data/cameo2plover.tsv``, as for any type
the model sets (:mod:`.model`); its actor and recipient from the argument step and the
role tagger, as for any event at the root of its sentence.

Thresholds were chosen on the train parts of the PLV, ConfliBERT class and NER files
and ``tests/data/actor_countries.tsv`` and confirmed on their held-out parts
(docs/event-model.md, "How it decides").
"""

from __future__ import annotations

from dataclasses import dataclass

from communique.extract.syntax import CLAUSE_SPEECH_VERBS
from communique.lexicon import Entry, penta_class

from . import arguments, classify
from .candidates import Candidate
from .model import View, cameo_for, depth, marked_sentence

TYPE_MIN = 0.5  # the type head's probability of its most probable type
QUAD_MIN = 0.9  # the quad head's probability of its class (not 0: no event)
FAR = 4  # a sentence whose candidates are all deeper than this below its root is read too
SOURCE = "model-sentence"  # ``Entry.source`` of the events made here
# roots that tell of a state, not an act: being and having ("X and Y have long-standing
# disputes"); grammatical, so in code
STATE_ROOTS = ("be", "have")
# the simple present's tags: a habit or a state ("owns", "participate"), not an act told
PRESENT_SIMPLE = ("VBZ", "VBP")

__all__ = ["FAR", "QUAD_MIN", "SOURCE", "TYPE_MIN", "Reading", "agreed", "candidates",
           "plausible", "read", "told_act"]


@dataclass(frozen=True)
class Reading:
    """The type and quad heads' reading of one sentence."""

    type: str | None
    type_probability: float
    quad: int | None
    quad_probability: float


def plausible(sent, token_actor: dict[int, str]):
    """The provisional candidate at the root of ``sent`` (with its roles) where the sentence
    plausibly reports an act someone does: its root is a verb (not an auxiliary, a copula or
    a verb of having: ``STATE_ROOTS``) that tells of an act done (:func:`told_act`: no modal,
    no negation, not a habit or a state in the simple present), not a verb of saying with a
    direct quotation (what is quoted is the quote step's: '"We respect these ties," the
    minister said'), the sentence mentions two actors at least (an event is between an actor
    and a recipient), its subject is not a personal pronoun ("He crushed in Michigan", "She
    witnessed the fight": the PLV train part, whose marks the model learnt, marks a named or
    nominal actor in all its 787 sentences, never a pronoun), and the argument step finds an
    actor mention as its subject, object or passive subject; else None.
    Only these sentences cost a model run."""
    root = sent.root
    lem = root.lemma_.lower()
    if root.pos_ != "VERB" or lem in STATE_ROOTS or \
            len({token_actor[t.i] for t in sent if t.i in token_actor}) < 2:
        return None  # an event is between an actor and a recipient: two mentions at least
    if lem in CLAUSE_SPEECH_VERBS and any(t.is_quote for t in sent):
        return None
    if not told_act(root) or any(k.tag_ == "PRP" for k in root.children
                                 if k.dep_ in ("nsubj", "nsubjpass")):
        return None
    c = _candidate(root, None, None)
    roles = arguments.assign(c, token_actor)
    ids = arguments.actor_ids(roles.actors + roles.recipients, token_actor)
    return (c, roles) if ids else None


def told_act(root) -> bool:
    """Whether the sentence whose root is ``root`` tells of an act done, as the type head
    reads one: not with a modal ("Biden will interview X": acts to come or supposed are the
    lexicon's, through its frames), not negated ("Clinton did not mention Trump": the type
    head reads the refusal into its type, REJECT, which the negation would then deny), and
    not in the simple present ("Adelson owns the newspaper", "The candidate often mentions
    her granddaughter": a habit or a state) unless it is a verb of saying with a reported
    clause ("Sanders says X": what is said stands in the present too, and the type head
    reads it as the act: an accusation, a threat, a demand)."""
    kids = list(root.children)
    if any(k.tag_ == "MD" or k.dep_ == "neg" for k in kids):
        return False
    return root.tag_ not in PRESENT_SIMPLE or root.lemma_.lower() in CLAUSE_SPEECH_VERBS and \
        any(k.dep_ == "ccomp" for k in kids)


def read(c, roles, event_model, token_actor: dict[int, str]) -> Reading:
    """The type and quad heads' reading of the candidate's sentence, its actor and recipient
    marked as the model was trained (:func:`.model.marked_sentence`)."""
    sent = c.tok.sent
    text = marked_sentence(c, roles, token_actor) if getattr(event_model, "marked", False) \
        else sent.text
    out = event_model.predict([text])[0]
    type_, p = View.top(out.get("type", {}))
    quad, pq = View.top(out.get("quad", {}))
    return Reading(type_, p, int(quad) if quad is not None else None, pq)


def agreed(r: Reading) -> str | None:
    """The PLOVER type of the event the two heads agree on, or None (module docstring). The
    type head's YIELD is CONCEDE (PLOVER's CONCEDE or RETREAT; the model does not tell)."""
    if r.type is None or r.quad is None or r.quad == 0:
        return None
    type_ = "CONCEDE" if r.type == "YIELD" else r.type
    if r.type_probability < TYPE_MIN or r.quad_probability < QUAD_MIN or \
            penta_class(cameo_for(type_, None)) != r.quad:
        return None
    return type_


def candidates(doc, found, event_model, token_actor: dict[int, str]) -> list[Candidate]:
    """The candidates the model makes in the sentences of ``doc`` where ``found`` (the
    candidates staged so far) has none within ``FAR`` steps of the root: the root verb, with
    the type the heads agree on (:func:`agreed`), read like a lexicon candidate."""
    near = {c.tok.sent.start for c in found if depth(c.tok) <= FAR}
    out = []
    for sent in doc.sents:
        if sent.start in near:
            continue
        staged = plausible(sent, token_actor)
        if staged is None:
            continue
        type_ = agreed(read(*staged, event_model, token_actor))
        if type_ is not None:
            out.append(_candidate(sent.root, type_, cameo_for(type_, None)))
    classify.read(out)
    return out


def _candidate(tok, type_: str | None, cameo: str | None) -> Candidate:
    entry = Entry(lemma=tok.lemma_.lower(), pos="verb", type=type_ or "", mode=None, contexts=(),
                  cameo=cameo, source=SOURCE)
    c = Candidate(tok=tok, entry=entry, span=(tok.i, tok.i + 1))
    if type_ is None:
        classify.read([c])  # a reading with no type: the subject and object alone
    return c
