"""The story page in a real browser (Debian's Chromium): marks at the claims' offsets, filtering from the
keyboard, hostile text shown as text, sources side by side on a desktop and stacked on a phone."""

from __future__ import annotations

import httpx
from playwright.sync_api import Page

from tests.browser.chromium import PHONE
from tests.browser.conftest import shoot
from tests.desk_articles import HOSTILE_TEXT, desk_articles

# Offsets as the API counts them: code points of the article's text before the mark (a JS string counts
# UTF-16 units, so the text is measured with Array.from).
MARK_OFFSETS = """() => Array.from(document.querySelectorAll('.source .text mark')).map(mark => {
    const text = mark.closest('.text');
    const range = document.createRange();
    range.setStart(text, 0);
    range.setEnd(mark, 0);
    const start = Array.from(range.toString()).length;
    return {article: text.dataset.article, claim: mark.dataset.claim, text: mark.textContent,
            start: start, end: start + Array.from(mark.textContent).length};
})"""


def _story(base: str) -> str:
    story_ids = set()
    for body in desk_articles():
        answer = httpx.post(f"{base}/v1/articles", json=body, timeout=60)
        answer.raise_for_status()
        story_ids.add(answer.json()["story_id"])
    (story_id,) = story_ids
    return story_id


def test_each_mark_sits_at_its_claims_exact_offsets(live_server, page: Page):
    base = live_server()
    story_id = _story(base)
    report = httpx.get(f"{base}/v1/stories/{story_id}/report").json()
    page.goto(f"{base}/stories/{story_id}")
    texts = {
        a["id"]: a["text"]
        for a in (httpx.get(f"{base}/v1/articles/{b['id']}").json() for b in desk_articles())
    }
    for article_id, text in texts.items():
        shown = page.eval_on_selector(f'.text[data-article="{article_id}"]', "e => e.textContent")
        assert shown == text, article_id  # the page shows the text exactly as stored
    claims = {c["id"]: c for c in report["claims"]}
    marks = page.evaluate(MARK_OFFSETS)
    assert {m["claim"] for m in marks} == {c for f in report["findings"] for c in f["claims"]}
    for mark in marks:
        claim = claims[mark["claim"]]
        assert (mark["article"], mark["start"], mark["end"], mark["text"]) == (
            claim["article_id"],
            claim["start"],
            claim["end"],
            claim["text"],
        )


def test_filtering_by_type_from_the_keyboard(live_server, page: Page):
    base = live_server()
    story_id = _story(base)
    page.goto(f"{base}/stories/{story_id}")
    assert page.locator("tr.finding.agreement").count() > 0
    box = page.get_by_label("agreement (", exact=False)
    box.focus()
    page.keyboard.press("Space")  # unticking submits the form (desk.js); Apply does the same without JS
    page.wait_for_url("**type=discrepancy**")
    assert page.locator("tr.finding.agreement").count() == 0
    assert page.locator("tr.finding.discrepancy").count() == 2
    assert not page.get_by_label("agreement (", exact=False).is_checked()
    assert page.locator(".source .text mark.agreement").count() == 0  # only the shown findings are marked


def test_keyboard_users_skip_to_the_content_and_jump_from_a_figure_to_its_mark(live_server, page: Page):
    base = live_server()
    story_id = _story(base)
    page.goto(f"{base}/stories/{story_id}")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.keyboard.press("Enter")
    assert page.evaluate("location.hash") == "#main"
    link = page.locator("tr.finding.discrepancy .quote a.outlet").first
    link.focus()
    page.keyboard.press("Enter")
    target = page.evaluate("location.hash")
    assert page.locator(f"mark{target}").is_visible()


def test_a_hostile_article_is_shown_as_text_and_nothing_of_it_runs(live_server, page: Page):
    base = live_server()
    story_id = _story(base)
    violations: list[str] = []
    page.on("console", lambda message: violations.append(message.text))
    page.goto(f"{base}/stories/{story_id}")
    assert page.evaluate("typeof window.hacked") == "undefined"
    hostile = page.locator('.text[data-article="blog-pipeline"]')
    assert hostile.text_content() == HOSTILE_TEXT  # the markup is there, as characters
    assert page.locator(".source img, .source script, .findings img").count() == 0
    assert page.get_by_role("heading", name="Night Desk <b>Blog</b>").is_visible()
    assert page.locator('.source a[href^="javascript:"]').count() == 0
    assert not [v for v in violations if "Refused" in v], violations  # no script even tried to run


def test_sources_stand_side_by_side_on_a_desktop_and_stack_on_a_phone(live_server, browser, page: Page):
    base = live_server()
    story_id = _story(base)
    page.goto(f"{base}/stories/{story_id}")
    lefts = {round(box["x"]) for box in (s.bounding_box() for s in page.locator(".source").all())}
    assert len(lefts) > 1
    phone = browser.new_context(viewport=PHONE, is_mobile=True, has_touch=True).new_page()
    phone.goto(f"{base}/stories/{story_id}")
    lefts = {round(box["x"]) for box in (s.bounding_box() for s in phone.locator(".source").all())}
    assert len(lefts) == 1
    width = phone.evaluate("document.documentElement.scrollWidth")
    assert width <= PHONE["width"]  # nothing forces the phone to scroll sideways
    shoot(phone, "story-phone")
    phone.context.close()


def test_the_stories_page_links_to_each_story(live_server, page: Page):
    base = live_server()
    story_id = _story(base)
    page.goto(f"{base}/stories")
    page.get_by_role("link", name=httpx.get(f"{base}/v1/stories/{story_id}").json()["label"]).click()
    page.wait_for_url(f"**/stories/{story_id}")
    assert page.get_by_role("heading", level=2, name="Findings").first.is_visible()


# WCAG 2 contrast of every element that holds text, against the first opaque background behind it.
CONTRASTS = """() => {
    const rgb = s => s.match(/[\\d.]+/g).map(Number);
    const lum = ([r, g, b]) => {
        const f = c => { c /= 255; return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4; };
        return 0.2126 * f(r) + 0.7152 * f(g) + 0.0722 * f(b);
    };
    const behind = el => {
        for (; el; el = el.parentElement) {
            const c = rgb(getComputedStyle(el).backgroundColor);
            if (c.length < 4 || c[3] > 0) return c.slice(0, 3);
        }
        return [255, 255, 255];
    };
    const found = [];
    for (const el of document.querySelectorAll("body *")) {
        if (!Array.from(el.childNodes).some(n => n.nodeType === 3 && n.textContent.trim())) continue;
        const [a, b] = [lum(rgb(getComputedStyle(el).color).slice(0, 3)), lum(behind(el))];
        const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        const element = el.tagName + "." + el.className;
        found.push({element: element, text: el.textContent.slice(0, 40), ratio: ratio});
    }
    return found;
}"""


def test_every_text_has_a_contrast_of_at_least_4_5_to_1(live_server, page: Page):
    base = live_server()
    story_id = _story(base)
    for path in ("/stories", f"/stories/{story_id}"):
        page.goto(f"{base}{path}")
        measured = page.evaluate(CONTRASTS)
        assert measured
        low = [m for m in measured if m["ratio"] < 4.5]
        assert low == [], low[:5]
