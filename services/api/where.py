"""A SQL WHERE clause built from conditions and numbered parameters ($1, $2, ...), so that
every value reaches PostgreSQL as a parameter and never as SQL text."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any


@dataclass
class Where:
    params: list[Any] = field(default_factory=list)
    conditions: list[str] = field(default_factory=list)

    def param(self, value: Any) -> str:
        """The placeholder of a new parameter holding `value`."""
        self.params.append(value)
        return f"${len(self.params)}"

    def add(self, condition: str) -> None:
        self.conditions.append(condition)

    def clause(self) -> str:
        return " AND ".join(self.conditions) if self.conditions else "TRUE"


def one_of(where: Where, column: str, values: tuple[Any, ...] | list[Any]) -> str:
    """`column = $n` for one value (the planner can then walk an index in order),
    `column = ANY($n)` for several."""
    texts = [str(v) for v in values]
    if len(texts) == 1:
        return f"{column} = {where.param(texts[0])}"
    return f"{column} = ANY({where.param(texts)}::text[])"
