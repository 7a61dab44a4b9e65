"""`matur-stack`: bring the local stack up and down (what `make run`/`make test` call)."""

from __future__ import annotations

import asyncio
import json
import os
import signal
import sys
import time
from pathlib import Path

import typer

from devstack import kafka, postgres, processes
from devstack.database import ensure_database
from devstack.directory_import import import_roster_for_run
from devstack.paths import LOGS, REPO, RUN
from devstack.ports import port_open, wait_port
from devstack.services import SERVICES

app = typer.Typer(add_completion=False, help="Local Matur stack: Kafka, PostgreSQL, services.")

STARTED = RUN / "started-infra.json"


def _kafka_port() -> int:
    servers = os.environ.get("KAFKA_BOOTSTRAP_SERVERS", "127.0.0.1:9092")
    return int(servers.split(",")[0].rsplit(":", 1)[1])


def infra_env() -> dict[str, str]:
    """The environment the services and tests use for the local stack."""
    env = {"KAFKA_BOOTSTRAP_SERVERS": os.environ.get("KAFKA_BOOTSTRAP_SERVERS",
                                                     "127.0.0.1:9092")}
    env["DATABASE_URL"] = os.environ.get("DATABASE_URL") or "postgresql://matur@127.0.0.1:5432/matur"
    return env


def bring_up_infra() -> tuple[dict[str, str], list[str]]:
    """Start Kafka and (unless DATABASE_URL is set) PostgreSQL; create topics and the
    database. Records what it started so that `down --infra-started` stops only that."""
    from servicekit.topic_admin import ensure_topics

    started: list[str] = []
    if kafka.start(port=_kafka_port()):
        started.append("kafka")
    if not os.environ.get("DATABASE_URL"):
        if postgres.start():
            started.append("postgres")
        asyncio.run(ensure_database())
    env = infra_env()
    created = asyncio.run(ensure_topics(
        env["KAFKA_BOOTSTRAP_SERVERS"], prefix=os.environ.get("MATUR_TOPIC_PREFIX", "")))
    if created:
        print(f"[topics] created {len(created)}: {', '.join(created)}")
    else:
        print("[topics] all declared topics exist")
    RUN.mkdir(parents=True, exist_ok=True)
    previous = json.loads(STARTED.read_text()) if STARTED.exists() else []
    STARTED.write_text(json.dumps(sorted(set(previous) | set(started))))
    return env, started


@app.command()
def infra() -> None:
    """Start Kafka and PostgreSQL (if not already running) and print their environment."""
    env, _ = bring_up_infra()
    for k, v in env.items():
        print(f"export {k}={v}")


@app.command()
def down(only_started: bool = typer.Option(False, help="Stop only what `infra` started")) -> None:
    """Stop the services and the infrastructure."""
    for svc in reversed(SERVICES):
        if processes.stop(svc.name):
            print(f"[{svc.name}] stopped")
    names = json.loads(STARTED.read_text()) if STARTED.exists() else []
    if not only_started or "kafka" in names:
        kafka.stop()
    if not only_started or "postgres" in names:
        postgres.stop()
    STARTED.unlink(missing_ok=True)


@app.command()
def run() -> None:
    """Bring everything up, print where it listens, and on Ctrl-C stop what it started."""
    env, started_infra = bring_up_infra()
    import_roster_for_run(env["KAFKA_BOOTSTRAP_SERVERS"], os.environ.get("MATUR_TOPIC_PREFIX", ""))
    env.setdefault("MATUR_LOG_FORMAT", os.environ.get("MATUR_LOG_FORMAT", "console"))
    # The sandbox and the services find each other on whatever ports were chosen.
    ports = {svc.name: int(os.environ.get(svc.port_env, svc.port)) for svc in SERVICES}
    env.setdefault("SANDBOX_WEBHOOK_URL", os.environ.get(
        "SANDBOX_WEBHOOK_URL", f"http://127.0.0.1:{ports['ingest']}/webhook"))
    env.setdefault("WHATSAPP_API_BASE_URL", os.environ.get(
        "WHATSAPP_API_BASE_URL", f"http://127.0.0.1:{ports['sandbox']}"))
    for svc in SERVICES:
        port = ports[svc.name]
        if port_open("127.0.0.1", port):
            sys.exit(f"port {port} for {svc.name} is taken; set {svc.port_env} or `make stop`")
        processes.start(svc.name, [sys.executable, "-m", svc.module], env=env, cwd=REPO)
        wait_port("127.0.0.1", port, 60, svc.name)
        print(f"[{svc.name}] up on http://127.0.0.1:{port}  {svc.what}")
    print(
        "\nMatur is running. Logs: make logs (files in .local/logs/).\n"
        "Play a citizen writing to the Kapolres line:\n"
        "  .venv/bin/matur send 6281234567890 'Pak, motor saya dicuri di desa Sukorejo "
        "kec. Bojonegoro'\n"
        "  .venv/bin/matur inbox 6281234567890\n"
        "Cases: http://127.0.0.1:8000/docs   Stop: Ctrl-C (or `make stop`).\n",
        flush=True,
    )
    stopping = False

    def _stop(*_: object) -> None:
        nonlocal stopping
        stopping = True

    signal.signal(signal.SIGINT, _stop)
    signal.signal(signal.SIGTERM, _stop)
    while not stopping:
        for svc in SERVICES:
            if processes.running_pid(svc.name) is None:
                print(f"[{svc.name}] exited; see {processes.log_file(svc.name)}")
                stopping = True
        time.sleep(0.5)
    print("\nstopping...")
    for svc in reversed(SERVICES):
        if processes.stop(svc.name):
            print(f"[{svc.name}] stopped")
    if "kafka" in started_infra:
        kafka.stop()
    if "postgres" in started_infra:
        postgres.stop()


@app.command()
def logs(follow: bool = typer.Option(True)) -> None:
    """Show the logs of everything the stack started."""
    files = sorted(str(p) for p in Path(LOGS).glob("*.log"))
    if not files:
        print("no logs yet")
        return
    os.execvp("tail", ["tail", "-n", "50", *(["-F"] if follow else []), *files])


def main() -> None:
    app()


if __name__ == "__main__":
    main()
