"""Titles: what the words around a person or body say of its country, sector and role.

"Iranian Parliament Speaker X", "X, Iran's foreign minister", "NATO Secretary
General X": nationality and country words give the country, office words the
sector (``kb.longest_sector_phrase``) and the role.
"""

from __future__ import annotations

from .. import kb
from .actor_table import PERSON_NOUNS, ActorTable, Proto

# Words that describe but name no office: not a role.
GENERIC_PERSON_NOUNS = {"official", "diplomat", "counterpart", "leader", "officer",
                        "representative", "head", "chief"}
ABBREVIATIONS = {"fm": "foreign minister", "pm": "prime minister",
                 "dm": "defence minister"}
# Words that grade an office but are not part of its name.
ROLE_MODIFIERS = {"senior", "top", "former", "then", "acting", "deputy-", "veteran", "new", "chief"}


def title_before(table: ActorTable, proto: Proto, i: int, inner_titles) -> None:
    """Role, sector and country from the words before a name: "Iranian Parliament Speaker X"."""
    doc = table.doc
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
        # "Chinese actor Jiang Jinfu", "activist pastor X": a common noun fastened to the name
        described = (prev.pos_ == "NOUN" and prev.dep_ == "compound" and prev.head.i >= i
                     and k - 2 >= 0 and doc[k - 2].pos_ in ("NOUN", "ADJ", "PROPN"))
        if described and not (titled or inner or office):
            words.insert(0, prev)
            k -= 1
            continue
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
    qualify(table, proto, words)
    for w in words:  # the title words belong to the person's mention
        if w.i not in table.claimed or table.claimed[w.i].kind == "country":
            owner = table.claimed.get(w.i)
            if owner is not None:
                owner.mentions = [m for m in owner.mentions if not (m[0] <= w.i < m[1])]
            table.claimed[w.i] = proto


def qualify(table: ActorTable, proto: Proto, words) -> None:
    """Country, sector and role from nationality and title words."""
    lowers = [w.lower_ for w in words]
    for n in (3, 2, 1):  # "South African" before "African"
        for k in range(len(words) - n + 1):
            if proto.country:
                break
            ws = words[k:k + n]
            if any(ws[x + 1].i != ws[x].i + 1 for x in range(n - 1)):
                continue
            text = table.doc[ws[0].i:ws[-1].i + 1].text
            c = kb.country_by_adjective(text)
            if not c:
                entries = [e for e in kb.lookup(text, table.user) if e.kind == "country"]
                c = entries[0].country if entries else None
                placed = table.placed(ws[0].idx, ws[-1].idx + len(ws[-1].text), c)
                if placed != c:
                    c = None  # "the Georgia Secretary of State": the US state
            if c:
                proto.country = c
    if not proto.country and proto.kind == "person":
        for w in words:  # "NATO Secretary General X": the organisation's code
            orgs = [e for e in kb.lookup(w.text, table.user) if e.kind == "organization"]
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


def appositive(table: ActorTable, proto: Proto, name_span) -> None:
    """"X, Iran's foreign minister," or "X, the Azeri official"; and the other way round,
    "his Iranian counterpart, X", "the UAE Ambassador to Bahrain, X"."""
    root = name_span.root
    head = root.head
    if root.dep_ == "appos" and head.i < name_span.start and not proto.country \
            and (kb.sector_of(head.lemma_) or head.lower_ in PERSON_NOUNS):
        qualify(table, proto, [t for t in head.subtree if t.i < name_span.start and not t.is_punct])
    for child in name_span.root.children:
        if child.dep_ == "appos":
            words = [t for t in child.subtree if not t.is_punct]
            if any(kb.sector_of(t.lemma_) or t.lower_ in PERSON_NOUNS for t in words):
                qualify(table, proto, words)
                i, j = child.left_edge.i, child.i + 1
                if table.free(i, j):  # "the State Councillor" is a mention of the person
                    table.add(proto, i, j)
