"""ActorTable's per-sentence readings (communique/extract/actor_table.py)."""

from __future__ import annotations

from collections import Counter

from communique.extract.actor_table import ActorTable

from .test_actors import actors_of

TEXT = ("Jaro Vellin and Mira Soltek flew to Russia on a visit with Tomas Brecko. "
        "Ana Durvek and Ilo Marten spoke in Nairobi, Kenya.")


def test_destinations_are_read_once_per_sentence(nlp, monkeypatch):
    asked = Counter()
    read = ActorTable._destinations

    def counting(self, sent):
        asked[sent.start] += 1
        return read(self, sent)

    monkeypatch.setattr(ActorTable, "_destinations", counting)
    actors = {a.name: a for a in actors_of(nlp, TEXT)[0].actors}
    # five people with no country word of their own, in two sentences: two readings
    assert len(asked) == 2 and set(asked.values()) == {1}
    # where the first three go is not their country; the last two are of the one country named
    assert all(actors[n].country is None for n in ("Jaro Vellin", "Mira Soltek", "Tomas Brecko"))
    assert actors["Ana Durvek"].country == actors["Ilo Marten"].country == "KEN"
