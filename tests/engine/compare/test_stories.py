"""Stories: which articles report the same event (articles written for these tests)."""

import random
from dataclasses import replace
from datetime import date, timedelta

from app.engine import extract_claims
from app.engine.compare import stories
from app.engine.compare.signature import WINDOW_DAYS, article_signature
from app.engine.compare.stories import group_articles
from app.engine.model import ArticleText

FERRY = ("The ferry Marisol capsized off Port Avel on Tuesday, and coast guard divers recovered 14 bodies. "
         "Harbour master Ines Varga said 212 passengers were aboard the Marisol when it sank near the "
         "Avel breakwater. Rescuers from Port Avel pulled 180 survivors from the water.")
FERRY_2 = ("Divers searched the wreck of the Marisol near Port Avel for a second day. The coast guard "
           "said 212 people had boarded the ferry and 180 survivors were rescued, while Ines Varga warned "
           "that the toll of 14 dead could rise. The Avel breakwater was closed.")
BUDGET = ("Lawmakers in Norden approved a budget of $4 billion for schools on Tuesday. Finance minister Paul "
          "Brandt said 300 new classrooms would open and teacher salaries would rise 3%. The opposition "
          "called the Norden school budget too small.")
FLOOD = ("Floods in the Ruvo valley forced 3,000 residents from their homes, and the river Ruvo broke its "
         "banks at Caldera. Mayor Teo Lind said 40 bridges were closed across the Ruvo valley.")
COUNT = ("Election officials in Kastria counted ballots through the night after Sunday's presidential vote. "
         "Turnout reached 61%, and incumbent Dana Orlov led challenger Milo Vesk with 48% of the vote, the "
         "Kastria election commission said.")
COUNT_2 = ("Dana Orlov was ahead of Milo Vesk with 48% of ballots counted in Kastria's presidential "
           "election, the election commission said, on a turnout of 61%.")
STORM = ("A storm flooded the port of Kastria on Sunday, tearing roofs from 200 homes. The Kastria coast "
         "guard said waves of six metres hit the harbour wall and 12 fishing boats sank.")
STORM_2 = ("Waves of six metres battered the harbour of Kastria on Sunday as the storm tore the roofs off "
           "200 homes and sank 12 fishing boats, the coast guard said.")
BOTH = ("The storm that flooded the port of Kastria also slowed the election count: officials said ballots "
        "from the harbour district arrived late, with Dana Orlov leading Milo Vesk.")


def art(i: str, text: str, day: date | None, key: str | None = None) -> ArticleText:
    return ArticleText(id=i, source=i.upper(), text=text, published_at=day, story_key=key)


def grouping(found):
    return sorted(sorted(s.article_ids) for s in found)


D = date(2025, 4, 1)


def test_reports_of_one_event_share_a_story():
    arts = [art("a", FERRY, D), art("b", BUDGET, D), art("c", FERRY_2, date(2025, 4, 2)), art("d", FLOOD, D)]
    assert grouping(group_articles(arts, {})) == [["a", "c"], ["b"], ["d"]]


def test_articles_weeks_apart_never_share_a_story():
    arts = [art("a", FERRY, D), art("c", FERRY_2, date(2025, 5, 20))]
    assert grouping(group_articles(arts, {})) == [["a"], ["c"]]


def test_explicit_story_key_wins():
    arts = [art("a", FERRY, D, key="k1"), art("b", BUDGET, D, key="k1"), art("c", FERRY_2, D, key="k2")]
    assert grouping(group_articles(arts, {})) == [["a", "b"], ["c"]]


def test_two_events_of_one_place_on_one_day_without_a_shared_figure_stay_apart():
    fire = ("A fire at the Port Avel grain terminal destroyed 40 silos on Tuesday, harbour master Ines "
            "Varga said. Firefighters from Port Avel fought the blaze for 11 hours.")
    arts = [art("a", FERRY, D), art("c", FERRY_2, D), art("f", fire, D)]
    found = grouping(group_articles(arts, {a.id: extract_claims(a.text, D) for a in arts}))
    assert ["f"] in found


def test_an_article_that_resembles_two_stories_does_not_chain_them_into_one():
    arts = [art("c1", COUNT, D), art("c2", COUNT_2, D), art("s1", STORM, D), art("s2", STORM_2, D),
            art("both", BOTH, D)]
    found = grouping(group_articles(arts, {}))
    assert not any({"c1", "s1"} <= set(story) for story in found)
    assert any({"c1", "c2"} <= set(story) for story in found)
    assert any({"s1", "s2"} <= set(story) for story in found)


def test_grouping_does_not_depend_on_what_else_is_in_the_batch():
    pair = [art("a", FERRY, D), art("c", FERRY_2, D)]
    others = [art(f"x{i}", text, D) for i, text in enumerate([BUDGET, FLOOD, COUNT, STORM, COUNT_2, STORM_2])]
    alone = grouping(group_articles(pair, {}))
    crowded = grouping(group_articles(pair + others, {}))
    assert alone == [["a", "c"]]
    assert ["a", "c"] in crowded


def test_grouping_does_not_depend_on_the_order_or_the_ids_of_the_articles():
    texts = [FERRY, FERRY_2, BUDGET, FLOOD, COUNT, COUNT_2, STORM, STORM_2, BOTH]
    arts = [art(f"a{i}", t, D) for i, t in enumerate(texts)]
    expected = sorted(sorted(texts.index(next(a.text for a in arts if a.id == i)) for i in s.article_ids)
                      for s in group_articles(arts, {}))
    rng = random.Random(7)
    for _ in range(5):
        order = rng.sample(arts, len(arts))
        shuffled = [replace(a, id=f"z{rng.randrange(10**6)}-{n}") for n, a in enumerate(order)]
        found = group_articles(shuffled, {})
        text_of = {a.id: a.text for a in shuffled}
        assert sorted(sorted(texts.index(text_of[i]) for i in s.article_ids) for s in found) == expected


def counted_similarities(monkeypatch) -> list[int]:
    """A list that grows by one at each `similarity` the grouping computes."""
    counted = []
    original = stories.similarity

    def counting(a, b):
        counted.append(1)
        return original(a, b)

    monkeypatch.setattr(stories, "similarity", counting)
    return counted


def test_the_comparisons_grow_linearly_with_the_articles(monkeypatch):
    """Doubling a feed of many events doubles the pairs compared, not quadruples them."""
    counted = counted_similarities(monkeypatch)

    def feed(n: int) -> list[ArticleText]:
        out = []
        for i in range(n):
            event = i % 10
            out.append(art(f"e{event}-{i}", f"Kastria{event} storm Ruvo{event} ferry{event} said {i} boats "
                                            f"sank near Avel{event} harbour wall{event}.",
                           D + timedelta(days=(i // 40))))
        return out

    for n in (200, 400):
        counted.clear()
        group_articles(feed(n), {})
        if n == 200:
            small = len(counted)
    assert len(counted) <= 2.2 * small


FERRY_SENTENCES = [
    "The ferry Marisol capsized off Port Avel on Tuesday.",
    "Coast guard divers recovered bodies from the Marisol wreck.",
    "Harbour master Ines Varga said hundreds of passengers were aboard.",
    "Rescuers from Port Avel pulled survivors from the water.",
    "The Avel breakwater was closed while divers searched the wreck.",
    "Relatives waited at the ferry terminal for news of the missing.",
    "The ferry company said the Marisol had passed its last inspection.",
    "Storm winds battered the harbour as the ferry left port.",
    "Hospitals in Port Avel treated dozens of injured passengers.",
    "The transport minister ordered an inquiry into the sinking.",
]
SYLLABLES = ("ka", "lo", "ve", "rin", "dus", "mar", "tel", "quo", "shi", "bra", "nel", "vor")


def one_event(n: int) -> list[ArticleText]:
    """`n` reports of the ferry sinking, each telling some of its facts and naming a reporter, a district
    and a street of its own (invented words)."""
    rng = random.Random(5)

    def word() -> str:
        return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4)))

    def report(i: int) -> ArticleText:
        facts = " ".join(rng.sample(FERRY_SENTENCES, k=rng.randint(4, 7)))
        own = f"Reporter {word().title()} filed from the {word()} district near {word().title()} Street."
        return art(f"a{i}", f"{facts} {own}", D)

    return [report(i) for i in range(n)]


def test_the_comparisons_per_article_stay_bounded_in_one_large_story(monkeypatch):
    """One story of 800 reports costs about as many comparisons per report as one of 200 (judging every
    neighbour of a grown story again at each merge cost 92 -> 280 per report)."""
    counted = counted_similarities(monkeypatch)
    per_article = {}
    for n in (200, 800):
        sigs = [article_signature(a) for a in one_event(n)]
        counted.clear()
        assert max(len(story) for story in stories.group_signatures(sigs)) > n / 2
        per_article[n] = len(counted) / n
    assert per_article[800] <= 1.6 * per_article[200]


FERRY_3 = ("A week after the Marisol capsized off Port Avel, coast guard divers ended the search of the "
           "wreck. Harbour master Ines Varga said 180 survivors had been rescued and 14 bodies recovered.")


def test_a_report_between_two_dates_more_than_a_window_apart_joins_them_in_one_story():
    middle_day, last_day = D + timedelta(days=WINDOW_DAYS // 2 + 2), D + timedelta(days=WINDOW_DAYS + 3)
    first, middle, last = art("a", FERRY, D), art("b", FERRY_2, middle_day), art("c", FERRY_3, last_day)
    assert grouping(group_articles([first, last], {})) == [["a"], ["c"]]
    assert grouping(group_articles([first, middle, last], {})) == [["a", "b", "c"]]


def test_a_signature_keeps_the_headline_and_lead_words_heaviest():
    text = "The Marisol ferry sank. " + " ".join(["Budget talks went on."] * 5)
    sig = article_signature(ArticleText("a", "W", text, title="Ferry sinks"))
    assert sig.terms["ferry"] > sig.terms["budget"]


def _stored(story_id: str, *arts_: ArticleText) -> stories.StoredStory:
    sigs = [article_signature(a) for a in arts_]
    days = [a.published_at for a in arts_ if a.published_at]
    return stories.StoredStory(story_id, stories.representatives(sigs), min(days), max(days))


def test_a_new_article_joins_the_stored_story_it_fits():
    ferry = _stored("st-ferry", art("a", FERRY, D))
    budget = _stored("st-budget", art("b", BUDGET, D))
    assert stories.choose_story(article_signature(art("c", FERRY_2, D)), [budget, ferry]) == "st-ferry"


def test_an_article_that_fits_no_stored_story_starts_its_own():
    ferry = _stored("st-ferry", art("a", FERRY, D), art("c", FERRY_2, D))
    assert stories.choose_story(article_signature(art("f", FLOOD, D)), [ferry]) is None


def test_a_stored_story_does_not_take_an_article_weeks_after_its_last():
    ferry = _stored("st-ferry", art("a", FERRY, D))
    late = article_signature(art("c", FERRY_2, D + timedelta(days=30)))
    assert stories.choose_story(late, [ferry]) is None


def test_two_stored_stories_of_one_event_fit_and_two_events_do_not():
    one, two = _stored("x", art("a", FERRY, D)), _stored("y", art("c", FERRY_2, D))
    assert stories.stories_fit(one, two)
    assert not stories.stories_fit(one, _stored("z", art("b", BUDGET, D)))


def test_a_signature_survives_a_round_trip_through_json():
    import json

    from app.engine.compare.signature import signature_from_dict, signature_to_dict

    sig = article_signature(art("a", FERRY, D), extract_claims(FERRY, D))
    assert signature_from_dict(json.loads(json.dumps(signature_to_dict(sig)))) == sig


def test_a_follow_up_two_weeks_on_stays_in_its_story():
    first, later = art("a", FERRY, D), art("b", FERRY_2, D + timedelta(days=WINDOW_DAYS - 1))
    assert WINDOW_DAYS >= 14  # a collapse, an outbreak, a trial: follow-ups come weeks later
    assert grouping(group_articles([first, later], {})) == [["a", "b"]]
