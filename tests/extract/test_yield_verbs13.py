"""Issue 13, thirteenth round: verbs that yield only with the right object, as PETRARCH's
CAMEO.2.0 verb dictionary codes them: dropping an investigation, a case or a warrant (DROP
* &INVESTIGATION 080, * CASE 081), reversing a decision or a ban (REVERSE * DECISION 080,
* BAN 081), overturning a conviction or a sentence (OVERTURN 081), granting or giving a right
or citizenship (GRANT * {POLITICAL RIGHT} 0833, GIVE * RIGHT 0833) are CONCEDE; "let free X"
is a release (RETREAT, CAMEO 0841) however the parser hangs "free". The same verbs with other
objects code no concession. Sentences are our own; the expected types were worked out by hand
from the PLOVER manual (CONCEDE: easing of legal restrictions, concessions; RETREAT: release
of prisoners)."""

from __future__ import annotations

import pytest

from .records import record


def _types(coder, text):
    return [(e["type"], e.get("cameo")) for e in record(coder, text)["events"]]


@pytest.mark.parametrize("text,type_,cameo", [
    ("The prosecutor dropped the investigation into the opposition senator.", "CONCEDE", "081"),
    ("The judge dropped the case against the striking dockworkers.", "CONCEDE", "081"),
    ("The cabinet reversed a decision to close the border crossing.", "CONCEDE", "080"),
    ("The ministry reversed its ban on foreign newspapers.", "CONCEDE", "080"),
    ("The supreme court overturned the conviction of the former mayor.", "CONCEDE", "081"),
    ("The emir granted citizenship to 300 stateless residents.", "CONCEDE", "0833"),
    ("The junta gave the striking miners the right to organise.", "CONCEDE", "0833"),
    ("Eritrea let free some 40 jailed journalists and members of a small opposition party.",
     "RETREAT", "0841"),
])
def test_yield_verb_with_its_object(coder, text, type_, cameo):
    assert (type_, cameo) in _types(coder, text)


@pytest.mark.parametrize("text", [
    "The bombers dropped leaflets over the capital on Sunday.",
    "The firm reversed its losses in the third quarter.",
    "The referee overturned the result after a video review.",
    "The minister gave a speech on the economy.",
    "The company granted its shareholders a bigger dividend.",
])
def test_same_verbs_with_other_objects_yield_nothing(coder, text):
    assert not [t for t, _ in _types(coder, text) if t in ("CONCEDE", "RETREAT")]
