"""Common diplomatic acts that found no event or no recipient (issue 12): a pardon granted
(PLOVER manual: formal pardons are CONCEDE), a mediation effort between two parties (CAMEO
045, CONSULT: the mediator acts, the parties receive), refuge sought in a country (REQUEST,
the country asked is where it is sought), "let free X" (RETREAT, release). Sentences written
for these tests."""

from __future__ import annotations

from communique.record import Article


def _event(coder, text, etype):
    rec = coder.code(Article(text=text, id="t")).to_dict()
    names = {a["id"]: a["name"] for a in rec["actors"]}
    evs = [e for e in rec["events"] if e["type"] == etype]
    assert evs, [(e["type"], e["trigger"]["text"]) for e in rec["events"]]
    return [names[i] for i in evs[0]["actor"]], [names[i] for i in evs[0]["recipient"]]


def test_a_pardon_granted_is_a_concession_to_the_pardoned(coder):
    # "to the activist": without the article the parser reads "to activist" as an infinitive
    # (activist an advcl verb, Mwangi its object), which no rule reads; the recipient came only
    # from the role step's model trained on older rules (h17a, seventeenth round)
    actors, recipients = _event(coder, "Kenyan President William Ruto granted a pardon to "
                                       "the activist Boniface Mwangi on Friday.", "CONCEDE")
    assert actors == ["William Ruto"] and recipients == ["Boniface Mwangi"]


def test_a_mediation_effort_between_two_parties(coder):
    actors, recipients = _event(coder, "Qatar launched a mediation effort between Ethiopia "
                                       "and Eritrea last week.", "CONSULT")
    assert actors == ["Qatar"] and sorted(recipients) == ["Eritrea", "Ethiopia"]


def test_refuge_sought_in_a_country(coder):
    actors, recipients = _event(coder, "Thousands of Sudanese civilians have sought refuge in Chad "
                                       "since the fighting began.", "REQUEST")
    assert recipients == ["Chad"]





def test_a_day_is_no_victim(coder):
    # "attacked a police station on Tuesday": the act falls on the station, not on Tuesday,
    # even where every noun phrase and entity stands as a candidate actor (as ``eval --ner``
    # and ``--plv`` score spans)
    from types import SimpleNamespace

    from communique.extract.events import find_events

    doc = coder.nlp("Gunmen attacked a police station in Kano on Tuesday.")
    token_actor = {t.i: f"{sp.start}" for sp in list(doc.noun_chunks) + list(doc.ents) for t in sp}
    events = find_events(doc, SimpleNamespace(token_actor=token_actor), coder.lexicon)
    tuesday = next(t.i for t in doc if t.text == "Tuesday")
    assert events and all(token_actor[tuesday] not in e.recipient_ids for e in events)


def test_let_free_is_a_release(coder):
    # "let free X" (PLOVER manual: the actual release of prisoners is RETREAT); the parser
    # makes "free" a modifier of the name, not a particle of the verb
    actors, recipients = _event(coder, "Eritrea today let free Dawit Isaak, a journalist held "
                                       "since 2001.", "RETREAT")
    assert actors == ["Eritrea"] and recipients == ["Dawit Isaak"]


def test_set_is_no_release_without_free(coder):
    rec = coder.code(Article(text="The court set a date for the trial of the opposition leader.",
                             id="t")).to_dict()
    assert not [e for e in rec["events"] if e["type"] == "RETREAT"]
