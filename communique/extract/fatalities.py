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
  "killed the commander", "Serkan Tumay has died", "a drug suspect was
  killed", "shot dead a regime's fighter", "he died in custody", "resulting in
  his death"; "killing a woman and her son" is 2.
- A shooting kills only when it says so (``_shot``): "shot dead", "shot and
  killed", "shot to death", "was shot and died"; "were shot" alone is neither
  dead nor injured. "Stabbed to death" and "fatally assaulted" kill; "tried to
  kill" does not.
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
have killed four soldiers in the attack"); a victim a later sentence tells of
again ("the victim", "the two fatalities", "he", "his death") counts once.

A note's own toll (``note_toll``): analysts close a report with the count
they code for its event: "1 fatality.", "2 fatalities", "Fatalities coded as
4 (including the suicide bomber)", "Unknown fatalities coded as 10",
"resulting in no injuries or fatalities" (0), "No casualties reported." (0),
"1 fatality and 1 injured."; where the note spreads a toll over several events
("Fatalities split between 2 events", "coded as 10 and spread across three
locations"), the event's share (``note_share``, rounded up), unless the analyst
states the share ("split across 2 events (3)"). It overrides what the
sentences add up to, for the report's main event (see ``pipeline``).
"""

from __future__ import annotations

import re

from spacy.tokens import Span, Token

from communique.extract.syntax import reach, same_paragraph
from communique.word_lists import word_list

__all__ = ["PERSON_NOUNS", "casualties", "note_deaths", "note_share", "note_toll", "number_value"]

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

_DEATH_VERBS = word_list("death_verbs")
_DIE_VERBS = word_list("die_verbs")
_KILL_VERBS = _DEATH_VERBS - {"shoot", "gun"}  # a shooting kills only when it says so: _shot
_INJURY_VERBS = word_list("injury_verbs")
_INJURY_NOUNS = word_list("injury_nouns")
PERSON_NOUNS = word_list("victim_nouns")


_MONTHS = {"january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
           "sep", "sept", "oct", "nov", "dec"}
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
    # the day of a date the model's DATE span missed: "Around 9 May 2020", "May 9"
    prev = tok.doc[tok.i - 1] if tok.i else None
    if tok.text.isdigit() and int(tok.text) <= 31 and (
            nxt is not None and nxt.lower_.rstrip(".") in _MONTHS
            or prev is not None and prev.lower_.rstrip(".") in _MONTHS and prev.text[:1].isupper()):
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
            if before.lemma_ in ("shoot", "gun"):
                kind = _shot(before)
                return (kind, before) if kind else None
            return "dead", before
        if before.lemma_ in _INJURY_VERBS and before.pos_ == "VERB":
            return "injured", before
    # "12 killed and 30 wounded" parsed flat: a cue right after the number
    for t in doc[num.i + 1:min(num.i + 4, num.sent.end)]:
        if t.lemma_ in _KILL_VERBS | _DIE_VERBS or t.lower_ in ("dead", "killed", "deaths"):
            return "dead", t
        if t.lemma_ in _INJURY_VERBS or t.lower_ in ("injured", "wounded", "injuries", "hurt"):
            return "injured", t
        if t.pos_ not in ("NOUN", "ADJ", "PROPN", "NUM") and t.lower_ not in ("people",):
            break
    return None


_TRY_VERBS = word_list("try_verbs")


def _role(noun: Token) -> tuple[str, Token]:
    """The noun's dependency and head, with one parser slip undone: in "On 5 May 2020, in
    Biguacu, Santa Catarina, a drug trafficker was killed" the subject hangs as an
    apposition of the place; it is the subject of the passive main verb that has none."""
    if noun.dep_ == "appos" and noun.head.pos_ == "PROPN" and noun.pos_ == "NOUN":
        root = noun.sent.root
        # the place (or the opening date) may have taken the subject's slot
        if root.i > noun.i and any(c.dep_ == "auxpass" for c in root.children) and not any(
                c.dep_ in ("nsubj", "nsubjpass") and c.ent_type_ != "DATE"
                and noun not in c.subtree for c in root.children):
            return "nsubjpass", root
    return noun.dep_, noun.head


def _fatal(verb: Token) -> bool:
    """A deed told as fatal: "tortured to death", "stabbed to death", "fatally assaulted"."""
    return any(p.lower_ == "to" and any(c.lemma_ == "death" for c in p.children)
               or p.lower_ == "fatally" for p in verb.children)


def _shot(verb: Token) -> str | None:
    """What a shooting did to its victim: "dead" for "shot dead", "shot and killed", "shot
    to death", "fatally shot", "gunned down"; "injured" for "shot and injured"; None for
    "were shot" alone (hit, fate untold)."""
    for c in verb.children:
        if c.lower_ in ("dead", "fatally") or verb.lemma_ == "gun" and c.lower_ == "down":
            return "dead"
        if c.dep_ == "prep" and c.lower_ == "to" and any(g.lemma_ == "death" for g in c.children):
            return "dead"
    conj = [c for c in verb.children if c.dep_ == "conj"
            and not any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children)]
    if any(c.lemma_ in _KILL_VERBS | _DIE_VERBS or c.lower_ in ("dead", "killed") for c in conj):
        return "dead"
    if any(c.lemma_ in _INJURY_VERBS or c.lower_ in ("injured", "wounded") for c in conj):
        return "injured"
    return None


def _cue_of(noun: Token) -> tuple[str, Token] | None:
    head = noun.head
    lemma = noun.lemma_.lower()
    if noun.lower_ in ("dead", "killed", "corpses") or lemma in ("death", "fatality", "life", "body",
                                                                 "corpse"):
        return "dead", noun
    if lemma in _INJURY_NOUNS or noun.lower_ in ("injured", "wounded"):
        return "injured", noun
    # a modifier on the noun: "12 people killed", "30 wounded civilians", "12 dead"
    for c in noun.children:
        if c.dep_ in ("acl", "amod", "relcl") and (c.lemma_ in _KILL_VERBS or c.lower_ == "dead"
                                                   or c.lemma_ in ("shoot", "gun") and _shot(c) == "dead"):
            return "dead", c
        if c.dep_ in ("acl", "amod", "relcl") and (c.lemma_ in _INJURY_VERBS
                                                  or c.lower_ in ("injured", "wounded")):
            return "injured", c
    dep, head = _role(noun)
    if dep in ("dobj", "nsubjpass", "obj", "nsubj", "attr", "conj", "appos"):
        verb = head
        if verb.dep_ == "xcomp" and verb.head.lemma_ in _TRY_VERBS:
            return None  # "attempted to kill a murder suspect": no one died
        if dep == "conj":  # "killed 12 soldiers and 3 civilians": the first conjunct's verb
            while verb.dep_ == "conj" and verb.pos_ != "VERB":
                verb = verb.head
            if verb.pos_ in ("NOUN", "PROPN", "NUM"):
                return _cue_of(verb)
        if verb.lemma_ in _DEATH_VERBS and dep in ("dobj", "nsubjpass", "obj", "conj"):
            if verb.lemma_ in ("shoot", "gun"):
                kind = _shot(verb)
                return (kind, verb) if kind else None
            return "dead", verb
        headline_passive = dep == "nsubj" and verb.tag_ == "VBN" and not any(
            c.dep_ in ("aux", "auxpass", "dobj") for c in verb.children)
        if headline_passive and (verb.lemma_ in _KILL_VERBS or _shot(verb) == "dead"):
            return "dead", verb  # "Police officer killed in attack"
        if headline_passive and verb.lemma_ in _INJURY_VERBS:
            return "injured", verb
        if dep in ("dobj", "nsubjpass") and _fatal(verb):
            return "dead", verb  # "tortured a 35-year-old inmate to death", "fatally assaulted"
        if dep == "nsubjpass":
            # "was tortured and killed", "was shot and died", "was abducted ... and stabbed
            # to death": the victim of the first verb is the second's too
            for c in verb.children:
                if any(g.dep_ in ("nsubj", "nsubjpass") for g in c.children):
                    continue  # "3 were injured and 1 person died": another subject
                if c.dep_ == "conj" and (c.lemma_ in _KILL_VERBS or c.lemma_ in _DIE_VERBS
                                         or _fatal(c)):
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
                                    or gov.lower_ == "corpses"
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
    if tok.dep_ == "pobj" and tok.head.lower_ == "of" and (
            tok.head.head.lemma_ in ("body", "corpse") or tok.head.head.lower_ == "corpse") \
            and tok.tag_ in ("NN", "NNP") and any(c.lower_ in ("a", "an", "one") for c in tok.children):
        return "dead", tok.head.head  # "the body of a man was found"
    if tok.lemma_ == "death" and tok.tag_ == "NN" and any(
            c.dep_ == "poss" and c.lower_ in ("his", "her") for c in tok.children):
        return "dead", tok  # "shot a civilian, resulting in his death"
    if tok.lower_ in ("body", "corpse") and _role(tok)[0] in ("nsubjpass", "dobj") and any(
            c.lower_ in ("a", "an", "one") or c.dep_ == "poss" for c in tok.children):
        return "dead", tok  # "a female body was found", "his corpse was found"
    if _role(tok)[0] not in ("nsubj", "nsubjpass", "dobj", "conj"):
        return None
    if tok.lower_ in ("he", "she", "him") and tok.tag_ == "PRP":
        return _cue_of(tok)  # "he died as a result of the torture"
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
    # "a soldier", "the victim", "his bodyguard", "her son", "a regime's fighter"
    det = any(c.lower_ in ("a", "an", "one", "another", "the") and c.dep_ in ("det", "nummod")
              or c.dep_ == "poss" for c in tok.children)
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
    return _tally(_counts(sent_span, trigger))


def _tally(counts: list[tuple[str, int, int, Token]]) -> tuple[int | None, int | None]:
    """Counts on one cue add up; of several cues the largest wins."""
    dead: dict[int, int] = {}
    injured: dict[int, int] = {}
    for kind, cue, value, _ in counts:
        bucket = dead if kind == "dead" else injured
        bucket[cue] = bucket.get(cue, 0) + value
    return (max(dead.values()) if dead else None, max(injured.values()) if injured else None)


def _counts(sent_span: Span, trigger: int | Token | None = None
            ) -> list[tuple[str, int, int, Token]]:
    """Each count of a sentence: (kind, index of its cue, value, the counted word); a
    stated zero has cue -1 and the sentence's first token for word."""
    if isinstance(trigger, int):
        trigger = sent_span.doc[trigger]
    text = sent_span.text.lower()
    out = []
    first = sent_span[0]
    for m in _ZERO.finditer(text):
        words = m.group()
        if re.search(r"kill|death|dead|die|casualt|fatal", words):
            out.append(("dead", -1, 0, first))
        if re.search(r"hurt|injur|wound|casualt", words):
            out.append(("injured", -1, 0, first))
    seen: set[int] = set()
    for tok in sent_span:
        if tok.i in seen:
            continue
        counted = tok
        if _is_num_word(tok) and not _is_excluded(tok) and not (
                tok.lower_ == "one" and tok.i > 0
                and tok.doc[tok.i - 1].lower_ in _NOT_COUNT_BEFORE
                and not (tok.dep_ == "nummod" and tok.head.i > tok.i)):  # "in which one soldier"
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
            counted = head_num.head if head_num.dep_ == "nummod" else head_num
        elif tok.lower_ in _VAGUE:
            continue
        elif tok.lower_ == "both" and tok.dep_ in ("det", "predet") and tok.head.tag_ == "NNS":
            counted = tok.head  # "Both victims died"
            found = _cue_of(counted) if counted.lemma_.lower() in PERSON_NOUNS | {"people"} else None
            value = 2
        else:
            found = _singular_victim(tok)
            value = 1
        if not found:
            continue
        kind, cue = found
        if trigger is not None and cue.i != trigger.i and reach(
                cue, trigger, speech_frame=False, casualty=True) is None:
            continue
        out.append((kind, cue.i, value, counted))
    return out


def _told_before(word: Token) -> bool:
    """A count that names victims told of before: "the victim", "the two fatalities",
    "the man" (not "the other man")."""
    if word.lemma_ == "death" and any(c.dep_ == "poss" and c.tag_ == "PRP$" for c in word.children):
        return True  # "The motive behind his death was ..."
    if word.tag_ == "PRP" or any(c.lower_ == "both" for c in word.children):
        return True  # "he died in hospital", "both victims died"
    if word.lower_ in ("body", "corpse") and any(c.dep_ == "poss" for c in word.children):
        return True  # "his body was found" after "a man was killed"
    return any(c.dep_ == "det" and c.lower_ == "the" for c in word.children) and not any(
        c.lower_ in ("other", "another", "third", "second") for c in word.children)


_WORD_NUMBERS = {"no": 0, "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5,
                 "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11,
                 "twelve": 12}
_N = r"(\d+|" + "|".join(_WORD_NUMBERS) + r")"
_START = r"(?:^|[.;:]\s+|\]\s*)"
_CODED = re.compile(r"\bfatalit(?:y|ies)(?:\s+and\s+injuries)?\s+(?:were\s+|was\s+|are\s+|is\s+)?"
                    r"coded\s+as\s+" + _N + r"\b", re.IGNORECASE)
# "1 fatality.", "2 fatalities and 1 injured.", "1 fatality, 2 injured", "Six fatalities
# reported.", "1 killed. [size=no report]"
_CLOSING = re.compile(_START + _N + r"\s+(?:reported\s+)?(?:fatalit(?:y|ies)|killed)"
                      r"(?:\s+reported)?(?:(?:,|\s+and)\s+(?:\d+|" + "|".join(_WORD_NUMBERS) +
                      r")\s+(?:injured|injuries|wounded))?\s*(?:\.|$|\(|\[|;|(?:split|spread)\b)",
                      re.IGNORECASE)
# "... of torture 2 fatalities" (the full stop left out) at the very end of a note
_CLOSING_BARE = re.compile(r"\s" + _N + r"\s+fatalit(?:y|ies)\s*$", re.IGNORECASE)
# a share the analyst states for this one event: "Fatalities are split across 2 events
# (3).", "fatalities reported as half, rounded down to 3"
_SHARE = re.compile(r"\bfatalit(?:y|ies)\b[^.]*?\b(?:split|spread)(?:\s+up)?\s+(?:between|across|"
                    r"among|over)\s+" + _N + r"\s+(?:events|locations)\s*\((\d+)\)|"
                    r"\bfatalit(?:y|ies)\b[^.]*?\brounded\s+(?:down|up)\s+to\s+(\d+)",
                    re.IGNORECASE)
# a toll spread over several events: "Fatalities split between 2 events", "coded as 10 and
# spread across three locations", "split up between 3 events", "[1 fatality split among 12
# events]", "spread across three locations in two days"
_SPLIT = re.compile(r"\bfatalit(?:y|ies)\b[^.]*?\b(?:split|spread|coded)(?:\s+up)?\s+(?:between|"
                    r"across|among|over)\s+" + _N + r"\s+(?:separate\s+)?(?:events|locations)"
                    r"(?:\s+(?:in|over)\s+" + _N + r"\s+days)?", re.IGNORECASE)
# none at all: "resulting in no injuries or fatalities", "No casualties reported.",
# "Neither injuries nor fatalities were reported.", "No people were reported injured or
# killed.", "Source reported that there were no fatalities"; a statement about injuries
# alone ("No injuries were reported.") says nothing of deaths
_NONE_AT_ALL = re.compile(
    r"\b(?:no|without|neither)\s+(?:reported\s+)?(?:injuries|casualties|fatalities|deaths)"
    r"(?:\s+(?:or|nor|and|and/or)\s+(?:injuries|casualties|fatalities|deaths))?"
    r"(?:\s+(?:were|was|have\s+been|had\s+been))?(?:\s+(?:reported|recorded))?\s*(?:[.;,]|$)|"
    r"\b(?:no|without)\s+(?:reported\s+)?(?:injuries|casualties)\s+(?:or|nor|and)\s+"
    r"(?:fatalities|deaths)\b|\bno\s+(?:reported\s+)?(?:fatalities|deaths)\s+(?:or|nor|and)\s+"
    r"(?:injuries)\b|\bno\s+(?:one|people)\s+(?:was|were)\s+reported\s+(?:injured\s+or\s+)?"
    r"(?:killed|dead)\b|\bthere\s+were\s+no\s+(?:fatalities|casualties|deaths)\b",
    re.IGNORECASE)


def _count(word: str) -> int:
    return int(word) if word.isdigit() else _WORD_NUMBERS[word.lower()]


def note_toll(text: str) -> int | None:
    """The toll a report states for itself, as ACLED's analysts write it; None when it
    states none ("killing and wounding an unknown number" states none).

    A stated share wins ("Fatalities are split across 2 events (3)." -> 3); else the coded
    or closing count ("Fatalities coded as 10", "1 fatality and 1 injured."), this event's
    share of it where the note spreads it over several events (:func:`note_share`); else 0
    where the note says there were none ("No casualties reported.")."""
    m = _SHARE.search(text)
    if m:
        return int(m.group(2) or m.group(3))
    m = _CODED.search(text)
    if m:
        return note_share(_count(m.group(1)), text)
    found = [_count(m.group(1)) for m in _CLOSING.finditer(text)]
    found += [_count(m.group(1)) for m in _CLOSING_BARE.finditer(text)]
    if found:
        return note_share(found[-1], text)
    if any(re.search(r"fatalit|death|casualt|killed|dead", m.group(), re.IGNORECASE)
           for m in _NONE_AT_ALL.finditer(text)):
        return 0
    return None


def note_share(total: int, text: str) -> int:
    """One event's share of a toll the note spreads over several events ("Fatalities split
    between 2 events", "coded as 10 and spread across three locations in two days"): the
    total over the events, rounded up (an event of a spread toll has at least one death);
    the total itself where the note spreads nothing."""
    m = _SPLIT.search(text)
    if not m or not total:
        return total
    parts = _count(m.group(1)) * (_count(m.group(2)) if m.group(2) else 1)
    return -(-total // parts) if parts > 1 else total


def note_deaths(doc) -> int | None:
    """The deaths a text of one paragraph states, its sentences added up (each
    sentence's count as ``casualties`` reads it with no trigger); None when it states
    none or is longer than one paragraph."""
    if not len(doc) or not same_paragraph(doc, 0, len(doc) - 1):
        return None
    total = None
    for sent in doc.sents:
        counts = _counts(sent)
        if total is not None:  # a later sentence's "the victim died" is the same victim
            counts = [c for c in counts if not _told_before(c[3])]
        dead, _ = _tally(counts)
        if dead is not None:
            total = (total or 0) + dead
    return total
