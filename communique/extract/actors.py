"""Actors: who is named, described or referred to, resolved to country and sector.

Mentions come from five sources, in this order of trust:

1. knowledge-base names (countries, their aliases, organisations, armed groups),
   and capitals used as governments ("Tehran said": metonymy);
2. spaCy PERSON entities, with the title before them ("Foreign Minister X")
   or an appositive after them ("X, Iran's foreign minister");
3. other ORG entities, with country and sector from their words;
4. descriptions: a determiner or nationality word plus a person noun
   ("the senior diplomat", "The Iranian official", "Iran FM"), national bodies
   ("German police") and generic agents with no country word ("police",
   "gunmen", "a court", "a man": data/generic_agents.tsv), whose country comes
   from the one country their sentence names, else the article's dateline or
   dominant country (``country_source`` says which);
5. personal pronouns ("he", "him", "his").

Descriptions and pronouns are resolved to the person they refer to by
compatibility (country, role) and salience (recency, subject position).
No coreference model is involved. A country that cannot be told stays None.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from .. import kb
from ..record import Actor, Mention

# Person nouns that describe a single individual without naming them.
PERSON_NOUNS = {
    "official", "diplomat", "minister", "counterpart", "spokesman", "spokeswoman",
    "spokesperson", "president", "leader", "envoy", "ambassador", "premier",
    "chancellor", "king", "queen", "prince", "general", "commander", "secretary",
    "speaker", "senator", "lawmaker", "governor", "mayor", "chief", "head",
    "negotiator", "representative", "fm", "pm", "ruler", "monarch", "emir",
    "sheikh", "ayatollah", "cleric", "prosecutor", "judge", "officer",
    "councillor", "councilor", "adviser", "advisor", "aide", "deputy", "director",
}
# Words that describe but name no office: not a role.
GENERIC_PERSON_NOUNS = {"official", "diplomat", "counterpart", "leader", "officer",
                        "representative", "head", "chief"}
ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister",
                 "dm": "defence minister"}
ORG_WORDS = {"ministry", "council", "party", "company", "bank", "group", "union", "front",
             "army", "university", "court", "committee", "agency", "corporation", "inc",
             "ltd", "news", "times", "post", "forces", "movement", "organization", "association"}
# People named only by nationality: "a Turkish man", "Chinese hackers".
PEOPLE_NOUNS = {"man", "woman", "national", "citizen", "people", "person", "hacker",
                "tourist", "businessman", "businesswoman", "activist", "girl", "boy",
                "family", "crew", "fighter", "sailor", "pilot", "diplomat"}
# Nouns that name a body or a stance: "the Syrian opposition" vs "Iran's opposition to".
STANCE_NOUNS = {"opposition", "support", "resistance", "leadership"}
# Words by which an agent is of no one country: "foreign forces", "troops on both sides".
MANY_COUNTRIES = {"foreign", "international", "multinational", "overseas", "both", "rival",
                  "opposing", "allied", "coalition", "each", "outside"}
# People nouns that say nothing of whom they belong to: not actors on their own.
UNOWNED_PEOPLE = {"leader", "representative", "head", "chief", "member", "expert", "counterpart"}
# Entity labels that mark a name: a generic agent word beside one belongs to the name.
NAME_ENTS = {"ORG", "PERSON", "GPE", "FAC", "LOC", "NORP"}
# Words that grade an office but are not part of its name.
ROLE_MODIFIERS = {"senior", "top", "former", "then", "acting", "deputy-", "veteran", "new", "chief"}
TITLE_WORDS = {"mr", "mrs", "ms", "dr", "sir", "dame", "lord", "mr.", "mrs.", "ms.", "dr."}
MALE = {"he", "him", "his", "himself"}
FEMALE = {"she", "her", "hers", "herself"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "csubj"}
OBJECT_DEPS = {"dobj", "pobj", "dative", "attr", "oprd", "conj", "appos"}
# A capital stands for its government when it acts or owns a stance.
METONYM_DEPS = {"nsubj", "nsubjpass", "poss", "agent"}


@dataclass
class _Proto:
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
    country_source: str | None = None  # text | sentence | article; None: from the words, if any


@dataclass
class ActorResult:
    """The actors of one document and a token-level index to them."""

    actors: list[Actor]
    token_actor: dict[int, str]
    _char_spans: list[tuple[int, int, str]] = field(default_factory=list, repr=False)

    def country_actor(self, iso3: str | None) -> str | None:
        """The id of the country actor for ``iso3``, if the article mentions that country."""
        return next((a.id for a in self.actors if a.kind == "country" and a.country == iso3), None) if iso3 else None

    def actor_at(self, start: int, end: int) -> str | None:
        """The actor whose mention best overlaps the character span [start, end)."""
        best, best_overlap = None, 0
        for s, e, aid in self._char_spans:
            overlap = min(e, end) - max(s, start)
            if overlap > best_overlap:
                best, best_overlap = aid, overlap
        return best


def _headline_end(doc) -> int:
    """Token index where the body starts when the first line is a headline, else 0."""
    text = doc.text
    nl = text.find("\n")
    if nl <= 0 or nl > 250:
        return 0
    first = text[:nl].strip()
    if not first or first[-1] in ".!?\"”":
        return 0
    for tok in doc:
        if tok.idx >= nl:
            return tok.i
    return 0


def _spaced_punct(tok) -> bool:
    """Punctuation or a line break that ends a dateline ("NAIROBI - "), not a hyphen ("pro-Houthi")."""
    doc = tok.doc
    if tok.is_space or "\n" in tok.text_with_ws:
        return True
    return tok.is_punct and (bool(tok.whitespace_) or (tok.i > 0 and bool(doc[tok.i - 1].whitespace_)))


class _Resolver:
    def __init__(self, doc, place_hits=()):
        self.doc = doc
        self.protos: list[_Proto] = []
        self.claimed: dict[int, _Proto] = {}
        self.country_protos: dict[str, _Proto] = {}
        self.org_protos: dict[str, _Proto] = {}
        self.body_start = _headline_end(doc)
        # Places the place stage resolved to another country than the knowledge base
        # would ("Georgia" the US state): not that country's actor.
        self.place_country = {(p.start, p.end): p.country for p in place_hits}
        self.place_spans = [(p.start, p.end) for p in place_hits]
        self.place_hits = list(place_hits)
        self._sent_country_cache: dict[int, list[str]] = {}
        self._article_country_cache: str | None = None
        self.person_ents = [e for e in doc.ents if e.label_ == "PERSON"]
        self._sent_starts = [s.start for s in doc.sents]

    # -- helpers -------------------------------------------------------------
    def _placed(self, start: int, end: int, default: str | None) -> str | None:
        """The country the place stage gave a place inside [start, end), else ``default``."""
        for (s, e), country in self.place_country.items():
            if start <= s and e <= end:
                return country
        return default

    def _free(self, i: int, j: int) -> bool:
        return all(k not in self.claimed for k in range(i, j))

    def _add(self, proto: _Proto, i: int, j: int) -> None:
        subject = any(t.dep_ in SUBJECT_DEPS for t in self.doc[i:j]) or self.doc[i:j].root.dep_ in SUBJECT_DEPS
        proto.mentions.append((i, j, subject))
        for k in range(i, j):
            self.claimed[k] = proto

    def _country_actor(self, iso3: str) -> _Proto:
        if iso3 not in self.country_protos:
            row = kb.country(iso3) or {}
            p = _Proto(kind="country", name=row.get("name", iso3), country=iso3, named=True)
            self.country_protos[iso3] = p
            self.protos.append(p)
        return self.country_protos[iso3]

    def _inside_other_entity(self, i: int, j: int) -> bool:
        for ent in self.doc.ents:
            if ent.start <= i and j <= ent.end and (ent.end - ent.start) > (j - i):
                if ent.label_ in ("PERSON", "ORG", "FAC", "WORK_OF_ART", "EVENT", "LAW", "PRODUCT"):
                    return not kb.lookup(ent.text)
        return False

    def _is_person_surname(self, text: str) -> bool:
        return any(len(e) > 1 and e[-1].text == text for e in self.person_ents)

    # -- 1. knowledge-base names ---------------------------------------------
    def knowledge_base(self) -> None:
        doc, n = self.doc, len(self.doc)
        maxlen = kb.max_phrase_len()
        i = 0
        while i < n:
            tok = doc[i]
            if not (tok.text[:1].isupper() or tok.lower_ == "the") or tok.is_space \
                    or (tok.lower_ != "the" and not kb.may_start(tok.text)):
                i += 1
                continue
            hit = None
            for j in range(min(n, i + maxlen), i, -1):
                span = doc[i:j]
                if span[-1].is_punct and span[-1].text not in (".",):
                    continue
                if not span[-1].text[:1].isupper() and not span[-1].text[:1].isdigit():
                    continue
                entries = kb.lookup(span.text)
                if entries:
                    hit = (j, entries)
                    break
            if hit is None:
                i += 1
                continue
            j, entries = hit
            self._take_entry(i, j, entries)
            i = j

    def _take_entry(self, i: int, j: int, entries) -> None:
        span = self.doc[i:j]
        if not self._free(i, j) or self._inside_other_entity(i, j):
            return
        entry = entries[0]
        if entry.form == "demonym" and span.root.tag_ in ("NNPS", "NNS") \
                and span.root.dep_ not in ("amod", "compound", "poss"):
            # "the Palestinians", "Syrians": the people of a country, as a group
            key = ("demonym", entry.country)
            if key not in self.org_protos:
                p = _Proto(kind="group", name=span.root.text, country=entry.country, named=True)
                self.org_protos[key] = p
                self.protos.append(p)
            start = i - 1 if i > 0 and self.doc[i - 1].lower_ == "the" else i
            self._add(self.org_protos[key], start if self._free(start, i) else i, j)
            return
        if entry.form in ("adjective", "demonym"):
            return  # nationality words qualify other mentions; handled there
        if entry.kind == "country":
            placed = self._placed(span.start_char, span.end_char, entry.country)
            if placed != entry.country:
                return  # the place stage read it as a place elsewhere ("Georgia", USA)
            if j - i == 1 and self._is_person_surname(span.text):
                return  # "Jordan" after "Michael Jordan": the person
            if entry.form == "metonym" and not self._acts(span):
                return  # "a visit to Baku": a place, not a government
            self._add(self._country_actor(entry.country), i, j)
        else:
            if entry.form == "metonym" and not self._acts(span):
                return  # "talks in Brussels" are not the EU's
            key = entry.name
            if key not in self.org_protos:
                p = _Proto(kind=entry.kind, name=entry.name, country=entry.country,
                           sector=entry.sector, named=True)
                self.org_protos[key] = p
                self.protos.append(p)
            self._add(self.org_protos[key], i, j)

    def _acts(self, span) -> bool:
        """A capital acts as its government: subject, possessor, or passive agent."""
        root = span.root
        if root.lower_ in ("kremlin", "whitehall") or span.text.lower().startswith("the "):
            return True  # seat-of-government names never mean a plain place
        if root.dep_ in METONYM_DEPS:
            return True
        if root.dep_ == "pobj" and root.head.lower_ == "by" and root.head.dep_ == "agent":
            return True
        if root.dep_ == "conj" and root.head.dep_ in METONYM_DEPS:
            return True
        return False

    # -- 2. people ---------------------------------------------------------------
    def _unlabelled_names(self) -> list:
        """Two or more capitalised proper nouns acting as a subject that NER missed.

        spaCy's small model misses names at the start of a line ("Hossein Amir
        Abdollahian met ..."); a subject made of proper nouns only, with no
        knowledge-base or organisation word in it, is taken to be a person.
        """
        doc, found = self.doc, []
        labelled = {t.i for e in doc.ents for t in e}
        for tok in doc:
            if tok.dep_ not in SUBJECT_DEPS or tok.pos_ != "PROPN" or tok.i in labelled:
                continue
            left = tok.i
            while left > 0 and doc[left - 1].dep_ == "compound" and doc[left - 1].head.i in range(left, tok.i + 1) \
                    and doc[left - 1].pos_ == "PROPN":
                left -= 1
            span = doc[left:tok.i + 1]
            if len(span) < 2 or any(t.i in labelled or not t.is_title for t in span):
                continue
            if any(kb.lookup(t.text) or kb.sector_of(t.lower_) or t.lower_ in ORG_WORDS for t in span):
                continue
            found.append(span)
        return found

    def people(self) -> None:
        doc = self.doc
        self.person_ents = self.person_ents + self._unlabelled_names()
        for ent in self.person_ents:
            i, j = ent.start, ent.end
            # A possessive "'s" is not part of the name; a missing last name is.
            while j < len(doc) and doc[j].pos_ == "PROPN" and doc[j].dep_ in ("compound", "flat", "poss", "nsubj", "dobj", "pobj", "appos") \
                    and doc[j - 1].dep_ in ("compound", "flat") and doc[j].text[:1].isupper():
                j += 1
            # Titles inside the entity ("President Biden") become the role.
            title_words = []
            while i < j - 1 and (kb.sector_of(doc[i].text) or doc[i].lower_ in TITLE_WORDS):
                title_words.append(doc[i])
                i += 1
            if not self._free(i, j):
                continue
            name_span = doc[i:j]
            if len(name_span) == 1 and any(s <= name_span.start_char and name_span.end_char <= e
                                           for s, e in self.place_spans):
                continue  # "Ghouta" tagged PERSON is the place the gazetteer knows
            if kb.lookup(name_span.text) and any(e.kind == "country" for e in kb.lookup(name_span.text)):
                continue
            proto = self._person_for_name(name_span)
            self._add(proto, i, j)
            self._title_before(proto, i, title_words)
            self._appositive(proto, name_span)

    def _person_for_name(self, span) -> _Proto:
        text = span.text.strip()
        last = span[-1].text
        for p in self.protos:
            if p.kind != "person" or not p.named:
                continue
            if p.name == text or p.surname == last or p.name.split()[-1] == text:
                if len(text) > len(p.name):
                    p.name = text
                return p
        p = _Proto(kind="person", name=text, surname=last if len(span) > 1 else None, named=True)
        known = kb.person(text)
        if known is not None:  # a well-known figure: "Erdogan", "Donald Trump"
            # The country is stable fact; the sector is only a default that a
            # title in the text overrides ("Parliament Speaker" over a past office).
            p.country, p.known_sector = known.country, known.sector
            if len(span) == 1 and " " in known.name:
                p.name, p.surname = known.name, known.name.split()[-1]
        self.protos.append(p)
        return p

    def _title_before(self, proto: _Proto, i: int, inner_titles) -> None:
        """Role, sector and country from the words before a name: "Iranian Parliament Speaker X"."""
        doc = self.doc
        k = i
        words = []
        while k > 0:
            prev = doc[k - 1]
            if prev.dep_ == "case" and k - 2 >= 0:  # "Russia 's Foreign Minister X"
                k -= 1
                continue
            titled = prev.text[:1].isupper() and prev.pos_ in ("PROPN", "NOUN", "ADJ")
            inner = (prev.lower_ in ("of", "for") and words and k - 2 >= 0
                     and doc[k - 2].text[:1].isupper() and not doc[k - 2].is_punct)
            office = prev.pos_ in ("NOUN", "ADJ") and (kb.sector_of(prev.lower_) is not None
                                                      or kb.country_by_adjective(prev.text) is not None)
            if prev.is_space or prev.is_punct or not (titled or inner or office):
                break
            if prev.pos_ in ("VERB", "AUX", "DET", "PRON", "CCONJ") or prev.like_num:
                break
            if prev.ent_type_ in ("DATE", "TIME", "PERSON") and prev.ent_iob_ != "O":
                break
            words.insert(0, prev)
            k -= 1
            if len(words) >= 7:
                break
        words = words + list(inner_titles)
        self._qualify(proto, words)
        for w in words:  # the title words belong to the person's mention
            if w.i not in self.claimed or self.claimed[w.i].kind == "country":
                owner = self.claimed.get(w.i)
                if owner is not None:
                    owner.mentions = [m for m in owner.mentions if not (m[0] <= w.i < m[1])]
                self.claimed[w.i] = proto

    def _qualify(self, proto: _Proto, words) -> None:
        """Country, sector and role from nationality and title words."""
        lowers = [w.lower_ for w in words]
        for n in (3, 2, 1):  # "South African" before "African"
            for k in range(len(words) - n + 1):
                if proto.country:
                    break
                ws = words[k:k + n]
                if any(ws[x + 1].i != ws[x].i + 1 for x in range(n - 1)):
                    continue
                text = self.doc[ws[0].i:ws[-1].i + 1].text
                c = kb.country_by_adjective(text)
                if not c:
                    entries = [e for e in kb.lookup(text) if e.kind == "country"]
                    c = entries[0].country if entries else None
                    placed = self._placed(ws[0].idx, ws[-1].idx + len(ws[-1].text), c)
                    if placed != c:
                        c = None  # "the Georgia Secretary of State": the US state
                if c:
                    proto.country = c
        if not proto.country and proto.kind == "person":
            for w in words:  # "NATO Secretary General X": the organisation's code
                orgs = [e for e in kb.lookup(w.text) if e.kind == "organization"]
                if orgs and orgs[0].country:
                    proto.country = orgs[0].country
                    break
        lowers = [ABBREVIATIONS.get(x, x) for x in lowers]
        expanded = " ".join(lowers).split()
        found = kb.longest_sector_phrase(expanded)
        if found:
            a, b, sector = found
            proto.sector = proto.sector or sector
            role_words = [w for w in expanded[a:b] if w not in ROLE_MODIFIERS]
            if role_words and role_words[-1] not in GENERIC_PERSON_NOUNS:
                role = " ".join(w.capitalize() if w not in ("of", "for", "and") else w for w in role_words)
                if not proto.role or len(role) > len(proto.role):
                    proto.role = role

    def _appositive(self, proto: _Proto, name_span) -> None:
        """"X, Iran's foreign minister," or "X, the Azeri official"."""
        for child in name_span.root.children:
            if child.dep_ == "appos":
                words = [t for t in child.subtree if not t.is_punct]
                if any(kb.sector_of(t.lemma_) or t.lower_ in PERSON_NOUNS for t in words):
                    self._qualify(proto, words)
                    i, j = child.left_edge.i, child.i + 1
                    if self._free(i, j):  # "the State Councillor" is a mention of the person
                        self._add(proto, i, j)

    # -- 3. organisations ------------------------------------------------------
    def organizations(self) -> None:
        for ent in self.doc.ents:
            if ent.label_ != "ORG" or not self._free(ent.start, ent.end):
                continue
            if any(s <= ent.start_char and ent.end_char <= e for s, e in self.place_spans):
                continue  # the place stage knows it ("Nagorno-Karabakh")
            if any(t.text in ("-", "--", "—") or t.lower_ == "reuters" for t in ent) or "\n" in ent.text:
                continue  # a dateline glued to the first words: "BAMAKO - Armed"
            text = ent.text[4:] if ent.text.lower().startswith("the ") else ent.text
            if text not in self.org_protos:
                p = _Proto(kind="organization", name=text, named=True)
                self._qualify(p, list(ent))
                p.country = p.country or self._country_around(ent.root)
                if p.role and p.kind == "organization":
                    p.role = None
                self.org_protos[text] = p
                self.protos.append(p)
            self._add(self.org_protos[text], ent.start, ent.end)

    def _country_around(self, head) -> str | None:
        """"Russia's Foreign Ministry", "a court in Istanbul": the country beside a body."""
        for child in head.children:
            if child.dep_ == "poss":
                entries = [e for e in kb.lookup(child.text) if e.kind == "country"]
                if entries:
                    return self._placed(child.idx, child.idx + len(child.text), entries[0].country)
            if child.dep_ == "prep" and child.lower_ in ("in", "of") and child.i == head.i + 1:
                obj = next((g for g in child.children if g.dep_ == "pobj"), None)
                if obj is None:
                    continue
                for s, e in self.place_spans:
                    if s <= obj.idx < e:
                        return self.place_country.get((s, e))
        return None

    # -- 4 and 5. descriptions and pronouns -------------------------------------
    def references(self) -> None:
        doc = self.doc
        headline = []
        for tok in doc:
            desc = self._description(tok)
            if desc is None:
                if self._collective(tok):
                    continue
            if desc is not None:
                if tok.i < self.body_start:
                    headline.append(desc)
                else:
                    self._resolve_description(*desc)
            elif tok.lower_ in MALE | FEMALE and tok.pos_ == "PRON" and tok.i >= self.body_start:
                self._resolve_pronoun(tok)
        for desc in headline:  # a headline names people the body introduces
            self._resolve_description(*desc, anywhere=True)

    def _country_modifier(self, tok):
        """(iso3, first token index) of a nationality word or country name modifying ``tok``."""
        for child in tok.lefts:
            if child.dep_ not in ("amod", "compound", "poss", "nmod") or child.is_space:
                continue
            for start in (child.left_edge.i, child.i):
                text = self.doc[start:child.i + 1].text
                c = kb.country_by_adjective(text)
                if not c:
                    entries = [e for e in kb.lookup(text) if e.kind == "country"]
                    c = entries[0].country if entries else None
                    placed = self._placed(self.doc[start].idx, child.idx + len(child.text), c)
                    c = c if placed == c else None
                if c:
                    return c, start
            if child.ent_type_ == "PERSON":  # "the Obama administration", "Assad's regime"
                known = kb.person(self.doc[child.left_edge.i:child.i + 1].text) or kb.person(child.text)
                if known is not None and known.country and len(known.country) == 3:
                    return known.country, child.left_edge.i
        return None

    def _collective(self, tok) -> bool:
        """"The French government", "German police", "Ukrainian authorities": a national body."""
        if tok.pos_ not in ("NOUN", "PROPN") or tok.i in self.claimed:
            return False
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN"):
            return False
        sector = kb.sector_of(tok.lemma_) or kb.sector_of(tok.text) \
            or kb.generic_sector(tok.lemma_) or kb.generic_sector(tok.text)
        if not sector and tok.lemma_.lower() not in PEOPLE_NOUNS:
            return False
        if tok.lower_ in PERSON_NOUNS and tok.tag_ not in ("NNS", "NNPS"):
            return False  # one person: a description, resolved by _description
        if any(c.dep_ in ("cc", "conj") for m in tok.lefts for c in m.children):
            return False  # "the Iranian and Azeri counterparts": more than one country
        found = self._country_modifier(tok)
        np_start = min([c.left_edge.i for c in tok.lefts if c.dep_ in ("det", "amod", "compound")] + [tok.i])
        if not found and sector in ("JUD", "GOV", "COP", "MIL", "LEG"):
            around = self._country_around(tok)  # "a court in Istanbul"
            if around:
                found = (around, np_start)
        source = "text"
        if found and any(_spaced_punct(t) for t in self.doc[found[1]:tok.i]):
            found = None  # "NAIROBI - Protesters": the dateline, not a modifier
        if not found:
            if not self._generic_agent(tok, sector):
                return False
            # "police", "gunmen", "a court": the country comes from the sentence or the article
            country, source = self._country_around(tok), "text"  # "fighters in Syria"
            if not country:
                country, source = self._context_country(tok)
            start = np_start
            for k in range(np_start, tok.i):  # "NAIROBI - Protesters": not the dateline
                if _spaced_punct(self.doc[k]) or any(s <= self.doc[k].idx < e for s, e in self.place_spans):
                    start = k + 1
            found = (country, start)
        if tok.lower_ in STANCE_NOUNS and any(c.dep_ == "poss" for c in tok.lefts):
            return False  # "Baku's opposition" is a stance, not the opposition party
        country, i = found
        # Sector words before the head refine it: "military police" is police.
        j = tok.i + 1
        led = self.doc[i].ent_type_ == "PERSON"  # "the Obama administration": the body, not the man
        if not led and any(self.claimed.get(k) and self.claimed[k].kind == "person" for k in range(i, j)):
            return False
        kind = kb.sector_kind(tok.lemma_) or "group"
        kind = "organization" if kind == "organization" else "group"
        if tok.lemma_.lower() in PEOPLE_NOUNS and tok.tag_ not in ("NNS", "NNPS"):
            kind = "person"  # "a Turkish man": someone of that country, not a body
        name = " ".join(t.text for t in self.doc[i:j] if t.pos_ != "DET" and t.dep_ != "case")
        key = (country, sector, tok.lemma_.lower())
        if kind == "person":
            key = key + (tok.i,)  # two "Turkish man" mentions need not be one man
        if key not in self.org_protos:
            p = _Proto(kind=kind, name=name or tok.text, country=country, sector=sector,
                       named=False, nobody=kind == "person",
                       country_source=source if country else None)
            self.org_protos[key] = p
            self.protos.append(p)
        for k in range(i, j):  # "French" in "The French government" belongs to this mention
            owner = self.claimed.pop(k, None)
            if owner is not None:
                owner.mentions = [m for m in owner.mentions if not (m[0] <= k < m[1])]
        while i > 0 and self.doc[i - 1].dep_ == "det" and self.doc[i - 1].head.i == tok.i:
            i -= 1
        self._add(self.org_protos[key], i, j)
        return True

    def _generic_agent(self, tok, sector) -> bool:
        """"police", "gunmen", "a court", "a man": an agent word that acts without a name."""
        first = tok.is_sent_start or self.doc[tok.i - 1].is_punct or self.doc[tok.i - 1].is_space
        if tok.pos_ != "NOUN" and not (tok.pos_ == "PROPN" and first and tok.is_title):
            return False  # "Police said" at the start of a sentence or after a dateline
        if tok.ent_type_ and tok.ent_type_ not in ("NORP",):
            return False  # part of a name the other sources read
        if any(c.dep_ == "poss" for c in tok.children):
            return False  # "its army", "their supporters": whose is the event stage's question
        if tok.dep_ in ("compound", "amod", "nmod", "npadvmod") or tok.i + 1 in self.claimed:
            return False  # "the opposition Cambodia National Rescue Party": part of a name
        lefts = [c for c in tok.lefts if c.dep_ in ("amod", "compound", "nmod", "npadvmod")
                 and not any(_spaced_punct(t) for t in self.doc[c.i:tok.i])]  # not a dateline
        allied = any(t.lower_ in ("pro", "anti") for c in lefts for t in c.subtree)  # "pro-Houthi militias"
        if not allied and any(t.i in self.claimed or t.ent_type_ in NAME_ENTS for c in lefts for t in c.subtree):
            return False  # "UN workers", "IDF troops": the named body's, read by the event stage
        for p in tok.children:
            if p.dep_ == "prep" and p.lower_ in ("of", "from"):
                if any(g.dep_ == "pobj" and (g.i in self.claimed or g.ent_type_ in NAME_ENTS)
                       for g in p.children):
                    return False  # "leaders from the opposition party", "members of Hamas"
        lemma = tok.lemma_.lower()
        generic = kb.generic_agents()
        if lemma in generic or tok.lower_ in generic:
            return True
        hint = kb.sector_kind(lemma) or kb.sector_kind(tok.lower_)
        if lemma in UNOWNED_PEOPLE:
            return False  # "the leaders", "members": whose is not said
        if lemma in PEOPLE_NOUNS or hint == "person":
            # "a soldier", "two officials": people by what they are or do
            return tok.tag_ in ("NNS", "NNPS") or any(
                c.dep_ == "det" and c.lower_ in ("a", "an", "the", "another") for c in tok.children)
        return False

    def _sentence_countries(self, tok) -> list[str]:
        """Countries the sentence of ``tok`` names: places, country actors, nationality words."""
        sent = tok.sent
        if sent.start in self._sent_country_cache:
            return self._sent_country_cache[sent.start]
        found: list[str] = []
        for h in self.place_hits:  # the dateline is the article's, not the sentence's
            if h.country and not h.dateline and sent.start_char <= h.start < sent.end_char \
                    and h.country not in found:
                found.append(h.country)
        for t in sent:
            owner = self.claimed.get(t.i)
            c = owner.country if owner is not None and owner.kind == "country" else None
            if c is None and t.pos_ in ("ADJ", "PROPN") and t.ent_type_ == "NORP":
                c = kb.country_by_adjective(t.text)
            if c and c not in found:
                found.append(c)
        self._sent_country_cache[sent.start] = found
        return found

    def _article_country(self) -> str | None:
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
            for (s, e), country in self.place_country.items():
                if country:
                    votes[country] = votes.get(country, 0) + 1
            for p in self.protos:
                if p.kind == "country" and p.country:
                    votes[p.country] = votes.get(p.country, 0) + len(p.mentions)
            if votes:
                best = max(votes, key=votes.get)
                if votes[best] * 2 > sum(votes.values()):
                    found = best
        self._article_country_cache = found
        return found or None

    def _context_country(self, tok) -> tuple[str | None, str]:
        """(country, source) for an agent with no country word: the one country its
        sentence names, else the article's; ``source`` says which ("none" when neither,
        or when the words say it is of no one country: "foreign forces", "troops on both sides")."""
        words = {t.lower_ for c in tok.children if c.dep_ in ("amod", "det", "prep", "predet", "compound")
                 for t in c.subtree}
        if words & MANY_COUNTRIES:
            return None, "none"
        here = self._sentence_countries(tok)
        if len(here) == 1:
            return here[0], "sentence"
        if not here:
            country = self._article_country()
            if country:
                return country, "article"
        return None, "none"

    def _description(self, tok):
        """(i, j, words, definite) for "the senior diplomat"-like noun phrases headed by ``tok``."""
        lower = tok.lower_
        if tok.pos_ not in ("NOUN", "PROPN") or lower not in PERSON_NOUNS:
            return None
        if tok.tag_ in ("NNS", "NNPS") or tok.i in self.claimed:
            return None
        if tok.dep_ == "compound" and tok.head.pos_ in ("NOUN", "PROPN") and lower not in ABBREVIATIONS:
            return None  # "Foreign Minister" before a name, handled as a title
        mods = [c for c in tok.lefts if c.dep_ in ("det", "amod", "compound", "poss", "nmod") and not c.is_space]
        if not mods:
            return None
        i = min(c.left_edge.i for c in mods)
        words = [t for t in self.doc[i:tok.i + 1] if not t.is_punct and t.dep_ != "case"]
        det = next((c for c in mods if c.dep_ == "det"), None)
        definite = det is None or det.lower_ in ("the", "this", "that")
        if any(self.claimed.get(k) and self.claimed[k].kind == "person" for k in range(i, tok.i + 1)):
            return None
        return (i, tok.i + 1, words, definite)

    def _resolve_description(self, i, j, words, definite, anywhere=False) -> None:
        probe = _Proto(kind="person", name="")
        self._qualify(probe, words)
        for k in range(i, j):  # "Iran" in "Iran FM" is part of the description
            owner = self.claimed.get(k)
            if owner is not None:
                owner.mentions = [m for m in owner.mentions if not (m[0] <= k < m[1])]
                del self.claimed[k]
        target = self._antecedent(i, probe, anywhere=anywhere) if definite else None
        if target is None:
            name = " ".join(t.text for t in words if t.dep_ != "det" and t.pos_ != "DET")
            target = _Proto(kind="person", name=name, country=probe.country,
                            sector=probe.sector or kb.sector_of(words[-1].lemma_), role=probe.role)
            self.protos.append(target)
        else:
            target.country = target.country or probe.country
            target.sector = target.sector or probe.sector
            target.role = target.role or probe.role
        self._add(target, i, j)

    def _is_object(self, i: int) -> bool:
        """Is the noun phrase starting at token ``i`` an object in its clause?"""
        tok = self.doc[i]
        while tok.dep_ in ("det", "amod", "compound", "poss", "nmod") and tok.head is not tok:
            tok = tok.head
        return tok.dep_ in OBJECT_DEPS

    def _compatible(self, person: _Proto, probe: _Proto) -> bool:
        if probe.country and person.country and probe.country != person.country:
            return False
        if probe.sector and person.sector and probe.sector != person.sector:
            return False
        if probe.role and person.role and probe.role.lower() != person.role.lower():
            return False
        return True

    def _antecedent(self, i: int, probe: _Proto, anywhere: bool = False) -> _Proto | None:
        sent_of = self._sent_index
        here = sent_of(i)
        best, best_score = None, None
        for p in self.protos:
            if p.kind != "person" or p.nobody or not p.mentions or not self._compatible(p, probe):
                continue
            before = [m for m in p.mentions if m[0] < i] if not anywhere else p.mentions
            if not before:
                continue
            last = max(before, key=lambda m: m[0])
            distance = abs(here - sent_of(last[0]))
            if not anywhere and distance == 0 and self._is_object(i):
                continue  # "Maduro expelled the top American diplomat": not Maduro
            if not anywhere and distance > 6 and not (probe.country or probe.role):
                continue  # a bare "the official" refers to someone recent
            score = (2.0 if probe.country and p.country == probe.country else 0.0) \
                + (1.0 if probe.role and p.role and p.role.lower() == probe.role.lower() else 0.0)
            if anywhere:
                score += 0.5 if p.named else 0.0
                score -= 0.001 * min(m[0] for m in p.mentions)
            else:
                score += 1.0 / (1 + distance) + (0.5 if any(m[2] for m in before[-2:]) else 0.0)
                score += 0.0001 * last[0]
            if best_score is None or score > best_score:
                best, best_score = p, score
        return best

    def _resolve_pronoun(self, tok) -> None:
        gender = "m" if tok.lower_ in MALE else "f"
        sent = tok.sent
        # Cataphora inside a sentence: "For his part, the minister said ..."
        root = sent.root
        if tok.i < root.i:
            for k in range(tok.i + 1, root.i + 1):
                owner = self.claimed.get(k)
                t = self.doc[k]
                if owner is not None and owner.kind == "person" and t.dep_ in SUBJECT_DEPS | {"compound"} \
                        and owner.gender in (None, gender):
                    self._add_pronoun(owner, tok, gender)
                    return
        # Otherwise the most salient earlier person: recent, and a subject if possible.
        here = self._sent_index(tok.i)
        best, best_score = None, None
        for p in self.protos:
            if p.kind != "person" or p.gender not in (None, gender):
                continue
            before = [m for m in p.mentions if m[0] < tok.i]
            if not before:
                continue
            last = max(before, key=lambda m: m[0])
            distance = here - self._sent_index(last[0])
            if distance > 3:
                continue
            subj = [m for m in before if m[2] and here - self._sent_index(m[0]) <= 1]
            score = -distance + (1.5 if subj else 0.0) + 0.0001 * last[0]
            if best_score is None or score > best_score:
                best, best_score = p, score
        if best is not None:
            self._add_pronoun(best, tok, gender)

    def _add_pronoun(self, proto: _Proto, tok, gender: str) -> None:
        proto.gender = proto.gender or gender
        self._add(proto, tok.i, tok.i + 1)

    def _sent_index(self, i: int) -> int:
        return bisect.bisect_right(self._sent_starts, i) - 1

    # -- result --------------------------------------------------------------
    def result(self) -> ActorResult:
        doc = self.doc
        live = [p for p in self.protos if p.mentions]
        for p in live:
            if p.kind == "person" and not p.country and p.role and (p.sector or p.known_sector):
                # "Interior Minister Kithure Kindiki" in a story from Nairobi: Kenya's
                p.country = self._article_country()
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


def find_actors(doc, place_hits=()) -> ActorResult:
    """Every actor in ``doc`` with all its mentions, resolved to country and sector."""
    r = _Resolver(doc, place_hits)
    r.knowledge_base()
    r.people()
    r.organizations()
    r.references()
    return r.result()
