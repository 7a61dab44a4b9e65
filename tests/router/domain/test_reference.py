"""Case references: derived from the case id, easy to type, forgiving when typed back."""

from __future__ import annotations

import re

import pytest

from services.router.domain.reference import (
    find_reference,
    make_reference,
    normalise_reference,
)


def test_references_are_stable_short_and_unambiguous() -> None:
    reference = make_reference("wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA")
    assert reference == make_reference("wamid.HBgLNjI4MTIzNDU2Nzg5MBUCABIYFjNFQjA")
    assert re.fullmatch(r"BJN-[0-9A-HJKMNP-TV-Z]{6}", reference)
    assert make_reference("other case") != reference
    assert make_reference("wamid.X", attempt=1) != make_reference("wamid.X")


def test_references_rarely_collide() -> None:
    references = {make_reference(f"wamid.{i}") for i in range(20_000)}
    assert len(references) >= 19_990


@pytest.mark.parametrize("case_id", ["wamid.a", "wamid.b", "c-1", "x" * 80])
def test_round_trip_through_sloppy_typing(case_id: str) -> None:
    reference = make_reference(case_id)
    code = reference[4:]
    for typed in (
        reference,
        reference.lower(),
        f"bjn {code.lower()}",
        f"BJN{code}",
        f"bjn-{code[:3]}-{code[3:]}",
        f"  {reference}  ",
        f"bjn {code.replace('0', 'O').replace('1', 'I').lower()}",
    ):
        assert normalise_reference(typed) == reference, typed


def test_not_references() -> None:
    assert normalise_reference("bjn 7k3q9") is None
    assert normalise_reference("BJN-7K3Q9X1") is None
    assert normalise_reference("tolong") is None
    assert normalise_reference("7k3q9x") is None
    assert normalise_reference("7k3q9x", allow_bare=True) == "BJN-7K3Q9X"
    assert normalise_reference("motors", allow_bare=True) is None


def test_references_inside_sentences() -> None:
    assert normalise_reference("batalkan laporan bjn 7k3q9x ya pak") == "BJN-7K3Q9X"
    found = find_reference("status BJN-7K3Q9X?")
    assert found is not None and found[0] == "BJN-7K3Q9X"
