"""Fatalities and injured, read from an event's sentence.

Rules:

- A count needs a number and a death or injury cue tied to it by the parse:
  "killed 12", "12 people were killed", "over 100 troops died", "the death
  toll rose to 35", "the deaths of over 100 troops", "claimed 30 lives",
  "left 12 dead", "two soldiers were wounded", "killing one and injuring four".
- Bounds count as the number they state: "over 100", "more than 100", "at
  least 12", "nearly 50" give 100, 100, 12, 50.
- Vague quantities give no number: "dozens", "hundreds of lives", "scores of
  people", "thousands" -> None (the text states no count; the seed's
  "claimed hundreds of lives" needs none).
- One victim counts as 1: "a soldier was killed", "killed another Chechen",
  "killed the commander", "Serkan Tumay has died".
- "No one was killed", "no casualties", "no injuries or fatalities" give 0.
- "The body of a man was found" is 1, "the bodies of 3 men" 3; "were shot and
  injured" are injured, not dead.
- Several numbers on the same cue add up ("killed 12 soldiers and 3
  civilians" -> 15); on different cues the largest wins ("the toll rose to
  35 ... 12 of them children").
- Not stated -> None.

A note's deaths (``note_deaths``): a text of one paragraph tells of one
occasion, so the deaths its sentences state add up for its main event ("2
policemen were killed ... 2 other policemen were killed when they arrived as
reinforcement" -> 4), whichever clause tells them ("Al Shabaab claimed to
have killed four soldiers in the attack").

A note's own toll (``note_toll``): analysts close a report with the count
they code for its event: "1 fatality.", "2 fatalities", "Fatalities coded as
4 (including the suicide bomber)", "Unknown fatalities coded as 10",
"resulting in no injuries or fatalities" (0). It overrides what the
sentences add up to, for the report's main event (see ``pipeline``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from communique.extract.syntax import reach, same_paragraph

__all__ = ["PERSON_NOUNS", "casualties", "note_deaths", "note_toll", "number_value"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60,
    "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12, "a dozen": 12,
}
_SCALES = {"hundred": 100, "thousand": 1000, "million": 1_000_000}
_VAGUE = {"dozens", "hundreds", "thousands", "scores", "millions", "several", "many",
          "some", "numerous", "countless", "tens", "few"}

_DEATH_VERBS = {"kill", "slay", "massacre", "execute", "behead", "murder", "assassinate",
                "slaughter", "lynch", "gun", "shoot"}
_DIE_VERBS = {"die", "perish", "drown"}
_DEATH_NOUNS = {"death", "fatality", "dead", "life", "body", "corpse", "killing", "casualty_dead"}
_INJURY_VERBS = {"wound", "injure", "hurt", "maim"}
_INJURY_NOUNS = {"injury", "injured", "wounded", "wound"}
PERSON_NOUNS = {"soldier", "policeman", "policewoman", "civilian", "man", "woman", "child",
                 "boy", "girl", "person", "journalist", "officer", "protester", "protestor",
                 "student", "worker", "villager", "guard", "militant", "fighter", "trooper",
                 "demonstrator", "reporter", "official", "teenager", "farmer", "resident",
                 "pilgrim", "worshipper", "passenger", "driver", "bystander", "member",
                 "commander", "leader", "cleric", "activist", "citizen", "national", "tourist",
                 "doctor", "nurse", "teacher", "peacekeeper", "rebel", "insurgent", "gunman",
                 "bomber", "employee", "contractor", "serviceman", "sailor", "marine", "cop",
                 "agent", "politician", "lawmaker", "judge", "prisoner", "detainee", "migrant",
                 "refugee", "infant", "baby", "toddler", "girl", "youth", "inmate", "hostage",
                 "captive", "soldier", "priest", "monk", "nun", "pastor", "imam", "mayor",
                 "governor", "minister", "diplomat", "ambassador", "spokesman", "journalist"}


_BOUND_WORDS = {"at", "least", "more", "than", "over", "about", "some", "nearly", "almost",
                "around", "up", "to", "roughly", "approximately", "as", "many", "another",
                "an", "estimated", "least"}


def number_value(tok: Token) -> int | None:
    """The integer a number token (with its number-word neighbours) states, or None."""
    words = [t for t in _number_tokens(tok)]
    return _value(" ".join(t.lower_ for t in words))


def _number_tokens(tok: Token) -> list[Token]:
    doc = tok.doc
    i = j = tok.i
    while i > tok.sent.start and _is_num_word(doc[i - 1]) and doc[i - 1].lower_ not in ("a", "an"):
        i -= 1
    while j + 1 < tok.sent.end and (_is_num_word(doc[j + 1]) or doc[j + 1].lower_ in ("-", "and")
                                    and j + 2 < tok.sent.end and _is_num_word(doc[j + 2])
                                    and doc[j + 1].lower_ == "-"):
        j += 1
    return [t for t in doc[i:j + 1] if t.lower_ != "-"]


def _is_num_word(t: Token) -> bool:
    w = t.lower_
    return bool(re.fullmatch(r"\d[\d,]*(?:\.\d+)?", w)) or w in _UNITS or w in _SCALES \
        or bool(re.fullmatch(r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)-\w+", w))


def _value(text: str) -> int | None:
    text = text.replace("-", " ").replace(",", "")
    total, current, seen = 0, 0, False
    for w in text.split():
        if re.fullmatch(r"\d+(?:\.\d+)?", w):
            current += float(w)
            seen = True
        elif w in _UNITS:
            current += _UNITS[w]
            seen = True
        elif w in _SCALES:
            current = (current or 1) * _SCALES[w]
            if _SCALES[w] >= 1000:
                total, current = total + current, 0
            seen = True
        elif w in ("a", "an", "and"):
            continue
        else:
            return None
    if not seen:
        return None
    return int(total + current)


def _is_excluded(tok: Token) -> bool:
    """Numbers that are not counts of people: dates, money, ages, ordinals, percentages."""
    if tok.ent_type_ in ("DATE", "TIME", "MONEY", "PERCENT", "ORDINAL", "QUANTITY"):
        return True
    nxt = tok.doc[tok.i + 1] if tok.i + 1 < len(tok.doc) else None
    if nxt is not None and (nxt.lower_ in ("%", "percent", "per", "year", "years", "-year", "km")
                            or nxt.text == "-" and tok.i + 2 < len(tok.doc)
                            and tok.doc[tok.i + 2].lower_ in ("year", "day", "month")):
        return True
    if re.fullmatch(r"(?:1[89]|20)\d\d", tok.text):
        return True
    return False


def _classify(num: Token) -> tuple[str, Token] | None:
    """("dead" | "injured", the cue token) for a count, or None when it counts neither."""
    noun = num.head if num.dep_ in ("nummod", "quantmod", "compound", "amod") else num
    if num.dep_ == "pobj" and num.head.lower_ == "of" and num.head.head.lower_ in ("dozen",):
        noun = num.head.head
    kind = _cue_of(noun)
    if kind:
        return kind
    doc = num.doc
    # "killing at least 17 soldiers" mis-parsed: a cue right before the number
    j = num.i - 1
    while j >= num.sent.start and doc[j].lower_ in _BOUND_WORDS:
        j -= 1
    if j >= num.sent.start:
        before = doc[j]
        if before.lemma_ in _DEATH_VERBS and before.pos_ == "VERB":
            return "dead", before
        if before.lemma_ in _INJURY_VERBS and before.pos_ == "VERB":
            return "injured", before
    # "12 killed and 30 wounded" parsed flat: a cue right after the number
    for t in doc[num.i + 1:min(num.i + 4, num.sent.end)]:
        if t.lemma_ in _DEATH_VERBS | _DIE_VERBS or t.lower_ in ("dead", "killed", "deaths"):
            return "dead", t
        if t.lemma_ in _INJURY_VERBS or t.lower_ in ("injured", "wounded", "injuries", "hurt"):
            return "injured", t
        if t.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM") and t.lower_ not in ("people",):
            break
    return None


def _cue_of(noun: Token) -> tuple[str, Token] | None:
    head = noun.head
    lemma = noun.lemma_.lower()
    if noun.lower_ in ("dead", "killed") or lemma in ("death", "fatality", "life", "body"):
        return "dead", noun
    if lemma in _INJURY_NOUNS or noun.lower_ in ("injured", "wounded"):
        return "injured", noun
    # a modifier on the noun: "12 people killed", "30 wounded civilians", "12 dead"
    for c in noun.children:
        if c.dep_ in ("acl", "amod", "relcl") and (c.lemma_ in _DEATH_VERBS or c.lower_ == "dead"):
            return "dead", c
        if c.dep_ in ("acl", "amod", "relcl") and (c.lemma_ in _INJURY_VERBS
                                                  or c.lower_ in ("injured", "wounded")):
            return "injured", c
    dep = noun.dep_
    if dep in ("dobj", "nsubjpass", "obj", "nsubj", "attr", "conj", "appos"):
        verb = head
        if dep == "conj":  # "killed 12 soldiers and 3 civilians": the first conjunct's verb
            while verb.dep_ == "conj" and verb.pos_ != "VERB":
                verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN", "NUM"):
                return _cue_of(verb)
        if verb.lemma_ in _DEATH_VERBS and dep in ("dobj", "nsubjpass", "obj", "conj"):
            if verb.lemma_ in ("shoot", "gun") and any(
                    c.dep_ == "conj" and (c.lemma_ in _INJURY_VERBS or c.lower_ in (
                        "injured", "wounded")) for c in verb.children):
                return "injured", verb  # "were shot and injured": hit, not killed
            return "dead", verb
        headline_passive = dep == "nsubj" and verb.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass") for c in verb.children)
        if headline_passive and verb.lemma_ in _DEATH_VERBS:
            return "dead", verb  # "Police officer killed in attack"
        if headline_passive and verb.lemma_ in _INJURY_VERBS:
            return "injured", verb
        if dep in ("dobj", "nsubjpass") and any(
                p.lower_ == "to" and any(c.lemma_ == "death" for c in p.children)
                for p in verb.children):
            return "dead", verb  # "tortured a 35-year-old inmate to death"
        if dep == "nsubjpass":
            # "was tortured and killed": the victim of the first verb is the second's too
            for c in verb.children:
                if c.dep_ == "conj" and c.lemma_ in _DEATH_VERBS:
                    return "dead", c
                if c.dep_ == "conj" and c.lemma_ in _INJURY_VERBS:
                    return "injured", c
        if verb.lemma_ in _DIE_VERBS and dep in ("nsubj", "conj"):
            return "dead", verb
        if verb.lemma_ in _INJURY_VERBS and dep in ("dobj", "nsubjpass", "obj", "conj"):
            return "injured", verb
        if verb.lemma_ in ("claim", "take", "cost", "lose") and lemma == "life":
            return "dead", verb
        # "left 12 dead", "12 were dead", "left 30 injured"
        for c in verb.children:
            if dep == "nsubj" and c.dep_ == "xcomp" and any(
                    g.dep_ in ("dobj", "obj") for g in c.children):
                continue  # "Al Shabaab claimed to have killed four": the subject is the killer
            if c.dep_ in ("oprd", "acomp", "ccomp", "xcomp", "advcl", "amod") and c.i != noun.i:
                if c.lower_ in ("dead", "killed"):
                    return "dead", c
                if c.lower_ in ("injured", "wounded", "hurt"):
                    return "injured", c
        for c in noun.children:
            if c.dep_ in ("oprd", "amod", "acomp") and c.lower_ == "dead":
                return "dead", c
        # "the death toll rose to 35", "the toll stands at 35"
    if dep == "pobj":
        prep = head
        gov = prep.head
        if prep.lower_ == "of" and (gov.lemma_ in ("death", "life", "killing", "body", "corpse")
                                    or gov.lower_ in ("deaths", "lives")):
            return "dead", gov
        if prep.lower_ == "of" and gov.lemma_ in ("injury",):
            return "injured", gov
        if prep.lower_ in ("to", "at", "of", "reached") or prep.lower_ == "by":
            tolls = [gov] + [c for c in gov.children if c.dep_ in ("nsubj", "nsubjpass")]
            for t in tolls:
                if t.lemma_ == "toll":
                    injured = any(c.lemma_ in ("injury", "injured", "wounded") for c in t.children)
                    return ("injured" if injured else "dead"), t
    if dep in ("dobj", "attr") and any(c.lemma_ == "toll" for c in head.children
                                       if c.dep_ in ("nsubj", "nsubjpass")):
        return "dead", head
    return None


def _singular_victim(tok: Token) -> tuple[str, Token] | None:
    """One victim: "a soldier was killed", "killed another Chechen", "Serkan Tumay has died"."""
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and tok.head.head.lemma_ in (
            "body", "corpse") and tok.tag_ in ("NN", "NNP") and any(
            c.lower_ in ("a", "an", "one") for c in tok.children):
        return "dead", tok.head.head  # "the body of a man was found"
    if tok.dep_ not in ("nsubj", "nsubjpass", "dobj", "conj"):
        return None
    if any(c.dep_ == "nummod" and _is_num_word(c) and c.lower_ != "one" or
           c.dep_ == "nummod" and c.lower_ == "one" for c in tok.children):
        return None  # "one Turkish soldier": the number itself is counted
    if tok.lower_ == "another" and tok.dep_ in ("dobj", "nsubjpass"):
        return _cue_of(tok)  # "killed one and wounded another"
    if tok.ent_type_ == "PERSON" and tok.pos_ == "PROPN":
        if tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].ent_type_ == "PERSON" \
                and tok.doc[tok.i + 1].ent_iob_ == "I":
            return None  # only the last word of a name stands for the person
        return _cue_of(tok)
    det = any(c.lower_ in ("a", "an", "one", "another", "the") and c.dep_ in ("det", "nummod")
              for c in tok.children)
    # a headline drops the article: "Iranian political prisoner died"
    bare = tok.dep_ in ("nsubj", "nsubjpass") and not any(
        c.dep_ in ("det", "poss", "nummod") for c in tok.children)
    if tok.tag_ not in ("NN", "NNP") or not (det or bare):
        return None
    if tok.lemma_.lower() not in PERSON_NOUNS and tok.ent_type_ != "NORP":
        return None
    return _cue_of(tok)


_ZERO = re.compile(r"\b(?:no one|nobody|none)\s+(?:was|were|had been|has been)\s+(?:killed|hurt|"
                   r"injured|wounded)(?:\s+(?:or|and)\s+(?:killed|hurt|injured|wounded))?|"
                   r"\bno (?:immediate )?(?:reports? of )?(?:deaths|casualties|fatalities|injuries)"
                   r"(?:\s+(?:or|nor|and)\s+(?:deaths|casualties|fatalities|injuries))?")
_NOT_COUNT_BEFORE = {"no", "any", "every", "some", "each", "the", "this", "that", "which",
                     "another", "no-", "anyone"}


def casualties(sent_span: Span, trigger: int | Token | None = None
               ) -> tuple[int | None, int | None]:
    """(fatalities, injured) stated in a sentence; None where not stated (see module doc).

    Args:
        trigger: the event's trigger (token or index). When given, counts told
            of another event are left out: "condemned the attack, which killed
            nine" gives no fatalities to the condemnation (see ``syntax.reach``).
    """
    if isinstance(trigger, int):
        trigger = sent_span.doc[trigger]
    text = sent_span.text.lower()
    dead: dict[int, int] = {}
    injured: dict[int, int] = {}
    for m in _ZERO.finditer(text):
        words = m.group()
        if re.search(r"kill|death|dead|die|casualt|fatal", words):
            dead[-1] = 0
        if re.search(r"hurt|injur|wound|casualt", words):
            injured[-1] = 0
    seen: set[int] = set()
    for tok in sent_span:
        if tok.i in seen:
            continue
        if _is_num_word(tok) and not _is_excluded(tok) and not (
                tok.lower_ == "one" and tok.i > 0
                and tok.doc[tok.i - 1].lower_ in _NOT_COUNT_BEFORE):
            group = _number_tokens(tok)
            seen.update(t.i for t in group)
            if group and group[0].i > 0 and tok.doc[group[0].i - 1].lower_ == "from" \
                    and tok.doc[group[0].i - 2].lemma_ in ("rise", "climb", "jump", "increase"):
                continue
            value = _value(" ".join(t.lower_ for t in group))
            if value is None:
                continue
            head_num = max(group, key=lambda t: t.dep_ in ("nummod", "dobj", "nsubj", "nsubjpass",
                                                           "pobj", "conj", "attr"))
            found = _classify(head_num)
        elif tok.lower_ in _VAGUE:
            continue
        else:
            found = _singular_victim(tok)
            value = 1
        if not found:
            continue
        kind, cue = found
        if trigger is not None and cue.i != trigger.i and reach(
                cue, trigger, speech_frame=False, casualty=True) is None:
            continue
        bucket = dead if kind == "dead" else injured
        bucket[cue.i] = bucket.get(cue.i, 0) + value
    return (max(dead.values()) if dead else None, max(injured.values()) if injured else None)


_WORD_NUMBERS = {"no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12}
_CODED = re.compile(r"\bfatalit(?:y|ies)\s+(?:were\s+|was\s+|are\s+|is\s+)?coded\s+as\s+"
                    r"(\d+|" + "|".join(_WORD_NUMBERS) + r")\b", re.IGNORECASE)
_CLOSING = re.compile(r"(?:^|[.;:]\s+|\]\s*)(\d+|" + "|".join(_WORD_NUMBERS) +
                      r")\s+(?:reported\s+)?fatalit(?:y|ies)\s*(?:\.|$|\(|\[|;)",
                      re.IGNORECASE)
_NONE_AT_ALL = re.compile(r"\b(?:no|without)\s+(?:reported\s+)?(?:injuries|casualties)\s+"
                          r"(?:or|nor|and)\s+(?:fatalities|deaths)\b|\bno\s+(?:reported\s+)?"
                          r"(?:fatalities|deaths)\s+(?:or|nor|and)\s+(?:injuries)\b",
                          re.IGNORECASE)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_NUMBERS[word.lower()]


def note_toll(text: str) -> int | None:
    """The toll a report states for itself, as ACLED's analysts write it; None when it
    states none ("killing and wounding an unknown number" states none)."""
    m = _CODED.search(text)
    if m:
        return _count(m.group(1))
    found = [_count(m.group(1)) for m in _CLOSING.finditer(text)]
    if found:
        return found[-1]
    if _NONE_AT_ALL.search(text):
        return 0
    return None


def note_deaths(doc) -> int | None:
    """The deaths a text of one paragraph states, its sentences added up (each
    sentence's count as ``casualties`` reads it with no trigger); None when it states
    none or is longer than one paragraph."""
    if not len(doc) or not same_paragraph(doc, 0, len(doc) - 1):
        return None
    counts = [dead for dead, _ in (casualties(sent) for sent in doc.sents) if dead is not None]
    return sum(counts) if counts else None
