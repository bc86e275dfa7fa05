"""Sentences of a text with exact offsets, page furniture marked (texts written for these tests)."""

from app.engine.text import segment


def test_sentences_have_offsets_into_the_original_text():
    text = "Russia fired 653 drones.\r\nKyiv said 585\u00a0were downed. “It was huge,” he said."
    for seg in segment(text):
        assert text[seg.start : seg.end] == seg.text


def test_abbreviation_does_not_end_a_sentence():
    segs = segment("The U.S. envoy met Gov. Smith on Nov. 18. Talks ended.")
    assert [s.text for s in segs] == ["The U.S. envoy met Gov. Smith on Nov. 18.", "Talks ended."]


def test_repeated_caption_yields_one_segment_per_position():
    cap = "Rescuers search the rubble in Kharkiv, Monday. (AP Photo/Jane Doe)"
    text = f"{cap}\nA body sentence with 3 boats.\n{cap}"
    segs = [s for s in segment(text) if s.context == "caption"]
    assert len(segs) == 2 and segs[0].start != segs[1].start


def test_one_sentence_object_is_shared_by_the_stages():
    from app.engine.text import read_sentences

    s = read_sentences("Crews cleared long-range debris.")[0]
    assert s.tokens is s.tokens and s.words is s.words  # computed once
    assert [t.text for t in s.words] == ["Crews", "cleared", "long-range", "debris", "."]
