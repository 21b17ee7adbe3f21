"""Dedupe: the same event told twice in an article comes out once.

Repeats within a sentence and retellings nearby are merged (their actors,
recipients and casualty counts fill each other's gaps); a headline event is kept
only when the body tells nothing of the same quad class.
"""

from __future__ import annotations

from ..syntax import headline_end_char
from .hit import EventHit
from .normalise import promised_concession
from .tree import told_as_background


def _merge_into(keep: EventHit, drop: EventHit) -> None:
    # fill in who acted and on whom only where the kept telling left it open
    if not keep.actor_ids:
        keep.actor_ids = [i for i in drop.actor_ids if i not in keep.recipient_ids]
    if not keep.recipient_ids:
        keep.recipient_ids = [i for i in drop.recipient_ids if i not in keep.actor_ids]
    if drop.fatalities is not None:
        keep.fatalities = max(keep.fatalities or 0, drop.fatalities)
    if drop.injured is not None:
        keep.injured = max(keep.injured or 0, drop.injured)
    keep.confidence = max(keep.confidence, drop.confidence)


def _violent_protest(keep: EventHit, drop: EventHit, doc) -> None:
    """"Protesters demonstrated and threw stones at the police": one protest, a violent one
    (manual, PROTEST modes: riot is the demonstration whose participants intend injury or damage).
    A riot named as an earlier happening ("a protest after the riots in the prisons") is not it."""
    if keep.type == "PROTEST" and drop.mode == "riot" and keep.mode in (None, "demo") and not \
            told_as_background(doc[drop.trigger_token]):
        keep.mode, keep.cameo = drop.mode, drop.cameo
        keep.goldstein, keep.quad_class, keep.plover_score = drop.goldstein, drop.quad_class, drop.plover_score


def _kind(e: EventHit) -> str:
    # a promised concession (AGREE, CAMEO 035x) merges with a concession in its sentence
    return "CONCEDE" if promised_concession(e.type, e.cameo) else e.type


def _compatible(a: list[str], b: list[str]) -> bool:
    return not a or not b or bool(set(a) & set(b))


def _same_reading(a: EventHit, b: EventHit) -> bool:
    """Same type and mode, or the same reading by the rules: a retelling is the same act even
    where the event model reads its other sentence as another type."""
    return (a.type, a.mode) == (b.type, b.mode) or (
        a.rules is not None and a.rules == b.rules)


def dedupe(events: list[EventHit], doc) -> list[EventHit]:
    """One event per happening: merge repeats within a sentence and retellings nearby."""
    head_end = headline_end_char(doc)
    body = [e for e in events if e.trigger_start >= head_end]
    head = [e for e in events if e.trigger_start < head_end]
    out: list[EventHit] = []
    sent_index = {s.start_char: n for n, s in enumerate(doc.sents)}
    for e in body:
        merged = False
        for k in reversed(out):
            near = abs(sent_index.get(k.sentence_start, 0) - sent_index.get(e.sentence_start, 0))
            if k.negated != e.negated or not _compatible(k.actor_ids, e.actor_ids):
                continue
            if _kind(k) == _kind(e) and k.sentence_start == e.sentence_start:
                merged = True
                _violent_protest(k, e, doc)
            elif (k.sentence_start != e.sentence_start
                  and doc[k.trigger_token].lemma_.lower() == doc[e.trigger_token].lemma_.lower()
                  and _same_reading(k, e) and _compatible(k.recipient_ids, e.recipient_ids)
                  and (near <= 3 or (k.actor_ids and e.actor_ids))):
                # The same act retold: "expressed opposition" ... "We declare our opposition".
                merged = True
            if merged:
                _merge_into(k, e)
                break
        if not merged:
            out.append(e)
    # A headline tells what the body tells: keep only what the body does not have.
    for e in head:
        if any(b.quad_class == e.quad_class for b in out):
            continue
        out.append(e)
    return sorted(out, key=lambda e: e.trigger_start)

