"""Accuracy of the classifier on the labelled set (data/classification_labelled.tsv).

    .venv/bin/python -m tests.router.domain.classification_accuracy

prints accuracy per category, for emergencies, and the messages it gets wrong, on the
labelled set (217 messages; the rules were improved where it showed gaps: 87% categories /
95% emergency flags before, see the README) and on the held-out set (68 messages written
afterwards and never used to change the rules).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from contracts.hierarchy import Category
from services.router.domain.classify import classify

LABELLED = Path(__file__).parent / "data" / "classification_labelled.tsv"
# Written after the rules were tuned on LABELLED and never used to change them.
HOLDOUT = Path(__file__).parent / "data" / "classification_holdout.tsv"


@dataclass(frozen=True)
class Labelled:
    category: Category
    emergency: bool
    text: str


@dataclass(frozen=True)
class Report:
    total: int
    correct: int
    per_category: dict[Category, tuple[int, int]]  # correct, total
    emergency_correct: int
    mistakes: list[tuple[Labelled, Category, bool]]

    @property
    def accuracy(self) -> float:
        return self.correct / self.total

    @property
    def emergency_accuracy(self) -> float:
        return self.emergency_correct / self.total

    def render(self) -> str:
        lines = [f"{'category':<20}{'correct':>8}{'total':>7}{'accuracy':>10}"]
        for category, (good, total) in sorted(self.per_category.items()):
            lines.append(f"{category.value:<20}{good:>8}{total:>7}{good / total:>10.0%}")
        lines.append(f"{'ALL':<20}{self.correct:>8}{self.total:>7}{self.accuracy:>10.0%}")
        lines.append(
            f"{'emergency flag':<20}{self.emergency_correct:>8}{self.total:>7}"
            f"{self.emergency_accuracy:>10.0%}"
        )
        for item, got, emergency in self.mistakes:
            lines.append(
                f"  want {item.category.value}/{int(item.emergency)} got "
                f"{got.value}/{int(emergency)}: {item.text}"
            )
        return "\n".join(lines)


def load_labelled(path: Path = LABELLED) -> list[Labelled]:
    items = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        category, emergency, text = line.split("\t", 2)
        items.append(Labelled(Category(category), emergency == "1", text))
    return items


def measure(items: list[Labelled]) -> Report:
    totals: Counter[Category] = Counter()
    good: Counter[Category] = Counter()
    emergency_correct = 0
    mistakes = []
    for item in items:
        result = classify(item.text)
        totals[item.category] += 1
        emergency_correct += result.emergency == item.emergency
        if result.category is item.category:
            good[item.category] += 1
        if result.category is not item.category or result.emergency != item.emergency:
            mistakes.append((item, result.category, result.emergency))
    per_category = {c: (good[c], totals[c]) for c in totals}
    return Report(len(items), sum(good.values()), per_category, emergency_correct, mistakes)


if __name__ == "__main__":
    for name, path in (("labelled set", LABELLED), ("held-out set", HOLDOUT)):
        print(f"== {name}: {path.name}")
        print(measure(load_labelled(path)).render())
