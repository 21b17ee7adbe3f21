"""Quote extraction on real sentences: each row a text and the quotes it must give."""

from __future__ import annotations

import pytest

from communique.extract.quotes import QuoteHit, find_quotes, quote_spans, speech_verbs

# (text, [(kind, content, cue, speaker mention)]); an empty list: no quote at all.
CASES = [
    # direct, speaker after
    ('"We regard the regional security to be a contiguous category," he noted.',
     [("direct", "We regard the regional security to be a contiguous category,", "noted", "he")]),
    # curly marks, speaker before, colon
    ("The minister told reporters: “Our forces will stay in the region until the threat is gone.”",
     [("direct", "Our forces will stay in the region until the threat is gone.", "told",
       "The minister")]),
    # speaker before, comma
    ('The Iranian official said, "We declare our opposition to any deployment of foreign forces '
     'in the region."',
     [("direct", "We declare our opposition to any deployment of foreign forces in the region.",
       "said", "The Iranian official")]),
    # multi-sentence, inverted cue
    ("“This is in their heads. This is in their consciousness,” said Caddell, speaking of the issue.",
     [("direct", "This is in their heads. This is in their consciousness,", "said", "Caddell")]),
    # interrupted: two parts, one cue, one speaker
    ('"We declare," he said, "our opposition to any deployment of foreign forces in the region."',
     [("direct", "We declare,", "said", "he"),
      ("direct", "our opposition to any deployment of foreign forces in the region.", "said", "he")]),
    # paragraphs: open quote at each paragraph, cue before a colon
    ('Caddell continued:\n\n"The health issue overall is very much a partisan issue.\n\n'
     '"Rasmussen has a similar question: forty-three, yes; forty-six, no."\n',
     [("direct", 'The health issue overall is very much a partisan issue.\n\n"Rasmussen has a '
       'similar question: forty-three, yes; forty-six, no.', "continued", "Caddell")]),
    # nested quote stays inside its outer quote
    ('"The question was, \'Do you think her health concerns affect her ability to serve?\' and '
     'most said yes," Caddell said.',
     [("direct", "The question was, 'Do you think her health concerns affect her ability to "
       "serve?' and most said yes,", "said", "Caddell")]),
    # doubled apostrophes as quotation marks (wire copy)
    ("''I would have been all in,'' Mr. Regalado, the Republican mayor of Miami, said.",
     [("direct", "I would have been all in,", "said", "Mr. Regalado")]),
    ('The general warned, "Any attack on our territory will be met with force."',
     [("direct", "Any attack on our territory will be met with force.", "warned", "The general")]),
    # "adding": the speaker is the subject of the governing "said"
    ('"We give importance and respect to these relationships," Bayramov said, adding, "Sustained '
     "direct communication revealed the depth of the nations' relations.\"",
     [("direct", "We give importance and respect to these relationships,", "said", "Bayramov"),
      ("direct", "Sustained direct communication revealed the depth of the nations' relations.",
       "adding", "Bayramov")]),
    # a quoted sentence continuing an attributed one inherits cue and speaker
    ('"I don\'t think anybody has ever seen this," Lewandowski said. "I think it is the job of '
     'the FBI to do the research."',
     [("direct", "I don't think anybody has ever seen this,", "said", "Lewandowski"),
      ("direct", "I think it is the job of the FBI to do the research.", "said", "Lewandowski")]),
    # a name and a colon (debate transcripts)
    ('Clinton: "Our goal is not to deter or contain ISIS, but to defeat and destroy ISIS." '
     'Bush: "The mission is to destroy ISIS -- not to contain it."',
     [("direct", "Our goal is not to deter or contain ISIS, but to defeat and destroy ISIS.", ":",
       "Clinton"),
      ("direct", "The mission is to destroy ISIS -- not to contain it.", ":", "Bush")]),
    # speaker taken for an object by the parser: '"...," said Robert Reich, who ...'
    ("''She needs one or two big ideas,'' said Robert Reich, who served as labor secretary "
     "yet endorsed Bernie Sanders in the primary.",
     [("direct", "She needs one or two big ideas,", "said", "Robert Reich")]),
    # a quoted clause right after reported speech continues it
    ('Clinton said she and Obama had made progress. "I really believe that the president has '
     'done an incredible job against great odds."',
     [("indirect", "she and Obama had made progress", "said", "Clinton"),
      ("direct", "I really believe that the president has done an incredible job against great "
       "odds.", "said", "Clinton")]),
    # a cue sentence of its own right before the quote
    ('Iowa State University professor Dianne Bystrom agreed. "Mainstream Republicans are '
     'running out of time to find an alternative."',
     [("direct", "Mainstream Republicans are running out of time to find an alternative.",
       "agreed", "Iowa State University professor Dianne Bystrom")]),
    # indirect
    ("The foreign minister said that Iran would not accept any change to the borders.",
     [("indirect", "that Iran would not accept any change to the borders", "said",
       "The foreign minister")]),
    ("The spokesman said the talks would resume next week in Geneva.",
     [("indirect", "the talks would resume next week in Geneva", "said", "The spokesman")]),
    ("According to him, the Islamic Republic believes that the presence of foreign countries "
     "will complicate the predicament.",
     [("indirect", "the Islamic Republic believes that the presence of foreign countries will "
       "complicate the predicament", "According to", "him")]),
    ("Tehran maintains that only regional mechanisms can assist to tackle the challenges.",
     [("indirect", "that only regional mechanisms can assist to tackle the challenges",
       "maintains", "Tehran")]),
    ("The president stressed the country would defend its sovereignty.",
     [("indirect", "the country would defend its sovereignty", "stressed", "The president")]),
    ("Putin told reporters the sanctions had failed to hurt the Russian economy.",
     [("indirect", "the sanctions had failed to hurt the Russian economy", "told", "Putin")]),
    ("The ceasefire will hold, the defence minister said.",
     [("indirect", "The ceasefire will hold", "said", "the defence minister")]),
    # a parenthetical cue: two parts, one cue, one speaker
    ("If the talks fail, the minister said, the army will stay on the border.",
     [("indirect", "If the talks fail", "said", "the minister"),
      ("indirect", "the army will stay on the border", "said", "the minister")]),
    ("The Ohio governor said the country needs to secure the border, but that he would not "
     "support mass deportation.",
     [("indirect", "the country needs to secure the border, but that he would not support mass "
       "deportation", "said", "The Ohio governor")]),
    # a mixed quote runs on: a speech verb inside the quotation starts no new attribution,
    # nor does one in a conditional; the quoted rest of the clause the parser hung on the
    # cue stays in the content
    ("He said it wouldn’t happen if voters “continue to elect corporate Democratic whores” "
     "beholden to special interests.",
     [("indirect", "it wouldn’t happen if voters “continue to elect corporate Democratic "
       "whores” beholden to special interests", "said", "He")]),
    ("He said the party would lose the election if its leaders continued to ignore the voters.",
     [("indirect", "the party would lose the election if its leaders continued to ignore the "
       "voters", "said", "He")]),
    ("Cruz added that he was the only to spend their entire life “fighting to defend the "
     "Constitution and the Bill of Rights.”",
     [("indirect", "that he was the only to spend their entire life “fighting to defend the "
       "Constitution and the Bill of Rights.”", "added", "Cruz")]),
    # ... but a trailing clause with a speech verb of its own, outside the marks, still ends it
    ("The Journal notes that Coulter tweeted that Trump should deport Haley, which the "
     "editorial board argued helps Democrats.",
     [("indirect", "that Coulter tweeted that Trump should deport Haley", "notes",
       "The Journal")]),
    # the reporter's own turn after the quote ('..., referring to ...') is not content
    ("Trump said things “should be wrapped up by Cleveland,” referring to the party’s July "
     "convention, where Republicans will select a nominee.",
     [("indirect", "things “should be wrapped up by Cleveland,”", "said", "Trump")]),
    ("The attack killed 12 soldiers, according to the army.",
     [("indirect", "The attack killed 12 soldiers", "according to", "the army")]),
    # speech named by a noun
    ('Trump renewed his call for "a total and complete shutdown" of Muslims entering the '
     'United States.',
     [("indirect", '"a total and complete shutdown" of Muslims entering the United States',
       "call for", "his")]),
    ("Despite Mr. Trump's claim that his net worth exceeds $10 billion, the filings show less.",
     [("indirect", "that his net worth exceeds $10 billion", "claim", "Mr. Trump")]),
    # "as X put it" names a wording
    ("As Vulture put it, “Hello, it’s the Biebs.” Justin Bieber has finally dethroned Adele on "
     "the Billboard Hot 100.",
     [("direct", "Hello, it’s the Biebs.", "put", "Vulture")]),
    # an opening mark typed for the closing one
    ("“The reality is, if Mrs. Clinton loses Iowa and New Hampshire, that could create new and "
     "real problems for her here,“ said Jim Clyburn, a Democratic congressman from South "
     "Carolina.",
     [("direct", "The reality is, if Mrs. Clinton loses Iowa and New Hampshire, that could "
       "create new and real problems for her here,", "said", "Jim Clyburn")]),
    # a long speaker name between the quote and its cue
    ("“The great state of Alabama… is proud to cast its votes: one vote for Marco Rubio, 13 for "
     "Ted Cruz, and 36 votes for the next president of the United States, Donald J. Trump!” US "
     "Senator Jeff Sessions said as he launched the process.",
     [("direct", "The great state of Alabama… is proud to cast its votes: one vote for Marco "
       "Rubio, 13 for Ted Cruz, and 36 votes for the next president of the United States, "
       "Donald J. Trump!", "said", "US Senator Jeff Sessions")]),
    # a quoted paragraph signed by a dash line (fact-check columns)
    ('The silence has been deafening.\n\n"I went to Wall Street before the crash. I was the one '
     'saying you\'re going to wreck the economy."\n\n- Hillary Clinton.\n\nClinton tends to '
     'overstate the significance of her visit.',
     [("direct", "I went to Wall Street before the crash. I was the one saying you're going to "
       "wreck the economy.", "-", "Hillary Clinton")]),
    # an object relative with a naming verb quotes the name given
    ("Bloomberg pegged him at $2.9 billion, which Mr. Trump called ''a disgrace,'' blaming "
     "Michael R. Bloomberg.",
     [("indirect", "''a disgrace,''", "called", "Mr. Trump")]),
    ('Amnesty International spokesman Eric Ferrero said groups of observers were dispatched '
     'with the marchers, whom he described as "peaceful," for the length of the route.',
     [("indirect", "groups of observers were dispatched with the marchers", "said",
       "Amnesty International spokesman Eric Ferrero"),
      ("indirect", 'as "peaceful,"', "described", "he")]),
    # a cue the tagger took for a noun ('the editorial read')
    ("“If she wants to be the next president, Hillary Clinton should act like one, and come to "
     "Louisiana,” the editorial read.",
     [("direct", "If she wants to be the next president, Hillary Clinton should act like one, "
       "and come to Louisiana,", "read", "editorial")]),
    # a noun naming a text before the colon, with its owner
    ("When Wallace died in 1998, President Clinton released the following statement:\n\n"
     "“Hillary and I offer our condolences to the family and friends of George Wallace. I "
     "remember working with him at the Governors’ conference in 1983.”\n\nThe New York Times "
     "is expected to endorse the Democratic candidate.",
     [("direct", "Hillary and I offer our condolences to the family and friends of George "
       "Wallace. I remember working with him at the Governors’ conference in 1983.", "statement",
       "President Clinton")]),
    ('From Bush\'s Facebook post: "For the sake of our party and country, we must move to '
     'overcome the divisiveness and vulgarity Donald Trump has brought into the political '
     'arena."',
     [("direct", "For the sake of our party and country, we must move to overcome the "
       "divisiveness and vulgarity Donald Trump has brought into the political arena.", "post",
       "Bush")]),
    # negatives: apostrophes, scare quotes, titles, quoted text without a speech verb
    ("Here is the full transcript: \"We are going to win this state, and we are going to win "
     "the White House.\"", []),
    ("Her memoir, “Living History,” was a quick read.", []),
    ("The talks touched on the disputes, which the minister stressed would be settled "
     "peacefully.", []),
    ("He visited the plant, which he called home for a decade.", []),
    ('The silence has been deafening.\n\n"I went to Wall Street before the crash."\n\n- the '
     'campaign\'s standard line, repeated on Sunday.\n\nClinton tends to overstate it.', []),
    ("He put it on the table before the vote.", []),
    ('As he put it away, the crowd fell silent and "Hail to the Chief" began.', []),
    ("Azerbaijan's foreign minister praised the nations' efforts to promote Iran's stability.", []),
    ("Azerbaijan’s president and Armenia’s prime minister met in Prague.", []),
    ('Tehran backs only "regional mechanisms" to settle the dispute.', []),
    ('He praised the "3+3 format" as a model for the region.', []),
    ('The film "All the President\'s Men" was shown at the festival.', []),
    ('Protesters carried banners: "Foreign troops out of the Caucasus now."', []),
    ("The minister arrived in Baku on Sunday for talks with his counterpart.", []),
]


def _rows(text: str, hits: list[QuoteHit]):
    return [(h.kind, text[h.start:h.end], h.cue,
             text[h.speaker_start:h.speaker_end] if h.speaker_start is not None else None)
            for h in hits]


@pytest.mark.parametrize("text,expected", CASES, ids=[c[0][:40] for c in CASES])
def test_quote_forms(nlp, text, expected):
    assert _rows(text, find_quotes(nlp(text))) == expected


def test_offsets_are_valid_slices(nlp):
    text = CASES[4][0]
    for h in find_quotes(nlp(text)):
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.cue_start:h.cue_end] == h.cue
        assert QuoteHit.from_dict(h.to_dict()) == h


@pytest.mark.parametrize("text,expected", [
    ("the nations' relations and Iran's role", []),
    ("Azerbaijan’s security", []),
    ('He said "no."', [(9, 12)]),
    ("“Open\n\n“and continued,” he said.", [(1, 22)]),
    ("“Never closed\n\nNext paragraph.", [(1, 13)]),
    ("''Quoted,'' he said.", [(2, 9)]),
    # an opening mark typed for the closing one; a nested opener is still an opener
    ("“We will win,“ he said.", [(1, 13)]),
    ("“He said “no” twice.”", [(1, 20)]),
])
def test_quote_marks(text, expected):
    assert quote_spans(text) == expected


def test_lexicon_loaded_once():
    assert speech_verbs() is speech_verbs()
    assert {"say", "tell", "add", "note", "warn", "maintain"} <= speech_verbs()


SEED_QUOTES = [
    # (kind, content starts with, cue, speaker mention)
    ("direct", "We regard the regional security", "noted", "he"),
    ("direct", "We declare our opposition", "said", "The Iranian official"),
    ("indirect", "the Islamic Republic believes", "According to", "him"),
    ("indirect", 'that only "regional mechanisms"', "maintains", "Tehran"),
    ("direct", "We give importance and respect", "said", "Bayramov"),
    ("direct", "Sustained direct communication", "adding", "Bayramov"),
]


def test_seed_six_quotes(nlp, seed_text):
    hits = find_quotes(nlp(seed_text))
    got = [(h.kind, seed_text[h.start:h.end], h.cue, seed_text[h.speaker_start:h.speaker_end])
           for h in hits]
    assert len(got) == len(SEED_QUOTES), got
    for (kind, content, cue, speaker), want in zip(got, SEED_QUOTES):
        assert (kind, cue, speaker) == (want[0], want[2], want[3])
        assert content.startswith(want[1])
