"""Bare numbers that refer back to the sentence before (app/engine/anaphora.py)."""

from datetime import date

from app.engine import extract_claims


def claims(text: str):
    return [c for c in extract_claims(text, date(2025, 6, 2)) if c.kind != "time"]


def test_three_of_them_counts_the_previous_sentences_noun():
    _, part = claims("Twenty miners were trapped. Four of them were rescued by noon.")
    assert (part.value.nominal, part.value.unit) == (4.0, "miner")


def test_a_bare_subject_number_counts_the_previous_noun():
    _, part = claims("Thirty patients were admitted. 11 were in intensive care.")
    assert part.value.unit == "patient"


def test_measured_it_at_reads_the_previous_scale():
    _, second = claims("The tremor had a magnitude of 4.9. A local observatory measured it at 4.7.")
    assert (second.value.unit, second.frame.counted) == ("magnitude", "magnitude")


def test_a_bare_number_without_a_noun_before_stays_bare():
    _, bare = claims("The mayor is 58. 12 were present.")
    assert bare.value.unit is None


def test_a_count_read_past_its_noun_keeps_the_extractors_noun():
    (staff, _) = claims("The mill has around 900 staff and produce 2 million tonnes a year.")[:2]
    assert (staff.value.unit, staff.frame.counted, staff.frame.noun) == ("staff", "person", "staff")


def test_three_of_them_is_framed_by_the_noun_it_refers_to():
    _, part = claims("Twenty miners were trapped. Four of them were rescued by noon.")
    assert part.frame.counted != "them"


def test_reframing_a_stored_claim_keeps_the_scale_and_the_noun():
    from dataclasses import replace

    from app.engine.frame import frame_claim
    from app.engine.model import Frame

    text = "Some 30 aftershocks followed, the largest of magnitude 4.9. Four of them were felt."
    _, reading, part = claims(text)
    assert frame_claim(replace(reading, frame=Frame())).counted == "magnitude"
    assert frame_claim(replace(part, frame=Frame())).counted == "aftershock"
