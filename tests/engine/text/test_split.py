"""The one sentence splitter: every script, no sentence without end (texts written for these tests)."""

from app.engine.text.split import MAX_SENTENCE_TOKENS, split_sentences
from app.engine.text.tokens import tokenize


def cut(line: str) -> list[str]:
    return [line[s:e] for s, e in split_sentences(line)]


def test_a_correction_notice_is_not_cut_inside_a_decimal():
    line = "Rain totals reached 3.5 inches, not 5.3 inches as this story previously reported. Roads reopened."
    assert cut(line) == ["Rain totals reached 3.5 inches, not 5.3 inches as this story previously reported.",
                         "Roads reopened."]


def test_a_sentence_ends_before_a_digit_and_an_opening_quote():
    assert cut("Turnout fell. 42% voted. “We expected more,” an aide said.") == [
        "Turnout fell.", "42% voted.", "“We expected more,” an aide said."]


def test_a_lower_case_word_after_a_full_stop_continues_the_sentence():
    assert cut("The index rose 2 pct. on Friday.") == ["The index rose 2 pct. on Friday."]


def test_a_sentence_ends_before_a_capital_of_another_script():
    assert cut("Паводок затопил 40 домов. Спасатели эвакуировали 120 человек.") == [
        "Паводок затопил 40 домов.", "Спасатели эвакуировали 120 человек."]


def test_chinese_full_stops_end_sentences_without_spaces():
    assert cut("暴雨导致12人死亡。另有30人受伤！") == ["暴雨导致12人死亡。", "另有30人受伤！"]


def test_a_sentence_ends_before_a_letter_of_a_script_without_case():
    assert cut("The board met. اجتمع المجلس يوم الاثنين.") == ["The board met.", "اجتمع المجلس يوم الاثنين."]


def test_devanagari_and_arabic_stops_end_sentences():
    assert cut("बाढ़ में 40 घर डूबे। 12 लोग लापता हैं।") == ["बाढ़ में 40 घर डूबे।", "12 लोग लापता हैं।"]
    assert cut("كم عدد الضحايا؟ قال المسؤولون إن 12 لقوا حتفهم.") == ["كم عدد الضحايا؟",
                                                                   "قال المسؤولون إن 12 لقوا حتفهم."]


def test_an_unpunctuated_feed_is_cut_into_bounded_sentences():
    line = "and 5 drones flew over the city " * 200
    pieces = cut(line.strip())
    assert len(pieces) > 1
    assert all(len(tokenize(p)) <= MAX_SENTENCE_TOKENS for p in pieces)
    assert " ".join(pieces) == line.strip()


def test_emoji_without_punctuation_do_not_make_one_giant_sentence():
    line = "🔥🌊 " * 300
    assert all(len(tokenize(p)) <= MAX_SENTENCE_TOKENS for p in cut(line.strip()))


def test_an_over_long_sentence_is_cut_after_a_clause_break():
    clause = "the council approved 14 new bus routes for the eastern districts"
    line = ", ".join([clause] * 12) + "."
    pieces = cut(line)
    assert len(pieces) > 1 and all(p.endswith((",", ".")) for p in pieces)


def test_a_long_news_sentence_is_left_whole():
    line = ("The ministry said on Tuesday that 1,240 homes in the northern districts had lost power after "
            "the storm, that crews had restored electricity to 800 of them by evening, and that the rest, "
            "most of them in villages cut off by fallen trees, would be reconnected within two days.")
    assert cut(line) == [line]
