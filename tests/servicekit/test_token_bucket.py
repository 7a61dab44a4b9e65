"""The token bucket, on a clock the test moves."""

from __future__ import annotations

import asyncio
import time

import pytest

from servicekit.token_bucket import NEVER_S, TokenBucket


class FakeClock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_a_full_bucket_gives_its_burst_then_the_rate() -> None:
    clock = FakeClock()
    bucket = TokenBucket(80, clock=clock)
    assert bucket.burst == 80  # one second's worth by default
    assert all(bucket.try_take() == 0 for _ in range(80))
    assert bucket.try_take() == pytest.approx(1 / 80)
    clock.now += 0.5
    assert sum(1 for _ in range(100) if bucket.try_take() == 0) == 40


def test_a_quiet_spell_fills_it_only_up_to_the_burst() -> None:
    clock = FakeClock()
    bucket = TokenBucket(2, burst=3, clock=clock)
    assert [bucket.try_take() for _ in range(3)] == [0, 0, 0]
    clock.now += 3600
    assert [bucket.try_take() == 0 for _ in range(4)] == [True, True, True, False]


def test_the_wait_is_until_the_next_whole_token() -> None:
    clock = FakeClock()
    bucket = TokenBucket(4, burst=1, clock=clock)
    assert bucket.try_take() == 0
    assert bucket.try_take() == pytest.approx(0.25)
    clock.now += 0.125
    assert bucket.try_take() == pytest.approx(0.125)
    clock.now += 0.125
    assert bucket.try_take() == 0


def test_a_slow_rate_still_allows_at_least_one_token_and_zero_never_refills() -> None:
    assert TokenBucket(0.1).burst == 1
    bucket = TokenBucket(0, burst=1, started=0.0)
    assert bucket.try_take(now=0.0) == 0
    assert bucket.try_take(now=1e6) == NEVER_S


def test_the_time_may_be_given_with_each_call() -> None:
    bucket = TokenBucket(1.0, burst=2, started=0.0)
    assert bucket.try_take(now=0.0) == 0 and bucket.try_take(now=0.0) == 0
    assert bucket.try_take(now=0.0) == pytest.approx(1.0)
    assert bucket.try_take(now=1.0) == 0


async def test_take_waits_for_the_rate_and_serves_waiters_in_order() -> None:
    bucket = TokenBucket(100, burst=1)
    order: list[int] = []

    async def one(n: int) -> None:
        await bucket.take()
        order.append(n)

    started = time.monotonic()
    await asyncio.gather(*(one(n) for n in range(6)))
    assert order == list(range(6))
    assert time.monotonic() - started >= 0.045  # five tokens at 100/s after the first
