"""Sides of an act two parties do together, and of a meeting one of them hosts.

``joint_roles`` splits the participants of a joint act into actor and recipient as the
data sets mark them; ``host_and_guests`` tells the host of a meeting from its visitors by
the place it is held in; ``nearby_sides`` finds the two sides "both sides" refers to.
Moved out of :mod:`.arguments` (which reads actor and recipient off the parse) unchanged.
"""

from __future__ import annotations

from .arguments import actor_ids
from .tree import governing_verb, lemma, pobjs, prep_children

# Acts two parties do together: "X and Y agreed", "X held talks with Y", "X and Y signed a
# pact" (SUPPORT), "X and Y failed to reach agreement" (REJECT).
JOINT_TYPES = {"CONSULT", "AGREE", "COOPERATE", "SUPPORT", "REJECT"}


def joint_roles(event_type: str, mode: str | None, actor_ids: list[str],
                recipient_ids: list[str]) -> tuple[list[str], list[str]]:
    """Actor and recipient of an act two parties do together: "X held talks with Y": X acts,
    Y receives; "X and Y agreed", "talks between X and Y": the first named acts, the others
    receive. The PLOVER manual codes all participants of a meeting with no host as actors
    (and ConfliBERT's NER data mark both sides of a meeting R); the PLV data mark the second
    party as the target ("<s>X</s> held talks with <t>Y</t>", "<s>X</s> and <t>Y</t> agreed"),
    as do the hand-annotated actor countries, and the pair and country scores follow them
    (docs/evaluation.md, "Joint acts"); so do PLV's "<s>X</s> and <t>Y</t> signed a pact"
    (SUPPORT) and "... failed to reach agreement" (REJECT) rows."""
    if event_type in JOINT_TYPES and not recipient_ids and len(actor_ids) >= 2:
        return actor_ids[:1], actor_ids[1:]
    return actor_ids, recipient_ids


def agreed_type(c, event_type: str) -> str:
    """The type whose sides ``joint_roles`` splits: "X and Y agreed to a cease-fire to end the
    fighting" reads as the act agreed to (a threat of violence), but its parties are those
    who agree: PLV marks the first named as the source and the second as the target in all 6
    of its train part's "<s>X</s> and <t>Y</t> agreed ..." rows, whatever is agreed to."""
    if event_type not in JOINT_TYPES and c.frame == "intent" and lemma(c.tok) == "agree":
        return "AGREE"
    return event_type


def filled_joint_roles(event, filled: tuple[list[str], list[str]], doc,
                       token_actor) -> tuple[list[str], list[str]]:
    """``joint_roles`` for the (actor ids, recipient ids) the role step ``filled`` in for
    ``event``: the parties it read all as actors ("X and Y began joint exercises") or, with no
    actor, all as objects ("talks between X and Y failed to reach agreement": the agreement
    is no party) are split as the rules split them: the first named acts, the others receive."""
    actor_ids, recipient_ids = filled
    if event.type in JOINT_TYPES and not actor_ids and len(recipient_ids) >= 2:
        first: dict[str, int] = {}
        for t in doc[event.trigger_token].sent:
            i = token_actor.get(t.i)
            if i in recipient_ids and i not in first:
                first[i] = t.i
        named = sorted(recipient_ids, key=lambda i: first.get(i, len(doc)))
        return named[:1], named[1:]
    return joint_roles(event.type, event.mode, actor_ids, recipient_ids)


def tagged_joint_roles(event, doc, token_actor) -> tuple[list[str], list[str]]:
    """``joint_roles`` for the roles the role tagger set (model mode): it reads "X and Y
    agreed", "X and Y signed a pact" with both parties as the source; split them as the rules
    split them, the first named acting and the others receiving (PLV train part, model mode:
    8 rows of a joint act with two parties tagged as the source and none as the target, all 8
    marking the second party as the target)."""
    named = in_named_order(event, doc, token_actor)
    return joint_roles(event.type, event.mode, named, event.recipient_ids)


def in_named_order(event, doc, token_actor) -> list[str]:
    """The event's actor ids in the order its sentence names them (ids it does not name last)."""
    first: dict[str, int] = {}
    for t in doc[event.trigger_token].sent:
        i = token_actor.get(t.i)
        if i in event.actor_ids and i not in first:
            first[i] = t.i
    return sorted(event.actor_ids, key=lambda i: first.get(i, len(doc)))


def host_and_guests(tok, token_actor, country_of, ids) -> tuple[list[str], list[str]] | None:
    """Where a meeting takes place "in"/"at" a place of one participant's country and another
    participant is from elsewhere: (the visitors, the host)."""
    from communique.extract.places import lookup

    anchors = [tok]
    if tok.pos_ in ("NOUN", "PROPN") and governing_verb(tok) is not None:
        anchors.append(governing_verb(tok))
    # the parser often hangs the place on the other side: "met X at the palace in Beijing"
    anchors += [c for a in list(anchors) for c in a.children if c.dep_ == "dobj"]
    anchors += [g for a in list(anchors) for p in prep_children(a, ("with",)) for g in pobjs(p)]
    for a in anchors:
        for p in prep_children(a, ("in", "at")):
            # "at the State Guesthouse in Beijing": the place, or the city it is in
            places = [x for g in pobjs(p) for x in [g] + [gg for pp in prep_children(g, ("in",))
                                                            for gg in pobjs(pp)]]
            for g in places:
                place_id = token_actor.get(g.i)
                country = country_of.get(place_id) if place_id else None
                if country is None and g.ent_type_ == "GPE":
                    ent = next((e for e in g.doc.ents if e.start <= g.i < e.end), None)
                    found = lookup(ent.text if ent is not None else g.text)
                    country = found[0].country if found else None
                if not country:
                    continue
                parts = [i for i in dict.fromkeys(ids) if i != place_id]
                hosts = [i for i in parts if country_of.get(i) == country]
                guests = [i for i in parts if country_of.get(i) and country_of.get(i) != country]
                if len(hosts) == 1 and guests:
                    return guests, hosts
    return None


def nearby_sides(doc, tok, token_actor) -> list[str]:
    """"Deaths on both sides": the two sides named by the latest "between X and Y" nearby."""
    sent = tok.sent
    unnamed_sides = any(t.lower_ in ("both", "sides") for t in sent) or any(
        t.dep_ == "prep" and t.lower_ == "between" and len(actor_ids(pobjs(t), token_actor)) < 2 for t in sent)
    if not unnamed_sides:
        return []
    sents = list(doc.sents)
    k = next((n for n, s in enumerate(sents) if s.start == sent.start), 0)
    for s in reversed(sents[max(0, k - 3):k + 1]):
        for t in s:
            if t.dep_ == "prep" and t.lower_ == "between":
                ids = actor_ids(pobjs(t), token_actor)
                if len(ids) >= 2:
                    return ids
    return []


def split_fight_sides(events, fights: set[int], doc, token_actor) -> None:
    """The sides of a fight both wage named all as its actors ("X and Y clashed", "clashes
    between X and Y", "X and Y exchanged fire"): the first named acts, the others receive, as
    for the joint acts (``joint_roles``). ACLED's codebook codes a battle's two sides as
    actor1 and actor2; the PLV data mark the second party of a clash the target ("<s>X</s>
    clashed with <t>Y</t>"). A fight with a recipient already keeps its roles."""
    for e in events:
        if e.trigger_token not in fights or e.type != "ASSAULT" or e.recipient_ids \
                or len(e.actor_ids) < 2:
            continue
        named = in_named_order(e, doc, token_actor)
        e.actor_ids, e.recipient_ids = named[:1], named[1:]
