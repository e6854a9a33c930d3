"""Fractions and mixed numbers read by ``numbers`` (shared by money and counts); values written
down before the code: a fraction of a million is rounded to the nearest whole unit."""
from __future__ import annotations

from decimal import Decimal

import pytest

from healthwork.extract import counts, money, numbers


@pytest.mark.parametrize(("text", "value"), [
    ("a third of a million", 333333),
    ("one third of a million", 333333),
    ("two-thirds of a million", 666667),
    ("two thirds of a billion", 666666667),
    ("three-quarters of a million", 750000),
    ("three quarters of a million", 750000),
    ("a quarter of a billion", 250000000),
    ("half a million", 500000),
    ("a fifth of a million", 200000),
    ("one and a half million", 1500000),
    ("two and a half billion", 2500000000),
])
def test_fractions_of_a_multiplier(text: str, value: int) -> None:
    assert numbers.parse(text) == Decimal(value)


def test_a_third_of_a_million_pounds_is_money_of_333333() -> None:
    rows = money.extract("The charity will get a third of a million pounds from the lottery.")
    assert [(r["amount"], r["currency"], r["qualifier"], r["kind"], r["raw_text"]) for r in rows] == [
        (333333.0, "GBP", "exact", "funding", "a third of a million pounds")]


def test_two_and_a_half_million_pounds() -> None:
    rows = money.extract("Ministers set aside two and a half million pounds for the pilot.")
    assert [(r["amount"], r["raw_text"]) for r in rows] == [(2500000.0, "two and a half million pounds")]


def test_a_third_of_a_million_people_is_a_count() -> None:
    rows = counts.extract("Almost a third of a million people are waiting for treatment.")
    assert [(r["value"], r["qualifier"]) for r in rows] == [(333333.0, "about")]


@pytest.mark.parametrize("text", [
    "Employers can claim back costs up to a limit of £1,000 per employee.",
    "Claims are subject to a limit of £1,000 per employee.",
    "Each award has a cap of £1,000.",
])
def test_a_limit_or_cap_is_up_to(text: str) -> None:
    assert [(r["amount"], r["qualifier"]) for r in money.extract(text)] == [(1000.0, "up_to")]


@pytest.mark.parametrize(("phrase", "qualifier"), [
    ("not exceeding", "up_to"), ("not to exceed", "up_to"), ("at most", "up_to"), ("exceeding", "more_than"),
    ("fractionally under", "about"), ("fractionally over", "more_than"),
])
def test_negated_and_marginal_qualifiers(phrase: str, qualifier: str) -> None:
    assert numbers.qualifier_of(phrase) == qualifier
