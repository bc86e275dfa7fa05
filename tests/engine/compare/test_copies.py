"""Wire copies: the same text republished counts once (texts written for these tests)."""

from app.engine.compare.copies import copy_groups
from app.engine.model import ArticleText

WIRE = ("The port of Valmora reopened on Monday after divers cleared the wreck of the cargo ship Ardent, "
        "the harbour authority said. Ships queued for two days outside the breakwater while cranes lifted "
        "the hull. Officials said 212 containers were recovered and 14 were still missing.")
OWN = ("Harbour officials in Valmora told our reporter that cranes lifted the Ardent's hull over the weekend "
       "and that most containers had been brought ashore by Monday morning.")


def test_a_station_republishing_the_wire_text_is_a_copy():
    tv = ArticleText("tv", "TV 9", WIRE + " Watch TV 9.")
    groups = copy_groups([ArticleText("wire", "Wire", WIRE), tv])
    assert groups["wire"] == groups["tv"]


def test_a_copy_with_a_changed_figure_is_still_a_copy():
    desk = WIRE.replace("212", "221")
    groups = copy_groups([ArticleText("wire", "Wire", WIRE), ArticleText("desk", "Desk", desk)])
    assert groups["wire"] == groups["desk"]


def test_an_independent_report_is_not_a_copy():
    groups = copy_groups([ArticleText("wire", "Wire", WIRE), ArticleText("own", "Own", OWN)])
    assert groups["wire"] != groups["own"]
