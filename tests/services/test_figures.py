"""Values restated in the unit they are compared with, from the claims' base values."""

from __future__ import annotations

from app.schemas import ValueOut
from app.services.figures import differs_in_unit, figure, in_units_of

MILES = ValueOut(
    nominal=1200,
    low=1200,
    high=1200,
    unit="mile",
    dimension="length",
    base_unit="meter",
    base_nominal=1931212.8,
)
KM = ValueOut(
    nominal=1200,
    low=1176,
    high=1224,
    unit="kilometre",
    qualifier="approximate",
    dimension="length",
    base_unit="meter",
    base_nominal=1200000.0,
)


def test_miles_compared_with_kilometres_are_shown_in_kilometres():
    assert in_units_of(MILES, KM) == "1,931 km"
    assert in_units_of(KM, MILES) == "746 miles"


def test_the_same_unit_is_not_restated():
    assert in_units_of(KM, KM) is None and not differs_in_unit(KM, KM)


def test_counts_and_dates_are_never_restated():
    drones = ValueOut(nominal=472, low=472, high=472, unit="drone", dimension="count")
    jets = ValueOut(nominal=40, low=40, high=40, unit="warplane", dimension="count")
    assert in_units_of(drones, jets) is None


def test_temperatures_are_not_restated_by_a_factor():
    celsius = ValueOut(
        nominal=30,
        low=30,
        high=30,
        unit="degree Celsius",
        dimension="temperature",
        base_unit="kelvin",
        base_nominal=303.15,
    )
    fahrenheit = ValueOut(
        nominal=86,
        low=86,
        high=86,
        unit="degree fahrenheit",
        dimension="temperature",
        base_unit="kelvin",
        base_nominal=303.15,
    )
    assert in_units_of(celsius, fahrenheit) is None


def test_figures_read_as_newsrooms_print_them():
    assert figure(2.1e9, "dollar") == "$2.1 billion"
    assert figure(1931.2128, "kilometre") == "1,931 km"
    assert figure(12.345, "kilogram") == "12.3 kg"
    assert figure(0.5, "mile") == "0.5 miles"
