"""Stories: which articles report the same event (articles written for these tests)."""

from datetime import date

from app.engine import extract_claims
from app.engine.compare.stories import StoryIndex, article_signature, group_articles, idf_table
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


def art(i: str, text: str, day: date, key: str | None = None) -> ArticleText:
    return ArticleText(id=i, source=i.upper(), text=text, published_at=day, story_key=key)


def grouping(stories):
    return sorted(sorted(s.article_ids) for s in stories)


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


def test_a_new_article_joins_an_existing_story_incrementally():
    sigs = [article_signature(a) for a in (art("a", FERRY, D), art("b", BUDGET, D), art("d", FLOOD, D))]
    index = StoryIndex(idf_table(sigs))
    first = [index.add(s) for s in sigs]
    assert len(set(first)) == 3
    joined = index.add(article_signature(art("c", FERRY_2, D)))
    assert joined == first[0]


def test_an_unrelated_article_of_the_same_day_starts_its_own_story():
    sigs = [article_signature(a) for a in (art("a", FERRY, D), art("c", FERRY_2, D))]
    index = StoryIndex(idf_table(sigs + [article_signature(art("b", BUDGET, D))]))
    story = index.add(sigs[0])
    index.add(sigs[1])
    assert index.add(article_signature(art("b", BUDGET, D))) != story


def test_two_events_of_one_place_on_one_day_without_a_shared_figure_stay_apart():
    fire = ("A fire at the Port Avel grain terminal destroyed 40 silos on Tuesday, harbour master Ines "
            "Varga said. Firefighters from Port Avel fought the blaze for 11 hours.")
    arts = [art("a", FERRY, D), art("c", FERRY_2, D), art("f", fire, D)]
    stories = grouping(group_articles(arts, {a.id: extract_claims(a.text, D) for a in arts}))
    assert ["f"] in stories
