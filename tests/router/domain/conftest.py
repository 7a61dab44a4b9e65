"""Fixtures of the router's domain tests: the area data is read once per session."""

from __future__ import annotations

import pytest

from contracts.roster import Roster, load_roster
from services.router.domain.directory import REPO_ROOT, Directory
from services.router.domain.officers import OfficerDirectory

SAMPLE_ROSTER = REPO_ROOT / "deploy" / "sample-data" / "roster.bojonegoro.sample.json"


@pytest.fixture(scope="session")
def national() -> Directory:
    return Directory.load()


@pytest.fixture(scope="session")
def bojonegoro(national: Directory) -> Directory:
    return national.subset(["35.22"])


@pytest.fixture(scope="session")
def sample_roster() -> Roster:
    return load_roster(SAMPLE_ROSTER)


@pytest.fixture(scope="session")
def officers(sample_roster: Roster, bojonegoro: Directory) -> OfficerDirectory:
    return OfficerDirectory(sample_roster, bojonegoro)
