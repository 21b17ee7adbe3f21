"""The sides of a joint act named as one body: "UK and EU negotiators have agreed", "Nigerian
and British armed forces have agreed to undertake a joint exercise", "The armies of Brazil and
Argentina performed joint war games".

The parse makes one subject of such a body, and the first pass reads one actor off it (the
first country word, or the body). Its sides are the parties named before the noun ("A and B
negotiators") or after its "of" ("the armies of A and B"); ``sides.joint_roles`` then lets
the first act and the others receive, as the PLV data mark a joint act ("<s>UK</s> and
<t>EU</t> negotiators have agreed", "<s>The armies of Brazil</s> and <t>Argentina</t>
performed joint war games"): in the PLV train part, 8 of 8 sentences of a joint act by such a
body mark its sides so (the actors of the words are ``actor_joint``'s).
"""

from __future__ import annotations

from communique.extract.actor_joint import MODIFIER_DEPS, body_noun

from .sides import JOINT_TYPES


def shared_body(trigger, event_type: str, actor_ids: list[str], recipient_ids: list[str],
                token_actor) -> list[str]:
    """``actor_ids`` with the other sides of the one body that acts, in the order the
    sentence names them; unchanged unless the event has one actor. Each side acts (PETRARCH
    codes a compound actor's act for each of its parts); of a joint act with no
    recipient, ``sides.joint_roles`` then makes the first named the actor and the others its recipients."""
    if len(actor_ids) != 1:
        return actor_ids
    first = actor_ids[0]
    for tok in trigger.sent:
        if token_actor.get(tok.i) != first:
            continue
        # the body is the actor ("The navies of Greece and Egypt"), or a country word before it is
        head = tok if tok.tag_ in ("NNS", "NNPS") else tok.head if tok.dep_ in MODIFIER_DEPS \
            and body_noun(tok.head) else None
        if head is None:
            continue
        named = _named(head, first, token_actor)
        if len(named) >= 2:
            return named
    return actor_ids


def _named(head, own: str, token_actor) -> list[str]:
    """The ids of the parties ``head`` is shared by, in order: its modifiers joined by "and"
    ("UK and EU negotiators", "Nigerian and British armed forces"), or the body itself and
    the parties joined to the one after its "of" ("the armies of Brazil and Argentina"), or
    the word joined before it ("Japanese and the Australian armies")."""
    mods = [m for m in head.lefts if m.dep_ in MODIFIER_DEPS]
    joined = any(c.dep_ == "cc" and c.lower_ == "and" for m in mods for c in m.children)
    toks = []
    if head.dep_ == "conj" and head.head.i < head.i and any(c.dep_ == "cc" for c in head.head.children):
        toks = [head.head, head]  # "Japanese and the Australian armies"
    elif joined:
        for m in mods:
            toks += [m] + [c for c in m.children if c.dep_ == "conj"]
        if token_actor.get(head.i) is not None:
            toks.append(head)
    else:
        of = next((p for p in head.children if p.dep_ == "prep" and p.lower_ == "of"), None)
        obj = next((g for g in of.children if g.dep_ == "pobj"), None) if of is not None else None
        if obj is None or not any(c.dep_ == "cc" and c.lower_ == "and" for c in obj.children):
            return []
        toks = [head] + [c for c in obj.children if c.dep_ == "conj"]
    ids: list[str] = []
    for t in sorted(toks, key=lambda t: t.i):
        i = token_actor.get(t.i)
        if i is not None and i not in ids:
            ids.append(i)
    return ids if own in ids else []
