"""Bodies two countries share one noun for: "Nigerian and British armed forces", "British and
EU negotiators", "Japanese and the Australian armies".

A body with nationality words of two countries before it is of neither country alone
(``actor_agents.national_body`` makes no actor of it); each nationality word names one side.
PLV marks the sides apart: of the PLV train part's sentences with "A and B" before a plural
body noun, all 7 mark the first word alone as the source and the second with the noun as the
target ("<s>Nigerian</s> and <t>British armed forces</t> have agreed to undertake a joint
military exercise", "<s>British</s> and <t>EU negotiators</t> have failed to reach a deal",
"<s>Japanese</s> and <t>the Australian armies</t> have agreed"), as ``events.sides.joint_roles``
splits "X and Y agreed". All 7 are the subject: a body that acts; a body acted on or spoken
of ("communication between the Iranian and Azeri counterparts") is left as it was. This module
makes the actors: the first nationality word stands for
its country; the last, with the body noun, is that country's body. Which side acts and which
receives is the event stage's (``events.joint_sides``).
"""

from __future__ import annotations

from communique import kb
from communique.word_lists import word_list

from .actor_table import PERSON_NOUNS, SUBJECT_DEPS, ActorTable, Proto
from .syntax import tokens_with_pos

# Plural nouns of a body or its people that two countries' words can share.
BODY_NOUNS = PERSON_NOUNS | word_list("party_nouns") | word_list("armed_bodies") | word_list("force_heads")
MODIFIER_DEPS = ("amod", "nmod", "compound")


def body_noun(tok) -> bool:
    """A plural noun of a body or its people ("forces", "negotiators", "armies")."""
    return tok.tag_ in ("NNS", "NNPS") and (tok.lemma_.lower() in BODY_NOUNS or tok.lower_ in BODY_NOUNS)


def _nation(tok) -> str | None:
    """The country of a nationality word or country name of one token."""
    return kb.country_by_adjective(tok.text) or next(
        (e.country for e in kb.lookup(tok.text) if e.kind == "country"), None)


def shared_bodies(table: ActorTable) -> None:
    """Add the sides of each body two countries' words share (see the module's note)."""
    for head in tokens_with_pos(table.doc, "NOUN"):
        if not body_noun(head):
            continue
        if head.dep_ not in SUBJECT_DEPS and not (head.dep_ == "conj" and head.head.dep_ in SUBJECT_DEPS):
            continue  # the body that acts; not "communication between the Iranian and Azeri counterparts"
        for mod in head.lefts:
            conj = [c for c in mod.children if c.dep_ == "conj"]
            if mod.dep_ in MODIFIER_DEPS and conj and any(c.dep_ == "cc" for c in mod.children):
                # "Nigerian and British armed forces": both words modify the noun
                _sides(table, [mod] + conj, head)
        if head.dep_ == "conj" and head.head.pos_ == "ADJ" and head.head.i < head.i \
                and any(c.dep_ == "cc" for c in head.head.children):
            # "Japanese and the Australian armies": the first word parsed as joined to the noun
            _sides(table, [head.head], head, body=False)


def _sides(table: ActorTable, words: list, head, body: bool = True) -> None:
    """Each nationality word of ``words`` no actor holds: the last (next to ``head``) with the
    noun as its country's body (unless ``body`` is False), any before it as its country."""
    doc = table.doc
    countries = [_nation(w) for w in words]
    claimed = [w.i in table.claimed for w in words]
    joined = not body and head.i in table.claimed  # "the Australian armies" is a side already
    if len(words) + joined < 2 or not all(c or k for c, k in zip(countries, claimed)):
        return  # "federal and civil police": not two countries' sides
    last = words[-1]
    for w, country in zip(words, countries):
        if w.i in table.claimed or not country:
            continue
        if body and w.i == last.i and table.free(w.i, head.i + 1):
            p = Proto(kind="group", name=" ".join(t.text for t in doc[w.i:head.i + 1]), country=country,
                      sector=kb.sector_of(head.lemma_) or kb.sector_of(head.text), country_source="text")
            table.protos.append(p)
            table.add(p, w.i, head.i + 1)
        else:
            table.add(table.country_actor(country), w.i, w.i + 1)


def shared_of_bodies(table: ActorTable) -> None:
    """"Military forces of India and Pakistan exchanged fire": a force noun whose "of" names
    two countries is each country's force. The body's actor holds the first country
    (``actor_agents.national_body``); each country joined to it after "and" is made that
    country's body of the same sector in place of the country alone, so the other side of
    a fight is an armed side, not a bare country (ACLED codebook: battles are between
    armed, organised actors; ACLED train part: 20 of 20 notes saying "military forces of
    India and Pakistan" code the other side "Military Forces of X", 18 Pakistan's, 2
    India's). PLV marks the joined country as the target ("<s>The armies of Brazil</s> and
    <t>Argentina</t>"): the country stays its country."""
    doc = table.doc
    for head in tokens_with_pos(doc, "NOUN"):
        owner = table.claimed.get(head.i)
        if owner is None or owner.sector not in ARMED_SECTORS or head.tag_ not in ("NNS", "NNPS") \
                or not (head.lemma_.lower() in FORCE_NOUNS or head.lower_ in FORCE_NOUNS):
            continue
        of = next((p for p in head.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        first = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if first is None or first.i not in table.claimed or table.claimed[first.i] is not owner \
                and table.claimed[first.i].kind != "country":
            continue
        if not any(c.dep_ == "cc" and c.lower_ == "and" for c in first.children):
            continue
        for other in (c for c in first.children if c.dep_ == "conj"):
            country = _nation(other)
            held = table.claimed.get(other.i)
            if not country or country == owner.country or (held is not None and held.kind != "country") \
                    or any(table.claimed.get(k) is not held for k in range(other.left_edge.i, other.i + 1)):
                continue
            for k in range(other.left_edge.i, other.i + 1):
                gone = table.claimed.pop(k, None)
                if gone is not None:
                    gone.mentions = [m for m in gone.mentions if not (m[0] <= k < m[1])]
            p = Proto(kind="group", name=f"{head.text} of {other.text}", country=country,
                      sector=owner.sector, country_source="text")
            table.protos.append(p)
            table.add(p, other.left_edge.i, other.i + 1)


# Sectors of armed bodies, and the plural nouns by which "of" names whose force it is.
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "PRM", "SPY"})
FORCE_NOUNS = word_list("armed_bodies") | word_list("force_heads")
