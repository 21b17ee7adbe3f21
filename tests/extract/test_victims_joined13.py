"""Issue 12: the victims of one-sided violence are its recipients (PLOVER manual, ASSAULT: "in
one-sided violence, the perpetrator is coded as the actor and the victim as the recipient"),
also where the parse hangs them off the trigger: hurt "in" the attack, hurt "after" the attackers
fired, the subject set beside the place before the verb, the person a body was. Sentences written
for these tests, not taken from any data file."""

from __future__ import annotations

import pytest

from communique.evaluate.acled import main_event

from .records import record as _record


def _recipients(rec):
    ev = main_event(rec)
    assert ev is not None, rec["events"]
    by = {a["id"]: a for a in rec["actors"]}
    return [(by[i]["name"], by[i]["sector"]) for i in ev.get("recipient") or []]


@pytest.mark.parametrize("text,victim", [
    # hurt "after" the attackers fired
    ("On 4 March 2021, two farmers were injured after armed militiamen opened fire in the "
     "market of Springfield.", "farmers"),
    # hurt "in" the attack a noun names
    ("On 9 June 2021, in Riverton, a shopkeeper was injured in a drive-by shooting by two armed "
     "men on a motorbike.", "shopkeeper"),
    # the person a body was
    ("Around 5 May 2021 (as reported), in Lakeside, Ohio, the body of a girl was found inside a "
     "suitcase.", "girl"),
    # the subject the parse set beside the place before the verb
    ("On 5 June 2021, in Lakeside, Ohio, a nurse and a driver were shot dead in a drive-by "
     "incident in Colonia Centro.", "nurse"),
])
def test_the_people_hurt_in_one_sided_violence_are_its_recipients(coder, text, victim):
    assert victim in [name for name, _sector in _recipients(_record(coder, text))]
