"""What a message asks for; ratings; officers' commands."""

from __future__ import annotations

import pytest

from services.router.domain.intents import (
    Intent,
    OfficerAction,
    OfficerCommand,
    detect_intent,
    parse_officer_command,
    parse_rating,
)


@pytest.mark.parametrize(
    ("text", "intent"),
    [
        ("status", Intent.STATUS),
        ("cek laporan", Intent.STATUS),
        ("piye laporanku", Intent.STATUS),
        ("sudah sampai mana ya pak", Intent.STATUS),
        ("BJN-7K3Q9X", Intent.STATUS),
        ("laporan bjn 7k3q9x sudah sampai mana?", Intent.STATUS),
        ("batal", Intent.CANCEL),
        ("batalkan BJN-7K3Q9X", Intent.CANCEL),
        ("ora sido pak", Intent.CANCEL),
        ("gak jadi", Intent.CANCEL),
        ("menu", Intent.HELP),
        ("bantuan", Intent.HELP),
        ("help", Intent.HELP),
        ("halo", Intent.GREETING_ONLY),
        ("Assalamu'alaikum wr wb", Intent.GREETING_ONLY),
        ("p", Intent.GREETING_ONLY),
        ("min", Intent.GREETING_ONLY),
        ("selamat pagi pak", Intent.GREETING_ONLY),
        ("terima kasih pak", Intent.THANKS),
        ("matur nuwun", Intent.THANKS),
        ("makasih banyak atas bantuannya", Intent.THANKS),
        ("ok", Intent.THANKS),
        ("halo pak, motor saya hilang", Intent.REPORT),
        ("tolong ada maling", Intent.REPORT),
        (
            "pelaku gak jadi ditangkap padahal sudah jelas dia yang mencuri motor tetangga "
            "saya kemarin malam",
            Intent.REPORT,
        ),
    ],
)
def test_detect_intent(text: str, intent: Intent) -> None:
    assert detect_intent(text) is intent


@pytest.mark.parametrize(
    ("text", "rating"),
    [
        ("5", 5),
        ("lima", 5),
        ("limo", 5),
        ("⭐⭐⭐⭐", 4),
        ("★★", 2),
        ("4/5", 4),
        ("3 dari 5", 3),
        ("bintang 3", 3),
        ("5️⃣", 5),
        ("saya kasih 4 pak", 4),
        ("sangat puas", 5),
        ("kecewa", 1),
        ("6", None),
        ("0", None),
        ("motor saya 2", None),
        ("halo", None),
        ("", None),
    ],
)
def test_parse_rating(text: str, rating: int | None) -> None:
    assert parse_rating(text) == rating


A, R, E, N = (
    OfficerAction.ACKNOWLEDGE,
    OfficerAction.RESOLVE,
    OfficerAction.ESCALATE,
    OfficerAction.NOTE,
)


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("terima BJN-7K3Q9X", OfficerCommand(A, "BJN-7K3Q9X")),
        ("Terima bjn-7k3q9x", OfficerCommand(A, "BJN-7K3Q9X")),
        ("/terima 7k3q9x", OfficerCommand(A, "BJN-7K3Q9X")),
        (
            "selesai bjn 7k3q9x pelaku sudah diamankan",
            OfficerCommand(R, "BJN-7K3Q9X", "pelaku sudah diamankan"),
        ),
        ("SELESAI BJN-7K3Q9X", OfficerCommand(R, "BJN-7K3Q9X")),
        ("naik BJN7K3Q9X", OfficerCommand(E, "BJN-7K3Q9X")),
        (
            "catat BJN-7K3Q9X: korban sudah dimintai keterangan",
            OfficerCommand(N, "BJN-7K3Q9X", "korban sudah dimintai keterangan"),
        ),
        ("BJN-7K3Q9X selesai, barang kembali", OfficerCommand(R, "BJN-7K3Q9X", "barang kembali")),
        ("terima BJN-7K3Q9O", OfficerCommand(A, "BJN-7K3Q90")),  # O typed for 0
        ("terima kasih pak", None),
        ("selesai", None),
        ("naik motor ke pasar", None),
        ("tolong pak ada maling", None),
    ],
)
def test_parse_officer_command(text: str, command: OfficerCommand | None) -> None:
    assert parse_officer_command(text) == command
