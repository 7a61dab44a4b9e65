"""`matur`: play a citizen (or an officer) against the running stack through the sandbox.

The sandbox delivers what you type to ingest as a signed Meta webhook, then this shows what
the stack answered (the sends the sandbox recorded for your number).

    matur send 6281234567890 "Pak, motor saya dicuri"
    matur location 6281234567890 -7.15 111.88
    matur choose 6281234567890 village:35.22.07.2001 --title Sukorejo
    matur inbox 6281234567890 --wait 10
"""

from __future__ import annotations

import asyncio
import json
import os
import time
from typing import Any

import typer

from servicekit.settings import repo_path
from services.sandbox.client import SandboxClient, default_sandbox_url
from services.sandbox.rendering import render_record
from services.sandbox.settings import KAPOLRES_LINE

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Play a WhatsApp citizen against the running Matur stack (through the sandbox).",
)

# Latitudes south of the equator start with '-': let them through as arguments.
_NUMBERS_OK = {"ignore_unknown_options": True}

SandboxOption = typer.Option(
    None, "--sandbox", help="Sandbox URL (env SANDBOX_URL, default http://127.0.0.1:8090)"
)
LineOption = typer.Option(KAPOLRES_LINE, "--line", "-l",
                          help="phone_number_id of the line you write to (see `matur lines`)")
WaitOption = typer.Option(5.0, "--wait", "-w",
                          help="Seconds to wait for replies (0: do not wait)")
NameOption = typer.Option(None, "--name", help="Your WhatsApp profile name")


def normalize_phone(phone: str) -> str:
    """`+62 812-3456-7890` or `0812…` -> `62812…` (a wa_id: digits, no '+')."""
    digits = "".join(ch for ch in phone if ch.isdigit())
    if digits.startswith("0"):
        digits = "62" + digits[1:]
    if not digits:
        raise typer.BadParameter(f"not a phone number: {phone!r}")
    return digits


async def _seen_seqs(client: SandboxClient, phone: str) -> set[int]:
    return {m["seq"] for m in await client.list_messages(to=phone)}


async def _watch(client: SandboxClient, phone: str, seen: set[int], wait: float,
                 quiet_after: float | None) -> int:
    """Print new sends to `phone` as they arrive, for up to `wait` seconds. With
    `quiet_after`, stop once replies came and none followed for that long."""
    deadline = time.monotonic() + wait
    last_new: float | None = None
    shown = 0
    while True:
        for record in await client.list_messages(to=phone):
            if record["seq"] not in seen:
                seen.add(record["seq"])
                typer.echo(render_record(record))
                shown += 1
                last_new = time.monotonic()
        now = time.monotonic()
        if now >= deadline:
            return shown
        if quiet_after is not None and last_new is not None and now - last_new >= quiet_after:
            return shown
        await asyncio.sleep(0.3)


def _report_delivery(result: dict[str, Any]) -> None:
    if result.get("delivered"):
        typer.echo(f"sent {result['wamid']} (ingest answered 200, "
                   f"attempt {result['attempts']})")
        return
    reason = result.get("error") or f"HTTP {result.get('status_code')}"
    typer.echo(f"NOT delivered to ingest after {result['attempts']} attempts: {reason}",
               err=True)


async def _send_and_wait(sandbox: str | None, phone: str, wait: float,
                         **inbound: Any) -> None:
    async with SandboxClient(sandbox) as client:
        try:
            seen = await _seen_seqs(client, phone)
            result = await client.send_inbound(from_=phone, **inbound)
        except Exception as exc:
            typer.echo(f"sandbox at {sandbox or default_sandbox_url()} unreachable or "
                       f"refused: {exc}", err=True)
            raise typer.Exit(1) from None
        _report_delivery(result)
        if wait > 0 and result.get("delivered"):
            typer.echo(f"waiting up to {wait:g}s for replies...")
            if not await _watch(client, phone, seen, wait, quiet_after=1.5):
                typer.echo("(no reply yet; try `matur inbox "
                           f"{phone} --wait 10`)")


@app.command()
def send(
    from_phone: str = typer.Argument(..., help="Your number, e.g. 6281234567890"),
    text: str = typer.Argument(..., help="What you write"),
    line: str = LineOption,
    name: str | None = NameOption,
    wait: float = WaitOption,
    sandbox: str | None = SandboxOption,
) -> None:
    """Send a text message to a line."""
    phone = normalize_phone(from_phone)
    asyncio.run(_send_and_wait(sandbox, phone, wait, type="text", text=text,
                               to_phone_number_id=line, profile_name=name))


@app.command(context_settings=_NUMBERS_OK)
def location(
    from_phone: str = typer.Argument(..., help="Your number"),
    latitude: float = typer.Argument(..., help="e.g. -7.15"),
    longitude: float = typer.Argument(..., help="e.g. 111.88"),
    place: str | None = typer.Option(None, "--place", help="Location name"),
    address: str | None = typer.Option(None, "--address"),
    line: str = LineOption,
    name: str | None = NameOption,
    wait: float = WaitOption,
    sandbox: str | None = SandboxOption,
) -> None:
    """Share a location pin."""
    phone = normalize_phone(from_phone)
    asyncio.run(_send_and_wait(sandbox, phone, wait, type="location", latitude=latitude,
                               longitude=longitude, name=place, address=address,
                               to_phone_number_id=line, profile_name=name))


@app.command()
def choose(
    from_phone: str = typer.Argument(..., help="Your number"),
    reply_id: str = typer.Argument(..., help="Row or button id, e.g. village:35.22.07.2001"),
    title: str | None = typer.Option(None, "--title", help="The title shown on the row"),
    kind: str = typer.Option("list", "--kind",
                             help="list (list row), button (reply button), "
                                  "template (template quick-reply button)"),
    line: str = LineOption,
    name: str | None = NameOption,
    wait: float = WaitOption,
    sandbox: str | None = SandboxOption,
) -> None:
    """Tap a list row or a button the stack sent you."""
    phone = normalize_phone(from_phone)
    if kind not in ("list", "button", "template"):
        raise typer.BadParameter("--kind must be list, button or template")
    fields: dict[str, Any] = {"reply_id": reply_id, "reply_title": title,
                              "to_phone_number_id": line, "profile_name": name}
    if kind == "template":
        fields["type"] = "button"
    else:
        fields["type"] = "interactive"
        fields["interactive_type"] = "list_reply" if kind == "list" else "button_reply"
    asyncio.run(_send_and_wait(sandbox, phone, wait, **fields))


@app.command()
def inbox(
    phone: str = typer.Argument(..., help="Whose messages to show"),
    wait: float = typer.Option(0.0, "--wait", "-w",
                               help="Keep watching for new messages this many seconds"),
    sandbox: str | None = SandboxOption,
) -> None:
    """Show what the stack sent to a number (as the sandbox received it)."""
    wa_id = normalize_phone(phone)

    async def show() -> None:
        async with SandboxClient(sandbox) as client:
            seen: set[int] = set()
            shown = await _watch(client, wa_id, seen, 0.0, None)
            if wait > 0:
                shown += await _watch(client, wa_id, seen, wait, None)
            if not shown:
                typer.echo(f"nothing sent to {wa_id} yet")

    asyncio.run(show())


def _roster() -> dict[str, Any] | None:
    path = repo_path(os.environ.get("MATUR_ROSTER_FILE",
                                    "deploy/sample-data/roster.bojonegoro.sample.json"))
    if not path.is_file():
        typer.echo(f"no roster file at {path}", err=True)
        return None
    roster: dict[str, Any] = json.loads(path.read_text(encoding="utf-8"))
    return roster


@app.command()
def lines() -> None:
    """List the lines (business numbers) of the roster file."""
    roster = _roster()
    if roster is None:
        typer.echo(f"the Kapolres line is {KAPOLRES_LINE}")
        return
    for item in roster.get("lines", []):
        typer.echo(f"{item['phone_number_id']}  +{item.get('display_phone_number') or '?':<14}"
                   f"  {item.get('tier') or '-':<9}  {item.get('label') or ''}")


@app.command()
def officers(
    area: str | None = typer.Argument(None, help="Only officers of this area code prefix"),
) -> None:
    """List the roster's officers (to play one: `matur send <their wa_id> ...`)."""
    roster = _roster()
    if roster is None:
        return
    for item in roster.get("officers", []):
        codes = item.get("area_codes", [])
        if area and not any(code.startswith(area) for code in codes):
            continue
        typer.echo(f"{item['wa_id']}  {item.get('tier', ''):<9} {item.get('rank') or '':<6} "
                   f"{item['name']:<28} {', '.join(codes)}")


if __name__ == "__main__":
    app()
