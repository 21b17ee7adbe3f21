"""Territory taken in a fight is the fight.

ACLED codebook: "Government regains territory" and "Non-state actor overtakes territory" are
sub-event types of Battles (territory changing hands in armed fighting), while territory that
changes hands with no fight is a strategic development ("Non-violent transfer of territory").
The lexicon reads taking territory ("took control of", "captured the town", "recaptured",
"occupied": CAMEO 192, occupy territory) as COERCE ``seize``, which the ACLED table
(data/acled_plover.tsv) reads as a strategic development; :func:`reading` makes it an ASSAULT
(the battle, no mode) where its sentence tells of a fight: a two-sided trigger ("after clashes
with the militiamen"), fire answered or an attack repelled in its paragraph (``fought``, as
``classify.decide`` gets it), or people killed or injured. Train part of the ACLED notes: the
7 notes that tell of forces taking or gaining control of a place beside clashes or killing
are battles, the 2 that tell of it with no fight ("took control of the village ... and raised
a black banner") strategic developments.
"""

from __future__ import annotations

from communique.extract.fatalities import casualties

from .model import cameo_for

__all__ = ["reading"]

# CAMEO 192: occupy territory (the lexicon's "take control of", "capture", "recapture", "occupy")
OCCUPY = "192"


def reading(type_: str, mode: str | None, cameo: str | None, tok, fought: bool
            ) -> tuple[str, str | None, str | None]:
    """(type, mode, CAMEO) of an event after this step: a COERCE ``seize`` of territory (CAMEO
    192) told beside a fight (``fought``, or people killed or injured in the trigger's
    sentence) is an ASSAULT with no mode; any other reading is returned as it is."""
    if (type_, mode, cameo) != ("COERCE", "seize", OCCUPY):
        return type_, mode, cameo
    if not fought and not any(casualties(tok.sent)):
        return type_, mode, cameo
    return "ASSAULT", None, cameo_for("ASSAULT", None, "190")
