"""Knowledge base: lookups, adjectives, sector words, user actors."""

import pytest

from communique import kb


def _first(phrase):
    found = kb.lookup(phrase)
    return (found[0].kind, found[0].country, found[0].form) if found else None


@pytest.mark.parametrize(
    "phrase, expected",
    [
        # names, aliases, historic names
        ("Iran", ("country", "IRN", "name")),
        ("the Islamic Republic", ("country", "IRN", "alias")),
        ("Islamic Republic of Iran", ("country", "IRN", "alias")),
        ("Republic of Azerbaijan", ("country", "AZE", "alias")),
        ("Turkey", ("country", "TUR", "name")),
        ("Türkiye", ("country", "TUR", "alias")),
        ("Turkiye", ("country", "TUR", "alias")),
        ("DRC", ("country", "COD", "alias")),
        ("DR Congo", ("country", "COD", "alias")),
        ("Zaire", ("country", "COD", "alias")),
        ("Republic of the Congo", ("country", "COG", "name")),
        ("Congo-Brazzaville", ("country", "COG", "alias")),
        ("U.S.", ("country", "USA", "alias")),
        ("US", ("country", "USA", "alias")),
        ("United States", ("country", "USA", "name")),
        ("the United States of America", ("country", "USA", "alias")),
        ("UAE", ("country", "ARE", "alias")),
        ("UK", ("country", "GBR", "alias")),
        ("Britain", ("country", "GBR", "alias")),
        ("DPRK", ("country", "PRK", "alias")),
        ("Burma", ("country", "MMR", "alias")),
        ("Côte d'Ivoire", ("country", "CIV", "alias")),
        ("Cote d’Ivoire", ("country", "CIV", "alias")),
        ("Kosovo", ("country", "XKX", "name")),
        ("Palestine", ("country", "PSE", "name")),
        ("Palestinian territories", ("country", "PSE", "alias")),
        ("Taiwan", ("country", "TWN", "name")),
        ("Guinea Bissau", ("country", "GNB", "name")),
        ("Iran's", ("country", "IRN", "name")),
        ("IRAN", ("country", "IRN", "name")),
        # adjectives and demonyms
        ("Azeri", ("country", "AZE", "adjective")),
        ("Azerbaijani", ("country", "AZE", "adjective")),
        ("Azeris", ("country", "AZE", "demonym")),
        ("Iranian", ("country", "IRN", "adjective")),
        ("Iranians", ("country", "IRN", "demonym")),
        ("Britons", ("country", "GBR", "demonym")),
        # metonyms: a capital or seat of government standing for the government
        ("Tehran", ("country", "IRN", "metonym")),
        ("Baku", ("country", "AZE", "metonym")),
        ("the Kremlin", ("country", "RUS", "metonym")),
        ("Kremlin", ("country", "RUS", "metonym")),
        ("Moscow", ("country", "RUS", "metonym")),
        ("Whitehall", ("country", "GBR", "metonym")),
        ("Downing Street", ("country", "GBR", "metonym")),
        ("the White House", ("country", "USA", "metonym")),
        ("Kyiv", ("country", "UKR", "metonym")),
        ("Kiev", ("country", "UKR", "metonym")),
        # "Washington" gives the US government here; the actor stage decides from
        # context ("Washington said" vs "Denzel Washington") whether a person is meant
        ("Washington", ("country", "USA", "metonym")),
        # "Georgia" and "Jordan" are the countries out of context, likewise
        ("Georgia", ("country", "GEO", "name")),
        ("Jordan", ("country", "JOR", "name")),
        # organisations
        ("NATO", ("organization", "IGO", "alias")),
        ("Nato", ("organization", "IGO", "alias")),
        ("Isis", ("group", "IMG", "alias")),
        ("Sana", None),
        ("Care", None),
        ("United Nations", ("organization", "UNO", "name")),
        ("UN", ("organization", "UNO", "alias")),
        ("U.N.", ("organization", "UNO", "alias")),
        ("Security Council", ("organization", "UNO", "alias")),
        ("UNHCR", ("organization", "UNO", "alias")),
        ("WHO", ("organization", "UNO", "alias")),
        ("European Union", ("organization", "EUR", "name")),
        ("EU", ("organization", "EUR", "alias")),
        ("European Commission", ("organization", "EUR", "name")),
        ("IAEA", ("organization", "UNO", "alias")),
        ("International Criminal Court", ("organization", "IGO", "name")),
        ("Red Cross", ("organization", "NGO", "alias")),
        ("Human Rights Watch", ("organization", "NGO", "name")),
        ("IRNA", ("organization", "IRN", "alias")),
        # armed groups
        ("Hezbollah", ("group", "LBN", "name")),
        ("Hizbollah", ("group", "LBN", "alias")),
        ("Hamas", ("group", "PSE", "name")),
        ("Houthis", ("group", "YEM", "name")),
        ("Ansar Allah", ("group", "YEM", "alias")),
        ("ISIS", ("group", "IMG", "alias")),
        ("Daesh", ("group", "IMG", "alias")),
        ("al Qaeda", ("group", "IMG", "name")),
        ("Al-Qaida", ("group", "IMG", "alias")),
        ("al-Shabaab", ("group", "SOM", "name")),
        ("PKK", ("group", "TUR", "alias")),
        ("M23", ("group", "COD", "alias")),
        ("Rapid Support Forces", ("group", "SDN", "name")),
        ("Wagner Group", ("group", "RUS", "name")),
        ("IRGC", ("organization", "IRN", "alias")),
        # negatives: ordinary words that look like names
        ("us", None),
        ("Us", None),
        ("who", None),
        ("Who", None),
        ("turkey", None),
        ("china", None),
        ("May", None),
        ("Is", None),
        ("the", None),
        ("", None),
        ("Foreign Minister", None),
        ("South Caucasus", None),
    ],
)
def test_lookup(phrase, expected):
    assert _first(phrase) == expected


@pytest.mark.parametrize(
    "phrase, sector",
    [
        ("the Kremlin", "GOV"),
        ("Tehran", "GOV"),
        ("the Pentagon", "MIL"),
        ("Capitol Hill", "LEG"),
        ("Iran", None),
        ("Azeri", None),
        ("Palestinian Authority", "GOV"),
        ("Hezbollah", "REB"),
        ("International Court of Justice", "JUD"),
    ],
)
def test_lookup_sector(phrase, sector):
    assert kb.lookup(phrase)[0].sector == sector


def test_ambiguous_congo_gives_both():
    assert [e.country for e in kb.lookup("Congo")] == ["COD", "COG"]


def test_ambiguous_acronym_puts_the_armed_group_first():
    assert [e.name for e in kb.lookup("RSF")] == ["Rapid Support Forces", "Reporters Without Borders"]


@pytest.mark.parametrize(
    "joined, name",
    [
        # spaCy tokens joined with spaces must find what the original text finds
        ("People 's Liberation Army", "People's Liberation Army"),
        ("Côte d' Ivoire", "Ivory Coast"),
        ("Iran 's", "Iran"),
        ("Azerbaijan ’s", "Azerbaijan"),
        ("al - Qaeda", "al-Qaeda"),
        ("Guinea - Bissau", "Guinea-Bissau"),
        ("Washington , D.C.", "United States"),
        ("TEHRAN-", "Iran"),
    ],
)
def test_lookup_token_joined(joined, name):
    assert kb.lookup(joined)[0].name == name


@pytest.mark.parametrize(
    "word, iso3",
    [
        ("Iranian", "IRN"),
        ("Persian", "IRN"),
        ("Azeri", "AZE"),
        ("Azerbaijani", "AZE"),
        ("Azeris", "AZE"),
        ("American", "USA"),
        ("U.S.", "USA"),
        ("British", "GBR"),
        ("Armenian", "ARM"),
        ("Turkish", "TUR"),
        ("Russian", "RUS"),
        ("Georgian", "GEO"),
        ("Emirati", "ARE"),
        ("North Korean", "PRK"),
        ("Kosovar", "XKX"),
        ("Palestinian", "PSE"),
        ("Nigerien", "NER"),
        ("Nigerian", "NGA"),
        ("Iran", None),
        ("Tehran", None),
        ("american", None),
        ("Caucasian", None),
    ],
)
def test_country_by_adjective(word, iso3):
    assert kb.country_by_adjective(word) == iso3


def test_country_row():
    aze = kb.country("AZE")
    assert aze["name"] == "Azerbaijan"
    assert aze["capital"] == "Baku"
    assert "Azeri" in aze["adjectives"]
    assert aze["capital_lat"] == pytest.approx(40.38, abs=0.1)
    assert aze["capital_lon"] == pytest.approx(49.89, abs=0.1)
    assert aze["sovereign"] is None
    assert kb.country("irn")["capital"] == "Tehran"
    assert kb.country("PRI")["sovereign"] == "USA"
    assert kb.country("ESH")["sovereign"] == "MAR"
    assert kb.country("XXX") is None


def test_country_table_is_complete():
    codes = set(kb.countries())
    assert len(codes) >= 245
    assert {"XKX", "PSE", "TWN", "SSD", "USA", "VAT"} <= codes
    for iso3 in codes:
        row = kb.country(iso3)
        assert -90 <= row["lat"] <= 90 and -180 <= row["lon"] <= 180, iso3
        if row["capital"]:
            assert row["capital_lat"] is not None, iso3


def test_country_row_is_a_copy():
    kb.country("IRN")["adjectives"].append("Martian")
    assert "Martian" not in kb.country("IRN")["adjectives"]


@pytest.mark.parametrize(
    "phrase, sector",
    [
        ("foreign minister", "GOV"),
        ("Foreign Minister", "GOV"),
        ("foreign ministers", "GOV"),
        ("FM", "GOV"),
        ("president", "GOV"),
        ("spokesman", "GOV"),
        ("official", "GOV"),
        ("senior diplomat", "GOV"),
        ("ambassador", "GOV"),
        ("troops", "MIL"),
        ("army", "MIL"),
        ("general", "MIL"),
        ("air force", "MIL"),
        ("army spokesman", "MIL"),
        ("police", "COP"),
        ("policemen", "COP"),
        ("rebels", "REB"),
        ("militants", "REB"),
        ("insurgents", "REB"),
        ("judge", "JUD"),
        ("court", "JUD"),
        ("Parliament Speaker", "LEG"),
        ("speaker of parliament", "LEG"),
        ("lawmakers", "LEG"),
        ("MP", "LEG"),
        ("protesters", "CVL"),
        ("residents", "CVL"),
        ("civilians", "CVL"),
        ("opposition", "OPP"),
        ("opposition lawmaker", "OPP"),
        ("journalist", "JRN"),
        ("doctors", "MED"),
        ("refugees", "REF"),
        ("former president", "ELI"),
        ("ex-president", "ELI"),
        ("gunmen", "UAF"),
        ("vice-president", "GOV"),
        ("minister's", "GOV"),
        ("ministers '", "GOV"),
        ("charge d'affaires", "GOV"),
        # negatives
        ("Iran", None),
        ("talks", None),
        ("major", None),
        ("", None),
    ],
)
def test_sector_of(phrase, sector):
    assert kb.sector_of(phrase) == sector


@pytest.mark.parametrize(
    "words, expected",
    [
        (["Iranian", "Parliament", "Speaker"], (1, 3, "LEG")),
        (["Speaker"], (0, 1, "LEG")),
        (["the", "Iranian", "foreign", "minister"], (2, 4, "GOV")),
        (["Azeri", "counterpart"], (1, 2, "GOV")),
        (["the", "army", "spokesman"], (1, 3, "MIL")),
        (["opposition", "lawmaker"], (0, 2, "OPP")),
        (["former", "president"], (0, 2, "ELI")),
        (["The", "senior", "diplomat"], (1, 3, "GOV")),
        (["Iran"], None),
        ([], None),
        # a possessor is no head: the Kivu People's Militia is a militia, not people
        (["kivu", "people", "'s", "militia"], (3, 4, "PRM")),
        (["the", "people", "'s", "assembly"], (1, 4, "LEG")),
    ],
)
def test_longest_sector_phrase(words, expected):
    assert kb.longest_sector_phrase(words) == expected


def test_max_phrase_len_covers_long_names():
    n = kb.max_phrase_len()
    assert n >= len("Democratic Republic of the Congo".split())
    assert n >= len("speaker of the parliament".split())


USER_YAML = """
- name: Jeyhun Bayramov
  aliases: [Bayramov, J. Bayramov]
  country: AZE
  sector: GOV
  kind: person
- name: Georgia
  country: USA
  kind: organization
  sector: GOV
- name: Local Defence Militia
  aliases: LDM
  country: nga
  sector: PRM
  kind: group
"""


def test_user_actors_are_consulted_first(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    assert kb.lookup("Bayramov") == []
    user = kb.UserActors.load(path)
    assert [e.name for e in user.actors()] == ["Jeyhun Bayramov", "Georgia", "Local Defence Militia"]
    assert kb.lookup("Bayramov", user) == [kb.Entry("Jeyhun Bayramov", "person", "AZE", "GOV", "alias")]
    assert kb.lookup("J. Bayramov", user)[0].name == "Jeyhun Bayramov"
    # a user actor of the same name overrides the shipped one
    assert [(e.country, e.kind) for e in kb.lookup("Georgia", user)] == [("USA", "organization")]
    assert kb.lookup("LDM", user)[0].country == "NGA"
    assert kb.lookup("ldm", user) == []
    # shipped entries stay available
    assert kb.lookup("Tehran", user)[0].country == "IRN"
    # without them, nothing of the file is left anywhere in the process
    assert kb.lookup("Bayramov") == []
    assert kb.lookup("Georgia")[0].country == "GEO"


def test_max_phrase_len_counts_user_actors(tmp_path):
    base = kb.max_phrase_len()
    path = tmp_path / "actors.yaml"
    long_name = " ".join(["Word"] * (base + 3))
    path.write_text(f"- name: {long_name}\n", encoding="utf-8")
    assert kb.max_phrase_len(kb.UserActors.load(path)) == base + 3
    assert kb.max_phrase_len() == base


def test_load_user_actors_is_pure(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("actors:\n  - name: Some Minister\n", encoding="utf-8")
    pairs = kb.load_user_actors(path)
    assert pairs == [("Some Minister", kb.Entry("Some Minister", "person", None, None, "name"))]
    assert kb.lookup("Some Minister") == []


@pytest.mark.parametrize(
    "text, message",
    [
        ("- aliases: [x]\n", "has no `name`"),
        ("- name: X\n  kind: planet\n", "kind `planet`"),
        ("- name: X\n  country: Iran\n", "must be an ISO3"),
        ("- name: X\n  sector: government\n", "3-letter"),
        ("name: X\n", "expected a list"),
    ],
)
def test_bad_user_actors_say_what_to_fix(tmp_path, text, message):
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        kb.load_user_actors(path)


def test_missing_user_file(tmp_path):
    with pytest.raises(ValueError, match="not found"):
        kb.UserActors.load(tmp_path / "nope.yaml")


PLOVER_SECTORS = {"COP", "GOV", "JUD", "LEG", "MIL", "PRM", "PTY", "REB", "SPY", "UAF", "UNK", "AGR", "BUS",
                  "CRM", "CVL", "EDU", "ELI", "JRN", "LAB", "MED", "REF", "OPP", "PRE", "REL", "SOC"}
ENTITY_CODES = {"IGO", "UNO", "EUR", "NGO", "ISM", "IMG", "MNC"}


def test_tables_use_known_codes():
    codes = set(kb.countries())
    for key, bucket in kb._builtin_index().items():
        for _, entry in bucket:
            assert entry.country in codes | ENTITY_CODES, (key, entry)
            assert entry.sector is None or entry.sector in PLOVER_SECTORS, (key, entry)
            assert entry.kind in kb.KINDS and entry.form in kb.FORMS, (key, entry)
    for phrase, sector in kb._sectors().items():
        assert sector in PLOVER_SECTORS, phrase
        assert phrase == phrase.lower() and phrase.strip() == phrase, phrase
    for phrase, hint in kb._sector_kinds().items():
        assert hint in ("person", "group", "organization"), phrase


def test_no_accidental_name_clashes():
    # a phrase naming two different things must be a known, deliberate ambiguity
    allowed = {"congo", "congolese", "rsf", "jem"}
    clashes = {key for key, bucket in kb._builtin_index().items()
               if len({(e.name, e.country) for _, e in bucket}) > 1}
    assert clashes <= allowed, clashes - allowed


@pytest.mark.parametrize(
    "phrase, expected",
    [
        ("Donetsk People's Republic", ("UKR", "PRE")),
        ("Transnistria", ("MDA", "PRE")),
        ("Republic of Artsakh", ("AZE", "PRE")),
        ("Taliban", ("AFG", "GOV")),
        ("Wagner", ("RUS", "PRM")),
        ("Popular Mobilization Forces", ("IRQ", "PRM")),
        ("Mossad", ("ISR", "SPY")),
        ("Revolutionary Guards", ("IRN", "MIL")),
        ("GOP", ("USA", "PTY")),
        ("Likud", ("ISR", "PTY")),
        ("European Parliament", ("EUR", "LEG")),
        ("UNIFIL", ("UNO", "MIL")),
        ("Reuters", ("GBR", "JRN")),
        # places, not actors: the places stage gives their country
        ("Gaza Strip", None),
        # the region is a place, not an actor: only its breakaway government is in the table
        ("Nagorno-Karabakh", None),
    ],
)
def test_groups_and_organizations(phrase, expected):
    found = kb.lookup(phrase)
    assert ((found[0].country, found[0].sector) if found else None) == expected


def test_several_files_add_up(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text(USER_YAML, encoding="utf-8")
    assert len(kb.UserActors.load(path).actors()) == 3
    other = tmp_path / "more.yaml"
    other.write_text("- name: Another Envoy\n  country: TUR\n", encoding="utf-8")
    both = kb.UserActors.load(path, other)
    assert [e.name for e in both.actors()][-1] == "Another Envoy"
    assert kb.lookup("Bayramov", both)[0].country == "AZE"
    assert kb.lookup("Another Envoy", both)[0].country == "TUR"
    assert kb.lookup("Another Envoy", kb.UserActors.load(path)) == []


def test_invalid_yaml_says_so(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- name: [unclosed\n", encoding="utf-8")
    with pytest.raises(ValueError, match="not valid YAML"):
        kb.load_user_actors(path)


@pytest.mark.parametrize(
    "phrase, senses",
    [
        ("Georgia", {"us_state", "person"}),
        ("Washington", {"us_state", "person"}),
        ("Jordan", {"person"}),
        ("Chad", {"person"}),
        ("New Mexico", {"us_state"}),
        ("Iran", set()),
        ("Tbilisi", set()),
    ],
)
def test_other_senses(phrase, senses):
    assert kb.other_senses(phrase) == senses


@pytest.mark.parametrize(
    "phrase, name, country, sector, form",
    [
        # full names, any case once capitalised, accents and hyphens folded
        ("Donald Trump", "Donald Trump", "USA", "GOV", "name"),
        ("Recep Tayyip Erdoğan", "Recep Tayyip Erdoğan", "TUR", "GOV", "name"),
        ("Recep Tayyip Erdogan", "Recep Tayyip Erdoğan", "TUR", "GOV", "name"),
        ("Fethullah Gulen", "Fethullah Gülen", "TUR", "REL", "name"),
        ("Kim Jong-un", "Kim Jong Un", "PRK", "GOV", "name"),
        ("Kim Jong Un", "Kim Jong Un", "PRK", "GOV", "name"),
        ("Bashar al-Assad", "Bashar al-Assad", "SYR", "GOV", "name"),
        ("Volodymyr Zelenskyy", "Volodymyr Zelensky", "UKR", "GOV", "alias"),
        ("Antonio Guterres", "António Guterres", "UNO", "GOV", "name"),
        ("Jens Stoltenberg", "Jens Stoltenberg", "IGO", "GOV", "name"),
        ("Ursula von der Leyen", "Ursula von der Leyen", "EUR", "GOV", "name"),
        ("Boris Johnson", "Boris Johnson", "GBR", "GOV", "name"),
        ("Hassan Nasrallah", "Hassan Nasrallah", "LBN", "REB", "name"),
        ("Alexei Navalny", "Alexei Navalny", "RUS", "OPP", "name"),
        ("Mohammed bin Salman", "Mohammed bin Salman", "SAU", "GOV", "name"),
        ("MBS", "Mohammed bin Salman", "SAU", "GOV", "alias"),
        ("Kılıçdaroğlu", "Kemal Kılıçdaroğlu", "TUR", "OPP", "alias"),
        ("Kilicdaroglu", "Kemal Kılıçdaroğlu", "TUR", "OPP", "alias"),
        ("the Dalai Lama", "Dalai Lama", "CHN", "REL", "name"),
        ("Abu Mohammad al-Jolani", "Ahmed al-Sharaa", "SYR", "GOV", "alias"),
        ("Hemedti", "Mohamed Hamdan Dagalo", "SDN", "REB", "alias"),
        # distinctive surnames, possessives
        ("Erdogan", "Recep Tayyip Erdoğan", "TUR", "GOV", "alias"),
        ("Erdoğan's", "Recep Tayyip Erdoğan", "TUR", "GOV", "alias"),
        ("Gulen", "Fethullah Gülen", "TUR", "REL", "alias"),
        ("Putin", "Vladimir Putin", "RUS", "GOV", "alias"),
        ("Netanyahu", "Benjamin Netanyahu", "ISR", "GOV", "alias"),
        ("Zelensky", "Volodymyr Zelensky", "UKR", "GOV", "alias"),
        ("Khamenei", "Ali Khamenei", "IRN", "GOV", "alias"),
        ("Obama", "Barack Obama", "USA", "GOV", "alias"),
        ("Trump", "Donald Trump", "USA", "GOV", "alias"),
        ("Biden", "Joe Biden", "USA", "GOV", "alias"),
        ("Merkel", "Angela Merkel", "DEU", "GOV", "alias"),
        ("Macron", "Emmanuel Macron", "FRA", "GOV", "alias"),
        ("Modi", "Narendra Modi", "IND", "GOV", "alias"),
        ("Assad", "Bashar al-Assad", "SYR", "GOV", "alias"),
        ("Gaddafi", "Muammar Gaddafi", "LBY", "GOV", "alias"),
        ("Qaddafi", "Muammar Gaddafi", "LBY", "GOV", "alias"),
        ("Guterres", "António Guterres", "UNO", "GOV", "alias"),
        # a surname shared within one country resolves to the first listed
        ("Bush", "George W. Bush", "USA", "GOV", "alias"),
    ],
)
def test_person(phrase, name, country, sector, form):
    assert kb.person(phrase) == kb.Entry(name, "person", country, sector, form)


@pytest.mark.parametrize(
    "phrase",
    [
        "Johnson", "Lee", "Kim", "Khan", "Smith", "Brown", "Ali", "Singh", "Abbas", "Sharif",
        "Jordan", "Georgia", "Washington", "Chad",
        "trump", "putin", "erdogan", "TRUMP", "mbs",
        "donald trump",  # a full name still needs a capital
        "Iran", "Hamas", "Hezbollah", "", "  ", "the",
    ],
)
def test_person_negatives(phrase):
    assert kb.person(phrase) is None


def test_person_is_not_in_lookup():
    assert kb.lookup("Erdogan") == []
    assert kb.lookup("Vladimir Putin") == []
    assert kb.max_phrase_len() == kb._max_builtin_len()


def test_people_table_is_clean():
    codes = set(kb.countries()) | ENTITY_CODES
    builtin = kb._builtin_index()
    seen_names = set()
    rows = kb._read_tsv("people.tsv")
    assert len(rows) >= 400
    for row in rows:
        assert row["name"] not in seen_names, row["name"]
        seen_names.add(row["name"])
        assert row["country"] in codes, row
        assert row["sector"] in PLOVER_SECTORS, row
        assert row["note"], row
    for key, bucket in kb._people().items():
        # a person's name never shadows a country, organisation or group name
        assert key not in builtin, key
        # one-word spellings are capitalised surnames or acronyms, never lower case
        for surface, entry in bucket:
            if " " not in surface:
                assert surface[0].isupper(), (surface, entry)
        # a spelling shared by two people is deliberate: same country (first listed wins)
        assert len({e.country for _, e in bucket}) == 1, (key, bucket)


@pytest.mark.parametrize(
    "text, message",
    [
        ("- name: X\n  contry: IRN\n", r"line 1: actor 1 \(X\): unknown key `contry`; the keys are name, aliases"),
        ("- name: A\n- name: B\n  sectr: GOV\n", r"line 2: actor 2 \(B\): unknown key `sectr`"),
        ("actors:\n  - name: A\n  - name: B\n    kind: planet\n", r"line 3: actor 2 \(B\): kind `planet`"),
        ("- name: bikers\n  generic: true\n", r"line 1: .*generic agent needs a `sector`"),
        ("- name: bikers\n  generic: yes please\n  sector: CVL\n", r"generic `yes please` must be true or false"),
        ("- name: X\n  aliases: {a: b}\n", r"line 1: actor 1 \(X\): aliases must be a name or a list of names"),
        ("actors:\n  - name: X\nextra: 1\n", r"a mapping holds one key, `actors` .*unknown key `extra`"),
    ],
)
def test_user_actor_typos_name_file_and_line(tmp_path, text, message):
    path = tmp_path / "actors.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ValueError, match=message) as err:
        kb.load_user_actors(path)
    assert str(path) in str(err.value)


def test_user_file_adds_generic_agents(tmp_path):
    path = tmp_path / "actors.yaml"
    path.write_text("- name: bikers\n  aliases: [biker gang]\n  generic: true\n  sector: crm\n"
                    "- name: Jane Roe\n  country: KEN\n", encoding="utf-8")
    user = kb.UserActors.load(path)
    assert [e.name for e in user.actors()] == ["Jane Roe"]  # agent words are not named actors
    assert {"bikers", "biker gang"} <= kb.generic_agents(user)
    assert kb.generic_sector("Bikers", user) == "CRM"
    assert kb.lookup("bikers", user) == []
    assert "bikers" not in kb.generic_agents()  # another Coder (or none) does not see them


def test_a_user_generic_agent_becomes_an_actor(tmp_path):
    from communique import Coder

    text = "Bikers attacked a police station in Nakuru, Kenya, on Sunday."
    path = tmp_path / "actors.yaml"
    path.write_text("- name: biker\n  aliases: [bikers]\n  generic: true\n  sector: CRM\n",
                    encoding="utf-8")
    rec = Coder(actors=path).code(text, published="2024-03-04")
    bikers = [a for a in rec.actors if a.mentions[0].text == "Bikers"]
    assert len(bikers) == 1 and bikers[0].sector == "CRM" and bikers[0].country == "KEN"


@pytest.mark.parametrize("abbreviation,code", [
    ("nm", "NM"), ("wash", "WA"), ("wva", "WV"), ("dc", "DC"), ("calif", "CA"),
    ("texas", None),  # AP spells Texas out
    ("ga", "GA"), ("zz", None),
])
def test_us_state_code_from_the_one_state_table(abbreviation, code):
    assert kb.us_state_code(abbreviation) == code


def test_the_district_is_no_state():
    assert kb.other_senses("District of Columbia") == set()
    assert "us_state" in kb.other_senses("West Virginia")


def test_a_bad_state_row_is_an_error_naming_the_line(tmp_path, monkeypatch):
    (tmp_path / "us_states.tsv").write_text("# states\nname\tcode\tap\tkind\nTexas\tTX\t\tstate\n"
                                            "Guam\tGU\t\tterritory\n")
    monkeypatch.setattr(kb, "_DATA", tmp_path)
    kb._us_states.cache_clear()
    try:
        with pytest.raises(ValueError, match="us_states.tsv line 4: kind 'territory' is not one of state, district"):
            kb._us_states()
    finally:
        kb._us_states.cache_clear()


@pytest.mark.parametrize("phrase, country", [
    ("MNLF", "PHL"),
    ("Moro National Liberation Front", "PHL"),
    ("FDLR", "COD"),
    ("PREPAK", "IND"),
])
def test_petrarch_armed_group_acronyms(phrase, country):
    # Phoenix.MilNonState.actors.txt lists these with a REB code (issue 12/13)
    found = kb.lookup(phrase)
    assert found and (found[0].country, found[0].sector) == (country, "REB")
