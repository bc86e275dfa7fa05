"""An invented three-outlet wildfire story, end to end: what agrees, what conflicts, what is an update."""

from datetime import date

from app.engine import ArticleText, check_articles

WIRE = ("The Ridgeback fire has burned 12,400 hectares near Calloway since Tuesday and was 30% contained "
        "on Thursday, the regional fire service said. It has destroyed 148 homes and forced 6,500 "
        "residents to evacuate. About 900 firefighters are battling the blaze as temperatures reach 41C.")
DESK = ("Firefighters said the Ridgeback fire had scorched about 12,000 hectares around Calloway and was "
        "35 per cent contained. More than 200 homes have been destroyed, and 6,500 people were told to "
        "leave. Some 1,100 firefighters are on the lines, with the temperature at 41 degrees Celsius.")
POST = ("The blaze near Calloway has consumed 12,400 hectares. Officials said 148 houses were destroyed "
        "and 7,000 residents evacuated. The fire was 30 percent contained by Thursday evening, with 900 "
        "firefighters deployed.")


def _findings():
    articles = [ArticleText("wire", "Wire", WIRE, date(2026, 7, 16), story_key="fire"),
                ArticleText("desk", "Desk", DESK, date(2026, 7, 16), story_key="fire"),
                ArticleText("post", "Post", POST, date(2026, 7, 17), story_key="fire")]
    report = check_articles(articles)
    return [(f.type, f.kind, sorted(report.claims[r.article_id][r.index].text for r in f.claims))
            for f in report.findings]


def test_the_area_burned_agrees_across_the_three_outlets():
    area = ["12,400 hectares", "12,400 hectares", "about 12,000 hectares"]
    assert ("agreement", "compatible", area) in _findings()


def test_more_than_200_homes_conflicts_with_148():
    found = [f for f in _findings() if f[0] == "discrepancy" and "148 homes" in f[2]]
    assert found and "More than 200 homes" in found[0][2]


def test_the_evacuees_of_a_later_day_are_an_update():
    found = [f for f in _findings() if f[0] == "discrepancy" and "7,000 residents" in f[2]]
    assert found and found[0][1] == "update" and "6,500 residents" in found[0][2]


def test_the_temperature_in_two_spellings_agrees():
    assert ("agreement", "agreement", ["41 degrees Celsius", "41C"]) in _findings()
