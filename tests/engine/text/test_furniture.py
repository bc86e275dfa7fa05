"""Page furniture: captions and boilerplate lines (texts written for these tests)."""

from app.engine.text.furniture import line_context


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


def test_view_original_article_line_is_boilerplate():
    assert line_context("Source: Example.com | View original article") == "boilerplate"


def test_toggle_caption_line_is_a_caption():
    assert line_context("toggle caption Jane Doe/Example Agency") == "caption"


def test_leave_a_reply_is_boilerplate():
    assert line_context("Leave a Reply") == "boilerplate"
