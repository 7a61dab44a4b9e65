"""What to do about a refused send, decided by Meta's error `code` (never the HTTP status).

Meta: "build your app's error handling around `code` and `details`". The table below is
the synthesis in `shared/docs/whatsapp-cloud-api.md` (section 5, "Important error codes").
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from enum import StrEnum


class Verdict(StrEnum):
    RETRY = "retry"  # transient: try again after a backoff
    USE_TEMPLATE = "use_template"  # 131047: outside the window, send the template instead
    GIVE_UP = "give_up"  # permanent: dead-letter with the reason


TRANSIENT_CODES = frozenset({130429, 131056, 4, 80007, 131000, 131016, 131057, 1, 2, 133004})
REENGAGEMENT = 131047
PAIR_RATE_LIMIT = 131056
MAINTENANCE = 131057
ALERT_CODES = frozenset({190, 368, 131031, 131048, 130497, 131042, 132001, 0, 10})
"""Codes that need a person: token, account restricted or locked, spam limit, payment,
a template missing or not approved, permissions. Each raises an ERROR log with alert=true
and a counter."""


@dataclass(frozen=True)
class SendFailure:
    """A send the API did not accept: an error body, a 5xx without one, or no answer."""

    code: int | None
    http_status: int | None = None
    title: str | None = None
    details: str | None = None
    fbtrace_id: str | None = None
    no_answer: bool = False  # timeout or connection error
    maybe_sent: bool = False  # the request may have reached the API (read timeout)

    def reason(self) -> str:
        if self.no_answer:
            return f"no answer from the Cloud API ({self.details or 'timeout'})"
        parts = [f"({'#' + str(self.code) if self.code is not None else 'no code'})"]
        if self.title:
            parts.append(self.title)
        if self.details and self.details != self.title:
            parts.append(f"- {self.details}")
        if self.http_status:
            parts.append(f"[HTTP {self.http_status}]")
        return " ".join(parts)


def needs_alert(code: int | None) -> bool:
    return code is not None and (code in ALERT_CODES or 200 <= code <= 299)


def classify(failure: SendFailure, *, used_template: bool) -> Verdict:
    if failure.no_answer:
        return Verdict.RETRY
    code = failure.code
    if code is None:
        return Verdict.RETRY if (failure.http_status or 0) >= 500 else Verdict.GIVE_UP
    if code == REENGAGEMENT:
        return Verdict.GIVE_UP if used_template else Verdict.USE_TEMPLATE
    if code in TRANSIENT_CODES:
        return Verdict.RETRY
    return Verdict.GIVE_UP  # 131026, 131051, 100, 132xxx, 368, 190, 131021, 130472, ...


@dataclass(frozen=True)
class Backoff:
    base_s: float = 1.0
    max_s: float = 300.0
    pair_unit_s: float = 1.0  # 131056: Meta says back off 4^X seconds
    maintenance_s: float = 60.0  # 131057: the upgrade takes about a minute

    def delay(
        self, failure: SendFailure, retry_number: int, rng: random.Random | None = None
    ) -> float:
        """Seconds to wait before retry number `retry_number` (1 for the first retry)."""
        rng = rng or random.Random()
        if failure.code in (PAIR_RATE_LIMIT, MAINTENANCE):
            # Meta's own wait is a floor: jitter goes on top of it
            plain = self.pair_unit_s * 4**retry_number if failure.code == PAIR_RATE_LIMIT else (
                self.maintenance_s
            )
            plain = min(plain, self.max_s)
            return plain + rng.uniform(0, plain / 4)
        plain = min(self.base_s * 2 ** (retry_number - 1), self.max_s)
        # "equal jitter": at least half the delay, so retries do spread but never bunch at 0
        return plain / 2 + rng.uniform(0, plain / 2)
