"""The learned line model of cleaning: retraining gives the shipped weights, features are what they say, and the
review pass flips only confident verdicts. All page text here is made up."""
from __future__ import annotations

import json
import math

import pytest

from healthwork.clean import clean_article, select_by_rules, select_body
from healthwork.clean.line_model import (
    FEATURES,
    MODEL_PATH,
    LineModel,
    line_features,
    load_model,
    probability,
    review_with_line_model,
)
from scripts import train_line_model
from tests.conftest import needs_shared

PAGE = "\n\n".join([
    "Home\nNews\nHealth\nContact us",
    "Clinic coaches help patients back to work",
    "By Jo Example",
    "3 March 2026",
    "A work coaching service based in three Marsham surgeries has helped 240 patients return to their jobs in its "
    "first year, the local health board said on Tuesday.",
    "Patients who are signed off sick can now see a coach on the same day, rather than waiting weeks for a referral "
    "letter to arrive in the post.",
    "The board said the service would be extended to two more surgeries from April if funding allows.",
    "Sign up to our newsletter",
    "Copyright 2026 Marsham Gazette. All rights reserved.",
])


def _feature(rows: list[list[float]], j: int, name: str) -> float:
    return rows[j][FEATURES.index(name)]


def test_features_describe_the_rules_verdict_and_the_line() -> None:
    lines, kept = select_by_rules(PAGE, frozenset())
    texts = [line.text for line in lines]
    assert [texts[j][:24] for j in kept] == ["A work coaching service ", "Patients who are signed ", "The board said the servi"]
    rows = line_features(lines, kept, frozenset())
    assert len(rows) == len(lines) and all(len(r) == len(FEATURES) for r in rows)
    first_paragraph = texts.index(next(t for t in texts if t.startswith("A work coaching")))
    newsletter = texts.index("Sign up to our newsletter")
    menu = texts.index("Home")
    assert _feature(rows, first_paragraph, "kept") == 1.0
    assert _feature(rows, first_paragraph, "kind_paragraph") == 1.0
    assert _feature(rows, first_paragraph, "sentence") == 1.0
    assert _feature(rows, first_paragraph, "next_kept") == 1.0
    assert _feature(rows, newsletter, "kept") == 0.0
    assert _feature(rows, newsletter, "after_span") == 1.0
    assert _feature(rows, newsletter, "rule_cue") == 1.0  # a sign-up box
    assert _feature(rows, menu, "before_span") == 1.0
    assert _feature(rows, menu, "position") == 0.0
    assert _feature(rows, menu, "log_distance_to_span") == pytest.approx(math.log1p(first_paragraph) / 4.0)
    # the corpus template flag: the menu line repeated across the corpus
    rows_with_corpus = line_features(lines, kept, frozenset({"home"}))
    assert _feature(rows_with_corpus, menu, "template") == 1.0 and _feature(rows, menu, "template") == 0.0


def _toy_model(keep_above: float, drop_below: float, weights: dict[str, float]) -> LineModel:
    return LineModel("test", FEATURES, tuple(weights.get(f, 0.0) for f in FEATURES), keep_above, drop_below)


def test_review_flips_only_confident_disagreements() -> None:
    lines, kept = select_by_rules(PAGE, frozenset())
    texts = [line.text for line in lines]
    newsletter = texts.index("Sign up to our newsletter")
    # a model that says 'every sign-up box line is body' with probability ~0.98 keeps it when keep_above is 0.9 ...
    eager = _toy_model(0.9, 0.0, {"bias": -4.0, "rule_cue": 8.0, "kept": 8.0})
    assert newsletter in review_with_line_model(lines, list(kept), frozenset(), eager)
    # ... and not when the bar is above its probability
    lines, kept = select_by_rules(PAGE, frozenset())
    shy = _toy_model(0.99, 0.0, {"bias": -4.0, "rule_cue": 8.0, "kept": 8.0})
    assert review_with_line_model(lines, list(kept), frozenset(), shy) == kept
    # a model that doubts every paragraph (probability ~0.02) drops the kept lines when drop_below is 0.1
    lines, kept = select_by_rules(PAGE, frozenset())
    doubter = _toy_model(1.01, 0.1, {"bias": -4.0})
    assert review_with_line_model(lines, list(kept), frozenset(), doubter) == []
    assert all(lines[j].rule == "line_model" for j in kept)


def test_a_model_that_cannot_flip_leaves_the_rules_answer() -> None:
    inert = _toy_model(1.01, 0.0, {"bias": 5.0})
    assert not inert.can_flip
    lines, kept = select_by_rules(PAGE, frozenset())
    assert review_with_line_model(lines, list(kept), frozenset(), inert) == kept
    assert probability(inert.weights, [1.0] + [0.0] * (len(FEATURES) - 1)) == pytest.approx(1 / (1 + math.exp(-5.0)))


def test_shipped_model_loads_and_cleaning_uses_it() -> None:
    model = load_model()
    assert model is not None and model.features == FEATURES and len(model.weights) == len(FEATURES)
    data = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    assert data["version"] == train_line_model.VERSION
    _, kept = select_body(PAGE, frozenset())
    assert clean_article(PAGE).body.split("\n")[0].startswith("A work coaching service based in three Marsham")
    assert len(kept) == 3


@needs_shared
def test_retraining_gives_the_shipped_model() -> None:
    shipped = json.loads(MODEL_PATH.read_text(encoding="utf-8"))
    pages = train_line_model.load_pages()
    again = train_line_model.train(pages, shipped["l2"], shipped["keep_above"], shipped["drop_below"])
    assert again["features"] == shipped["features"]
    assert max(abs(a - b) for a, b in zip(again["weights"], shipped["weights"])) < 1e-9
    # and the thresholds are what cross-validation chooses on the same pages
    l2, keep_above, drop_below, _ = train_line_model.choose(pages, verbose=False)
    assert (l2, keep_above, drop_below) == (shipped["l2"], shipped["keep_above"], shipped["drop_below"])
