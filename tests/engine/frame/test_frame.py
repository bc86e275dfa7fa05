"""Claim framing: one test per phrase the framer reads (texts written for these tests)."""

from datetime import date

import pytest

from app.engine import extract_claims
from app.engine.frame.frame import frame_span


def frame(sentence: str, surface: str, kind: str = "count", published: date | None = None):
    start = sentence.index(surface)
    return frame_span(sentence, start, start + len(surface), kind=kind, published_at=published)


def test_bomber_jets_count_as_aircraft():
    f = frame("Saboteurs hit 23 heavy bomber jets at the airfield.", "23")
    assert (f.counted, f.noun) == ("aircraft", "heavy bomber jet")


def test_warplanes_count_as_aircraft():
    assert frame("The deal covers 80 warplanes.", "80").counted == "aircraft"


def test_strike_and_decoy_drones_count_as_drones():
    assert frame("The army fired 210 strike and decoy drones at the port.", "210").counted == "drone"


def test_others_count_as_people():
    assert frame("The blast killed two and injured 14 others.", "14").counted == "person"


def test_staff_and_employees_count_as_people():
    assert frame("The mill has around 300 staff.", "300").counted == "person"
    assert frame("The firm laid off 45 employees.", "45").counted == "person"


def test_individuals_count_as_people():
    assert frame("Police said 12 individuals were detained.", "12").counted == "person"


def test_ukrainian_drones_keep_their_origin():
    f = frame("Air defences downed 75 Ukrainian drones over the border area.", "75")
    assert f.modifiers == ("ukrainian",) and f.origin == "ukraine"


def test_fired_is_a_launch():
    f = frame("Russia fired 96 drones at the capital.", "96")
    assert (f.action, f.action_word, f.actor, f.origin) == ("launch", "fired", "russia", "russia")


def test_shot_down_is_an_intercept():
    f = frame("Ukrainian forces shot down 40 drones, the military said.", "40")
    assert (f.action, f.actor) == ("intercept", "ukraine")


def test_neutralized_is_an_intercept():
    assert frame("Crews neutralized 31 missiles before dawn.", "31").action == "intercept"


def test_were_wounded_after_the_count_is_the_action():
    f = frame("A child was killed and 6 other people were wounded in the shelling.", "6")
    assert f.action == "wound"


def test_killing_and_injuring_take_the_nearest_verb():
    s = "Artillery hit the Sumy region, killing four people and injuring 27 others."
    assert frame(s, "four").action == "kill"
    assert frame(s, "27").action == "wound"


def test_torpedoed_comes_from_the_lexicon():
    assert frame("Submarines torpedoed three ships in the strait.", "three").action == "strike"


def test_launched_by_names_the_actor():
    f = frame("Gunners damaged 12 out of 30 drones launched by Russia overnight.", "30")
    assert (f.action, f.actor) == ("launch", "russia")


def test_right_before_verb_wins_over_a_later_participle():
    f = frame("Gunners damaged 12 out of 30 drones launched by Russia overnight.", "12 out of 30")
    assert f.action == "damage"


def test_attack_on_four_bases_is_an_attack_by_the_subject():
    f = frame("Ukraine said it carried out an attack on four Russian airbases.", "four")
    assert (f.counted, f.action, f.actor, f.origin) == ("airbase", "strike", "ukraine", "russia")


def test_in_the_region_is_the_place():
    f = frame("Among them, at least two people were hurt in the Odesa region.", "two")
    assert f.place == "odesa"


def test_participle_clause_takes_the_main_clause_place_and_actor():
    f = frame("Russian troops shelled Ukraine's southern Mykolaiv region, killing five people.", "five")
    assert (f.place, f.actor, f.action) == ("mykolaiv", "russia", "kill")


def test_with_five_in_borrows_the_noun_before():
    f = frame("Nine civilians were hurt, with five in the Poltava region alone.", "five")
    assert (f.counted, f.place) == ("person", "poltava")


def test_sunday_resolves_against_the_publication_date():
    f = frame("Russia on Sunday fired 300 drones.", "300", published=date(2025, 3, 4))  # a Tuesday
    assert f.time == "2025-03-02"


def test_the_air_force_said_is_the_attribution():
    f = frame("Russia fired 300 drones, the air force said.", "300")
    assert f.attribution == "the air force"


def test_according_to_is_the_attribution():
    f = frame("Ten people were hurt, according to local officials.", "Ten")
    assert f.attribution == "local officials"


def test_all_but_two_is_an_exception_not_a_count():
    assert frame("Defences repelled the raids in all but two regions.", "two").negated


def test_three_other_bases_is_marked_as_another_set():
    assert "other" in frame("It also foiled raids on three other bases.", "three").modifiers


def test_431_of_the_drones_counts_drones_not_the_noun_before():
    f = frame("Crews shot down 431 of the drones and 39 of the missiles.", "39")
    assert f.counted == "missile"


def test_near_port_haldane_is_one_multiword_place():
    f = frame("The storm came ashore near Port Avel with 140 millimeters of rain.", "140 millimeters",
              kind="quantity")
    assert (f.place, f.noun) == ("port avel", "rain")


def test_place_of_the_main_clause_is_marked_inherited():
    f = frame("Troops shelled the Mykolaiv region, killing five people.", "five")
    assert f.place == "mykolaiv" and f.place_inherited


def test_killing_does_not_reach_past_another_participle_clause():
    f = frame("The storm hit, killing two people and leaving 30,000 homes without power.", "30,000")
    assert f.action is None and f.counted == "household"


def test_the_mill_creek_fire_burned_reads_fire_as_a_name_not_a_verb():
    f = frame("The Mill Creek Fire burned 12 homes near the ridge.", "12")
    assert f.action_word == "burned"
    g = frame("Crews said the Mill Creek Fire was 40 percent contained.", "40 percent", kind="percent")
    assert g.action is None


def test_among_the_injured_gives_a_count_the_verb_of_its_set():
    s = "Two jockeys were among the injured after the fall at the last fence."
    assert frame(s, "Two").action == "wound"
    assert frame("Three climbers are among those killed on the ridge.", "Three").action == "kill"


def test_among_them_passes_the_sets_verb_to_the_part():
    s = "Forty patients, six infants among them, are receiving in-patient care at the district clinic."
    assert frame(s, "six").action == "hospitalise"


def test_among_without_a_verb_after_it_gives_no_action():
    assert frame("Four delegates were among the first arrivals at the summit.", "Four").action is None


def test_a_participle_clause_takes_the_main_clauses_subject_as_holder():
    s = ("Norway's Ingrid Solberg won the slalom on Saturday, finishing in 1:41.07 and beating the field by "
         "0.8 seconds.")
    assert frame(s, "0.8 seconds", kind="duration").holder == "ingrid solberg"
    s = "In Harlow, Dana Orlov (CDU) took the seat, winning 48.2% of the vote."
    assert frame(s, "48.2%", kind="percent").holder == "dana orlov"


def test_a_participle_clause_gives_no_holder_to_a_count_or_a_broken_record():
    s = "Storm Bert hit the coast on Sunday, killing three people and flooding 400 homes."
    assert frame(s, "400 homes").holder is None
    s = "Ingrid Solberg won the slalom, breaking the previous record of 1:42.30 set in 2019."
    assert frame(s, "1:42.30", kind="duration").holder is None


def test_a_clock_like_figure_between_a_possessive_and_its_verb_keeps_the_holder():
    s = "Solberg's 1:41.07 took 1.2 seconds off the course record."
    assert frame(s, "1.2 seconds", kind="duration").holder == "solberg"


def test_the_sector_of_the_agent_right_before_the_verb_narrows_the_count():
    assert "public" in frame("Public hospitals treated 4,100 patients last week.", "4,100").modifiers
    s = "Government data showed that hospitals treated 4,100 patients last week."
    assert "government" not in frame(s, "4,100").modifiers


def test_a_ballots_options_hold_the_shares_named_with_them():
    s = "Voters rejected the plan, with 56.3% voting No and 43.7% Yes, the commission said."
    holders = (frame(s, "56.3%", kind="percent").holder, frame(s, "43.7%", kind="percent").holder)
    assert holders == ("no", "yes")
    s = "The No side won with 56.3% of the vote against 43.7% for Yes."
    assert frame(s, "43.7%", kind="percent").holder == "yes"
    assert frame("No one was hurt, and 40% of homes lost power.", "40%", kind="percent").holder is None


def test_a_name_after_for_wins_over_the_name_before():
    s = "Varga received 1,849,206 votes against 1,517,871 for Brannik, the commission said."
    assert frame(s, "1,517,871").holder == "brannik"


def test_a_name_in_apposition_before_its_verb_holds_the_figure():
    s = "Her rival, former defence minister Teodor Brannik, took 33.9 percent."
    assert frame(s, "33.9 percent", kind="percent").holder == "teodor brannik"


def test_a_measure_opening_the_sentence_is_read_although_capitalised():
    assert frame("Unemployment fell to 4.1% in March.", "4.1%", kind="percent").measure == "unemployment"
    assert frame("Profit climbed to $412m.", "$412m", kind="money").measure == "profit"
    assert frame("Orlov climbed to 41%.", "41%", kind="percent").measure is None  # a name is no measure


def test_a_plural_noun_before_the_measure_names_a_segment():
    assert frame("Snacks revenue was $1.6bn.", "$1.6bn", kind="money").measure == "snack revenue"
    assert frame("Quarterly revenue was $4.2bn.", "$4.2bn", kind="money").measure == "revenue"


@pytest.mark.parametrize(("text", "surface", "counted"), [
    ("- Electric cars: over 210,000, up 11%", "over 210,000", "car"),
    ("Calls to the helpline: almost 15,000 in a single day.", "almost 15,000", "call"),
    ("Deaths: 23", "23", "person"),
    # a label that names no plural thing or outcome counts nothing
    ("Note: 40 in total.", "40", None),
    ("Update: 12 were rescued.", "12", None),
])
def test_a_factbox_label_names_what_its_bare_figure_counts(text, surface, counted):
    assert frame(text, surface, kind="number").counted == counted


def test_what_happens_to_people_read_far_off_is_no_outcome_of_things():
    s = ("Five people have died in the storm, officials said, as power companies said outages had peaked at "
         "1.31 million homes.")
    assert frame(s, "1.31 million homes").action is None
    assert frame(s, "Five people").action == "kill"
    assert frame("The flood killed 300 sheep.", "300 sheep").action == "kill"  # the verb right before


def test_infants_are_children_and_an_aside_on_where_they_are_keeps_their_verb():
    assert frame("A second infant has died, officials said.", "A second infant").counted == "child"
    f = frame("One infant, in Wisconsin, has died.", "One infant")
    assert (f.counted, f.action) == ("child", "kill")
    assert frame("Two people, near Ostra, were injured.", "Two people").action == "wound"


def test_falling_ill_is_being_infected():
    assert frame("Twelve pupils fell ill after the school lunch.", "Twelve pupils").action == "infect"


def test_a_qualifier_word_after_a_determiner_is_what_is_measured():
    assert frame("The club say the maximum is £110m.", "£110m", kind="money").measure == "maximum"
    assert frame("The toll stands at nearly 40.", "40", kind="number").counted == "person"


def test_an_outcome_written_after_another_figure_is_that_figures():
    s = "Landslide: 21 dead as more than 600 rescuers search for survivors"
    assert frame(s, "more than 600 rescuers").action is None
    assert frame(s, "21", kind="number").action == "kill"


def test_a_relative_clauses_verb_is_not_the_figures_unless_right_before_it():
    s = "The number of people killed in a storm that struck the coast on Monday has risen to 21."
    assert frame(s, "21", kind="number").action == "kill"
    assert frame("The quake that killed 300 people was the worst.", "300 people").action == "kill"


def test_a_workforce_and_a_crowd_are_what_was_done():
    assert frame("The plant, which employs 2,100 workers, will close.", "2,100 workers").action == "employ"
    assert frame("The protest drew about 1,200 workers.", "about 1,200 workers").action == "attend"


def test_the_numerator_of_a_partitive_counts_the_noun_past_the_wholes_number():
    f = frame("Five of the seven board members voted for the larger move.", "Five", kind="number")
    assert (f.counted, f.action) == ("member", "vote")


def test_the_whole_of_a_partitive_is_marked_and_takes_no_verb():
    s = "The motion was backed by six of the nine councillors on Tuesday."
    f = frame(s, "nine councillors")
    assert "whole" in f.modifiers and f.action is None
    assert "whole" not in frame("Nine councillors backed the motion.", "Nine councillors").modifiers


def test_a_past_verb_after_a_plural_noun_ends_the_noun_phrase():
    assert frame("Twelve players tested positive, and three of the squad members trained.", "three",
                 kind="number").counted == "member"


def test_a_bare_number_counts_what_its_measure_names():
    f = frame("Payrolls jumped by 128,000 in March.", "128,000", kind="number")
    assert (f.counted, f.noun) == ("job", "payroll")
    assert frame("The index jumped by 120 in March.", "120", kind="number").counted is None


def test_a_modal_leads_on_to_the_figure_its_measure_names():
    assert frame("The toll may reach 100, rescuers warned.", "100", kind="number").counted == "person"
    f = frame("The number of deaths could exceed 9,000, the agency said.", "9,000", kind="number")
    assert (f.counted, f.action) == ("person", "kill")
    assert frame("Inflation could rise to 3.8% by June.", "3.8%", kind="percent").measure == "inflation"
    assert frame("Crews could find 40 at the site.", "40", kind="number").counted is None  # no measure


def test_the_head_before_a_complement_is_what_is_measured():
    s = "The yield on 10-year Tarvish government bonds rose 18 basis points."
    assert frame(s, "18 basis points", kind="percent").measure == "yield"
    assert frame("Demand for diesel fell 4% in May.", "4%", kind="percent").measure == "demand"
    assert frame("Unemployment fell to 4.1% in March.", "4.1%", kind="percent").measure == "unemployment"


def test_the_head_before_a_chain_of_complements_is_what_is_measured_also_past_a_name():
    s = "Unemployment in the eurozone rose to 6.4% in June."
    assert frame(s, "6.4%", kind="percent").measure == "unemployment"
    assert frame("Sales in Europe rose 5% in the quarter.", "5%", kind="percent").measure == "sale"
    f = frame("The death toll from the floods in Valmora stood at 12 on Friday.", "12", kind="number")
    assert (f.counted, f.action) == ("person", "kill")
    assert frame("Prices in Lisbon rose 3% in May.", "3%", kind="percent").measure == "price"


@pytest.mark.parametrize(("text", "surface", "window"), [
    ("Rents rose 0.3% in the month and were up 6.2% from a year earlier.", "6.2%", "on the year"),
    ("Rents rose 0.3% in the month and were up 6.2% from a year earlier.", "0.3%", "on the month"),
    ("Output grew 1.1% quarter on quarter.", "1.1%", "on the quarter"),
    ("Fares were 4.5 per cent higher than a year ago.", "4.5 per cent", "on the year"),
    ("Fares rose 4.5 per cent in March.", "4.5 per cent", None),
    # a currency's move is measured against another currency
    ("The crown fell 3.2% against the euro on Tuesday.", "3.2%", "against EUR"),
    ("The rand slipped 1.1% versus the dollar.", "1.1%", "against USD"),
    ("Shares fell 3.2% against a backdrop of losses.", "3.2%", None),
])
def test_the_base_a_change_is_measured_against_is_its_window(text, surface, window):
    assert frame(text, surface, kind="percent").window == window


def test_a_verb_after_and_shares_the_subject_of_the_figure_before():
    s = "Average rents rose 0.3% in the month and were up 6.2% from a year earlier."
    assert frame(s, "6.2%", kind="percent").measure == "rent"
    assert frame("Revenue rose 12% and profit fell 3%.", "3%", kind="percent").measure == "profit"


def test_a_kind_of_place_before_a_span_is_no_measure():
    text = "Snow fell across the Harlow district in 12 hours, closing the pass."
    assert frame(text, "12 hours", kind="duration").measure is None
    assert frame("Snow fell in 12 hours.", "12 hours", kind="duration").measure == "snow"


def test_an_area_may_be_what_is_measured():
    found = frame("The burned area reached 7,000 hectares.", "7,000 hectares", kind="quantity")
    assert found.measure == "area"


def test_forced_to_evacuate_after_the_count_is_the_action():
    assert frame("The flood forced 6,500 residents to evacuate.", "6,500").action == "evacuate"
    assert frame("About 2,000 people were told to leave the valley.", "2,000").action == "evacuate"


def test_a_fire_after_a_determiner_is_a_noun_not_a_launch():
    f = frame("Crews said the Ridgeback fire had scorched about 12,000 hectares.", "12,000 hectares",
              kind="quantity")
    assert f.action is None
    assert frame("Gunners fired 40 shells at the ridge.", "40").action == "launch"


def test_a_past_verb_right_after_a_figure_is_no_counted_noun():
    assert frame("A crowd of 40,000 watched the final.", "40,000", kind="number").counted == "person"
    assert frame("Some 3,000 attended the rally.", "3,000", kind="number").counted != "attended"
    assert frame("Police said 12 armed men fled.", "12 armed men").counted == "person"


@pytest.mark.parametrize(("sentence", "surface", "action", "actor"), [
    # a date in a phrase that opens the sentence is the time of the main clause's verb, and its actor's
    ("On Sunday, Ukraine hit targets deep inside Russia.", "Sunday", "strike", "ukraine"),
    ("Early on Saturday, Russia fired 472 drones at Kyiv.", "Saturday", "launch", "russia"),
    ("By early Monday, the flooding had killed 82 people in six counties.", "Monday", "kill", None),
    ("On May 4, the Harlow plant cut 300 jobs.", "May 4", "cut", None),
    # a clause before the comma has a verb of its own: its date is not the next clause's
    ("The vote happened on Sunday, and officials counted 12,000 ballots.", "Sunday", None, None),
    ("Turnout fell on Sunday, the commission said 40% voted.", "Sunday", None, None),
])
def test_a_date_opening_the_sentence_takes_the_main_verb(sentence, surface, action, actor):
    f = frame(sentence, surface, kind="date", published=date(2026, 5, 12))
    assert (f.action, f.actor) == (action, actor)


def test_a_date_that_opens_the_sentence_itself_takes_the_main_verb():
    f = frame("Overnight, rebels fired 40 rockets at the port.", "Overnight", kind="date",
              published=date(2026, 5, 12))
    assert f.action == "launch"


@pytest.mark.parametrize(("sentence", "surface", "action"), [
    # the state the injured are in is its own action: a part of the injured, never the same figure
    ("Of the 31 people hurt, 20 went home and four are in critical condition.", "four", "critical"),
    ("Two of the injured, one of them a nurse, are in a serious condition.", "Two", "critical"),
    ("Six patients remain in intensive care.", "Six", "critical"),
    # an aside on who is in the set does not hide the verb after it
    ("At least 25 people, three of them children, were killed.", "At least 25", "kill"),
    ("Twelve fans, including a steward, were treated at the stadium.", "Twelve", "treat"),
    ("Forty workers, all from the night shift, remain missing.", "Forty", "missing"),
    # an aside that is a clause of its own is no aside: its verb is not the count's
    ("Rescuers freed 14 miners, the company said, adding that 3 were missing.", "14", "release"),
    # the outcome named with "of" is what is counted, not the count's verb
    ("Two of the injured were children.", "Two", "wound"),
])
def test_the_verb_of_a_count_past_an_aside_and_a_state(sentence, surface, action):
    (claim,) = [c for c in extract_claims(sentence) if c.start == sentence.index(surface)]
    assert claim.frame.action == action


@pytest.mark.parametrize(("sentence", "surface", "action"), [
    # a count with a passive verb of its own that no action class knows takes no earlier verb
    ("About 61% of voters cast a ballot, and 2.1% of ballots were spoiled.", "2.1%", None),
    ("The storm killed four people and 3,000 homes were left without power.", "3,000", None),
    ("Shops sold 40,000 tickets and 2,500 seats were reserved for season holders.", "2,500", None),
    # a verb the classes know still wins, and a count without a verb of its own keeps the earlier one
    ("Police arrested 37 people and 12 officers were injured.", "12", "wound"),
    ("Voters cast 1.2 million ballots, a record.", "1.2 million", "vote"),
])
def test_a_count_with_a_passive_verb_of_its_own(sentence, surface, action):
    (claim,) = [c for c in extract_claims(sentence) if c.start == sentence.index(surface)]
    assert claim.frame.action == action


@pytest.mark.parametrize(("sentence", "surface", "subset"), [
    # "N of them" picks some of a set named before, whatever is counted
    ("Health officials have confirmed 86 cases of measles, 61 of them in children.", "61", True),
    ("The firm cut 1,200 jobs, 800 of them in its home market.", "800", True),
    ("Six climbers were rescued, two of whom were taken to hospital.", "two", True),
    ("Health officials have confirmed 86 cases of measles, 61 of them in children.", "86", False),
    ("The club sold 4,000 of its season tickets.", "4,000", False),
])
def test_n_of_them_is_a_subset_of_the_set_before(sentence, surface, subset):
    (claim,) = [c for c in extract_claims(sentence) if c.start == sentence.index(surface)]
    assert ("subset" in claim.frame.modifiers) is subset


@pytest.mark.parametrize(("text", "surface", "kind", "window"), [
    # the period a sum or a share is of, after it or (sums and shares only) before it in its clause
    ("Sales rose 8% in the quarter and 5% for the full year.", "8%", "percent", "for the quarter"),
    ("Sales rose 8% in the quarter and 5% for the full year.", "5%", "percent", "for the year"),
    ("Quarterly revenue grew 8 per cent to EUR 2.1bn.", "8 per cent", "percent", "for the quarter"),
    ("Annual inflation stood at 6.1 per cent in January.", "6.1 per cent", "percent", "for the year"),
    ("The council's annual budget is $40 million.", "$40 million", "money", "for the year"),
    ("The annual marathon drew 38,000 runners.", "38,000", "count", None),  # no period of a count
    ("Ticket sales rose 8% after the final.", "8%", "percent", None),
    # a period word in another clause is not the figure's
    ("The annual report was delayed, and profit fell 3%.", "3%", "percent", None),
])
def test_the_period_a_sum_or_a_share_is_of_is_its_window(text, surface, kind, window):
    assert frame(text, surface, kind=kind).window == window


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # "X per cent to Y": Y measures what X measures, never the unit's "cent" or "points"
    ("Quarterly revenue grew 8 per cent to EUR 2.1bn.", "EUR 2.1bn", "revenue"),
    ("The bank raised its rate by 0.25 percentage points to 4.5%.", "4.5%", "rate"),
    ("Profit rose 12 per cent to $340 million.", "$340 million", "profit"),
])
def test_a_figure_after_another_figures_unit_measures_what_that_figure_measures(text, surface, measure):
    kind = "percent" if surface.endswith("%") else "money"
    assert frame(text, surface, kind=kind).measure == measure


@pytest.mark.parametrize(("text", "surface", "measure", "noun"), [
    # a comparative after a share names no noun; a sentence adverb between commas is no clause
    ("Food prices were still 5.3% higher than a year earlier.", "5.3%", "food price", None),
    ("Food prices, however, were still 5.3% higher than a year earlier.", "5.3%", "food price", None),
    ("Average hourly earnings were 4.6% lower than a year earlier.", "4.6%", "earning", None),
    # a comma that ends a clause still ends it
    ("Food prices fell, and wages were 4.6% higher.", "4.6%", "wage", None),
])
def test_what_a_share_measures_past_a_comparative_and_an_adverb(text, surface, measure, noun):
    found = frame(text, surface, kind="percent")
    assert (found.measure, found.noun) == (measure, noun)


@pytest.mark.parametrize(("text", "surface", "measure"), [
    # a generic head keeps the word before it: two rates are two measures, the key rate is the rate
    ("The participation rate edged up to 63.1%.", "63.1%", "participation rate"),
    ("The unemployment rate fell to 5.3%.", "5.3%", "unemployment rate"),
    ("The bank raised its key rate to 4.5%.", "4.5%", "rate"),
    ("Inflation stood at 3.8%.", "3.8%", "inflation"),
])
def test_a_generic_measure_keeps_the_word_that_names_it(text, surface, measure):
    assert frame(text, surface, kind="percent").measure == measure


@pytest.mark.parametrize(("sentence", "surface", "subset"), [
    # a count of some of a set it names with a figure of its own
    ("Administrators said 18 of the chain's 62 shops would shut.", "18", True),
    ("Rescuers freed 12 of 40 miners.", "12", True),
    ("Just 821,202 of the region's 1,047,450 registered voters cast a ballot.", "821,202", True),
    # "of" and a figure across a comma is no partitive
    ("Officials confirmed 86 cases of measles, 61 of them in children.", "86", False),
])
def test_a_count_of_some_of_a_counted_set_is_a_subset(sentence, surface, subset):
    (claim,) = [c for c in extract_claims(sentence) if c.start == sentence.index(surface)]
    assert ("subset" in claim.frame.modifiers) is subset


def test_a_unit_letter_written_onto_its_figure_is_no_name():
    (main, converted) = extract_claims("Crews worked where temperatures reached 36C (87F).")[:2]
    assert (main.frame.holder, converted.frame.holder) == (None, None)


def test_the_span_of_a_figure_is_read_past_its_restatement():
    s = "Port Adeline recorded 421 millimetres (16.2 inches) of rain in 24 hours."
    assert frame(s, "421 millimetres", kind="quantity").window == "24 hour"


def test_a_span_with_a_possessive_names_what_it_is_of():
    assert frame("The union must give 14 days' notice of any walkout.", "14 days", kind="duration").noun \
        == "notice"


def test_a_range_after_its_measure_verb_measures_the_subject():
    """'between' and 'from' lead on to a range the way 'at' leads on to a figure (frame.toml [measure])."""
    assert frame("Unemployment was between 4.1% and 4.3% for most of the year.", "4.1% and 4.3%",
                 kind="percent").measure == "unemployment"
    toll = frame("The death toll could be anywhere from 200 to 300, the agency said.", "200 to 300",
                 kind="number")
    assert (toll.counted, toll.noun) == ("person", "toll")


@pytest.mark.parametrize(("sentence", "surface"), [
    ("The depot lies 2,500 miles behind the front line.", "2,500 miles"),
    ("Some 300 passengers aboard the ferry were rescued.", "300 passengers"),
    ("About 40 stalls along the seafront stayed shut.", "40 stalls"),
    ("More than 2,000 fans outside the stadium watched on screens.", "More than 2,000 fans"),
])
def test_a_preposition_ends_the_counted_noun_phrase(sentence, surface):
    f = frame(sentence, surface, kind="quantity" if "miles" in surface else "count")
    assert f.noun in (None, "passenger", "stall", "fan")


def test_a_change_noun_names_no_measure_of_its_own():
    """'a 12% drop in annual profit to £186m' measures the profit; 'profit before tax' is profit."""
    assert frame("The chain reported a 12% drop in annual pre-tax profit to £186 million.", "£186 million",
                 kind="money").measure == "profit"
    assert frame("Profit before tax slid 12 per cent to £186m.", "£186m", kind="money").measure == "profit"
    assert frame("The rise in unemployment to 6.1% surprised economists.", "6.1%",
                 kind="percent").measure == "unemployment"


def test_closing_stores_is_an_action():
    """actions.toml [classes] close: '40 of its 310 stores' are stores closed, '45 shops' too."""
    assert frame("The chain said it would close 40 of its 310 stores.", "40").action == "close"
    assert frame("The grocer will shut 45 shops next year.", "45 shops").action == "close"
    assert frame("The chain trades from 310 stores.", "310 stores").action is None


@pytest.mark.parametrize(("sentence", "surface", "action"), [
    ("The final was played at the National Stadium, where 71,240 watched.", "71,240", "attend"),
    ("Officials said 1,200 were evacuated overnight.", "1,200", "evacuate"),
    ("In the council, 52 voted against the plan.", "52", "vote"),
])
def test_a_bare_figure_before_what_only_people_do_counts_people(sentence, surface, action):
    f = frame(sentence, surface, kind="number")
    assert (f.counted, f.action) == ("person", action)
