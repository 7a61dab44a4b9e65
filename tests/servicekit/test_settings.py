"""Where each service listens (<SERVICE>_HOST, <SERVICE>_PORT and their defaults) and where
a relative path from the settings points."""

from __future__ import annotations

from pathlib import Path

import pytest

from servicekit.settings import REPO_ROOT, ServedSettings, repo_path
from services.api.settings import ApiSettings
from services.ingest.settings import IngestSettings
from services.notifier.settings import NotifierSettings
from services.router.settings import RouterSettings
from services.sandbox.settings import SandboxSettings

SERVED: list[tuple[type[ServedSettings], str, int]] = [
    (ApiSettings, "API", 8000),
    (IngestSettings, "INGEST", 8001),
    (NotifierSettings, "NOTIFIER", 8002),
    (RouterSettings, "ROUTER", 8003),
    (SandboxSettings, "SANDBOX", 8090),
]


@pytest.mark.parametrize(("settings", "prefix", "port"), SERVED)
def test_each_service_listens_where_its_own_variables_say(
    settings: type[ServedSettings], prefix: str, port: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    for _, other, _ in SERVED:
        monkeypatch.delenv(f"{other}_HOST", raising=False)
        monkeypatch.delenv(f"{other}_PORT", raising=False)
    default = settings()
    assert (default.host, default.port) == ("127.0.0.1", port)
    monkeypatch.setenv(f"{prefix}_HOST", "0.0.0.0")  # noqa: S104 (a value, nothing binds)
    monkeypatch.setenv(f"{prefix}_PORT", "18123")
    monkeypatch.setenv("PORT", "1")  # neither a bare name nor another service's counts
    monkeypatch.setenv("HOST", "elsewhere")
    for _, other, _ in SERVED:
        if other != prefix:
            monkeypatch.setenv(f"{other}_PORT", "2")
    configured = settings()
    assert (configured.host, configured.port) == ("0.0.0.0", 18123)  # noqa: S104
    assert settings(port=3).port == 3


def test_the_prefix_leaves_named_variables_alone(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("INGEST_MAX_BODY_BYTES", "1000")
    monkeypatch.setenv("MATUR_LOG_LEVEL", "DEBUG")
    monkeypatch.setenv("KAFKA_BOOTSTRAP_SERVERS", "kafka:9092")
    settings = IngestSettings()
    assert settings.max_body_bytes == 1000
    assert settings.log_level == "DEBUG"
    assert settings.kafka_bootstrap_servers == "kafka:9092"


def test_relative_paths_are_relative_to_the_repository() -> None:
    assert (REPO_ROOT / "servicekit" / "settings.py").is_file()
    assert repo_path("deploy/x.json") == REPO_ROOT / "deploy" / "x.json"
    assert repo_path("../shared/data") == (REPO_ROOT.parent / "shared" / "data").resolve()
    assert repo_path("/etc/matur.json") == Path("/etc/matur.json")
