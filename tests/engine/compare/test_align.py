"""Alignment: which claims state the same fact (texts written for these tests)."""

from datetime import date

from app.engine.compare.align import align
from app.engine.compare.fact import Fact
from app.engine.compare.verdicts import judge
from tests.engine.claimkit import claim, item


def facts_of_two(a, b) -> int:
    """How many facts the claims of two articles make (1: aligned, 2: kept apart)."""
    return len(align([item(a, "a", 0), item(b, "b", 1)]))


def groups(facts):
    return sorted(sorted((m.ref.article_id, m.claim.text) for m in f.members) for f in facts)


def test_same_figure_of_different_facts_is_not_joined():
    a1 = claim("Russia launched 50 drones overnight, the air force said.", "50", 50)
    a2 = claim("Ukrainian forces shot down 45 drones, the air force said.", "45", 45)
    b1 = claim("Moscow launched 45 drones at the city overnight.", "45", 45)
    facts = align([item(a1, "a", 0, 0), item(a2, "a", 0, 1), item(b1, "b", 1, 0)])
    joined = [f for f in facts if len(f.members) == 2]
    assert len(joined) == 1 and {m.claim.value.low for m in joined[0].members} == {50, 45}
    assert {m.claim.frame.action for m in joined[0].members} == {"launch"}


def test_one_fact_with_different_values_is_joined():
    a = claim("Russia launched 318 drones overnight, the air force said.", "318", 318)
    b = claim("Russia launched 381 drones overnight, the air force said.", "381", 381)
    assert facts_of_two(a, b) == 1


def test_ukrainian_drones_do_not_align_with_russian_drones():
    a = claim("Air defences downed 90 Ukrainian drones over the region.", "90", 90)
    b = claim("Air defences downed 90 Russian drones over the region.", "90", 90)
    assert facts_of_two(a, b) == 2


def test_different_regions_do_not_align():
    a = claim("At least four people were wounded in the Odesa region.", "four", 4)
    b = claim("At least four people were wounded in the Kharkiv region.", "four", 4)
    assert facts_of_two(a, b) == 2


def test_swapped_killed_and_injured_align_by_predicate():
    s1 = "Shelling hit the Sumy region, killing 4 people and injuring 27 others, officials said."
    s2 = "Shelling hit the Sumy region, killing 27 people and injuring 4 others, officials said."
    items = [item(claim(s1, "4 people", 4), "a", 0, 0), item(claim(s1, "27 others", 27), "a", 0, 1),
             item(claim(s2, "27 people", 27), "b", 1, 0), item(claim(s2, "4 others", 4), "b", 1, 1)]
    facts = align(items)
    assert groups(facts) == [[("a", "27 others"), ("b", "4 others")], [("a", "4 people"), ("b", "27 people")]]


def test_fired_vs_intercepted_same_figure_joins_as_one_fact():
    a = claim("The air force said Russia fired 96 drones at the country overnight.", "96", 96)
    b = claim("Ukrainian forces reported intercepting 96 Russian drones overnight.", "96", 96)
    facts = align([item(a, "a", 0), item(b, "b", 1)])
    assert len(facts) == 1 and facts[0].predicate_join


def test_three_other_bases_is_a_different_set():
    a = claim("Ukraine said it carried out an attack on four Russian airbases, destroying jets.", "four", 4)
    b = claim("The ministry said it had foiled attacks on three other bases as well.", "three", 3)
    assert facts_of_two(a, b) == 2


def test_each_fact_holds_at_most_one_claim_per_article():
    a1 = claim("Russia launched 50 drones overnight.", "50", 50)
    a2 = claim("In all, Russia launched 50 drones overnight.", "50", 50)
    b = claim("Russia launched 50 drones overnight.", "50", 50)
    facts = align([item(a1, "a", 0, 0), item(a2, "a", 0, 1), item(b, "b", 1, 0)])
    for f in facts:
        articles = [m.ref.article_id for m in f.members]
        assert len(articles) == len(set(articles))


def test_a_changed_verb_is_checked_against_every_retelling_of_the_group():
    wire = "Two rangers were injured on Tuesday, the district office said in a statement issued at noon."
    retold = "Near the dam, two rangers were hurt by falling timber as crews cut lines, officials added."
    members = [item(claim(wire, "Two rangers", 2), "w1", 0), item(claim(wire, "Two rangers", 2), "w2", 1),
               item(claim(retold, "two rangers", 2), "r", 2)]
    fact = Fact.seeded(members[0])
    for m in members[1:]:
        fact.add(m, 1.0)
    assert members[2] in fact.representatives()


def test_another_400_vs_a_further_900_swapped_figures_are_two_discrepancies():
    a = "Some 900 households remained under boil-water notices and another 400 were told to store water."
    b = ("Around 400 households were still under boil-water notices, while a further 900 had been told to "
         "store water.")
    some = claim(a, "Some 900 households", 810, 990, qualifier="approximate", nominal=900)
    members = [item(some, "a", 0, 0), item(claim(a, "400", 400), "a", 0, 1), item(some, "c", 1, 0),
               item(claim(a, "400", 400), "c", 1, 1),
               item(claim(b, "Around 400 households", 360, 440, qualifier="approximate"), "b", 2, 0),
               item(claim(b, "900", 900), "b", 2, 1)]
    found = [(f.type, f.verdict) for fact in align(members) for f in judge(fact)]
    assert found.count(("discrepancy", "value")) == 2


def test_the_same_sentence_word_for_word_anchors_despite_other_publication_dates():
    s = "On Monday the ferry operator said 45 crew members were taken ashore."
    a = claim(s, "45 crew members", 45, published=date(2026, 3, 4))
    b = claim(s, "45 crew members", 45, published=date(2026, 3, 11))
    assert a.frame.time != b.frame.time  # "Monday" resolved against each article's own date
    assert facts_of_two(a, b) == 1


def test_adding_a_retelling_does_not_undo_a_verbatim_pair():
    s = "On Monday the ferry operator said 45 crew members were taken ashore."
    retold = "The ferry operator said on Tuesday that 45 crew members had been taken ashore."
    a = claim(s, "45 crew members", 45, published=date(2026, 3, 4))
    b = claim(s, "45 crew members", 45, published=date(2026, 3, 11))
    c = claim(retold, "45 crew members", 45, published=date(2026, 3, 4))
    facts = align([item(c, "c", 0), item(a, "a", 1), item(b, "b", 2)])
    assert any({m.ref.article_id for m in f.members} >= {"a", "b"} for f in facts)


def test_5_billion_for_housing_pairs_with_the_housing_figure_not_the_tax_relief():
    b = "The package includes €5.1bn for social housing and €1.3bn in tax relief, the minister said."
    c = "Of the package, 5.1 billion euros will go on tax relief and 1.3 billion euros on new housing."
    money = {"kind": "money", "unit": "euro"}
    items = [item(claim(b, "€5.1bn", 5.1e9, **money), "b", 0, 0),
             item(claim(b, "€1.3bn", 1.3e9, **money), "b", 0, 1),
             item(claim(c, "5.1 billion euros", 5.1e9, **money), "c", 1, 0),
             item(claim(c, "1.3 billion euros", 1.3e9, **money), "c", 1, 1)]
    assert groups(align(items)) == [[("b", "€1.3bn"), ("c", "5.1 billion euros")],
                                    [("b", "€5.1bn"), ("c", "1.3 billion euros")]]


def test_a_figure_one_article_gives_both_predicates_is_no_changed_predicate():
    # paper b itself writes 96 with both verbs (launched, targeted): once its launched 96 has joined paper
    # a's, its targeted 96 is the same figure told twice, not paper a's second 96 given another predicate
    a0 = claim("Russia sent 96 drones against the region overnight, officials said.", "96", 96)
    a1 = claim("In its biggest assault, Russia was deploying 96 drones against the region overnight.",
               "96", 96)
    b0 = claim("Record 96 drones launched at the region overnight, officials say", "96", 96)
    b1 = claim("Officials said Russia had targeted the region with 96 drones overnight.", "96", 96)
    facts = align([item(a0, "a", 0, 0), item(a1, "a", 0, 1), item(b0, "b", 1, 0), item(b1, "b", 1, 1)])
    assert [m.claim.frame.action for m in (item(a1, "a", 0), item(b1, "b", 1))] == ["launch", "strike"]
    assert not any(f.predicate_join for f in facts)
    assert [("a", "96"), ("b", "96")] in groups(facts)


def test_a_copy_that_also_gives_the_original_predicate_changed_no_verb():
    # the desk copy states "4 dead" as the wire does and, in a copied sentence, "four people were injured":
    # its four injured are a figure of the injured, not the wire's dead retold with another verb
    wire = "Officials confirmed that four people were killed when the storm hit the harbour."
    desk = "Officials confirmed that four people were injured when the storm hit the harbour."
    items = [item(claim("The storm left 4 dead in Port Alder.", "4", 4), "wire", 0, 0),
             item(claim(wire, "four people", 4), "wire", 0, 1),
             item(claim("The storm left 4 dead in Port Alder.", "4", 4), "desk", 1, 0),
             item(claim(desk, "four people", 4), "desk", 1, 1)]
    facts = align(items)
    assert [("desk", "four people")] in groups(facts)
    assert not any(f.predicate_join for f in facts)


def test_a_copy_whose_only_statement_of_the_figure_changed_its_verb_is_still_joined():
    wire = "Officials confirmed that four spectators were killed when the stand collapsed."
    desk = "Officials confirmed that four spectators were injured when the stand collapsed."
    facts = align([item(claim(wire, "four spectators", 4), "wire", 0),
                   item(claim(desk, "four spectators", 4), "desk", 1)])
    assert len(facts) == 1
