"""Fixtures of the router worker tests: each test module gets its own topics (dropped
afterwards) and a reader of the router's output topics."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest

from tests.conftest import Infra
from tests.router.worker_harness import TopicWatch, drop_topics, own_topics


@pytest.fixture(scope="module")
async def prefix(infra: Infra) -> AsyncIterator[str]:
    own = await own_topics(infra.kafka_bootstrap_servers, infra.topic_prefix)
    yield own
    await drop_topics(infra.kafka_bootstrap_servers, own)


@pytest.fixture(scope="module")
async def watch(infra: Infra, prefix: str) -> AsyncIterator[TopicWatch]:
    w = TopicWatch(infra.kafka_bootstrap_servers, prefix)
    await w.start()
    yield w
    await w.stop()
