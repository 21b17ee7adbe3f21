"""The event model's ACLED reading, landed in the PLOVER fields it stands for.

The model's ``acled`` head reads a sentence (with the rest of its paragraph,
:func:`.model.event_views`) and says which ACLED event type it reports. ACLED's
types are PLOVER types and modes (``data/acled_plover.tsv``; PLOVER manual,
ASSAULT and PROTEST modes), so a confident reading fixes the main event's type
and mode where the two agree on what kind of event it is:

- **Riots** -> PROTEST mode ``riot`` (manual: a violent protest, one that intends
  injury or damage), **Protests** -> PROTEST mode ``demo``: for an event the
  lexicon or the type head read as ASSAULT, PROTEST or COERCE (clashes with
  police, arrests at a rally), or as a REQUEST where the reading is sure
  (``ACLED_SURE``: protesters' demands).
- **Explosions/Remote violence** -> ASSAULT by a remote means: the remote mode
  (aerial, heavy-weapons, explosives, suicide-attack) the mode head prefers,
  unless the event already has one.
- **Violence against civilians** -> an ASSAULT keeps abduction or sexual violence
  (from the lexicon or the mode head), else takes mode ``targeted`` (manual: the
  killing of defenseless actors), unless a recipient or a victim the act falls
  on (:func:`.arguments.victims`: "a police officer was shot by militants") is
  armed (a military, police, rebel, militia, spy or criminal sector): an attack
  on armed people is a battle, whatever the head says; nor in a sentence that
  tells of a fight both sides wage (a ``two-sided`` trigger: clashes, an
  exchange of fire), whose casualties are no victims of one-sided violence.
- **Battles** -> an ASSAULT drops ``targeted`` (the head's own earlier reading
  cannot be one-sided and a battle at once); every ASSAULT of the sentence drops a
  remote mode (ACLED codebook: an exchange between armed groups is a battle whatever
  the weapons; explosions and remote violence are one-sided, the weapon keeps the
  target from answering); the lexicon's other modes (firearms, abduction ...) stand.
  (``find.py`` also drops the civilian recipients of such a sentence's main ASSAULT
  that are not named as a side: casualties of a fight, :func:`reads`.)
- **Strategic developments** -> where the reading is sure (``ACLED_SURE``), the main
  ASSAULT takes mode ``destroy`` (CAMEO 1712; ACLED's looting/property destruction
  and disrupted weapons use, the strategic developments that are assaults), unless a
  recipient or victim is armed, the sentence tells of a two-sided fight, or the event
  has a remote or one-sided mode.
- A lexicon PROTEST that the type head read as another act ("demonstrated over the
  non-provision of protective equipment": AID) is a protest again under a Protests or
  Riots reading.

The landing applies at ``ACLED_MIN`` or more to the main candidate of its
sentence (the one the model's view was marked for); the sentence's other PROTEST
events take the riot or demonstration mode too ("rioters demonstrating against
prices clashed with the army": the demonstrating is the riot), and keep their type. The ``acled`` export and
the ACLED scorer then read these fields back through the same table.
"""

from __future__ import annotations

from dataclasses import replace

from communique.acled import acled_rows
from communique.lexicon import penta_class

from .model import (MODE_MIN, TYPE_MIN, Revision, View, cameo_for, model_modes, paragraph_before,
                    paragraph_rest)

ACLED_MIN = 0.5
REMOTE_MODES = ("aerial", "drone", "heavy-weapons", "explosives", "suicide-attack")
ONE_SIDED_MODES = ("abduct", "sexual")
# sectors of people who bear arms (communique/data sectors): an attack on them is no
# violence against defenseless civilians
ARMED_SECTORS = frozenset({"MIL", "COP", "REB", "UAF", "PRM", "SPY", "CRM"})
# sectors of unarmed people (ACLED's civilians, inter code 7)
CIVILIAN_SECTORS = frozenset({"CVL", "LAB", "EDU", "AGR", "BUS", "REL", "JRN", "MED", "REF", "SOC",
                              "ELI"})
PROTEST_KINDS = ("ASSAULT", "PROTEST", "COERCE")
# a demand is what protesters say as often as what governments say: it becomes a protest only
# where the model is sure (on the train part of the ACLED notes, demands it reads as protests
# at 0.9 or more were protests; news sentences it reads so, seldom above 0.85)
VERBAL_KINDS = ("REQUEST",)
ACLED_SURE = 0.9

__all__ = ["ACLED_MIN", "ARMED_SECTORS", "CIVILIAN_SECTORS", "land", "reads", "untriggered"]


def reads(view: View | None, kind: str, floor: float = ACLED_MIN) -> bool:
    """Whether the model's ACLED reading of the sentence is ``kind`` at ``floor`` or more."""
    if view is None or not view.acled:
        return False
    top, p = View.top(view.acled)
    return top == kind and p >= floor


def land(rev: Revision, view: View | None, main: bool, recipient_sectors=(),
         victim_sectors=(), two_sided: bool = False, lexicon_type: str | None = None) -> Revision:
    """The revision after the model's ACLED reading of the sentence (module docstring).

    Args:
        rev: the type and mode after the type and mode heads (:func:`.model.revise`).
        view: the model's view of the sentence; None without a model.
        main: whether the candidate is its sentence's main one (others: a protest's mode only).
        recipient_sectors: the PLOVER sectors of the event's recipients.
        victim_sectors: the sectors of the people the act falls on, recipients or not
            (:func:`.arguments.victims`: "a police officer was shot by militants").
        two_sided: the sentence tells of a fight both sides wage (a ``two-sided`` trigger:
            clashes, an exchange of fire, a shoot-out).
        lexicon_type: the lexicon's type, before the type head (a protest the type head read
            as another act is still one where the ACLED reading says so).
    """
    if view is None or not view.acled:
        return rev
    kind, p = View.top(view.acled)
    if kind is None or p < ACLED_MIN:
        return rev
    type_, mode = rev.type, rev.mode
    armed = bool(ARMED_SECTORS & {s for s in list(recipient_sectors) + list(victim_sectors) if s})
    if kind in ("Riots", "Protests"):
        if main and (type_ in PROTEST_KINDS or lexicon_type == "PROTEST"
                     or (type_ in VERBAL_KINDS and p >= ACLED_SURE)):
            type_ = "PROTEST"
        elif (kind == "Riots" and type_ == "ASSAULT" and p >= ACLED_SURE
              and mode not in REMOTE_MODES and mode not in ONE_SIDED_MODES):
            # the fighting a sure riot reading's sentence tells of is the riot's ("a clash took
            # place between two groups ..., both attacked each other with stones"): ACLED
            # codebook, mob violence; PLOVER manual, PROTEST riot
            type_ = "PROTEST"
        if type_ == "PROTEST":  # any protest of the sentence ("rioters demonstrating ... clashed")
            mode = "riot" if kind == "Riots" else "demo"
    elif kind == "Battles" and type_ == "ASSAULT" and mode in REMOTE_MODES:
        # ACLED codebook: a fight both sides wage is a battle whatever its weapons; remote
        # violence is one-sided, the weapon keeps its target from answering. The reading is
        # the sentence's: its every ASSAULT ("observed 40 explosions and shots") is the fight
        mode = None
    elif not main:
        return rev
    elif kind == "Explosions/Remote violence" and type_ == "ASSAULT":
        if mode not in REMOTE_MODES:
            mode = _best(view.mode, REMOTE_MODES) or mode
    elif kind == "Violence against civilians" and type_ == "ASSAULT":
        if mode not in ONE_SIDED_MODES and mode not in REMOTE_MODES:
            picked = _best(view.mode, ONE_SIDED_MODES, floor=ACLED_MIN)
            if picked:
                mode = picked
            elif not armed and not two_sided:
                mode = "targeted"
    elif kind == "Strategic developments" and type_ == "ASSAULT" and p >= ACLED_SURE:
        if mode not in REMOTE_MODES and mode not in ONE_SIDED_MODES and not armed \
                and not two_sided:
            mode = "destroy"
    elif kind == "Battles" and type_ == "ASSAULT":
        if mode == "targeted" and rev.mode_by == "model":
            mode = None
    if (type_, mode) == (rev.type, rev.mode):
        return rev
    new_type = type_ != rev.type
    p_type = view.type.get(type_) if new_type else rev.type_probability
    # a mode the mode head knows (riot, aerial ...) carries its probability; ``targeted``
    # (not a head label) the ACLED reading's
    p_mode = view.mode.get(mode, p) if mode else None
    return replace(
        rev, type=type_, mode=mode, cameo=cameo_for(type_, mode, rev.cameo),
        type_by="model" if new_type else rev.type_by,
        type_probability=round(p_type, 3) if p_type is not None else None,
        mode_by="model" if mode else None,
        mode_probability=round(p_mode, 3) if p_mode is not None else None, acled_type=kind,
        acled_probability=round(p, 3))


def untriggered(sent, event_model) -> tuple[str, str | None, str] | None:
    """(type, mode, ACLED type) of the event the model reads in ``sent``, a sentence of a text
    in which the lexicon found no trigger at all, or None.

    "On 2 May, a landmine injured a villager", "settlers uprooted 450 olive trees": what the
    text reports is plain, but no lexicon entry fires. The model reads the sentence (type and
    quad heads) and the sentence with the rest of its paragraph (mode and ACLED heads), as it
    reads any sentence with a candidate (and the sentences before it in the paragraph); three heads must agree before an event is made:

    - the ACLED head is sure (``ACLED_SURE``) of an ACLED type;
    - the type head gives its type ``TYPE_MIN`` or more, and that type (with the mode head's
      mode for it, at ``MODE_MIN`` or more) is one of the PLOVER types that ACLED type reads
      from (``data/acled_plover.tsv``; an ASSAULT takes the one-sided, remote or destructive
      mode :func:`land` gives it);
    - the quad head says the type's quad class, not 0 (ConfliBERT's "no event": the quad head
      was trained on sentences that report nothing).
    """
    text, before, rest = sent.text, paragraph_before(sent), paragraph_rest(sent)
    # two calls: the int8 model scales a batch's activations by the batch (``event_views``)
    alone = event_model.predict([text])[0]
    wide = event_model.predict([before + text + rest])[0] if before or rest else alone
    kind, p = View.top(wide.get("acled", {}))
    type_, p_type = View.top(alone.get("type", {}))
    if kind is None or type_ is None or p < ACLED_SURE or p_type < TYPE_MIN or type_ == "YIELD":
        return None
    mode, p_mode = View.top(wide.get("mode", {}))
    mode = mode if mode in model_modes().get(type_, ()) and p_mode >= MODE_MIN else None
    if not any(r.direction != "to_plover" and r.event_type == kind and r.type == type_
               and (not r.mode or r.mode == mode or type_ == "ASSAULT") for r in acled_rows()):
        return None
    quad, _ = View.top(alone.get("quad", {}))
    want = penta_class(cameo_for(type_, mode))
    if quad is None or int(quad) == 0 or int(quad) != want:
        return None
    return type_, mode, kind


def _best(probs: dict[str, float], modes, floor: float = 0.0) -> str | None:
    """The mode of ``modes`` the mode head gives most probability (at least ``floor``)."""
    found = [(probs.get(m, 0.0), m) for m in modes if m in probs]
    if not found:
        return None
    p, m = max(found)
    return m if p >= floor and p > 0 else None
