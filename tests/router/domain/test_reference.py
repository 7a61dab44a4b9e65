"""Case references: unique per input-log position (or derived from the case id), easy to
type, forgiving when typed back."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from services.router.domain.reference import (
    find_reference,
    make_reference,
    normalise_reference,
    reference_for_position,
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


def test_a_reference_from_a_log_position_reads_like_a_counter() -> None:
    assert reference_for_position(3, 123) == "BJN-C0003V"
    assert reference_for_position(0, 0) == "BJN-000000"
    assert reference_for_position(0, 1) == "BJN-000001"


@given(
    a=st.tuples(st.integers(0, 7), st.integers(0, 2**27 - 1)),
    b=st.tuples(st.integers(0, 7), st.integers(0, 2**27 - 1)),
)
def test_two_log_positions_never_share_a_reference(a: tuple[int, int], b: tuple[int, int]) -> None:
    assert (reference_for_position(*a) == reference_for_position(*b)) == (a == b)


@given(position=st.tuples(st.integers(0, 7), st.integers(0, 2**27 - 1)))
def test_a_position_reference_survives_being_typed_back(position: tuple[int, int]) -> None:
    reference = reference_for_position(*position)
    typed = reference.lower().replace("-", " ").replace("0", "o")
    assert normalise_reference(typed) == reference


def test_a_partition_beyond_the_encoding_is_refused() -> None:
    with pytest.raises(ValueError, match="partition 8"):
        reference_for_position(8, 0)
