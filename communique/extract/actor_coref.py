"""Coreference without a model: descriptions and pronouns resolved to the person meant.

"the senior diplomat", "Iran FM" and "he" are mentions of the person they are
compatible with (country, sector, role) and most salient for (recency, subject
position); a description with no such person is a new, unnamed one.
"""

from __future__ import annotations

from .. import kb
from .actor_table import PERSON_NOUNS, SUBJECT_DEPS, ActorTable, Proto
from .actor_titles import ABBREVIATIONS, qualify
from communique.word_lists import word_list

MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "attr", "oprd", "conj", "appos"}


def description(table: ActorTable, tok):
    """(i, j, words, definite) for "the senior diplomat"-like noun phrases headed by ``tok``."""
    lower = tok.lower_
    if tok.pos_ not in ("NOUN", "PROPN") or lower not in PERSON_NOUNS:
        return None
    if tok.tag_ in ("NNS", "NNPS") or tok.i in table.claimed:
        return None
    if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and lower not in ABBREVIATIONS:
        return None  # "Foreign Minister" before a name, handled as a title
    mods = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod") and not c.is_space]
    if mods and mods[0].dep_ == "poss" and mods[0].tag_ == "PRP$" and len(mods) > 1:
        # "his Sudanese counterpart": the pronoun says whose counterpart, not who; the
        # description is the rest ("Sudanese counterpart")
        mods = mods[1:]
    if not mods:
        return None
    i = min(c.left_edge.i for c in mods)
    words = [t for t in table.doc[i:tok.i + 1] if not t.is_punct and t.dep_ != "case"]
    det = next((c for c in mods if c.dep_ == "det"), None)
    definite = det is None or det.lower_ in ("the", "this", "that")
    if any(table.claimed.get(k) and table.claimed[k].kind == "person" for k in range(i, tok.i + 1)):
        return None
    return (i, tok.i + 1, words, definite)


def resolve_description(table: ActorTable, i, j, words, definite, anywhere=False) -> None:
    """Add a description as a mention of the person it refers to, or of a new person.

    Args:
        i, j, words, definite: what ``description`` gives.
        anywhere: look for the person in the whole article, not only before: a
            headline names people the body introduces.
    """
    probe = Proto(kind="person", name="")
    qualify(table, probe, words)
    for k in range(i, j):  # "Iran" in "Iran FM" is part of the description
        owner = table.claimed.get(k)
        if owner is not None:
            owner.mentions = [m for m in owner.mentions if not (m[0] <= k < m[1])]
            del table.claimed[k]
    target = _antecedent(table, i, probe, anywhere=anywhere) if definite else None
    if target is None:
        name = " ".join(t.text for t in words if t.dep_ != "det" and t.pos_ != "DET")
        target = Proto(kind="person", name=name, country=probe.country,
                       sector=probe.sector or kb.sector_of(words[-1].lemma_), role=probe.role)
        if target.country is None and target.sector:
            # "a police officer was shot dead in Diyala": someone new of the one country the
            # sentence names, else of the article's country, as for a generic agent
            # "the prime minister of Pakistan": the country after "of" is the post's, before
            # any other country the sentence names
            around = table.country_around(table.doc[j - 1])
            target.country, source = (around, "text") if around else table.context_country(table.doc[j - 1])
            target.country_source = source if target.country else None
        table.protos.append(target)
    else:
        target.country = target.country or probe.country
        target.sector = target.sector or probe.sector
        target.role = target.role or probe.role
    table.add(target, i, j)


def _is_object(table, i: int) -> bool:
    """Is the noun phrase starting at token ``i`` an object in its clause?"""
    tok = table.doc[i]
    while tok.dep_ in ("det", "amod", "compound", "poss", "nmod") and tok.head is not tok:
        tok = tok.head
    return tok.dep_ in OBJECT_DEPS


def _compatible(person: Proto, probe: Proto) -> bool:
    if probe.country and person.country and probe.country != person.country:
        return False
    if probe.sector and person.sector and probe.sector != person.sector:
        return False
    if probe.role and person.role and probe.role.lower() != person.role.lower():
        return False
    return True


def _antecedent(table, i: int, probe: Proto, anywhere: bool = False) -> Proto | None:
    sent_of = table.sent_index
    here = sent_of(i)
    best, best_score = None, None
    for p in table.protos:
        if p.kind != "person" or p.nobody or not p.mentions or not _compatible(p, probe):
            continue
        before = [m for m in p.mentions if m[0] < i] if not anywhere else p.mentions
        if not before:
            continue
        last = max(before, key=lambda m: m[0])
        distance = abs(here - sent_of(last[0]))
        if not anywhere and distance == 0 and _is_object(table, i):
            continue  # "Maduro expelled the top American diplomat": not Maduro
        if not anywhere and distance > 6 and not (probe.country or probe.role):
            continue  # a bare "the official" refers to someone recent
        score = (2.0 if probe.country and p.country == probe.country else 0.0) \
            + (1.0 if probe.role and p.role and p.role.lower() == probe.role.lower() else 0.0)
        if anywhere:
            score += 0.5 if p.named else 0.0
            score -= 0.001 * min(m[0] for m in p.mentions)
        else:
            score += 1.0 / (1 + distance) + (0.5 if any(m[2] for m in before[-2:]) else 0.0)
            score += 0.0001 * last[0]
        if best_score is None or score > best_score:
            best, best_score = p, score
    return best


def resolve_pronoun(table: ActorTable, tok) -> None:
    """Add "he", "him", "his" (or "she", ...) as a mention of the person it refers to, if any."""
    gender = "m" if tok.lower_ in MALE else "f"
    sent = tok.sent
    # Cataphora inside a sentence: "For his part, the minister said ..."
    root = sent.root
    if tok.i < root.i:
        for k in range(tok.i + 1, root.i + 1):
            owner = table.claimed.get(k)
            t = table.doc[k]
            if owner is not None and owner.kind == "person" and t.dep_ in SUBJECT_DEPS | {"compound"} \
                    and owner.gender in (None, gender):
                _add_pronoun(table, owner, tok, gender)
                return
    # Otherwise the most salient earlier person: recent, and a subject if possible.
    here = table.sent_index(tok.i)
    best, best_score = None, None
    for p in table.protos:
        if p.kind != "person" or p.gender not in (None, gender):
            continue
        before = [m for m in p.mentions if m[0] < tok.i]
        if not before:
            continue
        last = max(before, key=lambda m: m[0])
        distance = here - table.sent_index(last[0])
        if distance > 3:
            continue
        subj = [m for m in before if m[2] and here - table.sent_index(m[0]) <= 1]
        score = -distance + (1.5 if subj else 0.0) + 0.0001 * last[0]
        if best_score is None or score > best_score:
            best, best_score = p, score
    if best is not None:
        _add_pronoun(table, best, tok, gender)


def _add_pronoun(table, proto: Proto, tok, gender: str) -> None:
    proto.gender = proto.gender or gender
    table.add(proto, tok.i, tok.i + 1)


def merge_descriptions(table: ActorTable) -> None:
    """A described person who turns out to be a named one: "the Kenyan president, William
    Ruto" (an appositive), or "a South Korean leader" before "Yoon Suk Yeol" of South Korea
    later in the article (a description that comes first and fits exactly one named person
    of its country). Its mentions move to the named person; a description after a name was
    already resolved (``resolve_description``) or introduces someone new ("Ruto met a
    Kenyan official")."""
    doc = table.doc
    named = [p for p in table.protos if p.kind == "person" and p.named and p.mentions]
    for desc in [p for p in table.protos if p.kind == "person" and not p.named and not p.nobody
                 and p.mentions and p.country]:
        first = min(m[0] for m in desc.mentions)
        target = None
        for i, j, _ in desc.mentions:  # "the Kenyan president, William Ruto"
            root = doc[i:j].root
            for c in root.children:
                if c.dep_ == "appos":
                    owner = table.claimed.get(c.i)
                    if owner is not None and owner in named and _compatible(owner, desc):
                        target = owner
        if target is None:
            fits = [p for p in named if p.country == desc.country and _compatible(p, desc)
                    and min(m[0] for m in p.mentions) > first]
            if len(fits) == 1 and not any(p.country == desc.country and p not in fits for p in named):
                target = fits[0]
        if target is None:
            continue
        for i, j, subject in desc.mentions:
            table.add(target, i, j)
        desc.mentions = []
        target.sector = target.sector or desc.sector
        target.role = target.role or desc.role


# People who serve the body their "of"/"from" phrase names: "an employee of the British embassy".
SERVED_BODY_PEOPLE = word_list("served_body_people")


def served_bodies(table: ActorTable) -> None:
    """A person or group described, not named, whose own words give no country, and whose
    "of"/"from" phrase names a body or state with one: the country of the body they serve
    ("an employee of the U.S. consulate", "staff from UNMEE", "a senior official of the Somali
    government"; PLOVER: a person's country is the one they serve), where the sentence or
    the article gave another or none."""
    doc = table.doc
    for p in table.protos:
        if p.named or p.kind not in ("person", "group") or (p.country and p.country_source in (None, "text")):
            continue
        if p.kind == "group" and len(p.mentions) != 1:
            continue  # a generic agent's one actor stands for all its mentions
        for i, j, _ in p.mentions:
            head = doc[i:j].root
            if head.lower_ not in SERVED_BODY_PEOPLE:
                continue
            owner = _served_owner(table, head, p)
            if owner is not None:
                p.country, p.country_source = owner.country, "text"
                break


def _served_owner(table: ActorTable, head, proto: Proto) -> Proto | None:
    for prep in head.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from"):
            continue
        for g in prep.children:
            if g.dep_ != "pobj":
                continue
            # "the Islamic State group": the name before the body word
            for k in range(g.i, g.left_edge.i - 1, -1):
                owner = table.claimed.get(k)
                if owner is not None and owner is not proto and owner.country and owner.kind != "person":
                    return owner
    return None
