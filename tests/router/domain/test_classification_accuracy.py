"""The classifier's accuracy on the labelled set, per category (printed with -s)."""

from __future__ import annotations

from .classification_accuracy import HOLDOUT, load_labelled, measure


def test_accuracy_on_the_labelled_set() -> None:
    items = load_labelled()
    assert len(items) >= 200
    report = measure(items)
    print("\n" + report.render())
    assert report.accuracy >= 0.9
    assert report.emergency_accuracy >= 0.95
    for category, (good, total) in report.per_category.items():
        assert good / total >= 0.6, category


def test_accuracy_on_the_held_out_set() -> None:
    report = measure(load_labelled(HOLDOUT))
    print("\n" + report.render())
    assert report.total >= 60
    assert report.accuracy >= 0.85
    assert report.emergency_accuracy >= 0.9
