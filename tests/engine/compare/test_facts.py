"""Which claims state one fact: the fact key (what is measured, whose, by whom, how put, when), end to end
through `check_articles`, with articles written for these tests in several fields."""

from datetime import date

from app.engine import ArticleText, check_articles

D = date(2026, 5, 4)


def report(*texts: str, days: tuple[date, ...] = ()):
    arts = [ArticleText(id=f"a{i}", source=f"Outlet {i}", text=t, published_at=days[i] if days else D,
                        story_key="story") for i, t in enumerate(texts)]
    return check_articles(arts)


def discrepancies(r):
    return [f for f in r.findings if f.type == "discrepancy"]


def joined_values(r, finding):
    return sorted(r.claims[c.article_id][c.index].value.nominal for c in finding.claims)


def joined_values_or_none(r, finding):
    values = [r.claims[c.article_id][c.index].value.nominal for c in finding.claims]
    return sorted(v for v in values if v is not None) + [v for v in values if v is None]


def test_a_part_never_conflicts_with_its_whole_cruise_missiles_against_all_missiles():
    r = report("The army said the enemy fired 51 missiles at the port on Sunday.",
               "The army said the enemy fired 36 cruise missiles at the port on Sunday.")
    assert not discrepancies(r)


def test_the_same_figure_with_and_without_its_subtype_still_agrees():
    r = report("The army said the enemy fired 36 missiles at the port on Sunday.",
               "The army said the enemy fired 36 cruise missiles at the port on Sunday.")
    assert [f.type for f in r.findings].count("agreement") >= 1


def test_a_county_figure_never_conflicts_with_the_regional_total():
    r = report("Flooding across the Varn valley killed 41 people, officials said on Monday.",
               "Flooding killed 19 people in Osk County, officials said on Monday.")
    assert not discrepancies(r)


def test_a_forecast_never_conflicts_with_the_actual_figure():
    r = report("Economists had expected the economy to add 170,000 jobs in April.",
               "The economy added 143,000 jobs in April, the statistics office said.")
    assert not discrepancies(r)


def test_last_years_figure_is_not_this_years():
    r = report("Halvorsen Motors reported quarterly revenue of £2.1bn, up from £1.8bn a year earlier.",
               "Halvorsen Motors posted quarterly revenue of £2.1bn, the company said.")
    assert not discrepancies(r)


def test_a_target_is_not_what_was_done():
    r = report("The campaign aims to vaccinate 1.2 million children in ten days, the ministry said.",
               "Health workers vaccinated 240,000 children in the first three days, the ministry said.")
    assert not discrepancies(r)


def test_another_years_event_named_in_the_sentence_is_another_event():
    r = report("In 1970 a quake of the same size killed 300 people in the Dashtan valley.",
               "Tuesday's quake killed 41 people in the Dashtan valley, officials said.")
    assert not discrepancies(r)


def test_the_police_count_and_the_organisers_count_are_two_counts():
    r = report("Police said 38,000 people marched through Valmira on Saturday.",
               "Organisers said 120,000 people marched through Valmira on Saturday.")
    assert not discrepancies(r)


def test_two_outlets_giving_one_sources_count_differently_conflict():
    r = report("Police said 38,000 people marched through Valmira on Saturday.",
               "Police said 83,000 people marched through Valmira on Saturday.")
    (found,) = discrepancies(r)
    assert joined_values(r, found) == [38000, 83000] and found.kind == "conflict"


def test_whose_share_it_is_keeps_two_candidates_apart():
    r = report("With most ballots counted, Orlov has 48.2% and Vesk 39.1%.",
               "Orlov won 48.2% of the vote and Vesk 39.1%, the election commission said.")
    assert not discrepancies(r)


def test_a_margin_in_points_is_not_a_vote_share():
    r = report("Orlov won 48% of the vote, the commission said.",
               "Orlov finished 9 percentage points ahead, the commission said.")
    assert not discrepancies(r)


def test_fifty_basis_points_are_half_a_percentage_point():
    r = report("The central bank raised its key rate by 50 basis points on Thursday.",
               "The central bank raised its key rate by half a percentage point on Thursday.")
    assert not discrepancies(r)
    assert any(f.type == "agreement" for f in r.findings)


def test_a_round_figure_admits_the_figure_it_rounds():
    r = report("Unions said 1.52 million workers joined the strike on Thursday.",
               "Unions said 1.5 million workers joined the strike on Thursday.")
    assert not discrepancies(r)


def test_a_count_of_two_classes_together_is_not_a_count_of_one():
    r = report("The army said the enemy launched 704 drones and missiles at the grid overnight.",
               "The army said the enemy launched 653 drones at the grid overnight.")
    assert not discrepancies(r)


def test_deaths_and_the_dead_count_people_killed():
    r = report("The storm caused 13 deaths in Carmona, the civil protection agency said.",
               "The storm killed 16 people in Carmona, the civil protection agency said.")
    (found,) = discrepancies(r)
    assert joined_values(r, found) == [13, 16]


def test_some_of_the_injured_are_not_the_injured():
    r = report("Forty people were injured in the collapse, officials said.",
               "Two of the injured are in a critical condition, officials said.")
    assert not discrepancies(r)


def test_treated_in_hospital_is_not_injured():
    r = report("The crash injured 33 people, the regional governor said.",
               "Hospitals were treating 55 people after the crash, the regional governor said.")
    assert not discrepancies(r)


def test_a_count_with_nothing_but_its_noun_in_common_is_no_fact():
    r = report("More than 30,000 runners took part in the Corvesse marathon.",
               "Medics treated 212 runners at the marathon, nine of them in hospital.")
    assert not any(sorted(joined_values(r, f)) == [9, 30000] for f in discrepancies(r))


def test_a_place_in_the_sources_title_is_not_the_figures_place():
    r = report("Kerr County Sheriff Ana Loyd said 24 people had died.",
               "The flood killed 31 people, officials said.")
    found = discrepancies(r)
    assert len(found) == 1 and joined_values(r, found[0]) == [24, 31]


def test_a_rising_toll_published_days_apart_is_an_update_naming_the_older_side():
    r = report("The hurricane killed 14 people, the civil protection agency said.",
               "The hurricane killed 31 people, the civil protection agency said.",
               days=(date(2025, 9, 24), date(2025, 9, 26)))
    (found,) = discrepancies(r)
    assert found.kind == "update"
    assert "Outlet 0 (24 Sep) is older than Outlet 1 (26 Sep)" in found.reason


def test_a_toll_said_on_two_days_is_an_update_not_two_events():
    r = report("The floods in Valmora have killed 12 people, the regional governor said on Monday.",
               "The floods in Valmora have killed 15 people, the regional governor said on Wednesday.",
               days=(date(2025, 3, 3), date(2025, 3, 5)))
    (found,) = discrepancies(r)
    assert found.kind == "update" and joined_values(r, found) == [12, 15]
    assert "on 3 Mar" not in found.fact  # when a figure was said is not when its deaths happened


def test_any_figure_given_as_of_two_days_is_an_update_ordered_by_those_days():
    r = report("As of Thursday, the heatwave had sent 512 people to hospital in Serrano, officials said.",
               "As of Monday, the heatwave had sent 340 people to hospital in Serrano, officials said.",
               days=(date(2025, 7, 10), date(2025, 7, 10)))
    (found,) = discrepancies(r)
    assert found.kind == "update"
    assert "Outlet 1 (07 Jul) is older than Outlet 0 (10 Jul), up 172" in found.reason


def test_counts_of_two_event_days_stay_two_facts():
    r = report("Storms killed five people in Ardena on Monday, the weather service said.",
               "Storms killed eight people in Ardena on Wednesday, the weather service said.",
               days=(date(2025, 3, 5), date(2025, 3, 5)))
    assert not discrepancies(r)


def test_two_named_agencies_giving_two_magnitudes_are_a_claimant_dispute():
    r = report("The quake had a magnitude of 5.6, according to the Geological Survey.",
               "The quake had a magnitude of 6.4, according to the national seismology centre.")
    (found,) = discrepancies(r)
    assert found.kind == "claimant"
    assert "geological survey" in found.reason and "national seismology centre" in found.reason


def test_a_transposed_figure_of_one_statement_is_a_conflict_we_are_sure_of():
    text = "The cup final drew 68,412 spectators to the National Stadium on Saturday, organisers said."
    r = report(text, text.replace("68,412", "68,142"))
    (found,) = discrepancies(r)
    assert found.kind == "conflict" and found.confidence == 1.0


def test_a_discrepancy_between_loosely_worded_sentences_says_it_is_unsure():
    r = report("The wildfire in the Olmeda hills has burned 12,400 hectares, firefighters said.",
               "Firefighters in the hills near Olmeda were still fighting a blaze covering 15,100 hectares.")
    (found,) = discrepancies(r)
    assert found.confidence < 1.0
    if found.confidence < 0.6:
        assert "unsure:" in found.reason


def test_a_round_figure_admits_a_bound_on_it_2500_troops_and_more_than_2500():
    r = report("The ministry said 2,500 troops crossed the border on Friday.",
               "The ministry said more than 2,500 troops crossed the border on Friday.")
    assert not discrepancies(r)


def test_a_precise_figure_is_no_round_figure_2503_against_more_than_2503():
    r = report("The ministry said 2,503 troops crossed the border on Friday.",
               "The ministry said more than 2,503 troops crossed the border on Friday.")
    assert len(discrepancies(r)) == 1


def test_the_dateline_and_a_live_pages_stamps_are_no_facts():
    r = report("VALMIRA, Feb 12 (Meridian) - Workers marched through Valmira against the pension plan.",
               "VALMIRA, Feb 13 (Meridian) - Workers marched through Valmira against the pension plan.",
               "14:02 BREAKING: Workers marched through Valmira against the pension plan.")
    assert not discrepancies(r)


def test_the_source_named_right_after_a_figure_is_that_figures_source():
    r = report("The march drew about 40,000 people, according to police, or 120,000, according to unions.",
               "Police said about 40,000 people joined the march.")
    assert not discrepancies(r)
    assert any(f.type == "agreement" for f in r.findings)


def test_the_source_whose_verb_comes_before_a_figure_in_its_own_clause_is_that_figures_source():
    r = report("The ministry counted 52,000 voters at the rallies, while the opposition said more than "
               "90,000 had turned out.",
               "The opposition said 91,000 voters turned out at the rallies.")
    assert not discrepancies(r)
    claimants = {c.text: c.frame.claimant for c in r.claims["a0"]}
    assert claimants["more than 90,000"] == "opposition"
    assert claimants["52,000 voters"] == "ministry"


def test_a_count_never_joins_a_fact_that_holds_a_rival_sources_count():
    # the unnamed figure agrees with the union's; the employers' count is another count, not a conflict
    r = report("The union said 12 factories were shut by the strike on Monday.",
               "Twelve factories were shut by the strike on Monday.",
               "The employers federation said nine factories were shut by the strike on Monday.")
    assert not discrepancies(r)
    assert any(f.type == "agreement" and joined_values(r, f) == [12, 12] for f in r.findings)


def test_a_named_source_against_an_unnamed_figure_still_conflicts():
    r = report("Rainfall at the Osk gauge reached 212 mm, the weather service said.",
               "Rainfall at the Osk gauge reached 121 mm on Tuesday.")
    assert len(discrepancies(r)) == 1


def test_two_open_bounds_of_different_figures_agree_only_when_something_anchors_them():
    # "more than 300 km" and "upwards of 900 km" meet whatever they measure: nothing says they are one
    r = report("The relay covered more than 300 km on its first leg through the hills, the organisers said.",
               "The relay covered upwards of 900 km through the hills, the organisers said.")
    assert not [f for f in r.findings if f.type == "agreement" and "km" in f.reason]
    # the same verb and place anchor two bounds of one toll
    r = report("The storm killed at least 12 people in Osk County on Friday.",
               "The storm killed more than 10 people in Osk County on Friday.")
    assert any(f.type == "agreement" and joined_values(r, f) == [10, 12] for f in r.findings)


def test_a_short_description_before_a_name_keeps_the_name_the_holder_of_its_clause():
    r = report("Kenya's Jomo Kiprop won the men's race in 2:06:11 on Sunday.",
               "Harlow schoolteacher Lena Voss finished 40th in the men's race in 2:31:05 on Sunday.")
    assert not discrepancies(r)
    assert [c.frame.holder for c in r.claims["a1"] if c.text == "2:31:05"] == ["lena voss"]


def test_ages_of_two_people_never_conflict_and_one_persons_age_does():
    r = report("Orlov won 1,204,311 votes against 998,102 for Vesk, 61, the commission said.",
               "The 47-year-old Orlov won nearly 1.2 million votes.")
    assert not [f for f in discrepancies(r) if "year" in f.reason or "age" in f.reason]
    holders = {c.text: c.frame.holder for a in r.claims for c in r.claims[a] if c.kind == "age"}
    assert holders == {"61": "vesk", "47-year-old": "orlov"}
    r = report("The 47-year-old Orlov won nearly 1.2 million votes.",
               "The 74-year-old Orlov won nearly 1.2 million votes.")
    assert len(discrepancies(r)) == 1


def test_the_day_figures_were_counted_to_is_no_date_of_the_story():
    r = report("The clinic has logged 5,930 suspected cases, according to figures up to Monday.",
               "The ministry revised its count of suspected cases for February down by 120.")
    assert not discrepancies(r)
    [monday] = [c for c in r.claims["a0"] if c.text == "Monday"]
    assert monday.frame.when_said


def test_two_figures_of_another_time_are_not_anchored_by_that_alone():
    # both dates are another year's ("historical"): that says nothing about their being one date; two
    # forecasts are anchored by their cue
    from app.engine import extract_claims
    from app.engine.compare.align import make_item
    from app.engine.compare.keys import soft_conflict
    from app.engine.model import ClaimRef

    def item(text: str, index: int = 0):
        return make_item(ClaimRef(text[:8], 0), extract_claims(text, D)[index], "x", 0)

    past = item("The outbreak began in late January 2025 in the river towns.")
    other = item("A similar outbreak in 2019 killed 40 people across the province.")
    assert (past.claim.frame.modality, other.claim.frame.modality) == ("historical", "historical")
    assert soft_conflict(past, other) == "unanchored"
    assert soft_conflict(item("Analysts expect growth of 2.1% in the region."),
                         item("Economists forecast 1.4% for the bloc.")) is None


def test_an_article_that_gives_a_bound_and_the_exact_figure_speaks_with_the_exact_one():
    # the second article says "at least 31" and "31 were confirmed dead": its 31 conflicts with the 38 of
    # the first, and "at least 31" (which 38 fits) does not hide it
    r = report("The heatwave killed 38 people in Osk province, the health office said on Monday. Hospitals "
               "treated 1,200 people for heatstroke and 40 towns opened cooling centres.",
               "The heatwave has killed at least 31 people in Osk province. By Sunday evening, 31 people had "
               "been confirmed dead in Osk province, the health office said.")
    found = discrepancies(r)
    assert len(found) == 1 and joined_values(r, found[0]) == [31, 38]
    # "had been confirmed dead": a passive verb of saying names no source
    assert {c.frame.claimant for c in r.claims["a1"] if c.text == "31 people"} == {"health office"}


def test_an_aftershocks_magnitude_is_not_the_main_shocks():
    r = report("An earthquake of magnitude 6.9 struck the Dashtan valley on Tuesday.",
               "The Dashtan valley was hit on Tuesday by an aftershock of magnitude 5.2.")
    assert not discrepancies(r)
    r = report("An earthquake of magnitude 6.9 struck the Dashtan valley on Tuesday.",
               "A 6.6-magnitude quake struck the Dashtan valley on Tuesday.")
    assert len(discrepancies(r)) == 1


def test_the_remaining_deaths_are_not_a_countys_deaths():
    r = report("Osk County confirmed two deaths from the storm on Sunday.",
               "Storm deaths: seven in Varn County; the remaining nine deaths were spread across "
               "other counties.")
    assert not discrepancies(r)


def test_a_local_clock_time_is_compared_with_local_times_and_a_gmt_time_with_utc_times():
    r = report("The storm made landfall at 7:47 p.m. local time (2347 GMT), the hurricane centre said.",
               "The storm made landfall at 23:47 GMT, the hurricane centre said.",
               "The storm made landfall at 11:47 p.m. local time, the hurricane centre said.")
    found = discrepancies(r)
    assert len(found) == 1
    assert "11:47 p.m." in found[0].reason and "7:47 p.m." in found[0].reason


def test_a_vague_figure_does_not_draw_a_precise_one_away_from_its_fact():
    r = report("Officials said hundreds of people had been rescued from the floods; more than 850 people "
               "had been rescued or evacuated by Saturday.",
               "Roughly 240 people had been rescued from the floods, officials said.",
               days=(date(2025, 7, 6), date(2025, 7, 4)))
    assert any([v for v in joined_values_or_none(r, f) if v is not None] == [240, 850]
               for f in discrepancies(r))


def test_a_bare_figure_of_a_toll_counts_people_killed():
    r = report("The confirmed death toll stands at 24, officials said.",
               "The flood killed 31 people, officials said.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[24, 31]]


def test_the_name_that_opens_the_clause_holds_the_figure():
    r = report("Ethiopia's Meskerem Alemu won the women's race in 2:19:07, a personal best.",
               "Anouk Demers finished 12th in the women's race in 2:41:36.")
    assert not discrepancies(r)


def test_two_targets_compare_with_each_other():
    r = report("The campaign aims to vaccinate 1.2 million people in ten days.",
               "The ministry's campaign aims to vaccinate 2.1 million people in ten days.")
    assert [sorted(joined_values(r, f)) for f in discrepancies(r)] == [[1200000, 2100000]]


def test_two_winners_margins_never_conflict_when_one_article_names_neither():
    # the women's winner's margin, named, against a men's margin told after a pronoun
    r = report("In the women's race, Ana Ruiz ran 2:21:04, breaking the course record by 84 seconds.",
               "He finished 14 seconds ahead of the field, and beat the previous record by 42 seconds.")
    assert not discrepancies(r)


def test_one_runners_margin_still_conflicts_when_both_name_her():
    r = report("In the women's race, Ana Ruiz ran 2:21:04, breaking the course record by 84 seconds.",
               "In the women's race, Ana Ruiz ran 2:21:04, breaking the course record by 48 seconds.")
    assert len(discrepancies(r)) == 1


def test_a_race_time_is_never_a_misstated_span_of_years():
    r = report("Vesk won the regatta in 2:05:41 on Sunday, the organisers said.",
               "The old mark had stood for three years before Vesk won the regatta on Sunday.")
    assert not discrepancies(r)


def _item(text, surface=None, kind=None):
    """The aligned item of the claim `surface` (or the first claim of `kind`) of `text`, extracted."""
    from app.engine import extract_claims
    from app.engine.compare.align import make_item
    from app.engine.model import ClaimRef

    c = next(c for c in extract_claims(text, D) if c.text == surface or (surface is None and c.kind == kind))
    return make_item(ClaimRef("x", 0), c, "x", 0)


def test_durations_a_hundredfold_apart_are_two_spans_and_weeks_against_months_one_slip():
    from app.engine.compare.keys import soft_conflict

    item = _item
    race = item("Vesk won the regatta in 2:05:41 on Sunday.", "2:05:41")
    years = item("The old mark had stood for three years.", "three years")
    assert soft_conflict(race, years) == "another span"
    weeks = item("The ward will stay shut for 5 to 6 weeks.", "5 to 6 weeks")
    months = item("The ward will stay shut for 5 to 6 months.", "5 to 6 months")
    assert soft_conflict(weeks, months) != "another span"


def test_amounts_ten_thousandfold_apart_are_two_quantities_and_a_scale_slip_one():
    from app.engine.compare.keys import soft_conflict

    item = _item
    per_share = item("Analysts had expected Korvane to earn $1.40, the survey showed.", "$1.40")
    revenue = item("Analysts had expected Korvane to earn $7.1bn, the survey showed.", "$7.1bn")
    assert soft_conflict(per_share, revenue) == "another size"
    millions = item("The Tarvo council approved a $7m budget on Monday.", "$7m")
    billions = item("The Tarvo council approved a $7bn budget on Monday.", "$7bn")
    assert soft_conflict(millions, billions) != "another size"  # a desk's slip of a scale word


def test_a_burst_over_a_few_hours_never_joins_the_nights_total():
    r = report("Overnight, the valley received at least 10 inches of rain, the weather service said.",
               "More than 7 inches of rain fell on the valley in just 4.5 hours, the weather service said.")
    assert not r.findings or not any("inch" in f.reason for f in r.findings)


def test_cases_in_a_day_never_conflict_with_cases_in_a_week_and_the_same_span_does():
    r = report("The ministry recorded 310 new cholera cases in 24 hours, officials said on Friday.",
               "The ministry recorded 1,450 new cholera cases in a week, officials said on Friday.")
    assert not discrepancies(r)
    r = report("The ministry recorded 310 new cholera cases in 24 hours, officials said on Friday.",
               "The ministry recorded 301 new cholera cases in 24 hours, officials said on Friday.")
    assert len(discrepancies(r)) == 1


def test_private_employers_jobs_are_a_part_of_all_jobs_added():
    r = report("Employers added 182,000 jobs in March, the statistics bureau said on Friday.",
               "Private employers added 160,000 jobs in March, the statistics bureau said on Friday.")
    assert not discrepancies(r)
    r = report("Private employers added 160,000 jobs in March, the statistics bureau said on Friday.",
               "Private employers added 106,000 jobs in March, the statistics bureau said on Friday.")
    assert len(discrepancies(r)) == 1


def test_a_segments_revenue_never_conflicts_with_the_companys():
    r = report("Brennick Foods reported quarterly revenue of $4.2 billion on Thursday.",
               "Snacks revenue was $1.6bn, Brennick Foods said on Thursday.")
    assert not discrepancies(r)
    r = report("Snacks revenue was $1.6bn, Brennick Foods said on Thursday.",
               "Snacks revenue was $1.9bn, Brennick Foods said on Thursday.")
    assert len(discrepancies(r)) == 1


def test_the_figure_a_figure_is_compared_with_measures_the_same_thing():
    r = report("Net profit rose to $412 million from $380 million, Brennick said on Thursday.",
               "Revenue was $4.2 billion, up from $3.96 billion, Brennick said on Thursday.")
    assert not discrepancies(r)


def test_turnout_at_six_pm_is_no_final_turnout():
    r = report("Turnout stood at 54.7% at 6 p.m., the commission said on Sunday.",
               "Turnout was 61.2%, the commission said on Sunday.")
    assert not discrepancies(r)
    r = report("Turnout stood at 54.7% at 6 p.m., the commission said on Sunday.",
               "Turnout stood at 45.7% at 6 p.m., the commission said on Sunday.")
    assert len(discrepancies(r)) == 1


def test_the_wholes_of_two_partitives_are_no_fact_and_the_parts_conflict():
    r = report("Five of the seven board members voted for the rise, the bank said on Thursday.",
               "The rise was backed by six of the seven members of the board, the bank said on Thursday.")
    assert [joined_values(r, f) for f in r.findings] == [[5, 6]]
    assert discrepancies(r)


def test_at_least_four_killed_never_agrees_with_321_people_on_board():
    r = report("The train had 321 people on board, the operator said.",
               "The regional governor said at least four people have been killed near Ostrovo.")
    assert not r.findings
    r = report("The regional governor said at least four people have been killed near Ostrovo.",
               "The regional governor said six people have been killed near Ostrovo.")
    assert [f.type for f in r.findings] == ["agreement"]


def test_two_rises_of_different_measures_are_two_facts():
    r = report("Orvane Telecom said revenue rose 12% in the quarter, and the broader index rose 0.8%.",
               "Orvane Telecom said the broader index rose 0.8% on the day, while revenue rose 12%.",
               "Orvane Telecom gained as revenue rose 12% in the quarter; the broader index rose 0.6%.")
    assert not any("12%" in f.reason and "0.8%" in f.reason for f in discrepancies(r))


def test_people_charged_are_another_count_than_people_arrested():
    r = report("Police in Orvale arrested 52 people after the march, and 16 have been charged.",
               "Police said 29 people were arrested in Orvale on Saturday evening.")
    assert not any("16" in f.reason and "29" in f.reason for f in discrepancies(r))
    from app.engine import extract_claims
    found = extract_claims("Police arrested 52 people, and 16 have been charged.")
    assert [c.frame.action for c in found if c.text == "16"] == ["charge"]


def test_two_months_that_date_two_different_figures_are_no_date_discrepancy():
    r = report("The bureau said March's figure was revised up to 88,000 from 71,000, a sharp change.",
               "The bureau said February was revised down to 64,000, a sharp change.")
    assert not [f for f in discrepancies(r) if "March" in f.reason and "February" in f.reason]


def test_a_month_a_desk_moved_under_the_same_figure_is_still_a_date_discrepancy():
    r = report("The Orvale bureau said employers added 88,000 jobs in March, beating forecasts.",
               "The Orvale bureau said employers added 88,000 jobs in April, beating forecasts.")
    assert [f for f in discrepancies(r) if "March" in f.reason and "April" in f.reason]


def test_a_sum_per_share_is_no_share_price_and_a_wage_an_hour_no_wage_a_week():
    from app.engine.compare.keys import hard_conflict, soft_conflict

    def item(text):
        return _item(text, kind="money")

    per_share = item("Korvane earned $1.51 a share in the quarter.")
    price = item("Korvane shares closed at $139.02 in the quarter.")
    assert soft_conflict(per_share, price) == "part (rate)"
    hourly = item("Nurses in Orvale earn $31.40 an hour.")
    assert hard_conflict(hourly, item("Nurses in Orvale earn $31.40 a week.")) == "rate"


def test_a_share_in_a_region_opening_the_sentence_never_conflicts_with_the_national_share():
    r = report("Dravo won the first round with 31.7% of the vote, the commission said on Sunday.",
               "In Tarvel, Dravo won 61.4% of the vote, the commission said on Sunday.")
    assert not discrepancies(r)
    r = report("Dravo won the first round with 31.7% of the vote, the commission said on Sunday.",
               "Dravo won the first round with 37.1% of the vote, the commission in Tarvel said on Sunday.")
    assert discrepancies(r)  # a place named further on only says where it was said


def test_a_threshold_needed_to_win_is_a_target():
    from app.engine import extract_claims
    found = extract_claims("Dravo fell short of the 50% needed to win outright.")
    assert [c.frame.modality for c in found] == ["target"]
    rescued = extract_claims("Some 50 people needed to be rescued from the roofs.")
    assert [c.frame.modality for c in rescued] == ["reported"]


def test_a_share_of_spoiled_ballots_is_not_the_winning_share():
    r = report(
        "Voters in Marlow backed the new charter by 54.2 per cent to 45.8 per cent. Turnout was 61 per cent "
        "of the 1.2 million registered voters.",
        "The charter passed with 54.2% of the vote. About 61% of registered voters cast a ballot, and "
        "2.1% of ballots were spoiled.",
    )
    assert discrepancies(r) == []
    assert [54.2, 54.2] in [joined_values(r, f) for f in r.findings if f.type == "agreement"]


def test_the_part_of_a_set_is_not_the_set_measles_cases_in_children():
    r = report(
        "Health officials have confirmed 86 cases of measles, 61 of them in children under five.",
        "The outbreak has reached 68 confirmed cases, officials said.",
    )
    (finding,) = discrepancies(r)
    assert joined_values(r, finding) == [68, 86]


def test_a_quarters_growth_never_conflicts_with_the_years():
    r = report(
        "Sales rose 8% in the quarter to 2.1 billion euros and 5% for the full year to 7.9 billion euros.",
        "Quarterly revenue grew 8 per cent to EUR 2.1bn; annual sales were up 5 per cent at EUR 7.9bn.",
    )
    assert discrepancies(r) == []


def test_a_figure_beside_another_partys_figure_is_not_that_partys():
    r = report(
        "The Liberal Union won 12 of the 20 seats on the council, up from 9 in 2022. "
        "The Greens took 5 seats.",
        "Liberals now hold 12 seats, three more than before, while the Greens have five.",
    )
    assert discrepancies(r) == []
    assert [5, 5] in [joined_values(r, f) for f in r.findings if f.type == "agreement"]


def test_a_day_whose_year_no_outlet_writes_is_one_day_whatever_year_each_reading_inferred():
    r = report(
        "Money markets now put the chance of a cut at the central bank's June 17 meeting at about 70%.",
        "Swaps now price a 68% chance that the central bank cuts rates on June 17, up from 40%.",
        days=(date(2026, 5, 8), date(2026, 5, 8)),
    )
    assert not [f for f in discrepancies(r) if {c.kind for c in (r.claims[x.article_id][x.index]
                                                                 for x in f.claims)} == {"date"}]



def test_a_restatement_its_own_article_contradicts_is_compared_in_its_place():
    r = report(
        "Crews battled the blaze as temperatures of 36C (97F) made conditions punishing.",
        "Crews battled the blaze as temperatures reached 36C (87F).",
        "A toxic plume of smoke stretched 25 kilometres (16 miles) across the valley.",
        "A toxic plume of smoke stretched 25 kilometres (40 miles) across the valley.",
    )
    found = {tuple(sorted(r.claims[c.article_id][c.index].text for c in f.claims)) for f in discrepancies(r)}
    assert found == {("36C", "87F"), ("25 kilometres", "40 miles")}
    assert not [f for f in r.findings if f.type == "agreement" and "36C" in f.reason]
    assert all("restatement" in f.reason for f in discrepancies(r))


def test_two_counts_hundreds_of_times_apart_are_two_counts():
    r = report(
        "Police said about 45,000 people marched through the capital on Saturday. "
        "Officers arrested 23 people.",
        "Some 62,000 people joined the march, researchers said. Police detained 32 people.",
    )
    found = [joined_values(r, f) for f in discrepancies(r)]
    assert [23, 32] in found
    assert not [v for v in found if 45000 in v and 32 in v]


def test_a_retailers_collapse_told_three_ways():
    r = report(
        "Fenwick & Hale collapsed into administration on Monday with debts of £310 million, putting "
        "4,200 jobs at risk. The chain lost £48 million in the year to January. Administrators said 18 "
        "of its 62 stores would close.",
        "The company owes creditors £310m. It made a loss of £48m last year. Administrators said 18 of the "
        "chain's 62 shops would shut.",
        "Debts total £301 million, administrators said. The retailer will close 18 stores.",
    )
    found = [joined_values_or_none(r, f) for f in discrepancies(r)]
    assert found == [[301e6, 310e6, 310e6]]  # a swapped digit moves a zero too
    agreed = [joined_values_or_none(r, f) for f in r.findings if f.type == "agreement"]
    assert [48e6, 48e6] in agreed  # "the chain lost" measures no chain
    assert [18, 18, 18] in agreed  # 18 of the chain's shops are 18 stores


def test_the_people_treated_are_not_those_taken_to_hospital():
    r = report(
        "The city's ambulance service said it treated 64 people, including 19 who were taken to hospital.",
        "Nineteen protesters were taken to hospital, according to the ambulance service.",
    )
    assert not [f for f in discrepancies(r) if 64 in joined_values(r, f)]


def test_a_name_in_the_other_sentence_anchors_no_figure_that_says_what_else_it_measures():
    r = report(
        "Marrowby's owed £640 million when it called in administrators on Monday, its statement said.",
        "A rival is weighing an offer of about £15 million for the Marrowby's brand and up to 30 stores.",
    )
    assert discrepancies(r) == []


def test_another_years_figure_a_digit_apart_is_no_slip():
    r = report(
        "Baswin is the strongest typhoon to hit since Typhoon Corvel in 2011, whose winds peaked at "
        "205 km/h.",
        "Baswin made landfall packing sustained winds of 215 km/h, the weather agency said.",
    )
    assert discrepancies(r) == []


def test_fishermen_and_crewmen_count_people():
    r = report("Nine fishermen were missing after their trawler sank, the coast guard said.",
               "Eleven crewmen are now unaccounted for after the trawler sank, the coast guard said.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[9, 11]]


def test_spans_of_two_things_are_two_spans():
    r = report(
        "Kjaerholm cut race leader Elio Brandt's overall advantage to 2 minutes 7 seconds on the stage.",
        "Brandt was handed a 20-second penalty for taking a bottle from his team car late in the stage.",
    )
    assert discrepancies(r) == []


def test_a_span_is_named_by_its_noun_before_a_stray_measure():
    r = report("Brandt was handed a 20-second penalty for taking a bottle from his team car.",
               "Brandt was given a 20-second time penalty on Wednesday evening for taking a bottle.")
    assert [joined_values(r, f) for f in r.findings if f.type == "agreement" and "20-second" in f.reason] \
        == [[20, 20]]


def test_one_sum_whose_currency_a_desk_changed_is_a_discrepancy():
    r = report("Brandt, 21, who joined Redmoor from FC Lindqvist in January for €18 million, scored twice.",
               "Brandt, 21, who joined Redmoor from FC Lindqvist in January for £18 million, scored twice.")
    (found,) = discrepancies(r)
    assert "another currency" in found.reason
    assert not [f for f in r.findings if f.type == "agreement" and "18 million" in f.reason]


def test_sums_in_two_currencies_that_nothing_anchors_are_two_sums():
    r = report("The central bank sold $4.2 billion of reserves on Tuesday.",
               "The treasury raised €4.2 billion from a bond sale.")
    assert not [f for f in r.findings if "4.2" in f.reason]


def test_a_copy_that_turned_a_fall_into_a_rise_is_an_opposite_reading_beside_another_figure():
    text = "Veltra shares fell 4.1% in early trading in Frankfurt on Thursday."
    r = report(text, text.replace("fell", "rose"),
               "Veltra shares closed 7.3% lower in Frankfurt on Thursday.")
    kinds = sorted(f.kind for f in discrepancies(r))
    assert "opposite" in kinds
    assert not [f for f in r.findings if f.type == "agreement" and "4.1%" in f.reason]


def test_a_currencys_moves_against_two_currencies_are_two_facts():
    r = report("The crown fell 3.2% against the euro on Tuesday, the central bank said.",
               "The crown fell 2.1% against the dollar on Tuesday, the central bank said.")
    assert not discrepancies(r)
    r = report("The crown fell 3.2% against the euro on Tuesday, the central bank said.",
               "The crown lost 3.5% against the euro on Tuesday, the central bank said.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[3.2, 3.5]]


def test_what_a_thing_can_hold_is_not_what_it_held():
    r = report("The ferry was carrying 312 passengers when it sank, the coastguard said.",
               "The ferry, which can carry up to 500 passengers, sank off the cape, the coastguard said.")
    assert not [f for f in r.findings if "312" in f.reason and "500" in f.reason]
    r = report("The final drew 68,412 fans to the stadium, which has a capacity of 70,000.",
               "The final drew 68,142 fans to the stadium, which has a capacity of 70,000.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[68142, 68412]]


def test_measures_of_two_places_are_two_facts():
    r = report("Temperatures reached 41.3C in Sevilla on Monday, the weather agency said.",
               "Temperatures reached 38.2C in Madrid on Monday, the weather agency said.")
    assert not discrepancies(r)
    r = report("Temperatures reached 41.3C in Sevilla on Monday, the weather agency said.",
               "Temperatures reached 43.1C in Sevilla on Monday, the weather agency said.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[41.3, 43.1]]


def test_a_river_that_peaked_is_not_the_height_its_defences_are_built_to():
    r = report("The river peaked at 6.2 metres in Tarvel on Sunday.",
               "Flood defences in Tarvel are built to 5.5 metres.")
    assert not discrepancies(r)


def test_what_a_majority_needs_is_not_what_a_party_won():
    r = report("The Liberals won 142 seats, the commission said.",
               "A majority needs 151 seats, the commission said.")
    assert not discrepancies(r)


def test_a_climbing_time_is_not_the_stage_time():
    r = report("Arboleda won the stage in a time of 5 hours 48 minutes 12 seconds, the organisers said.",
               "His climbing time of 52 minutes and 9 seconds was a record, the organisers said.")
    assert not discrepancies(r)


def test_more_than_a_measure_is_no_nearly_that_measure():
    r = report("The stage had nearly 5,000 metres of climbing, the organisers said.",
               "The stage had more than 5,000 metres of climbing, the organisers said.")
    assert [f.type for f in r.findings] == ["discrepancy"]


def test_a_change_in_percent_is_no_share_of_a_whole():
    r = report("Norvane shares fell 6.2% on Monday after the deal was announced.",
               "Norvane shareholders will own about 78% of the combined company after the deal.")
    assert not discrepancies(r)
    r = report("Norvane shares fell 6.2% on Monday after the deal was announced.",
               "Norvane shares fell 2.6% on Monday after the deal was announced.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[2.6, 6.2]]


def test_two_approximations_state_one_figure_only_within_the_coarser_rounding():
    r = report("The airport operator said about 48,000 passengers had their travel disrupted.",
               "The airport operator said about 45,000 passengers had their travel disrupted.")
    assert [joined_values(r, f) for f in discrepancies(r)] == [[45000, 48000]]
    r = report("The camp held around 700 children when the flood struck, officials said.",
               "The camp held roughly 750 children when the flood struck, officials said.")
    assert not discrepancies(r)
    r = report("Turnout was about 4.46 million voters, the commission said.",
               "Turnout was about 4.5 million voters, the commission said.")
    assert not discrepancies(r)


def test_a_margin_told_from_its_two_ends_is_no_opposite_reading():
    r = report("Arboleda won the stage 38 seconds ahead of Rehberg, the organisers said.",
               "Rehberg finished second, 38 seconds behind, the organisers said.")
    assert not [f for f in discrepancies(r) if f.kind == "opposite"]
    r = report("Varga leads Brannik by 4.7 points, the poll found.",
               "Varga trails Brannik by 4.7 points, the poll found.")
    assert [f.kind for f in discrepancies(r)] == ["opposite"]


def test_a_rate_named_by_a_measure_is_that_measure():
    """'the unemployment rate' and 'unemployment' name one measure (keys.one_measure), 'the participation
    rate' and 'participation' another: each pair agrees, the reason names the measure shared, and the two
    measures never meet. (The rate is written with a word more, so the two agree only on one figure.)"""
    r = report("The statistics office said the unemployment rate held at 4.1% in April, and the "
               "participation rate was steady at 63.2%.",
               "The statistics office said unemployment stayed at 4.1% in April; participation held at "
               "63.2%.")
    agreed = [joined_values(r, f) for f in r.findings if f.type == "agreement" and "%" in f.reason]
    assert sorted(agreed) == [[4.1, 4.1], [63.2, 63.2]] and not discrepancies(r)
    assert any("same measure (Unemployment)" in f.reason for f in r.findings)


def test_things_still_without_power_are_what_is_left_not_what_was_cut():
    """'180,000 homes still without power' a day on is no other count of '210,000 homes lost power'; the
    people still missing are the missing."""
    r = report("More than 210,000 homes lost power when the storm hit the coast on Sunday.",
               "Crews worked to restore electricity to 180,000 homes still without power on Monday.")
    assert not discrepancies(r)
    r = report("Fourteen people were missing after the landslide, the mayor said.",
               "Fourteen people are still missing after the landslide, the mayor said.")
    assert [f.type for f in r.findings if "ourteen" in f.reason] == ["agreement"]


def test_figures_in_one_unit_are_compared_as_stated_beside_a_conversion():
    """'165 km/h' and '160 km/h' differ although '103 mph' admits both: only the figure in the other unit
    is widened by a conversion's rounding (verdicts._comparison_basis)."""
    r = report("Storm Idris made landfall on Sunday with winds of 165 km/h, the weather service said.",
               "Storm Idris came ashore on Sunday, packing winds of 160 km/h, the weather service said.",
               "Storm Idris hit land on Sunday with winds of 103 mph, the weather service said.")
    (d,) = discrepancies(r)
    assert [sorted(r.claims[c.article_id][c.index].text for c in side) for side in d.sides] in (
        [["165 km/h"], ["160 km/h"]], [["160 km/h"], ["165 km/h"]])
    r = report("The storm's winds reached 165 km/h on Sunday, the weather service said.",
               "The storm's winds reached 103 mph on Sunday, the weather service said.")
    assert [f.type for f in r.findings if "km/h" in f.reason] == ["agreement"]


def test_a_score_told_by_the_winner_and_by_the_side_beaten_is_one_score():
    """'beating Marlow Athletic 3-1' names the side beaten, not whose score it is (frame.toml [holder]
    opponent_before), so it meets 'Redhaven City's 3-2 win over Marlow Athletic'."""
    r = report("Redhaven City won the cup final on Saturday, beating Marlow Athletic 3-1 in the capital.",
               "Redhaven City's 3-2 win over Marlow Athletic in Saturday's cup final ended a long wait.")
    (d,) = discrepancies(r)
    assert sorted(r.claims[c.article_id][c.index].text for c in d.claims) == ["3-1", "3-2"]


def test_an_irregular_past_tense_after_a_count_is_its_verb():
    from app.engine import extract_claims
    (c,) = [c for c in extract_claims("A crowd of 71,240 saw the hosts score twice.") if c.kind != "date"]
    assert (c.text, c.frame.counted, c.frame.noun) == ("71,240", "person", "crowd")


def test_hospitalisations_are_people_taken_to_hospital():
    """'11 hospitalisations' counts the people hospitalised (counted.toml [outcomes] hospitalise), not the
    injured: it meets '11 people have been hospitalised' and never a count of the injured."""
    r = report("Health officials said 11 people have been hospitalised with measles in Dunmore.",
               "Health officials in Dunmore reported 11 hospitalisations from measles.",
               "Health officials in Dunmore said 14 people were injured in a separate crash.")
    agreed = [f for f in r.findings if f.type == "agreement" and "11" in f.reason]
    assert len(agreed) == 1 and not discrepancies(r)
