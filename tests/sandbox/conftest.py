"""Fixtures: one webhook receiver and one sandbox per module, reset before each test."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator

import httpx
import pytest

from services.sandbox.client import SandboxClient
from tests.sandbox.servers import ACCESS_TOKEN, WebhookReceiver, running_sandbox, webhook_receiver


@pytest.fixture(scope="module")
def receiver_module() -> Iterator[WebhookReceiver]:
    with webhook_receiver() as receiver:
        yield receiver


@pytest.fixture(scope="module")
def sandbox_url(receiver_module: WebhookReceiver) -> Iterator[str]:
    with running_sandbox(receiver_module.url) as url:
        yield url


@pytest.fixture
async def client(sandbox_url: str) -> AsyncIterator[SandboxClient]:
    async with SandboxClient(sandbox_url) as sandbox:
        await sandbox.reset()
        yield sandbox


@pytest.fixture
def receiver(receiver_module: WebhookReceiver, client: SandboxClient) -> WebhookReceiver:
    receiver_module.clear()
    return receiver_module


@pytest.fixture
async def graph(sandbox_url: str) -> AsyncIterator[httpx.AsyncClient]:
    """An HTTP client that talks to the sandbox as a Graph API client would."""
    async with httpx.AsyncClient(
        base_url=sandbox_url, headers={"Authorization": f"Bearer {ACCESS_TOKEN}"}, timeout=10
    ) as http:
        yield http
