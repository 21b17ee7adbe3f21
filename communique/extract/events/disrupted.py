"""Disrupted weapons use: a bomb that never went off as an attack is no remote violence.

ACLED codebook, strategic developments, *disrupted weapons use*: explosives that were
defused, that failed to go off, or that security forces detonated themselves (a controlled
detonation) are strategic developments, not explosions or remote violence: no one was
attacked with them. The project reads these as ASSAULT ``destroy`` (CAMEO 1712, the assaults
ACLED counts as strategic developments; ``data/acled_note_labels.tsv`` reads ACLED's own
"Defusal:" and "Detonation:" labels so).

A text tells of such a device where (:func:`disrupted`):

- a defusal word (``defuse_words``: "the explosive was later defused", "defused five IEDs")
  has an explosive device (``explosive_subjects``) as its object or passive subject;
- an explosion of the text is negated ("the grenade did not explode", "failed to detonate");
- the state's forces detonate a device ("police detonated a bomb planted by a man"), or the
  text says the explosion was "controlled".

Then every asserted, not negated ASSAULT of the text with a remote mode (an IED found, a
grenade lobbed, the detonation itself) takes mode ``destroy``, unless one of them hurt or
killed someone (a device that went off beside one that was defused is an attack). Train
part of the ACLED notes: of the 6 notes that tell of such a device, 6 are strategic
developments (disrupted weapons use); 3 read as explosions/remote violence before.
"""

from __future__ import annotations

from communique.lexicon import cameo_info, plover_score
from communique.word_lists import word_list

from .model import cameo_for
from .tree import lemma

__all__ = ["disrupted", "mark_disrupted"]

DEFUSE_WORDS = word_list("defuse_words")
DEVICES = word_list("explosive_subjects")
EXPLODE_VERBS = word_list("explode_verbs")
# the state's forces (communique/data sectors): a device they set off is a controlled detonation
STATE_FORCES = frozenset({"MIL", "COP", "SPY", "GOV"})
REMOTE_MODES = ("explosives", "heavy-weapons", "aerial", "drone", "suicide-attack")


def _device_of(tok) -> bool:
    """Whether ``tok``'s object or passive subject (or that of the verb it is joined to:
    "unearthed and defused five IEDs") is an explosive device."""
    heads = [tok] + ([tok.head] if tok.dep_ == "conj" else [])
    return any(k.dep_ in ("dobj", "nsubjpass", "pobj", "compound") and
               (lemma(k) in DEVICES or k.lower_ in DEVICES)
               for h in heads for k in h.children) or (
        tok.pos_ == "NOUN" and any(lemma(k) in DEVICES or k.lower_ in DEVICES
                                   for k in tok.subtree))


def disrupted(doc, events, sector_of) -> bool:
    """Whether the text tells of an explosive defused, failed or set off by the state's forces
    (module docstring)."""
    for t in doc:
        if (lemma(t) in DEFUSE_WORDS or t.lower_ in DEFUSE_WORDS) and _device_of(t):
            return True
        if t.lower_ == "controlled" and t.head.lower_ in ("explosion", "detonation"):
            return True
    for e in events:
        if e.type != "ASSAULT" or e.mode not in REMOTE_MODES:
            continue
        tok = doc[e.trigger_token]
        if lemma(tok) not in EXPLODE_VERBS:
            continue
        if e.negated and e.modality == "asserted":
            return True
        if (not e.negated and e.actor_ids and all(sector_of.get(i) in STATE_FORCES for i in e.actor_ids)
                and _device_of(tok)):
            return True
    return False


def mark_disrupted(doc, events, sector_of):
    """The events of a text, the remote-violence ASSAULTs of a disrupted device read as ASSAULT
    ``destroy`` (module docstring); the list is changed in place and returned."""
    attacks = [e for e in events if e.type == "ASSAULT" and e.mode in REMOTE_MODES
               and e.modality == "asserted" and not e.negated]
    if not attacks or any(e.fatalities or e.injured for e in attacks):
        return events
    if not disrupted(doc, events, sector_of):
        return events
    for e in attacks:
        e.mode, e.cameo = "destroy", cameo_for("ASSAULT", "destroy", e.cameo)
        _desc, e.goldstein, e.quad_class = cameo_info(e.cameo)
        e.plover_score = plover_score(e.type, e.mode)
    return events
