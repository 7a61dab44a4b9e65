"""MET / MISSED for a row's target text, e.g. "<= 50 ms", ">= 1000/s, ratio >= 0.5",
"all 10000". Targets that state no number (or none at all) get "-"."""

from __future__ import annotations

import math
import re

from bench.report import Row

_BOUND = re.compile(r"^\s*(<=|>=)\s*([0-9][0-9_,.]*)")
_RATIO = re.compile(r"ratio\s*(<=|>=)\s*([0-9.]+)")
_ALL = re.compile(r"^\s*all\s+([0-9][0-9_,]*)")


def _number(text: str) -> float:
    return float(text.replace(",", "").replace("_", ""))


def _holds(value: float, op: str, bound: float) -> bool:
    if math.isnan(value):
        return False
    return value <= bound if op == "<=" else value >= bound


def verdict(row: Row) -> str:
    checks: list[bool] = []
    if m := _BOUND.match(row.target):
        checks.append(_holds(row.figure, m.group(1), _number(m.group(2))))
    if m := _RATIO.search(row.target):
        checks.append(_holds(row.ratio, m.group(1), float(m.group(2))))
    if m := _ALL.match(row.target):
        checks.append(row.figure >= _number(m.group(1)))
    if not checks:
        return "-"
    return "MET" if all(checks) else "MISSED"
