"""The console in headless chromium for the console benchmark (Debian's `chromium` driven by
Playwright, as tests/console does): a Kapolres's browser signed in with a session cookie;
how long a board page takes until its cards are in the page; on a live board, when the
page's stream handed it each case's first event and when that case's card was first in
the page, both on the page's clock (`performance.timeOrigin + performance.now()`, Unix
ms). A script that runs before the page's own wraps its EventSource to stamp each case's
first `case` event before the board's handler sees it, and looks every 10 ms (whenever
the page is not busy) whether the card of a case it heard of is in the document. (Not a
MutationObserver: it would get a record for every card the board re-appends when it
re-sorts a column, thousands a second, work the page does only for the benchmark.)"""

from __future__ import annotations

import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from playwright.async_api import CDPSession, Page, async_playwright

from services.api.access.session_cookie import SESSION_COOKIE

CHROMIUM = "/usr/bin/chromium"
FLAGS = ["--no-sandbox", "--headless", "--disable-gpu", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync"]
CARDS = "article.card"
LIVE = '#langsung[data-state="langsung"]'
STAMP = """(() => {
  performance.setResourceTimingBufferSize(100000);
  const events = window.__eventSeen = {};
  const cards = window.__cardSeen = {};
  const waiting = new Set();
  const Native = window.EventSource;
  window.EventSource = class extends Native {
    constructor(url, init) {
      super(url, init);
      this.addEventListener('case', function (message) {
        const now = performance.timeOrigin + performance.now();
        try {
          const id = JSON.parse(message.data).case_id;
          if (!(id in events)) { events[id] = now; waiting.add(id); }
        } catch (err) { /* not a case event */ }
      });
    }
  };
  setInterval(function () {
    if (!waiting.size) return;
    const now = performance.timeOrigin + performance.now();
    for (const id of Array.from(waiting)) {
      if (document.getElementById('kasus-' + id)) { cards[id] = now; waiting.delete(id); }
    }
  }, 10);
})();"""


@dataclass(frozen=True)
class Load:
    ms: float  # from the navigation's start until the page's load event, cards in the DOM
    cards: int


@asynccontextmanager
async def signed_in_page(base_url: str, token: str) -> AsyncIterator[Page]:
    """A fresh browser whose session cookie holds `token` (what the sign-in page sets)."""
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=FLAGS)
        try:
            context = await browser.new_context(
                base_url=base_url, viewport={"width": 1366, "height": 900}, locale="id-ID")
            await context.add_init_script(STAMP)
            await context.add_cookies([{"name": SESSION_COOKIE, "value": token,
                                        "url": base_url, "httpOnly": True}])
            yield await context.new_page()
        finally:
            await browser.close()


async def load_board(page: Page, path: str) -> Load:
    """Open a board page and wait for its load event (the board is rendered by the server,
    so its cards are in the document by then; the count says it is populated)."""
    started = time.perf_counter()
    answer = await page.goto(path, wait_until="load")
    ms = (time.perf_counter() - started) * 1000
    if answer is None or answer.status != 200:
        raise RuntimeError(f"{path}: {answer.status if answer else 'no answer'}")
    return Load(ms, await page.locator(CARDS).count())


async def watch_new_cards(page: Page) -> None:
    """Open the full board (fresh stamps) and wait until its live stream is connected."""
    await page.goto("/console/papan", wait_until="load")
    await page.wait_for_selector(LIVE, timeout=30_000)


class RendererTime:
    """What the page's renderer spent its time on between two readings: Chrome's
    Performance domain metrics (cumulative seconds) TaskDuration (all its tasks),
    ScriptDuration, LayoutDuration and RecalcStyleDuration."""

    NAMES = ("TaskDuration", "ScriptDuration", "LayoutDuration", "RecalcStyleDuration")

    def __init__(self, session: CDPSession) -> None:
        self.session = session
        self.start: dict[str, float] = {}
        self.started = 0.0

    @classmethod
    async def watch(cls, page: Page) -> RendererTime:
        watcher = cls(await page.context.new_cdp_session(page))
        await watcher.session.send("Performance.enable")
        watcher.start, watcher.started = await watcher._read(), time.monotonic()
        return watcher

    async def _read(self) -> dict[str, float]:
        found = await self.session.send("Performance.getMetrics")
        return {m["name"]: float(m["value"]) for m in found["metrics"]}

    async def report(self) -> str:
        now = await self._read()
        wall = time.monotonic() - self.started
        used = {name: now.get(name, 0.0) - self.start.get(name, 0.0) for name in self.NAMES}
        return (f"the page over {wall:.0f} s: Chrome TaskDuration {used['TaskDuration']:.1f} s "
                f"(script {used['ScriptDuration']:.1f}, layout {used['LayoutDuration']:.1f}, "
                f"style {used['RecalcStyleDuration']:.1f})")


async def card_fetches(page: Page) -> list[tuple[float, float]]:
    """(Unix s the board asked for changed cards, seconds the answer took), each fetch."""
    found: list[list[float]] = await page.evaluate("""() => performance
      .getEntriesByType('resource').filter(e => e.name.includes('/console/papan/kartu'))
      .map(e => [performance.timeOrigin + e.startTime, e.responseEnd - e.startTime])""")
    return [(start / 1000, took / 1000) for start, took in found]


async def first_seen(page: Page, what: str = "__cardSeen") -> dict[str, float]:
    """{case_id: Unix seconds its card first was in the page} since `watch_new_cards`
    (with `what="__eventSeen"`: its first stream event reached the page)."""
    stamps: dict[str, float] = await page.evaluate(f"() => window.{what}")
    return {case_id: ms / 1000 for case_id, ms in stamps.items()}
