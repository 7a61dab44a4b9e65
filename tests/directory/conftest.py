"""Each directory test gets fresh directory topics under the session's prefix."""

from __future__ import annotations

import uuid

import pytest

from contracts.topics import DIRECTORY_TOPICS
from servicekit.topic_admin import ensure_topics
from tests.conftest import Infra


@pytest.fixture
async def prefix(infra: Infra) -> str:
    """(Removed with the session's topics.)"""
    own = f"{infra.topic_prefix}d{uuid.uuid4().hex[:6]}."
    await ensure_topics(infra.kafka_bootstrap_servers, prefix=own, topics=DIRECTORY_TOPICS)
    return own
