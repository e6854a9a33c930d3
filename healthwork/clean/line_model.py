"""A small learned line classifier that reviews the rules' keep/drop verdicts (issue 15).

The rules (``lines`` + ``span``) choose the article's lines. This pass looks at every line again with cheap,
generic features -- what the rules decided (kept, inside the chosen span, distance to it, the neighbours' verdicts),
the line's shape (kind, drop rule, sentence end, words, stop-word share, capitalised words, digits, list marker) and
whether it repeats across the corpus (a template line) -- and a logistic regression gives the probability that the
line is the article's. A verdict is only flipped when the model is confident (thresholds in the model file), so an
unsure model leaves the rules' answer alone. With thresholds that cannot flip anything (what cross-validation chose
for the shipped model: see ``scripts/train_line_model.py``) the pass costs nothing.

The weights live in ``line_model.json`` beside this file (feature names, weights, thresholds, a version); the
training script ``scripts/train_line_model.py`` rebuilds it reproducibly from the tune halves of the dev sets.
Inference is plain Python: one dot product per line. No site names, no page strings: only generic features.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from healthwork.clean.lines import BARRIER, DROP, LIST_SENTENCE, PARAGRAPH, SHORT_SENTENCE, Line, lower_case_words, template_key
from healthwork.clean.patterns import STOP_WORDS

MODEL_PATH = Path(__file__).with_name("line_model.json")

# the drop rules that get their own feature; any other rule counts as "other_rule"
RULE_GROUPS: tuple[str, ...] = (
    "short_non_sentence", "no_sentence_end", "menu_item", "list_item", "related_list", "date_line", "caption",
    "byline", "footer", "template_repeat", "duplicate",
)
_CUE_RULES = frozenset({"cookie_notice", "signup_form", "share_buttons", "advert", "promo", "paywall",
                        "feedback_prompt", "comment_prompt", "navigation", "editor_note"})

FEATURES: tuple[str, ...] = (
    "bias",
    "kept", "in_span", "before_span", "after_span", "log_distance_to_span",
    "prev_kept", "next_kept", "kept_share_nearby",
    "kind_paragraph", "kind_short_sentence", "kind_list_sentence", "kind_drop",
    *(f"rule_{r}" for r in RULE_GROUPS), "rule_cue", "rule_other",
    "sentence", "ends_article", "closes_header", "barrier", "is_list", "code",
    "log_words", "log_length", "stop_share", "capital_share", "has_digit", "ends_colon", "template",
    "prev_sentence", "next_sentence", "prev_paragraph", "next_paragraph",
    "position", "first_line", "last_line",
)


@dataclass(frozen=True)
class LineModel:
    version: str
    features: tuple[str, ...]
    weights: tuple[float, ...]
    keep_above: float  # a dropped line is kept when its probability is above this
    drop_below: float  # a kept line is dropped when its probability is below this

    @property
    def can_flip(self) -> bool:
        """False when the thresholds leave every verdict to the rules (probabilities lie in [0, 1])."""
        return self.keep_above < 1.0 or self.drop_below > 0.0


def load_model(path: Path = MODEL_PATH) -> LineModel | None:
    """The shipped model, or None when there is none or it was trained on another feature list."""
    if not path.exists():
        return None
    data = json.loads(path.read_text(encoding="utf-8"))
    if tuple(data["features"]) != FEATURES:
        return None
    return LineModel(str(data["version"]), tuple(data["features"]), tuple(float(w) for w in data["weights"]),
                     float(data["keep_above"]), float(data["drop_below"]))


@lru_cache(maxsize=1)
def shipped_model() -> LineModel | None:
    return load_model()


def _line_shape_features(line: Line, common: frozenset[str] | set[str]) -> list[float]:
    words = line.content.split()
    n = len(words) or 1
    lowered = lower_case_words(line.content.lower())
    stops = sum(1 for w in words if w.lower().strip(".,;:!?\"'()") in STOP_WORDS) if lowered else 0
    capitals = sum(1 for w in words if w[:1].isupper())
    rule = line.rule
    rule_flags = [1.0 if rule == r else 0.0 for r in RULE_GROUPS]
    cue = 1.0 if rule in _CUE_RULES else 0.0
    other = 1.0 if rule and not cue and rule not in RULE_GROUPS else 0.0
    return [
        1.0 if line.kind == PARAGRAPH else 0.0,
        1.0 if line.kind == SHORT_SENTENCE else 0.0,
        1.0 if line.kind == LIST_SENTENCE else 0.0,
        1.0 if line.kind == DROP else 0.0,
        *rule_flags, cue, other,
        1.0 if line.sentence else 0.0,
        1.0 if line.ends_article else 0.0,
        1.0 if line.closes_header else 0.0,
        1.0 if line.score == BARRIER else 0.0,
        1.0 if line.is_list else 0.0,
        1.0 if line.code else 0.0,
        math.log1p(line.n_words) / 4.0,
        math.log1p(line.length) / 6.0,
        stops / n,
        capitals / n,
        1.0 if any(c.isdigit() for c in line.content) else 0.0,
        1.0 if line.content.endswith(":") else 0.0,
        1.0 if common and template_key(line.text) in common else 0.0,
    ]


def line_features(lines: list[Line], kept: list[int], common: frozenset[str] | set[str]) -> list[list[float]]:
    """One feature vector per line (in ``FEATURES`` order), from the line's shape and the rules' verdicts."""
    n = len(lines)
    kept_set = set(kept)
    first = kept[0] if kept else n
    last = kept[-1] if kept else -1
    shapes = [_line_shape_features(line, common) for line in lines]
    rows: list[list[float]] = []
    for j, line in enumerate(lines):
        in_span = first <= j <= last
        distance = 0 if in_span else (first - j if j < first else j - last)
        near = [k for k in range(max(0, j - 3), min(n, j + 4)) if k != j]
        prev_line = lines[j - 1] if j > 0 else None
        next_line = lines[j + 1] if j + 1 < n else None
        rows.append([
            1.0,
            1.0 if j in kept_set else 0.0,
            1.0 if in_span else 0.0,
            1.0 if j < first else 0.0,
            1.0 if j > last else 0.0,
            math.log1p(distance) / 4.0,
            1.0 if j - 1 in kept_set else 0.0,
            1.0 if j + 1 in kept_set else 0.0,
            sum(1 for k in near if k in kept_set) / len(near) if near else 0.0,
            *shapes[j],
            1.0 if prev_line is not None and prev_line.sentence else 0.0,
            1.0 if next_line is not None and next_line.sentence else 0.0,
            1.0 if prev_line is not None and prev_line.kind == PARAGRAPH else 0.0,
            1.0 if next_line is not None and next_line.kind == PARAGRAPH else 0.0,
            j / n,
            1.0 if j == 0 else 0.0,
            1.0 if j == n - 1 else 0.0,
        ])
    return rows


def probability(weights: tuple[float, ...] | list[float], row: list[float]) -> float:
    z = sum(w * x for w, x in zip(weights, row))
    if z < -30:
        return 0.0
    return 1.0 / (1.0 + math.exp(-z))


def review_with_line_model(
    lines: list[Line], kept: list[int], common: frozenset[str] | set[str], model: LineModel | None
) -> list[int]:
    """The kept line indexes after the model's review: confident disagreements with the rules flip the verdict."""
    if model is None or not model.can_flip or not lines:
        return kept
    kept_set = set(kept)
    out: list[int] = []
    for j, row in enumerate(line_features(lines, kept, common)):
        p = probability(model.weights, row)
        if j in kept_set:
            if p >= model.drop_below:
                out.append(j)
            elif not lines[j].rule:
                lines[j].rule = "line_model"
        elif p > model.keep_above:
            lines[j].rule = ""
            out.append(j)
    return out
