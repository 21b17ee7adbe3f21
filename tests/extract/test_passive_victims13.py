"""The role tagger does not make the one an act befalls its source (roles.suffers): the passive
subject of the trigger verb or of a verb joined to it, or the one killed in the act a trigger
noun names, is the patient, whatever the tagger reads (English grammar; PLOVER manual, ASSAULT:
the victim is the recipient)."""

from __future__ import annotations

import pytest

from communique.extract import roles
from communique.extract.events import find_events
from tests.extract.records import event, names, record


def _span(doc, words):
    start = doc.text.index(words)
    return start, start + len(words)


@pytest.mark.parametrize("text, words, trigger, expected", [
    ("Two soldiers were kidnapped and later killed by rebels.", "Two soldiers", "kidnapped", True),
    ("Two soldiers were kidnapped and later killed by rebels.", "Two soldiers", "killed", True),
    ("Two soldiers were kidnapped and later killed by rebels.", "rebels", "kidnapped", False),
    ("Rebels kidnapped two soldiers.", "Rebels", "kidnapped", False),
    ("Nine militants were killed during clashes with the army.", "Nine militants", "clashes", True),
    ("Nine militants were killed during clashes with the army.", "the army", "clashes", False),
    ("Two traders died in an attack by gunmen.", "Two traders", "attack", True),
    ("Two traders died in an attack by gunmen.", "gunmen", "attack", False),
    # the one arrested is the one who attacked
    ("The man was arrested after attacking a guard.", "The man", "attacking", False),
])
def test_the_one_an_act_befalls(nlp, text, words, trigger, expected):
    doc = nlp(text)
    tok = next(t for t in doc if t.text == trigger)
    assert roles.suffers(doc, *_span(doc, words), tok) is expected


class _Actors:
    def __init__(self, doc, words):
        self.token_actor = {t.i: f"A{n}" for n, w in enumerate(words, 1) for t in doc if t.text == w}


class _FixedTagger:
    def __init__(self, spans):
        self._spans = spans

    def spans(self, sentences):
        return [list(self._spans) for _ in sentences]


def test_a_tagged_passive_subject_is_no_source(nlp):
    from communique.models.role_tagger import TaggedSpan

    doc = nlp("Two soldiers were shot and killed in Herat.")
    actors = _Actors(doc, ["soldiers"])
    tagger = _FixedTagger([TaggedSpan("S", 0, 12, 0.95)])
    events = find_events(doc, actors, role_model=False, role_tagger=tagger)
    assert events and all("A1" not in e.actor_ids for e in events)


@pytest.mark.parametrize("text, victim, attacker", [
    ("On 9 June 2021, 1 NDS member was shot and killed by Taliban militants in Khanabad "
     "district center, Kunduz.", "NDS", "Taliban"),
    ("On 11 June 2021, 5 civilian men were killed in an attack attributed to ADF fighters in the "
     "village of Mutwanga (Beni, Nord-Kivu).", "civilian men", "ADF fighters"),
    ("On 15 June 2021, a police officer was shot dead by IS snipers in Tarmiyah village in "
     "Baghdad province.", "police officer", None),
    ("On 14 June 2021, 9 Taliban militants were killed and 4 were wounded during clashes with "
     "ANDSF forces in Arghandab district, Kandahar.", "Taliban", "ANDSF"),
])
def test_model_mode_keeps_the_victim_a_recipient(model_coder, text, victim, attacker):
    rec = record(model_coder, text)
    ev = event(rec, "ASSAULT")
    assert victim not in [n for n, _c in names(rec, ev["actor"])]
    assert victim in [n for n, _c in names(rec, ev["recipient"])]
    if attacker:
        assert attacker in [n for n, _c in names(rec, ev["actor"])]
