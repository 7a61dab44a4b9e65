"""Whatever a citizen types (emoji, scripts, empty, very long), the rules answer."""

from __future__ import annotations

import random

from contracts.hierarchy import Category
from services.router.domain.classify import classify
from services.router.domain.directory import Directory
from services.router.domain.intents import (
    Intent,
    detect_intent,
    parse_officer_command,
    parse_rating,
)
from services.router.domain.reference import make_reference, normalise_reference
from services.router.domain.village_text import resolve_village

ALPHABET = (
    "abcdefghijklmnopqrstuvwxyz ABCXYZ 0123456789 .,!?-_/:'\"\n\t⭐★🙏😭👍🏻5️⃣éñü中文ꦗꦮ\u200b\u202e"
)
WORDS = "tolong maling desa ds kec sukorejo bjn di neng polisi oknum minta uang lagi 5 lima".split()


def _samples(seed: int, count: int) -> list[str]:
    rng = random.Random(seed)
    texts = ["", " ", "\n", "?", "⭐" * 9, "a" * 5000, "desa " * 300]
    for _ in range(count):
        if rng.random() < 0.5:
            texts.append("".join(rng.choice(ALPHABET) for _ in range(rng.randint(0, 60))))
        else:
            texts.append(" ".join(rng.choice(WORDS) for _ in range(rng.randint(0, 20))))
    return texts


def test_rules_never_fail(bojonegoro: Directory) -> None:
    candidates = bojonegoro.villages_in("35.22")
    for text in _samples(seed=4, count=400):
        result = classify(text)
        assert isinstance(result.category, Category)
        assert result.emergency == (result.urgency.value == "emergency")
        match = resolve_village(text, candidates, bojonegoro)
        assert len(match.villages) <= 10
        assert all(v.code.startswith("35.22.") for v in match.villages)
        assert isinstance(detect_intent(text), Intent)
        rating = parse_rating(text)
        assert rating is None or 1 <= rating <= 5
        command = parse_officer_command(text)
        assert command is None or command.reference.startswith("BJN-")
        reference = normalise_reference(text)
        assert reference is None or len(reference) == 10


def test_every_reference_survives_being_typed_back() -> None:
    rng = random.Random(7)
    for _ in range(500):
        case_id = "".join(rng.choice("abcdefghijklmnopqrstuvwxyz0123456789._-") for _ in range(30))
        reference = make_reference(case_id)
        typed = reference.replace("-", rng.choice(["", " ", "-", "  "]))
        typed = typed.lower() if rng.random() < 0.5 else typed
        assert normalise_reference(typed) == reference
        assert parse_officer_command(f"selesai {typed} sudah beres") is not None
