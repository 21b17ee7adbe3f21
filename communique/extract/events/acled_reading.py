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
  exchange of fire) or in a paragraph that tells of fire answered or an attack
  repelled ("the police shot back", "before being repelled by security forces";
  ``find.py``: train part, 59 notes of battles or violence against civilians
  say so, all battles), whose casualties are no victims of one-sided violence.
- **Battles** -> an ASSAULT drops ``targeted`` (the head's own earlier reading
  cannot be one-sided and a battle at once); every ASSAULT of the sentence drops a
  remote mode (ACLED codebook: an exchange between armed groups is a battle whatever
  the weapons; explosions and remote violence are one-sided, the weapon keeps the
  target from answering); the lexicon's other modes (firearms, abduction ...) stand.
  (``find.py`` also drops the civilian recipients of such a sentence's main ASSAULT
  that are not named as a side where the reading is sure, ``ACLED_SURE``: casualties of a
  fight, :func:`reads`.)
- **Strategic developments** -> where the reading is sure (``ACLED_SURE``), the main
  ASSAULT takes mode ``destroy`` (CAMEO 1712; ACLED's looting/property destruction
  and disrupted weapons use, the strategic developments that are assaults), unless it
  has a one-sided mode (an armed victim, a two-sided fight or a remote mode no longer holds
  it back: "LNA forces shot down a Turkish drone operated by GNA"; security measures after
  a bombing whose only event is the bombing).
- A lexicon PROTEST that the type head read as another act ("demonstrated over the
  non-provision of protective equipment": AID) is a protest again under a Protests or
  Riots reading.

**A sure reading is taken** (``ACLED_TAKES``, :func:`take`): where the head is at 0.9 or
more and the main event still reads as another ACLED type (or as none: a visit, a ban, a
refusal), it takes the type and mode that read as the head's type, where two heads agree:
its own type, or the type head's most probable type, is one that ACLED type reads from
(``KIND_TYPES``: "the governor extended the measures on marches and protests" is the type head's
COERCE, not the lexicon's PROTEST deep in the sentence). The same holds for a text
with no trigger (:func:`untriggered`).

**A protest's violence is the rules' call** (:func:`violent`, run by ``find.py`` after the
landing): the heads say that a sentence tells of a protest; whether its crowd fought, vandalised
or burned things is what the rules read (``find._riot_paragraphs``). A lexicon PROTEST is a riot
where they say so and a demonstration (or its own blockade, strike) where they do not, whatever
the riot or demonstration reading of the ``acled`` or ``mode`` head (train part of the ACLED
notes: where the two modes' protest readings differed, the rules were right in 16 notes, the
heads in 3; most are blockades and rallies after someone else's violence the heads read as
riots).

The landing applies at ``ACLED_MIN`` or more to the main candidate of its
sentence (the one the model's view was marked for); the sentence's other PROTEST
events take the riot or demonstration mode too ("rioters demonstrating against
prices clashed with the army": the demonstrating is the riot), and keep their type. The ``acled`` export and
the ACLED scorer then read these fields back through the same table.
"""

from __future__ import annotations

from dataclasses import replace

from communique.acled import acled_type

from .model import (MODE_MIN, Revision, View, cameo_for, model_modes, paragraph_before,
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
# where the head is this sure, the main event takes a reading of its ACLED type whatever the
# lexicon said, where the type head's most probable type is one that reading is made of
# (:func:`take`; chosen on the held-out part of the ACLED train notes against 0.8 and 0.7,
# docs/evaluation.md)
ACLED_TAKES = 0.9
# how sure the head must be to make an event of a text in which the lexicon found no trigger
# (:func:`untriggered`; chosen on the held-out parts against 0.9 and 0.7, docs/evaluation.md)
UNTRIGGERED_MIN = 0.8

__all__ = ["ACLED_MIN", "ACLED_TAKES", "ARMED_SECTORS", "CIVILIAN_SECTORS", "UNTRIGGERED_MIN", "land",
           "reads", "take", "untriggered"]


def reads(view: View | None, kind: str, floor: float = ACLED_MIN) -> bool:
    """Whether the model's ACLED reading of the sentence is ``kind`` at ``floor`` or more."""
    if view is None or not view.acled:
        return False
    top, p = View.top(view.acled)
    return top == kind and p >= floor


def land(rev: Revision, view: View | None, main: bool, recipient_sectors=(),
         victim_sectors=(), two_sided: bool = False, lexicon_type: str | None = None,
         hurt: bool = False) -> Revision:
    """The revision after the model's ACLED reading of the sentence (module docstring).

    Args:
        rev: the type and mode after the type and mode heads (:func:`.model.revise`).
        view: the model's view of the sentence; None without a model.
        main: whether the candidate is its sentence's main one (others: a protest's mode only).
        recipient_sectors: the PLOVER sectors of the event's recipients.
        victim_sectors: the sectors of the people the act falls on, recipients or not
            (:func:`.arguments.victims`: "a police officer was shot by militants").
        two_sided: the sentence tells of a fight both sides wage (a ``two-sided`` trigger:
            clashes, an exchange of fire, a shoot-out), or its paragraph of fire answered or
            an attack repelled, or of such a fight as happening ("a shoot-out broke out").
        lexicon_type: the lexicon's type, before the type head (a protest the type head read
            as another act is still one where the ACLED reading says so).
        hurt: the sentence tells of people the act killed or injured (no property
            destruction, :func:`take`).
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
    elif kind == "Battles" and type_ == "ASSAULT":
        if mode == "targeted" and rev.mode_by == "model":
            mode = None
    if main and p >= ACLED_TAKES:
        taken = take(kind, type_, mode, view, recipient_sectors, armed, two_sided, hurt)
        if taken:
            type_, mode = taken
    if (type_, mode) == (rev.type, rev.mode):
        return rev
    new_type = type_ != rev.type
    p_type = view.type.get("YIELD" if type_ in ("CONCEDE", "RETREAT") else type_) \
        if new_type else rev.type_probability
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


# a crowd's violence: the modes that make a protest a riot (PLOVER manual, PROTEST riot;
# ``data/acled_plover.tsv``: a crowd's vandalism is mob violence)
VIOLENT_MODES = ("riot", "vandalize")


def violent(d, reading, riot_paragraph: bool):
    """A protest's decision (``classify.Decision``) with the rules' call on whether its crowd
    was violent, in model mode (``find.py``; module docstring, "A protest's violence").

    ``reading``: the lexicon's reading of the candidate; ``riot_paragraph``: its paragraph
    tells of a riot as rules mode reads it (``find._riot_paragraphs``: a riot trigger, a
    crowd's fight, people called rioters, fire the protesters set). Only a protest by the
    lexicon's reading and by the decision changes: it is a riot where the rules say so
    (mode ``riot``, or the lexicon's ``vandalize``), and where they do not, a riot the heads
    read is the lexicon's other protest mode (a blockade, a strike), else a demonstration.
    Other events are returned as they are."""
    if d.type != "PROTEST" or reading.type != "PROTEST":
        return d
    rules_riot = reading.mode in VIOLENT_MODES or (
        riot_paragraph and reading.mode in (None, "demo", "obstruct"))
    if rules_riot == (d.mode in VIOLENT_MODES):
        return d
    if rules_riot:
        mode = reading.mode if reading.mode in VIOLENT_MODES else "riot"
    else:
        mode = reading.mode if reading.mode else "demo"
    return replace(d, mode=mode, cameo=cameo_for("PROTEST", mode, d.cameo))


def untriggered(sent, event_model) -> tuple[str, str | None, str] | None:
    """(type, mode, ACLED type) of the event the model reads in ``sent``, a sentence of a text
    in which the lexicon found no trigger at all, or None.

    "On 2 May, a landmine injured a villager", "settlers uprooted 450 olive trees": what the
    text reports is plain, but no lexicon entry fires. The model reads the sentence (type and
    quad heads) and the sentence with the rest of its paragraph, and the sentences before it
    in the paragraph (mode and ACLED heads), as it reads any sentence with a candidate. Two
    heads must agree before an event is made:

    - the ACLED head is at ``UNTRIGGERED_MIN`` or more on an ACLED type;
    - the quad head says the sentence reports an event (not class 0, ConfliBERT's "no
      event": the quad head was trained on sentences that report nothing).

    The event then takes the PLOVER type and mode that read as that ACLED type
    (:func:`take`: the type head and the mode head choose among them).
    """
    text, before, rest = sent.text, paragraph_before(sent), paragraph_rest(sent)
    alone = event_model.predict([text])[0]
    wide = event_model.predict([before + text + rest])[0] if before or rest else alone
    kind, p = View.top(wide.get("acled", {}))
    quad, _ = View.top(alone.get("quad", {}))
    if kind is None or p < UNTRIGGERED_MIN or quad is None or int(quad) == 0:
        return None
    view = View(type=alone.get("type", {}), mode=wide.get("mode", {}), acled=wide["acled"])
    taken = take(kind, None, None, view)
    return (taken[0], taken[1], kind) if taken else None


def _reads(type_: str, mode: str | None, recipient_sectors=()) -> str | None:
    found = acled_type(type_, mode, recipient_sectors)
    return found[0] if found else None


# the types whose readings ACLED counts as each of its event types (data/acled_plover.tsv)
KIND_TYPES = {"Battles": ("ASSAULT",), "Explosions/Remote violence": ("ASSAULT",),
              "Violence against civilians": ("ASSAULT",),
              # an ASSAULT or COERCE a protest reading lands on is the protest (:func:`land`)
              "Protests": ("PROTEST",) + PROTEST_KINDS, "Riots": ("PROTEST",) + PROTEST_KINDS,
              "Strategic developments": ("ASSAULT", "COERCE", "MOBILIZE", "AGREE", "AID")}


def take(kind: str, type_: str | None, mode: str | None, view: View, recipient_sectors=(),
         armed: bool = False, two_sided: bool = False, hurt: bool = False
         ) -> tuple[str, str | None] | None:
    """The (type, mode) that reads as ACLED's ``kind`` (``data/acled_plover.tsv``) for an event
    whose reading (``type_``, ``mode``, ``recipient_sectors``) reads as another; None where it
    already reads as ``kind``, or where neither its type nor the type head's most probable
    type is one that ``kind`` reads from (``KIND_TYPES``: two heads must agree before the
    event's type changes; the type head's YIELD, CONCEDE or RETREAT, is not taken):

    - Protests -> PROTEST ``demo``, Riots -> PROTEST ``riot`` (from an ASSAULT or COERCE
      too, as :func:`land` does);
    - Explosions/Remote violence -> ASSAULT with the remote mode the mode head prefers;
    - Violence against civilians -> ASSAULT with abduction or sexual violence (mode head at
      ``ACLED_MIN``), else ``targeted``; not where a recipient or victim is armed or the
      sentence tells of a two-sided fight (``armed``, ``two_sided``: a battle, whatever the
      head says);
    - Battles -> an event of another type becomes an ASSAULT with no mode (an ASSAULT keeps
      its lexicon mode; :func:`land` drops a remote mode and the head's own ``targeted``);
    - Strategic developments -> an ASSAULT takes ``destroy`` (looting/property destruction,
      disrupted weapons use) unless it has a one-sided mode; another type becomes
      the type head's COERCE, MOBILIZE, AGREE or AID, with the mode head's mode for it (at
      ``MODE_MIN``).
    """
    if type_ and _reads(type_, mode, recipient_sectors) == kind:
        return None
    allowed = KIND_TYPES.get(kind, ())
    new = type_
    if type_ not in allowed:
        new, _ = View.top(view.type)
        if new not in allowed:
            return None
    if kind in ("Protests", "Riots"):
        return "PROTEST", "riot" if kind == "Riots" else "demo"
    if kind == "Explosions/Remote violence":
        return "ASSAULT", _best(view.mode, REMOTE_MODES) or "explosives"
    if kind == "Violence against civilians":
        if armed or two_sided:
            return None
        return "ASSAULT", _best(view.mode, ONE_SIDED_MODES, floor=ACLED_MIN) or "targeted"
    if kind == "Battles":
        # an ASSAULT's remote mode and the head's own ``targeted`` went in :func:`land`; the
        # lexicon's abduction, beating or torture is what the event is, and a civilian
        # recipient not named as a side ``find.py`` drops
        return ("ASSAULT", None) if type_ != "ASSAULT" else None
    if new == "ASSAULT":
        # an abduction or sexual violence is what the event is; an armed victim, a two-sided
        # fight or a remote mode does not hold a sure reading back (ACLED codebook: destruction
        # and disrupted weapons use by or against armed groups are strategic developments: a
        # drone shot down, a bomb that went off as it was laid; train part of the ACLED notes:
        # 3 of 3 remote ASSAULTs the head read so at 0.9 or more were strategic developments)
        # nor one that killed or injured people (``hurt``): ACLED codebook, looting/property
        # destruction is destruction outside the context of other violence ("destroyed five
        # hideouts and killed 7 militants" is the fight; train part: 2 of 2 such notes
        # outside ACLED's own labels are battles)
        if mode in ONE_SIDED_MODES or hurt:
            return None
        return "ASSAULT", "destroy"
    m, pm = View.top(view.mode)
    return new, m if m in model_modes().get(new, ()) and pm >= MODE_MIN else None


def _best(probs: dict[str, float], modes, floor: float = 0.0) -> str | None:
    """The mode of ``modes`` the mode head gives most probability (at least ``floor``)."""
    found = [(probs.get(m, 0.0), m) for m in modes if m in probs]
    if not found:
        return None
    p, m = max(found)
    return m if p >= floor and p > 0 else None
