"""The console in a real browser (Debian's chromium driven by Playwright) against the
whole stack, which the end-to-end harness (tests/e2e/conftest.py) starts for this folder
as it does for its own: its fixtures and report hooks are reused here, not copied."""

from __future__ import annotations

from collections.abc import AsyncIterator

import pytest
from playwright.async_api import Browser, async_playwright

from tests.conftest import Infra
from tests.console.browser import CHROMIUM, CHROMIUM_FLAGS
from tests.e2e.conftest import (  # noqa: F401  (fixtures and hooks of the e2e harness)
    _stack_alive,
    officers,
    outbox,
    pytest_configure,
    pytest_runtest_makereport,
    sandbox,
    stack,
)


@pytest.fixture(scope="package")
def infra(infra: Infra) -> Infra:
    """Topics of this folder's own, so that the stack lives under `<session
    prefix>console.e2e.`, never on the topics tests/e2e's stack used (and deleted)."""
    return Infra(infra.kafka_bootstrap_servers, infra.database_url,
                 f"{infra.topic_prefix}console.")


@pytest.fixture(scope="package")
async def browser() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        launched = await playwright.chromium.launch(
            executable_path=CHROMIUM, args=CHROMIUM_FLAGS
        )
        yield launched
        await launched.close()
