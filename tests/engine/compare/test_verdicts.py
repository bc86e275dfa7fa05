"""Verdicts by interval logic: one test per phrase pair (texts written for these tests)."""


from dataclasses import replace

from app.engine.compare.align import align
from app.engine.compare.fact import Fact
from app.engine.compare.intervals import interval
from app.engine.compare.verdicts import judge
from tests.engine.claimkit import claim, day, item

S = "Russia fired {} drones at the capital overnight, the air force said."


def verdicts(*claims):
    facts = align(item(c, f"a{i}", i) for i, c in enumerate(claims))
    assert len(facts) == 1, "the claims should state one fact"
    return [(f.type, f.verdict) for f in judge(facts[0])]


def test_equal_counts_agree_exactly():
    found = verdicts(claim(S.format(310), "310", 310), claim(S.format(310), "310", 310))
    assert found == [("agreement", "exact")]


def test_more_than_forty_admits_forty_one():
    a = claim(S.format("more than 40"), "more than 40", 40, None, qualifier="lower_bound")
    b = claim(S.format(41), "41", 41)
    assert verdicts(a, b) == [("agreement", "compatible")]


def test_nearly_forty_conflicts_with_forty_one():
    a = claim(S.format("nearly 40"), "nearly 40", None, 40, qualifier="upper_bound")
    b = claim(S.format(41), "41", 41)
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_more_than_forty_excludes_forty():
    a = claim(S.format("more than 40"), "more than 40", 40, None, qualifier="lower_bound")
    b = claim(S.format("nearly 40"), "nearly 40", None, 40, qualifier="upper_bound")
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_at_least_forty_meets_nearly_forty():
    a = claim(S.format("at least 40"), "at least 40", 40, None, qualifier="lower_bound")
    b = claim(S.format("nearly 40"), "nearly 40", None, 40, qualifier="upper_bound")
    assert verdicts(a, b) == [("agreement", "compatible")]


def test_transposed_digits_are_a_discrepancy():
    found = verdicts(claim(S.format(318), "318", 318), claim(S.format(381), "381", 381))
    assert found[0] == ("discrepancy", "value")


def test_about_forty_admits_forty_two():
    a = claim(S.format("about 40"), "about 40", 36, 44, qualifier="approximate", nominal=40)
    assert verdicts(a, claim(S.format(42), "42", 42)) == [("agreement", "compatible")]


def test_march_third_vs_march_fourth_is_a_discrepancy():
    t = "The first round of negotiations, held on {}, lasted an hour."
    a = claim(t.format("March 3"), "March 3", day("2025-03-03"), kind="date")
    b = claim(t.format("March 4"), "March 4", day("2025-03-04"), kind="date")
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_kilometers_vs_miles_are_compared_in_base_units():
    t = "Fighting goes on along the roughly {} front line."
    a = claim(t.format("500-kilometer"), "500-kilometer", 500, kind="quantity", unit="kilometer")
    b = claim(t.format("500-mile"), "500-mile", 500, kind="quantity", unit="mile")
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_rounded_conversion_agrees_within_tolerance():
    t = "The depots lie {} from the border."
    a = claim(t.format("3,000 kilometers"), "3,000 kilometers", 3000, kind="quantity", unit="kilometer")
    b = claim(t.format("1,850 miles"), "1,850 miles", 1850, kind="quantity", unit="mile")  # 2,977 km
    found = judge(align([item(a, "a", 0), item(b, "b", 1)])[0])
    assert [(f.type, f.verdict) for f in found] == [("agreement", "compatible")]
    assert "rounding tolerance" in found[0].reason


def test_wounded_vs_killed_same_figure_is_a_predicate_discrepancy():
    a = claim("Despite the defences, six residents were wounded in the raid.", "six", 6)
    b = claim("Despite the defences, six residents were killed in the raid.", "six", 6)
    assert verdicts(a, b)[0] == ("discrepancy", "predicate")


def test_loose_bound_stays_out_of_both_sides():
    a = claim(S.format(318), "318", 318)
    b = claim(S.format(381), "381", 381)
    c = claim(S.format("over 300"), "over 300", 300, None, qualifier="lower_bound")
    facts = align([item(a, "a", 0), item(b, "b", 1), item(c, "c", 2)])
    disc = judge(facts[0])[0]
    assert disc.type == "discrepancy" and len(disc.sides) == 2
    assert all((r.article_id, r.index) != ("c", 0) for side in disc.sides for r in side)
    assert "fits both: C:" in disc.reason


def test_more_than_is_a_lower_bound_admitting_the_next_whole_number():
    c = claim(S.format("more than 40"), "more than 40", 40, None, qualifier="lower_bound")
    assert (interval(c, False).lo, interval(c, False).hi) == (41, None)


def test_reason_names_sources_values_and_the_fact():
    found = judge(align([item(claim(S.format(318), "318", 318), "wire", 0),
                         item(claim(S.format(381), "381", 381), "desk", 1)])[0])[0]
    assert "WIRE: '318'" in found.reason and "DESK: '381'" in found.reason
    assert "fact: drone" in found.reason and found.fact.startswith("drone")


def test_nearly_four_years_conflicts_with_nearly_five_years():
    t = "The blockade has lasted {} so far."
    a = claim(t.format("nearly four years"), "nearly four years", None, 4, kind="duration",
              qualifier="upper_bound")
    b = claim(t.format("nearly five years"), "nearly five years", None, 5, kind="duration",
              qualifier="upper_bound")
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_nearly_forty_admits_thirty_eight():
    a = claim(S.format("nearly 40"), "nearly 40", None, 40, qualifier="upper_bound")
    assert verdicts(a, claim(S.format(38), "38", 38)) == [("agreement", "compatible")]


def test_burned_vs_consumed_an_area_is_no_predicate_discrepancy():
    a = claim("The Cold Spring Fire burned nearly 9,000 acres of pine forest.", "nearly 9,000 acres",
              None, 9000, kind="quantity", qualifier="upper_bound", unit="acre")
    b = claim("The Cold Spring Fire, which destroyed close to 9,000 acres of pine forest, is out.",
              "close to 9,000 acres", None, 9000, kind="quantity", qualifier="upper_bound", unit="acre")
    assert [f.type for f in judge(align([item(a, "a", 0), item(b, "b", 1)])[0])] == ["agreement"]


def test_damaged_vs_destroyed_same_figure_is_a_predicate_discrepancy():
    a = claim("After the flood, 230 farmhouses were damaged along the river.", "230", 230)
    b = claim("After the flood, 230 farmhouses were destroyed along the river.", "230", 230)
    assert verdicts(a, b)[0] == ("discrepancy", "predicate")


def test_including_nine_barns_does_not_take_the_verb_of_another_count():
    a = claim("In the valley 60 homes were damaged, among them nine barns.", "nine barns", 9)
    b = claim("In the valley 60 homes were destroyed, among them nine barns.", "nine barns", 9)
    assert a.frame.action_inherited and b.frame.action_inherited
    assert [f.type for f in judge(align([item(a, "a", 0), item(b, "b", 1)])[0])] == ["agreement"]


def test_a_surplus_of_vs_a_deficit_of_the_same_figure_is_a_discrepancy():
    a = claim("The island state closed the year with a budget surplus of 2.3% of output.", "2.3%", 2.3,
              kind="percent")
    b = claim("The island state closed the year with a budget deficit of 2.3% of output.", "2.3%", 2.3,
              kind="percent")
    found = judge(align([item(a, "a", 0), item(b, "b", 1)])[0])
    assert (found[0].type, found[0].verdict) == ("discrepancy", "opposite")
    assert "balance + vs balance -" in found[0].reason


def test_shares_rose_vs_shares_fell_the_same_figure_is_a_discrepancy():
    a = claim("Shares in the brewer fell 12% on Monday after the recall.", "12%", 12, kind="percent",
              trend="down")
    b = claim("Shares in the brewer rose 12% on Monday after the recall.", "12%", 12, kind="percent",
              trend="up")
    found = judge(align([item(a, "a", 0), item(b, "b", 1)])[0])
    assert (found[0].type, found[0].verdict) == ("discrepancy", "opposite")


def _report_verdicts(first: str, second: str) -> list[tuple[str, str | None]]:
    """The findings of two articles that state one count in the same sentence, extracted for real."""
    from datetime import date

    from app.engine import ArticleText, check_articles

    text = "Flood defences held back {} homes from the river on Friday, the council said."
    published = date(2025, 5, 3)
    report = check_articles([ArticleText("a", "Gazette", text.format(first), published),
                             ArticleText("b", "Herald", text.format(second), published)])
    return [(f.type, f.verdict) for f in report.findings if f.type != "correction"]


def test_barely_forty_conflicts_with_three():
    """'barely' is a close bound like 'nearly': the value lies just under 40, never at 3."""
    assert ("discrepancy", "value") in _report_verdicts("barely 40", "three")
    assert ("discrepancy", "value") in _report_verdicts("nearly 40", "three")


def test_a_little_under_forty_conflicts_with_three():
    assert ("discrepancy", "value") in _report_verdicts("a little under 40", "three")


def test_barely_forty_admits_thirty_eight():
    assert ("agreement", "compatible") in _report_verdicts("barely 40", "38")


def test_identical_spans_of_days_agree_exactly():
    a = claim("The talks ran over the weekend.", "over the weekend", day("2025-05-31"), day("2025-06-01"),
              kind="date")
    b = claim("The talks ran over the weekend.", "over the weekend", day("2025-05-31"), day("2025-06-01"),
              kind="date")
    assert verdicts(a, b) == [("agreement", "exact")]


def _fact_of(*claims):
    fact = Fact.seeded(item(claims[0], "a", 0))
    for i, c in enumerate(claims[1:], start=1):
        fact.add(item(c, "abcdef"[i], i), 0.5)
    return fact


def test_destroyed_vs_damaged_told_apart_keeps_the_agreement_of_the_damaged():
    # one figure with two degrees, in sentences that are no retelling: two facts, each with its sources
    a = claim("Officials said storms destroyed more than 40 greenhouses in Velmar.",
              "more than 40 greenhouses", 40, None, qualifier="lower_bound")
    b = claim("Hail damaged at least 40 greenhouses, growers in the valley told reporters.",
              "at least 40 greenhouses", 40, None, qualifier="lower_bound")
    c = claim("By the evening count, 41 greenhouses had been damaged across the district.",
              "41 greenhouses", 41)
    found = judge(_fact_of(a, b, c))
    assert [(f.type, {r.article_id for r in f.claims}) for f in found] == [("agreement", {"b", "c"})]


def test_a_county_toll_against_the_state_toll_keeps_the_county_agreement():
    # "at least 3" fits both camps (3 in the county, 13 and 24 statewide); it joins the camp of its county
    a = claim("Officials said 3 people died in Burnet County when the river rose.", "3 people", 3)
    b = claim("At least 3 people are dead in Burnet County, the sheriff said.", "At least 3 people", 3, None,
              qualifier="lower_bound")
    c = claim("Across the state the floods killed at least 24 people, the governor said.",
              "at least 24 people", 24, None, qualifier="lower_bound")
    d = claim("Statewide the toll rose to at least 13 people by Friday.", "at least 13 people", 13, None,
              qualifier="lower_bound")
    found = judge(_fact_of(a, b, c, d))
    assert all(f.type == "agreement" for f in found)
    assert [{r.article_id for r in f.claims} for f in found] == [{"a", "b"}, {"c", "d"}]


R = "Forecasters said between {} millimetres of rain could fall on Tarven by Sunday."


def _range(lo_text: str, lo: float, hi: float, place: float = 1) -> object:
    surface = lo_text
    return claim(R.format(surface), surface, lo, hi, kind="number", qualifier="range", place=place)


def test_two_stated_ranges_with_other_ends_are_a_discrepancy():
    a, b = _range("40 and 60", 40, 60), _range("40 and 80", 40, 80)
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_one_range_stated_at_two_precisions_agrees():
    a, b = _range("40 and 60", 40, 60), _range("40.2 and 59.8", 40.2, 59.8, place=0.1)
    assert verdicts(a, b)[0][0] == "agreement"


def test_a_figure_inside_a_stated_range_is_compatible():
    a = _range("40 and 60", 40, 60)
    b = claim(R.replace("between {}", "{}").format("50"), "50", 50, kind="number")
    assert verdicts(a, b) == [("agreement", "compatible")]


def test_a_vague_range_admits_a_stated_range_inside_it():
    def marched(text: str, surface: str, lo: int, hi: int, place: float | None = 1):
        return interval(claim(text, surface, lo, hi, qualifier="range", place=place), False)

    vague = marched("Tens of thousands of people marched.", "Tens of thousands of people", 10_000, 100_000,
                    place=None)
    stated = marched("Between 20,000 and 30,000 people marched.", "20,000 and 30,000 people", 20_000, 30_000)
    other = marched("Between 20,000 and 40,000 people marched.", "20,000 and 40,000 people", 20_000, 40_000)
    assert vague.meets(stated) and not stated.meets(other)


def test_a_day_without_its_year_conflicts_with_the_day_before():
    t = "The storm made landfall on {}, the weather office said."
    a = claim(t.format("28 March"), "28 March", None, kind="date")
    b = claim(t.format("27 March"), "27 March", None, kind="date")
    a = replace(a, value=replace(a.value, iso="--03-28"))
    b = replace(b, value=replace(b.value, iso="--03-27"))
    assert verdicts(a, b)[0] == ("discrepancy", "value")


def test_a_day_without_its_year_agrees_with_the_same_day_of_a_known_year():
    t = "The storm made landfall on {}, the weather office said."
    a = claim(t.format("28 March"), "28 March", None, kind="date")
    a = replace(a, value=replace(a.value, iso="--03-28"))
    b = claim(t.format("March 28"), "March 28", day("2025-03-28"), kind="date")
    b = replace(b, value=replace(b.value, iso="2025-03-28"))
    assert verdicts(a, b) == [("agreement", "exact")]


def test_a_day_without_its_year_is_said_as_day_and_month():
    from app.engine.compare.wording import say_date

    assert say_date("--03-28") == "28 Mar" and say_date("--12-05/--12-06") == "5 Dec–6 Dec"


def test_two_undated_reports_of_a_quake_on_different_days_are_a_discrepancy():
    from app.engine import ArticleText, check_articles

    t = "A strong earthquake struck the Norden valley at midday on {}, toppling the clock tower in Harlow."
    report = check_articles([ArticleText("a", "Wire", t.format("28 March")),
                             ArticleText("b", "Desk", t.format("27 March"))])
    found = [f for f in report.findings if f.type == "discrepancy"]
    assert [sorted(report.claims[r.article_id][r.index].text for r in f.claims) for f in found] == [
        ["27 March", "28 March"]]


def _found(*texts):
    from app.engine import ArticleText, check_articles

    report = check_articles([ArticleText(f"a{i}", f"S{i}", t) for i, t in enumerate(texts)])
    return [(f.type, sorted(report.claims[r.article_id][r.index].text for r in f.claims))
            for f in report.findings]


def test_nearly_a_third_of_staff_agrees_with_31_percent_of_staff():
    found = _found("Nearly a third of the council's staff walked out on Monday, the union said.",
                   "The council said 31% of its staff walked out on Monday.")
    assert ("agreement", ["31%", "Nearly a third of the council's staff"]) in found


def test_half_of_voters_is_a_round_figure_that_admits_52_percent():
    found = _found("Half of voters in Norden backed the water levy, the election office said.",
                   "The election office said 52% of voters in Norden backed the water levy.")
    assert found == [("agreement", ["52%", "Half of voters"])]


def test_more_than_half_of_voters_conflicts_with_48_percent():
    found = _found("More than half of voters in Norden backed the water levy, the election office said.",
                   "The election office said 48% of voters in Norden backed the water levy.")
    assert found == [("discrepancy", ["48%", "More than half of voters"])]


def test_a_third_of_members_still_conflicts_with_half_of_them():
    found = _found("A third of the club's members voted to sell the ground, the chairman said.",
                   "Half of the club's members voted to sell the ground, the chairman said.")
    assert [f[0] for f in found] == ["discrepancy"]
