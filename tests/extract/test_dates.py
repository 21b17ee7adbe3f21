"""Dates: each form resolved against the publication date, traps included."""

from __future__ import annotations

import pytest

from communique.extract.dates import date_for, find_dates, find_dateline, is_historical, resolve

PUB = "2022-10-03"  # a Monday


def _event_date(nlp, text, published=PUB, trigger=None):
    doc = nlp(text)
    hits = find_dates(doc, published)
    sent = next(iter(doc.sents))
    tok = sent.root.i if trigger is None else next(t.i for t in doc if t.text == trigger)
    return date_for(doc, tok, hits, published)


@pytest.mark.parametrize("text,trigger,expected", [
    ("The minister made the remarks in a telephone call on Sunday evening.", "made",
     ("2022-10-02", "on Sunday evening", "day")),
    ("Rebels attacked the base last Friday.", "attacked", ("2022-09-30", "last Friday", "day")),
    ("Fighting escalated last month along the border.", "escalated",
     ("2022-09-01", "last month", "month")),
    ("The war ended in November 2020.", "ended", ("2020-11-01", "in November 2020", "month")),
    ("The two leaders met on 3 March.", "met", ("2022-03-03", "on 3 March", "day")),
    ("Police arrested 40 protesters yesterday.", "arrested", ("2022-10-02", "yesterday", "day")),
    ("Troops withdrew from the town in 2019.", "withdrew", ("2019-01-01", "in 2019", "year")),
    ("The talks were held on March 3, 2021 in Vienna.", "held",
     ("2021-03-03", "on March 3, 2021", "day")),
    ("Protesters gathered in the capital two days ago.", "gathered",
     ("2022-10-01", "two days ago", "day")),
    ("The government collapsed in the 1990s.", "collapsed", ("1990-01-01", "in the 1990s", "range")),
    ("The foreign ministers spoke by phone.", "spoke", (PUB, None, "unknown")),
])
def test_date_forms(nlp, text, trigger, expected):
    assert _event_date(nlp, text, trigger=trigger) == expected


def test_earlier_this_week_is_a_range(nlp):
    doc = nlp("Officials met earlier this week to discuss the ceasefire.")
    hits = find_dates(doc, "2022-10-06")  # a Thursday
    hit = next(h for h in hits if "week" in h.text)
    assert (hit.date, hit.end_date, hit.precision) == ("2022-10-03", "2022-10-06", "range")


def test_dateline_date(nlp):
    text = "KABUL, May 3 (Reuters) - Taliban fighters attacked a police checkpoint."
    doc = nlp(text)
    hits = find_dates(doc, "2021-05-03")
    assert any(h.kind == "dateline" and h.date == "2021-05-03" for h in hits)
    dl = find_dateline(text)
    assert dl.place == "KABUL" and dl.date_text == "May 3"
    # the event has no date of its own: it takes the dateline date
    assert date_for(doc, next(t.i for t in doc if t.text == "attacked"), hits,
                    "2021-05-04") == ("2021-05-03", None, "unknown")


def test_duration_that_ended_is_a_range_ending_then(nlp):
    text = ("This was the most recent confrontation since a 44-day war over the region "
            "that ended in November 2020 and claimed hundreds of lives.")
    doc = nlp(text)
    hits = find_dates(doc, PUB)
    war = next(t.i for t in doc if t.text == "war")
    date, date_text, precision = date_for(doc, war, hits, PUB)
    hit = next(h for h in hits if h.text == date_text)
    assert precision == "range" and hit.end_date == "2020-11-30"
    assert date == "2020-09-18"  # 44 days before the first day the war could have ended


def test_seed_dates(nlp, seed_text):
    doc = nlp(seed_text)
    hits = find_dates(doc, PUB)
    by_text = {h.text: h for h in hits}
    assert by_text["on Sunday evening"].date == "2022-10-02"
    assert (by_text["last month"].date, by_text["last month"].precision) == ("2022-09-01", "month")
    assert not any("3+3" in h.text for h in hits)


@pytest.mark.parametrize("text", [
    "Iran backs the 3+3 mechanism of regional cooperation.",
    "Theresa May met the Irish prime minister.",
    "May said the talks would go on.",
    "The 40-year-old man was arrested.",
])
def test_not_dates(nlp, text):
    doc = nlp(text)
    assert [h for h in find_dates(doc, PUB) if h.kind == "date" and h.date] == []


def test_may_the_month(nlp):
    doc = nlp("Elections were held in May.")
    hits = find_dates(doc, PUB)
    assert [(h.date, h.precision) for h in hits] == [("2022-05-01", "month")]


@pytest.mark.parametrize("published,expected", [
    ("2022-10-03", "2022-10-02"),  # Monday -> the day before
    ("2022-10-02", "2022-10-02"),  # Sunday itself
    ("2022-10-01", "2022-09-25"),  # Saturday -> last week's Sunday, never tomorrow
])
def test_sunday_never_in_the_future(nlp, published, expected):
    doc = nlp("The minister spoke on Sunday.")
    hits = find_dates(doc, published)
    assert hits[0].date == expected


def test_future_clause_looks_forward(nlp):
    doc = nlp("The ministers will meet on Sunday.")
    assert find_dates(doc, PUB)[0].date == "2022-10-09"


def test_without_publication_only_absolute_dates_resolve(nlp):
    doc = nlp("Clashes broke out on Sunday, two years after the war ended in November 2020.")
    hits = {h.text: h for h in find_dates(doc, None)}
    assert hits["on Sunday"].date is None
    assert hits["in November 2020"].date == "2020-11-01"
    clashes = next(t.i for t in doc if t.text == "broke")
    assert date_for(doc, clashes, list(hits.values()), None) == (None, "on Sunday", "unknown")
    assert date_for(nlp("Nothing dated here."), 0, [], None) == (None, None, "unknown")


@pytest.mark.parametrize("text,expected", [
    ("last week", ("2022-09-26", "range", "2022-10-02")),
    ("this month", ("2022-10-01", "month", None)),
    ("last year", ("2021-01-01", "year", None)),
    ("earlier this year", ("2022-01-01", "range", "2022-10-03")),
    ("in recent days", ("2022-09-26", "range", "2022-10-03")),
    ("the weekend", ("2022-10-01", "range", "2022-10-02")),
    ("mid-2020", ("2020-01-01", "year", None)),
    ("in December", ("2021-12-01", "month", None)),
])
def test_resolve_relative(text, expected):
    import datetime as dt

    d, p, e = resolve(text, dt.date(2022, 10, 3))
    assert (d.isoformat(), p, e.isoformat() if e else None) == expected


@pytest.mark.parametrize("date,end,precision,published,expected", [
    ("2020-01-01", None, "year", "2022-10-03", True),
    ("2020-09-18", "2020-11-30", "range", "2022-10-03", True),
    ("2022-09-01", None, "month", "2022-10-03", False),
    ("2022-10-02", None, "day", "2022-10-03", False),
    ("2022-10-03", None, "unknown", "2022-10-03", False),
])
def test_is_historical(date, end, precision, published, expected):
    assert is_historical(date, end, published, precision) is expected


@pytest.mark.parametrize("text,trigger,expected", [
    # another event's date does not date this one
    ("Venezuela freed activists who were jailed during protests in 2014.", "freed",
     (PUB, None, "unknown")),
    ("Kasich surged after he won second place in the primary last month.", "surged",
     (PUB, None, "unknown")),
    ("Tillerson joined Zarif for a meeting on the 2015 deal.", "joined", (PUB, None, "unknown")),
    ("The ministry issued a warning after last Sunday's bombings.", "issued",
     (PUB, None, "unknown")),
    ("On that same day, the council issued a statement on the December vote.", "issued",
     (PUB, None, "unknown")),
    ("The Taliban threatened to attack troops that remain after May 1.", "threatened",
     (PUB, None, "unknown")),
    # a date on the speech verb dates the saying, not the reported event
    ("Gilani said on Monday that he had rejected the request.", "rejected",
     (PUB, None, "unknown")),
    ("Gilani said on Monday that he had rejected the request.", "said",
     ("2022-10-03", "on Monday", "day")),
    # but a killing dates by the attack that caused it
    ("At least 26 people were killed yesterday when a car bomb struck a bus.", "killed",
     ("2022-10-02", "yesterday", "day")),
    ("On 21 June Mexican authorities announced the arrest of 26 gang members.", "announced",
     ("2022-06-21", "On 21 June", "day")),
    ("During a May interview, Trump said he won every debate.", "said",
     ("2022-05-01", "May", "month")),
    ("On the 13th, Boko Haram attacked a military base.", "attacked",
     ("2022-09-13", "On the 13th", "day")),
    ("Boko Haram has killed 81 people since April.", "killed",
     ("2022-04-01", "since April", "range")),
])
def test_the_governing_expression(nlp, text, trigger, expected):
    assert _event_date(nlp, text, trigger=trigger) == expected


def test_progressive_plan_looks_forward(nlp):
    doc = nlp("Macron is hosting a climate summit in Paris on Tuesday.")
    assert find_dates(doc, PUB)[0].date == "2022-10-04"


def test_a_show_called_today_is_no_date(nlp):
    doc = nlp("Trump told NBC's \u201cToday\u201d on Monday.")
    assert [h.text for h in find_dates(doc, PUB)] == ["on Monday"]


def test_garbage_publication_date_is_no_date(nlp):
    doc = nlp("They met.")
    assert date_for(doc, 1, find_dates(doc, "soon"), "soon") == (None, None, "unknown")


@pytest.mark.parametrize("text,published,expected", [
    # a present-tense clause takes the nearest year, a past one the year before
    ("Florida votes on March 15.", "2016-02-17", "2016-03-15"),
    ("Florida voted on March 15.", "2016-02-17", "2015-03-15"),
    # "the past week" is the seven days up to publication, "last week" the calendar week
    ("Prices rose over the past week.", "2015-11-08", "2015-11-01"),
    ("Prices rose last week.", "2015-11-08", "2015-10-26"),
])
def test_year_and_week_choices(nlp, text, published, expected):
    hits = [h for h in find_dates(nlp(text), published) if h.kind == "date"]
    assert hits[0].date == expected


@pytest.mark.parametrize("text", [
    "She watched Saturday Night Live.",
    "He appeared on ABC's This Week with George Stephanopoulos.",
    "It was the 44th day of the strike.",
])
def test_titles_and_ordinals_are_not_dates(nlp, text):
    assert [h for h in find_dates(nlp(text), PUB) if h.date] == []


@pytest.mark.parametrize("text,expected", [
    ("The army launched a two-week offensive that began on Monday.",
     ("2022-10-03", "range", "2022-10-17")),
    ("A three-day summit that ended on Friday produced no deal.",
     ("2022-09-27", "range", "2022-09-30")),
])
def test_durations_anchor_at_either_end(nlp, text, expected):
    hits = [h for h in find_dates(nlp(text), "2022-10-06") if h.kind == "date"]
    assert (hits[0].date, hits[0].precision, hits[0].end_date) == expected
