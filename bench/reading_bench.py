"""How long the router's domain takes to read one citizen message, in process.

    .venv/bin/python -m bench reading
    .venv/bin/python -m bench.reading_bench --passes 20

The messages are the citizens' corpus's development part (412 messages by three writers,
Indonesian and Javanese, short to long; the frozen evaluation part is never read here).
Each message is read the way the router reads a new message on the Kapolres line:
`detect_intent`, `classify`, and `resolve_village` among every village of the regency.
Every call is timed on its own (perf_counter_ns) over several passes after a warm-up pass;
each figure is the median of three rounds' percentiles (the machine is shared). The
baseline is measured in the same run on the same messages: a plain tokenisation
(`wording.tokens`), the least any reading does.
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import time
from collections.abc import Callable

from bench.report import Row, percentile, render
from services.router.domain.classify import classify
from services.router.domain.directory import Directory
from services.router.domain.intents import detect_intent
from services.router.domain.village_text import resolve_village
from services.router.domain.wording import tokens
from tests.router.corpus.corpus import development, load

REGENCY = "35.22"


def _timed(fn: Callable[[str], object], texts: list[str], passes: int) -> list[float]:
    """Milliseconds of each call, after one untimed pass (the vocabulary's and the
    directory's indexes warm, as in a running worker). `classify` keeps the readings of
    recent texts: that cache is emptied before every timed call, so each reading is new."""
    for text in texts:
        fn(text)
    samples: list[float] = []
    for _ in range(passes):
        for text in texts:
            classify.cache_clear()
            t0 = time.perf_counter_ns()
            fn(text)
            samples.append((time.perf_counter_ns() - t0) / 1e6)
    return samples


def measure(passes: int, rounds: int = 3) -> list[Row]:
    """Each figure is the median over `rounds` rounds of its percentile, so that one round
    disturbed by another process on a shared machine does not decide it."""
    texts = [item.text for item in development(load())]
    directory = Directory.load(regency_codes=[REGENCY])
    villages = directory.villages_in(REGENCY)

    def read(text: str) -> object:
        return detect_intent(text), classify(text), resolve_village(text, villages, directory)

    figures: dict[str, list[float]] = {}
    for _ in range(rounds):
        baseline = _timed(tokens, texts, passes)
        whole = _timed(read, texts, passes)
        alone = _timed(classify, texts, passes)
        for name, samples, p in (
            ("base50", baseline, 50), ("base99", baseline, 99), ("whole50", whole, 50),
            ("whole99", whole, 99), ("alone99", alone, 99),
        ):  # fmt: skip
            figures.setdefault(name, []).append(percentile(samples, p))
    f = {name: statistics.median(values) for name, values in figures.items()}
    label = "tokenise the same message"
    return [
        Row("read one message (intent+class+village) p50", f["whole50"], label + " p50",
            f["base50"], "ms"),
        Row("read one message (intent+class+village) p99", f["whole99"], label + " p99",
            f["base99"], "ms"),
        Row("classify one message p99", f["alone99"], label + " p99", f["base99"], "ms",
            target="<= 1 ms"),
    ]  # fmt: skip


async def run(passes: int = 10) -> list[Row]:
    return measure(passes)


def main() -> None:
    parser = argparse.ArgumentParser(description=(__doc__ or "").split("\n")[0])
    parser.add_argument("--passes", type=int, default=10)
    opts = parser.parse_args()
    print(render(asyncio.run(run(opts.passes))))


if __name__ == "__main__":
    main()
