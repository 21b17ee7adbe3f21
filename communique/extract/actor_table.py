"""The actor stage's shared state: the actors found so far and the tokens they claim.

Each source of mentions (``actor_names``, ``actor_agents``, ``actor_coref``) adds to
one ``ActorTable``; ``ActorTable.result`` turns it into the stage's ``ActorResult``.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field
from typing import Any

import numpy

from .. import kb
from ..record import Actor, Mention
from ..word_lists import word_list
from .actor_patients import patient_countries
from .dates import find_dateline
from .syntax import body_start, doc_text

# Person nouns that describe a single individual without naming them.
PERSON_NOUNS = word_list("person_nouns")
# Words of going somewhere: the country after "to" is where one goes, not one's own.
JOURNEY_WORDS = word_list("journey_words")
# Words by which an agent is of no one country: "foreign forces", "troops on both sides".
MANY_COUNTRIES = word_list("many_countries")
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
# Currencies a country word can name without the country acting: "the US dollar exchange
# rate", "the Lebanese pound".
CURRENCIES = word_list("currencies")


# "Iran-allied", "Iranian-backed", "Tunisia-inspired": the country backs or inspires someone
# else; the sentence is not thereby set in it (tests/data/actor_countries.tsv's convention:
# "X-backed" does not make a party X's).
SPONSOR_WORDS = word_list("sponsor_words")


def is_sponsor_modifier(tok) -> bool:
    """Is ``tok`` the country word of "Iran-allied", "Iranian-backed" (a hyphen and a word of
    backing right after it)?"""
    doc = tok.doc
    if tok.i + 2 >= len(doc) or tok.whitespace_ or doc[tok.i + 1].text != "-" or doc[tok.i + 1].whitespace_:
        return False
    return doc[tok.i + 2].lower_ in SPONSOR_WORDS


def is_currency_modifier(tok) -> bool:
    """Is ``tok`` a country word on a currency ("US" in "the US dollar")?"""
    if tok.i + 1 >= len(tok.doc):
        return False
    after = tok.doc[tok.i + 1]  # the parse may hang "US" on "rate" in "the US dollar rate"
    return after.lemma_.lower() in CURRENCIES and after.pos_ in ("NOUN", "PROPN")


def is_agent_phrase_word(tok) -> bool:
    """Is ``tok`` the first word of an agent phrase of ``sectors.tsv`` with the common noun
    right after it ("Riot police", "Border guards", which NER may tag PERSON at the start of
    a sentence)? Such a word describes the agent; it names no one."""
    doc = tok.doc
    if tok.i + 1 >= len(doc) or tok.dep_ not in ("compound", "amod") or tok.head.i != tok.i + 1 \
            or doc[tok.i + 1].pos_ != "NOUN":
        return False
    after = doc[tok.i + 1]
    return kb.sector_kind(f"{tok.lower_} {after.lower_}") == "group" \
        or kb.sector_kind(f"{tok.lower_} {after.lemma_.lower()}") == "group"


# Words of meeting: a place after in / at on one is the venue ("talks in Doha", "met in Nairobi").
VENUE_WORDS = word_list("venue_words")


def _journey_end(root) -> bool:
    return root.dep_ == "pobj" and root.head.lower_ in ("to", "into") \
        and root.head.head.lemma_.lower() in JOURNEY_WORDS


def _venue(root) -> bool:
    if root.dep_ != "pobj" or root.head.lower_ not in ("in", "at"):
        return False
    head = root.head.head
    if head.dep_ == "pobj" and head.head.lower_ == "with":
        head = head.head.head  # "talks with rebel leaders in Addis Ababa": the parse hangs the place on them
    if head.lemma_.lower() in VENUE_WORDS or head.lower_ in VENUE_WORDS:
        return True
    # "held talks with the Taliban in Doha": the place hung on the verb of the talks
    return head.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "dobj" and (c.lemma_.lower() in VENUE_WORDS or c.lower_ in VENUE_WORDS) for c in head.children)


@dataclass
class Proto:
    """An actor being found: what its words say so far, and its mentions."""

    kind: str
    name: str
    country: str | None = None
    sector: str | None = None
    role: str | None = None
    surname: str | None = None
    gender: str | None = None
    mentions: list[tuple[int, int, bool]] = field(default_factory=list)  # token start, end, subject
    named: bool = False
    nobody: bool = False  # "a Turkish man": never the antecedent of "the minister"
    known_sector: str | None = None
    country_source: str | None = None  # text | sentence | article (place: set by the pipeline); None: from the words, if any
    people: bool = False  # placed by a people word ("Rohingya refugees"): no national body


@dataclass
class ActorResult:
    """The actors of one document and a token-level index to them."""

    actors: list[Actor]
    token_actor: dict[int, str]
    _char_spans: list[tuple[int, int, str]] = field(default_factory=list, repr=False)
    _bounds: Any = field(default=None, repr=False, compare=False)

    def country_actor(self, iso3: str | None) -> str | None:
        """The id of the country actor for ``iso3``, if the article mentions that country."""
        return next((a.id for a in self.actors if a.kind == "country" and a.country == iso3), None) if iso3 else None

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor whose mention best overlaps the character span [start, end) (the
        first such mention in ``_char_spans`` on a tie), None where none overlaps."""
        if not self._char_spans:
            return None
        if self._bounds is None:  # every mention's overlap as one array operation
            self._bounds = numpy.array([(s, e) for s, e, _ in self._char_spans], dtype=numpy.int64)
        overlap = numpy.minimum(self._bounds[:, 1], end) - numpy.maximum(self._bounds[:, 0], start)
        best = int(numpy.argmax(overlap))  # the first of the largest
        return self._char_spans[best][2] if overlap[best] > 0 else None


class ActorTable:
    """The actors of one document as they are found, and which tokens each has claimed.

    Args:
        doc: the parsed document.
        place_hits: the place stage's places (``find_places``).
        user: the Coder's user actors (``kb.UserActors``), read before the shipped tables.
    """

    def __init__(self, doc, place_hits=(), user: kb.UserActors | None = None):
        self.doc = doc
        self.user = user
        self.protos: list[Proto] = []
        self.claimed: dict[int, Proto] = {}
        self.country_protos: dict[str, Proto] = {}
        self.org_protos: dict[str, Proto] = {}
        self.body_start = body_start(doc)
        # "THE HAGUE, Netherlands -- A UN prosecutor has charged": the dateline says where the
        # story was filed; nothing in it acts or is acted on
        dl = find_dateline(doc_text(doc))
        self.dateline = (dl.place_start, dl.end) if dl is not None and dl.end is not None else (0, 0)
        # Places the place stage resolved to another country than the knowledge base
        # would ("Georgia" the US state): not that country's actor.
        place_hits = [p for p in place_hits if not self._currency(p)]  # "the US dollar"
        self.place_country = {(p.start, p.end): p.country for p in place_hits}
        self.place_spans = [(p.start, p.end) for p in place_hits]
        self.place_hits = list(place_hits)
        self._sent_country_cache: dict[int, list[str]] = {}
        self._article_country_cache: str | None = None
        self._venue_cache: dict[int, set[str]] = {}
        self.ents = doc.ents  # spaCy makes the entity spans anew on every read of doc.ents
        self.person_ents = [e for e in self.ents if e.label_ == "PERSON"]
        self._sent_starts = [s.start for s in doc.sents]

    def _currency(self, hit) -> bool:
        """Is the place ``hit`` a country word on a currency ("US" in "the US dollar")?"""
        span = self.doc.char_span(hit.start, hit.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and is_currency_modifier(span[-1])

    def _sponsor_place(self, hit) -> bool:
        """Is the place ``hit`` the country word of "Iran-allied" (``is_sponsor_modifier``)?"""
        span = self.doc.char_span(hit.start, hit.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and is_sponsor_modifier(span[-1])

    def placed(self, start: int, end: int, default: str | None) -> str | None:
        """The country the place stage gave a place inside [start, end), else that of a longer
        place holding it ("America" in "South America", a region of no one country; "Ireland"
        in "Northern Ireland"), else ``default``."""
        for (s, e), country in self.place_country.items():
            if start <= s and e <= end:
                return country
        for (s, e), country in self.place_country.items():
            if s <= start and end <= e and e - s > end - start:
                return country
        return default

    def free(self, i: int, j: int) -> bool:
        """No actor has claimed a token of [i, j)."""
        return all(k not in self.claimed for k in range(i, j))

    def add(self, proto: Proto, i: int, j: int) -> None:
        """Tokens [i, j) are a mention of ``proto``; none inside the dateline."""
        if j > i and self.dateline[0] <= self.doc[i].idx and self.doc[j - 1].idx < self.dateline[1]:
            return
        subject = any(t.dep_ in SUBJECT_DEPS for t in self.doc[i:j]) or self.doc[i:j].root.dep_ in SUBJECT_DEPS
        proto.mentions.append((i, j, subject))
        for k in range(i, j):
            self.claimed[k] = proto

    def country_actor(self, iso3: str) -> Proto:
        """The one actor of the country ``iso3``, made on first use."""
        if iso3 not in self.country_protos:
            row = kb.country(iso3) or {}
            p = Proto(kind="country", name=row.get("name", iso3), country=iso3, named=True)
            self.country_protos[iso3] = p
            self.protos.append(p)
        return self.country_protos[iso3]

    def country_around(self, head) -> str | None:
        """"Russia's Foreign Ministry", "a court in Istanbul": the country beside a body."""
        for child in head.children:
            if child.dep_ == "poss":
                entries = [e for e in kb.lookup(child.text, self.user) if e.kind == "country"]
                if entries:
                    return self.placed(child.idx, child.idx + len(child.text), entries[0].country)
            if child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i == head.i + 1:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                for s, e in self.place_spans:
                    if s <= obj.idx < e:
                        return self.place_country.get((s, e))
                owner = next((g for g in obj.children if g.dep_ == "poss"), None)
                if owner is not None:  # "police in Colombia's second-largest city"
                    owned = self.country_around(obj)
                    if owned:
                        return owned
        return None

    def sentence_countries(self, tok) -> list[str]:
        """Countries the sentence of ``tok`` names: places, country actors, nationality words."""
        sent = tok.sent
        if sent.start in self._sent_country_cache:
            return self._sent_country_cache[sent.start] + self._body_countries(sent, self._sent_country_cache[sent.start])
        found: list[str] = []
        for h in self.place_hits:  # the dateline is the article's, not the sentence's
            if h.country and not h.dateline and sent.start_char <= h.start < sent.end_char \
                    and h.country not in found and not self._sponsor_place(h):
                found.append(h.country)
        for t in sent:
            if is_sponsor_modifier(t):
                continue
            owner = self.claimed.get(t.i)
            c = owner.country if owner is not None and owner.kind == "country" else None
            if c is None and t.pos_ in ("ADJ", "PROPN") and t.ent_type_ == "NORP" \
                    and not is_currency_modifier(t):
                c = kb.country_by_adjective(t.text)
            if c and c not in found:
                found.append(c)
        self._sent_country_cache[sent.start] = found
        return found + self._body_countries(sent, found)

    def sentence_place_countries(self, tok) -> list[str]:
        """Countries of the places the sentence of ``tok`` names (not the dateline)."""
        sent = tok.sent
        found: list[str] = []
        for h in self.place_hits:
            if h.country and not h.dateline and sent.start_char <= h.start < sent.end_char \
                    and h.country not in found and not self._sponsor_place(h):
                found.append(h.country)
        return found

    def _body_countries(self, sent, found: list[str]) -> list[str]:
        """Countries of the national bodies found so far in ``sent`` by their own words
        ("The Bangladeshi government"), that ``found`` lacks."""
        more: list[str] = []
        for t in sent:
            owner = self.claimed.get(t.i)
            if owner is not None and owner.kind in ("group", "organization") and not owner.named \
                    and not owner.people and owner.country and owner.country_source in (None, "text") \
                    and owner.country not in found and owner.country not in more:
                more.append(owner.country)
        return more

    def article_country(self) -> str | None:
        """The country a story is set in or about: its dateline, else the country most of
        its places and country mentions belong to, when it has more than half of them."""
        if self._article_country_cache is not None:
            return self._article_country_cache or None
        found = ""
        dateline = next((c for (s, e), c in self.place_country.items()
                         if c and any(h.dateline and h.start == s for h in self.place_hits)), None)
        if dateline:
            found = dateline
        else:
            votes: dict[str, int] = {}
            for h in self.place_hits:
                if h.country and not self._sponsor_place(h):
                    votes[h.country] = votes.get(h.country, 0) + 1
            for p in self.protos:
                if p.kind == "country" and p.country:
                    own = [m for m in p.mentions if not is_sponsor_modifier(self.doc[m[1] - 1])]
                    votes[p.country] = votes.get(p.country, 0) + len(own)
            if votes:
                best = max(votes, key=votes.get)
                if votes[best] * 2 > sum(votes.values()):
                    found = best
        self._article_country_cache = found
        return found or None

    def context_country(self, tok) -> tuple[str | None, str]:
        """(country, source) for an agent with no country word: the one country its
        sentence names, else the article's; ``source`` says which ("none" when neither,
        or when the words say it is of no one country: "foreign forces", "troops on both sides")."""
        words = {t.lower_ for c in tok.children if c.dep_ in ("amod", "det", "prep", "predet", "compound")
                 for t in c.subtree}
        if words & MANY_COUNTRIES:
            return None, "none"
        here = self.sentence_countries(tok)
        patients = patient_countries(self, tok)  # "police investigate an Australian": not Australia's
        if patients and here and not (here := [c for c in here if c not in patients]):
            country = self.article_country()
            return (country, "article") if country and country not in patients else (None, "none")
        venues = self.venues(tok.sent)
        if venues:  # "the government met the rebels in Nairobi, Ethiopian officials said": not Kenya's
            here = [c for c in here if c not in venues]
            if not here:
                country = self.article_country()
                return (country, "article") if country and country not in venues else (None, "none")
        if len(here) == 1:
            return here[0], "sentence"
        placed = [c for c in self.sentence_place_countries(tok) if c not in venues and c not in patients]
        own = [t for t in tok.subtree if t.i < tok.i and kb.country_by_adjective(t.text)]
        if len(here) > 1 and len(placed) == 1 and not own:
            # "regime forces shelled a village in Hama amid the overflight of Russian drones":
            # the other countries are nationality words of other actors; the agent is of
            # the one country its sentence places something in
            return placed[0], "sentence"
        if not here:
            country = self.article_country()
            if country:
                return country, "article"
        return None, "none"

    def _destinations(self, sent) -> set[str]:
        """Countries the sentence names only as where someone goes: "a visit to Russia",
        "flew to Moscow" (the object of to / into after a word of ``JOURNEY_WORDS``)."""
        return self._only_as(sent, _journey_end)

    def venues(self, sent) -> set[str]:
        """Countries the sentence names only as where a meeting is held: "talks in Doha",
        "met in Nairobi", "signed a truce in Jeddah" (the object of in / at on a word of
        ``VENUE_WORDS``, or on the verb whose object one is). PLOVER codes where an event
        happens apart from who takes part: a venue is no party's country."""
        if sent.start not in self._venue_cache:
            self._venue_cache[sent.start] = self._only_as(sent, _venue)
        return self._venue_cache[sent.start]

    def _only_as(self, sent, test) -> set[str]:
        """Countries every mention of which in ``sent`` passes ``test`` (on the mention's root)."""
        seen: dict[str, bool] = {}  # country -> every mention passes
        spans = [(h.country, self.doc.char_span(h.start, h.end, alignment_mode="expand"))
                 for h in self.place_hits if h.country and not h.dateline
                 and sent.start_char <= h.start < sent.end_char]
        spans += [(o.country, self.doc[k:k + 1]) for k in range(sent.start, sent.end)
                  for o in [self.claimed.get(k)] if o is not None and o.kind == "country"]
        for country, span in spans:
            if span is None or not len(span):
                continue
            seen[country] = seen.get(country, True) and test(span.root)
        return {c for c, away in seen.items() if away}

    def _known_people_countries(self, sent, proto: Proto) -> list[str]:
        """Countries of the well-known people (``kb.person``) named in ``sent``, ``proto`` aside."""
        found: list[str] = []
        for k in range(sent.start, sent.end):
            o = self.claimed.get(k)
            if o is not None and o is not proto and o.kind == "person" and o.known_sector \
                    and o.country and len(o.country) == 3 and o.country not in found:
                found.append(o.country)
        return found

    def sent_index(self, i: int) -> int:
        """The number of the sentence token ``i`` is in."""
        return bisect.bisect_right(self._sent_starts, i) - 1

    # -- result --------------------------------------------------------------
    def result(self) -> ActorResult:
        """The actors that kept a mention, numbered in order of first mention."""
        doc = self.doc
        live = [p for p in self.protos if p.mentions]
        # the destinations of a sentence, worked out once for all the people in it (nothing
        # below changes the places or the country mentions they are read from)
        away_of: dict[int, set[str]] = {}

        def destinations(sent) -> set[str]:
            if sent.start not in away_of:
                away_of[sent.start] = self._destinations(sent)
            return away_of[sent.start]

        for p in live:
            if p.named and p.kind in ("person", "organization") and not p.country:
                # "A Zimbabwean court freed activist pastor Evan Mawarire": a name no word
                # places is of the one country its sentence names; not the one it travels to
                # ("X will lead a delegation on a visit to Russia")
                start, end, _ = min(p.mentions)
                first = doc[start]
                # nor the one of what it acts on ("X refused to meet the American envoy")
                away = destinations(first.sent) | patient_countries(self, doc[start:end].root)
                here = [c for c in self.sentence_countries(first) if c not in away]
                if not here and p.kind == "person" and p.role:
                    # "President Gloria Arroyo ordered an investigation against Education
                    # Secretary Raul Roco": an office holder is of the government of the one
                    # country the sentence's well-known people serve
                    here = self._known_people_countries(first.sent, p)
                if len(here) == 1:
                    p.country, p.country_source = here[0], "sentence"
            if p.kind == "person" and not p.country and p.role and (p.sector or p.known_sector):
                # "Interior Minister Kithure Kindiki" in a story from Nairobi: Kenya's; not
                # the country the person's own sentence has them travel to
                country = self.article_country()
                start, end, _ = min(p.mentions)
                if country in destinations(doc[start].sent) | patient_countries(self, doc[start:end].root):
                    country = None
                p.country = country
                p.country_source = "article" if p.country else None
        live.sort(key=lambda p: min(m[0] for m in p.mentions))
        actors, token_actor, spans = [], {}, []
        for n, p in enumerate(live, 1):
            aid = f"A{n}"
            mentions = []
            for i, j, _ in sorted(set(p.mentions)):
                span = doc[i:j]
                mentions.append(Mention(span.start_char, span.end_char, span.text))
                spans.append((span.start_char, span.end_char, aid))
                for k in range(i, j):
                    token_actor[k] = aid
            source = (p.country_source or "text") if p.country else "none"
            actors.append(Actor(id=aid, name=p.name, kind=p.kind, country=p.country,
                                sector=p.sector or p.known_sector, role=p.role, mentions=mentions,
                                country_source=source))
        return ActorResult(actors=actors, token_actor=token_actor, _char_spans=spans)


def place_span(table: ActorTable, hit, parts) -> tuple | None:
    """The words of a place below country level that no actor holds yet, and the word that
    stands for it in the parse: the head of its conjunction, or the noun of ``parts`` it names
    some of ("some parts of Kashmir"); None for a country, a dateline or a claimed place."""
    if not hit.country or hit.dateline or hit.level == "country":
        return None
    span = table.doc.char_span(hit.start, hit.end, alignment_mode="expand")
    if span is None or not len(span) or not table.free(span.start, span.end):
        return None
    root = span.root
    while root.dep_ == "conj":
        root = root.head
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in parts:
        root = root.head.head  # "some parts of Kashmir"
    return span, root


def add_place(table: ActorTable, span, iso3: str) -> None:
    """Add the country ``iso3`` as an actor over a place's words, with its "the" if free."""
    doc = table.doc
    start = span.start - 1 if span.start and doc[span.start - 1].lower_ == "the" else span.start
    table.add(table.country_actor(iso3), start if table.free(start, span.start) else span.start, span.end)

