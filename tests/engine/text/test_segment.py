"""Clean-up and segmentation (app/engine/text.py): sentences with exact offsets, page furniture marked."""

from app.engine.text.segment import line_context, segment


def test_sentences_have_offsets_into_the_original_text():
    text = "Russia fired 653 drones.\r\nKyiv said 585\u00a0were downed. “It was huge,” he said."
    for seg in segment(text):
        assert text[seg.start : seg.end] == seg.text


def test_abbreviation_does_not_end_a_sentence():
    segs = segment("The U.S. envoy met Gov. Smith on Nov. 18. Talks ended.")
    assert [s.text for s in segs] == ["The U.S. envoy met Gov. Smith on Nov. 18.", "Talks ended."]


def test_click_to_gallery_is_boilerplate():
    assert line_context("Click to Gallery") == "boilerplate"


def test_sponsor_message_is_boilerplate():
    assert line_context("Sponsor Message") == "boilerplate"


def test_follow_coverage_is_boilerplate():
    assert line_context("Follow our coverage of the election at https://example.org/hub") == "boilerplate"


def test_copyright_line_is_boilerplate():
    assert line_context("Copyright 2025 The Example Press. All rights reserved.") == "boilerplate"


def test_photo_credit_line_is_a_caption():
    line = "Firefighters work at the site in Dnipro, Ukraine, Tuesday, Nov. 18, 2025. (AP Photo/Jane Doe)"
    assert line_context(line) == "caption"


def test_via_ap_credit_line_is_a_caption():
    assert line_context("The minister arrives in Rome, Monday. (John Roe/Agency via AP)") == "caption"


def test_tag_list_is_boilerplate():
    line = "Ports, General news, Shipping, Weather, Storms, World news, Europe"
    assert line_context(line) == "boilerplate"


def test_body_sentence_is_body():
    assert line_context("The storm damaged 40 homes, officials said.") == "body"


def test_repeated_caption_yields_one_segment_per_position():
    cap = "Rescuers search the rubble in Kharkiv, Monday. (AP Photo/Jane Doe)"
    text = f"{cap}\nA body sentence with 3 boats.\n{cap}"
    segs = [s for s in segment(text) if s.context == "caption"]
    assert len(segs) == 2 and segs[0].start != segs[1].start


def test_view_original_article_line_is_boilerplate():
    assert line_context("Source: Example.com | View original article") == "boilerplate"


def test_toggle_caption_line_is_a_caption():
    assert line_context("toggle caption Jane Doe/Example Agency") == "caption"


def test_leave_a_reply_is_boilerplate():
    assert line_context("Leave a Reply") == "boilerplate"
