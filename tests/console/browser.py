"""Driving the console as a person does: a browser context per person, sign-in through
the sign-in page with the code that reaches their WhatsApp (read from the sandbox as
tests/e2e does), errors the page raised, axe-core's verdict, screenshots."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import axe_playwright_python
from playwright.async_api import Browser, BrowserContext, ConsoleMessage, Page, Route

from contracts.roster import Officer
from tests.e2e.api_session import CODE
from tests.e2e.whatsapp import Outbox

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_FLAGS = [
    "--no-sandbox", "--headless", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]  # fmt: skip
SCREENSHOTS = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
# axe-core as the PyPI package ships it, served to the page from the page's own origin
# (so that the console's Content-Security-Policy stays on while axe runs).
AXE_SOURCE = Path(axe_playwright_python.__file__).parent / "axe.min.js"
AXE_PATH = "/__test-only__/axe.min.js"
BLOCKING_IMPACTS = ("serious", "critical")


@dataclass
class Person:
    """One person's browser (own cookies), and what went wrong in it."""

    context: BrowserContext
    page: Page
    base_url: str
    errors: list[str] = field(default_factory=list)

    @classmethod
    async def open(cls, browser: Browser, base_url: str, width: int = 1366,
                   height: int = 900) -> Person:
        context = await browser.new_context(
            base_url=base_url, viewport={"width": width, "height": height}, locale="id-ID"
        )
        await context.route(f"{base_url}{AXE_PATH}", _serve_axe)
        page = await context.new_page()
        person = cls(context, page, base_url)
        page.on("pageerror", lambda exc: person.errors.append(f"page error: {exc}"))
        page.on("console", person._console)
        return person

    def _console(self, message: ConsoleMessage) -> None:
        if message.type == "error":
            self.errors.append(f"console: {message.text}")

    async def close(self) -> None:
        await self.context.close()

    async def sign_in_officer(self, outbox: Outbox, officer: Officer) -> None:
        """Through the sign-in page: his number, then the code from his WhatsApp."""
        page = self.page
        await page.goto("/console/papan")
        assert page.url.endswith("/console/masuk"), page.url
        before = {s.seq for s in await outbox.to(officer.wa_id)}
        await page.fill("#identitas", officer.wa_id)
        await page.click("#minta-kode button[type=submit]")
        message = await outbox.wait_for(
            officer.wa_id,
            lambda s: s.seq not in before and s.kind == "otp" and bool(CODE.search(s.text)),
            f"sign-in code for {officer.officer_id}",
        )
        match = CODE.search(message.text)
        assert match is not None
        await page.fill("#kode", match.group(1))
        await page.click("#masukkan-kode button[type=submit]")
        await page.wait_for_url("**/console/papan")
        await self.wait_live()

    async def sign_in_dashboard(self, token: str) -> None:
        page = self.page
        await page.goto("/console/masuk")
        await page.click(".dashboard-signin summary")
        await page.fill("#token", token)
        await page.click("#masuk-token button[type=submit]")
        await page.wait_for_url("**/console/papan")
        await self.wait_live()

    async def wait_live(self) -> None:
        """Until the page's live stream is connected."""
        await self.page.wait_for_selector('#langsung[data-state="langsung"]', timeout=10_000)

    async def text(self) -> str:
        return str(await self.page.inner_text("body"))

    async def serious_accessibility_violations(self) -> list[str]:
        """axe-core's serious and critical violations on the page as it is now."""
        await self.page.add_script_tag(url=AXE_PATH)
        result: dict[str, Any] = await self.page.evaluate(
            "async () => await axe.run(document, {resultTypes: ['violations']})"
        )
        return [
            f"{v['id']} ({v['impact']}): {v['help']} at "
            + ", ".join(str(n["target"]) for n in v["nodes"][:5])
            for v in result["violations"]
            if v.get("impact") in BLOCKING_IMPACTS
        ]

    async def screenshot(self, name: str, full_page: bool = False) -> Path:
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        path = SCREENSHOTS / name
        await self.page.screenshot(path=str(path), full_page=full_page)
        return path


async def _serve_axe(route: Route) -> None:
    await route.fulfill(
        status=200, content_type="application/javascript", body=AXE_SOURCE.read_text()
    )
