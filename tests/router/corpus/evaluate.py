"""`make eval`: how the router's domain rules read the citizens' corpus.

    .venv/bin/python -m tests.router.corpus.evaluate [--mistakes]

Prints, for the development part and the frozen evaluation part separately: village
resolution (exact, asked, wrong), ambiguous names answered with every candidate, emergency
precision and recall, category accuracy with a confusion table, complaints about the police
recognised, and thanks/greetings that would open a case. `--mistakes` lists the
development part's misses only: the evaluation part is never shown message by message, so
that nobody tunes the rules on it.

Every message is read as if written to the Kapolres line (any village of the regency may be
meant), the hardest case for village resolution.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field

from services.router.domain.classify import classify
from services.router.domain.directory import Directory
from services.router.domain.intents import Intent, detect_intent
from services.router.domain.village_text import resolve_village
from tests.router.corpus.corpus import Labelled, development, eval_digest, evaluation, load

REGENCY = "35.22"


@dataclass(frozen=True)
class Reading:
    """What the rules made of one message."""

    villages: tuple[str, ...]
    emergency: bool
    category: str
    about_police: bool
    opens_case: bool


def read(item: Labelled, directory: Directory) -> Reading:
    candidates = directory.villages_in(REGENCY)
    match = resolve_village(item.text, candidates, directory)
    c = classify(item.text)
    return Reading(
        villages=tuple(v.code for v in match.villages),
        emergency=c.emergency,
        category=c.category.value,
        about_police=c.about_officer,
        opens_case=detect_intent(item.text) == Intent.REPORT,
    )


@dataclass
class Scores:
    counts: Counter[str] = field(default_factory=Counter)
    confusion: Counter[tuple[str, str]] = field(default_factory=Counter)
    mistakes: list[str] = field(default_factory=list)

    def ratio(self, good: str, total: str) -> str:
        n = self.counts[total]
        return f"{self.counts[good]}/{n} = {self.counts[good] / n:.1%}" if n else "n/a"


def score(items: Sequence[Labelled], directory: Directory) -> Scores:
    s = Scores()
    for item in items:
        got = read(item, directory)
        wrong = _score_village(s, item, got) + _score_flags(s, item, got)
        if wrong:
            s.mistakes.append(f"{item.id} [{', '.join(wrong)}] {item.text}")
    return s


def _score_village(s: Scores, item: Labelled, got: Reading) -> list[str]:
    c = s.counts
    if item.village_kind == "one":
        c["village_one"] += 1
        if got.villages == (item.village_code,):
            c["village_exact"] += 1
            return []
        if len(got.villages) == 1:
            c["village_wrong"] += 1
            return [f"village {got.villages[0]} not {item.village_code}"]
        c["village_asked"] += 1
        return [f"village asked ({len(got.villages)} options)"]
    if item.village_kind == "ambiguous":
        c["village_ambiguous"] += 1
        if set(item.candidates) <= set(got.villages) and len(got.villages) > 1:
            c["ambiguous_listed"] += 1
            return []
        return [f"ambiguous answered {got.villages}"]
    c["village_none"] += 1
    if len(got.villages) == 1:
        c["village_invented"] += 1
        return [f"no village named, got {got.villages[0]}"]
    return []


def _score_flags(s: Scores, item: Labelled, got: Reading) -> list[str]:
    c, wrong = s.counts, []
    if item.emergency:
        c["emergency_true"] += 1
        c["emergency_caught"] += got.emergency
    if got.emergency:
        c["emergency_flagged"] += 1
        c["emergency_flagged_right"] += item.emergency
    if item.emergency != got.emergency:
        wrong.append(f"emergency {got.emergency}")
    if item.about_police:
        c["police_true"] += 1
        c["police_caught"] += got.about_police
    if got.about_police:
        c["police_flagged"] += 1
        c["police_flagged_right"] += item.about_police
    if item.about_police != got.about_police:
        wrong.append(f"about police {got.about_police}")
    if item.opens_case:
        c["category_total"] += 1
        s.confusion[(item.category, got.category)] += 1
        if got.category == item.category:
            c["category_right"] += 1
        else:
            wrong.append(f"category {got.category} not {item.category}")
    else:
        c["not_a_case"] += 1
        if got.opens_case:
            c["not_a_case_opened"] += 1
            wrong.append(f"{item.intent} opens a case")
    return wrong


def render(title: str, s: Scores) -> str:
    rows = [
        ("village exact (names one village)", s.ratio("village_exact", "village_one")),
        ("  asked instead", s.ratio("village_asked", "village_one")),
        ("  routed to a wrong village", s.ratio("village_wrong", "village_one")),
        ("ambiguous: every candidate listed", s.ratio("ambiguous_listed", "village_ambiguous")),
        ("no village named: one invented", s.ratio("village_invented", "village_none")),
        ("emergency recall", s.ratio("emergency_caught", "emergency_true")),
        ("emergency precision", s.ratio("emergency_flagged_right", "emergency_flagged")),
        ("category (messages that open a case)", s.ratio("category_right", "category_total")),
        ("complaint about police: recall", s.ratio("police_caught", "police_true")),
        ("complaint about police: precision", s.ratio("police_flagged_right", "police_flagged")),
        ("thanks/greeting/follow-up opening a case", s.ratio("not_a_case_opened", "not_a_case")),
    ]
    width = max(len(name) for name, _ in rows)
    return "\n".join([f"== {title}", *(f"{name:<{width}}  {value}" for name, value in rows)])


def render_confusion(s: Scores) -> str:
    """Rows: the label; columns: what the rules said (only cells that are not zero)."""
    by_label: dict[str, Counter[str]] = {}
    for (want, got), n in s.confusion.items():
        by_label.setdefault(want, Counter())[got] = n
    lines = ["category confusion (label: predictions)"]
    for want in sorted(by_label):
        cells = ", ".join(f"{got} {n}" for got, n in by_label[want].most_common())
        total = sum(by_label[want].values())
        lines.append(f"  {want:<20} {by_label[want][want]:>3}/{total:<3} {cells}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mistakes", action="store_true", help="list the development misses")
    args = parser.parse_args(argv)
    items = load()
    directory = Directory.load(regency_codes=[REGENCY])
    dev, frozen = development(items), evaluation(items)
    print(f"corpus: {len(items)} messages; development {len(dev)}, evaluation {len(frozen)} "
          f"(frozen digest {eval_digest(items)[:12]})")
    dev_scores, eval_scores = score(dev, directory), score(frozen, directory)
    print(render("development part", dev_scores))
    print(render_confusion(dev_scores))
    print(render("FROZEN evaluation part", eval_scores))
    print(render_confusion(eval_scores))
    if args.mistakes:
        print("\n".join(["development misses:", *dev_scores.mistakes]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
