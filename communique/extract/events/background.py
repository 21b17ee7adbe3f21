"""Background acts: an act a sentence mentions under its main act is not a new event.

PLOVER codes the act a sentence reports; the acts named around it to say when, why or of
whom ("condemned the sanctions", "police held reporters during a rally", "halted aid after
a convoy was attacked", "the family of a guard who was shot") are its background, and the
manual does not code them as events of their own. On the PLV train part most of our events
of a type other than the gold one sit in such a position (docs/evaluation.md, "Precision
of our events on PLV text"). The cut here is the narrow one: a trigger in a relative
clause, in an after/following/since/during/amid/over phrase (its object, or a clause after
the preposition: "after meeting officials"), in an after/since clause, in an until/unless/before
clause (the condition of the act: "will not end the strike until their demands are met"), or a
noun qualifying a participle ("a war-torn region"), and only where its sentence has an event
outside those positions, so a sentence never loses its main event. The wider cut of
:func:`in_modifier` (an act in a prepositional object or a noun-modifying clause: "arrested for
collaborating with the rebels") applies in both modes; with the lexicon alone it spares
assaults and objects of a preposition of means (:func:`drop_background`).
"""

from __future__ import annotations

from .hit import EventHit
from .normalise import promised_concession

# prepositions whose object is a happening before or around the sentence's act
BACKGROUND_PHRASE = {"after", "following", "since", "during", "amid", "amidst", "over"}
# subordinators of a clause telling an earlier happening
BACKGROUND_CLAUSE = {"after", "since"}
# subordinators of a clause telling the condition of the sentence's act, not yet met when it is
# told ("will not lift the embargo until ...", "must disarm before it can receive aid")
CONDITION_CLAUSE = {"until", "unless", "before"}
_CLAUSE = BACKGROUND_CLAUSE | CONDITION_CLAUSE
# prepositions of means: the act they govern tells how the sentence's act was done ("answered
# with gunfire", "broke up the march by firing tear gas"), the act itself, not its background
MEANS = {"with", "by", "through", "via"}
# PLOVER's YIELD, split in two: a release told beside the pardon that frees (CONCEDE and
# RETREAT) is one concession
_FAMILY = {"CONCEDE": "YIELD", "RETREAT": "YIELD"}


def _family(e: EventHit) -> str:
    # a promised concession (AGREE, CAMEO 035x) is of the concession's family too
    return "YIELD" if promised_concession(e.type, e.cameo) else _FAMILY.get(e.type, e.type)


def in_background(tok) -> bool:
    """Whether a trigger hangs in a background position of its sentence: a relative clause,
    the object of an after/following/since/during/amid/over phrase (or a word inside it, "after
    the killing of a guard", or a clause after the preposition, "after meeting officials"), an
    after/since clause ("fled after the war broke out"), an until/unless/before clause (the
    act's condition), a scene a when-clause breaks into (:func:`scene`), or a noun qualifying
    a participle ("a war-torn region": the region is named, the war is not told)."""
    if tok.dep_ == "npadvmod" and tok.head.dep_ == "amod":
        return True
    if scene(tok):
        return True
    t = tok
    while t.head.i != t.i:
        if t.dep_ == "relcl" and not _next_act(t):
            return True
        if t.dep_ in ("pobj", "pcomp", "dobj") and t.head.lower_ in BACKGROUND_PHRASE and (
                t.dep_ != "dobj" or t.head.lower_ == "following"):
            return True
        if t.dep_ == "advcl" and any(k.dep_ == "mark" and k.lower_ in _CLAUSE for k in t.children):
            return True
        t = t.head
    return False


def scene(tok) -> bool:
    """Whether a trigger is a scene a when-clause breaks into: a verb in the past progressive
    with a when-clause of its own ("police officers were patrolling the neighbourhood when gang
    members started shooting", "soldiers were escorting a convoy when militants opened fire"):
    the clause tells what was going on, the when-clause what happened (train part of the ACLED
    notes: 2 of 2 notes whose first act the lexicon read in such a clause, a patrol, are
    battles, the fire in the when-clause)."""
    return tok.tag_ == "VBG" and any(k.dep_ == "aux" and k.lower_ in ("was", "were")
                                     for k in tok.children) and any(
        k.dep_ == "advcl" and k.left_edge.lower_ == "when" for k in tok.children)


def _next_act(clause) -> bool:
    """A relative clause that tells what came next ("attacked a convoy, after which the
    government halted aid"): the sentence's own sequel, not a background."""
    return any(k.dep_ == "prep" and any(o.lower_ == "which" for o in k.children)
               for k in clause.children)


def in_modifier(tok, means: bool = True) -> bool:
    """Whether a trigger hangs in a modifier of the sentence's act or of one of its parties:
    the object of any preposition ("arrested for collaborating with the rebels", "an
    investigation of the killing", "stormed the camp in a crackdown"), or a clause modifying a
    noun: a participle, a relative clause without its "which" ("sanctions imposed after the
    tests", "a coalition fighting the rebels"), or what the noun asks or promises ("reiterated
    its demand that the US ease sanctions", "an ultimatum to normalise ties"). With ``means``
    False, the object of a preposition of means (``MEANS``: "answered with gunfire", "broke up
    the march by firing tear gas") is not a modifier: it tells how the act was done."""
    t = tok
    while t.head.i != t.i:
        if t.dep_ in ("pobj", "pcomp") and t.head.dep_ in ("prep", "agent"):
            return means or t.head.lower_ not in MEANS
        if t.dep_ == "acl" and t.head.dep_ != "ROOT":
            return True
        t = t.head
    return False


def drop_background(events: list[EventHit], doc, keep: set[int] = frozenset()) -> list[EventHit]:
    """The events less those told in a background position of a sentence that has an event
    outside one told as done or due, of a type none of those has (triggers in ``keep`` stay:
    a note's lead act). A trigger in a modifier (:func:`in_modifier`) is background too. Where
    the event model read the sentence (model mode: its main act's type is the model's reading
    of the whole sentence), every modifier is; with the lexicon alone, the object of a
    preposition of means stays (the act itself, told by how it was done), and so does an
    assault: ACLED codes the violence a note tells wherever it hangs ("were arrested for
    fighting": a riot; "were subjected to beatings": violence against civilians), and a main
    act the lexicon reads is too often a light verb read wrong for the fight beside it to go
    (docs/evaluation.md)."""
    wide = any(e.rules is not None for e in events)

    def back(e) -> bool:
        tok = doc[e.trigger_token]
        return in_background(tok) or in_modifier(tok, means=wide) and (wide or e.type != "ASSAULT")

    fore: dict[int, set[str]] = {}
    for e in events:
        if not back(e) and not e.negated and \
                e.modality in ("asserted", "future"):  # an act the sentence tells as done or due
            fore.setdefault(e.sentence_start, set()).add(_family(e))
    # one of the main act's type is the same act told again: dedupe merges it, its actors
    # filling the main act's gaps ("was freed after the president pardoned him": YIELD)
    return [e for e in events if e.trigger_token in keep or e.sentence_start not in fore
            or _family(e) in fore[e.sentence_start] or not back(e)]
