"""The one tokenizer (texts written for these tests)."""

from app.engine.text.tokens import compounds, tokenize


def texts(s: str) -> list[str]:
    return [t.text for t in tokenize(s)]


def test_dotted_abbreviations_are_one_token():
    assert texts("the U.S. envoy at 9 a.m. sharp") == ["the", "U.S.", "envoy", "at", "9", "a.m.", "sharp"]


def test_hyphens_stand_apart_for_the_number_grammar():
    assert texts("a 1,000-kilometer front, twenty-five") == ["a", "1,000", "-", "kilometer", "front", ",",
                                                            "twenty", "-", "five"]


def test_compounds_join_hyphenated_words_for_framing():
    assert [t.norm for t in compounds(tokenize("anti-aircraft guns, a 17-year-old"))] == [
        "anti-aircraft", "guns", ",", "a", "17", "-", "year-old"]


def test_the_normal_form_straightens_apostrophes_and_drops_the_possessive():
    assert [t.norm for t in tokenize("Kyiv’s mayor's office")] == ["kyiv", "mayor", "office"]


def test_offsets_index_the_text():
    s = "Bonds fell 0.4%\u00a0in Tokyo"
    assert all(s[t.start : t.end] == t.text for t in tokenize(s))


def test_words_of_every_script_stay_whole():
    assert texts("वोटरों ने 12 सीटें जीतीं") == ["वोटरों", "ने", "12", "सीटें", "जीतीं"]
    assert texts("Ψηφοφόροι έδωσαν 12 έδρες") == ["Ψηφοφόροι", "έδωσαν", "12", "έδρες"]
