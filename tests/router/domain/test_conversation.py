"""Thanks, greetings, follow-ups and questions about the Bhabin are not new reports, at any
length; a message that also reports something stays a report (issue 12)."""

from __future__ import annotations

from pathlib import Path

import pytest

from services.router.domain.intents import Intent, detect_intent


@pytest.mark.parametrize(
    "text",
    [
        "siapa bhabin desa Sukorejo sekarang?",
        "pak, nyuwun nomer wa pak bhabin Kanor",
        "Bhabinkamtibmas kelurahan Kadipaten sinten asmanipun?",
        "min minta kontak babinkamtibmas desa kami buat undangan rapat RT",
        "bhabin deso kulo sopo to saiki, sing lawas wis pindah",
        "pak saya mau tanya, siapa polisi yang bertugas di desa Ngunut?",
    ],
)
def test_asking_who_the_bhabin_is(text: str) -> None:
    assert detect_intent(text) is Intent.ASK_BHABIN


@pytest.mark.parametrize(
    "text",
    [
        "pak bhabin, ada maling di kandang sapi tetangga, nomor bapak berapa?",
        "bhabin desa kami minta uang 2 juta, siapa yang bisa saya laporkan?",
    ],
)
def test_a_report_that_names_the_bhabin_stays_a_report(text: str) -> None:
    assert detect_intent(text) is Intent.REPORT


@pytest.mark.parametrize(
    "text",
    [
        "matur nuwun sanget pak, sampun dipun bantu kanthi cepet",
        "terima kasih banyak bapak polisi atas respon cepatnya tadi malam, balapannya sudah bubar",
        "suwun pak, wis teko cepet, tonggoku wis digowo nang puskesmas",
        "makasih ya pak 🙏🙏",
        "trima kasih pak polisi",
        "mohon maaf mengganggu, hatur nuhun pak atas pelayanannya yang ramah",
    ],
)
def test_thanks_of_any_length(text: str) -> None:
    assert detect_intent(text) is Intent.THANKS


@pytest.mark.parametrize(
    "text",
    [
        "terima kasih pak, tapi tolong segera ditindak, malingnya masih sering lewat",
        "matur nuwun, nyuwun tulung wonten tiyang ngamuk mbekta arit sakmenika",
    ],
)
def test_thanks_that_asks_for_something_is_a_report(text: str) -> None:
    assert detect_intent(text) is Intent.REPORT


@pytest.mark.parametrize(
    "text",
    [
        "pak motor sing tak laporke wingi wis ketemu neng sawah",
        "anak kula ingkang ical sampun wangsul, matur nuwun",
        "tambahan pak, pelakunya pakai jaket hitam",
        "menindaklanjuti laporan kami, korban sudah sadar di rumah sakit",
        "soal laporan kemarin pak, pelakunya ternyata tetangga sendiri",
    ],
)
def test_news_about_a_report_made_is_a_follow_up(text: str) -> None:
    assert detect_intent(text) is Intent.FOLLOW_UP


@pytest.mark.parametrize(
    "text",
    [
        "pak laporan saya soal sapi hilang minggu lalu gimana kelanjutannya",
        "nyuwun pirsa, laporan kula babagan penipuan arisan pripun perkembanganipun?",
    ],
)
def test_asking_how_a_report_stands_is_status(text: str) -> None:
    assert detect_intent(text) is Intent.STATUS


def test_taking_a_report_back_is_a_cancel() -> None:
    text = "nuwun sewu pak, kula badhe nyabut laporan kula wingi, sampun damai kaliyan tanggi"
    assert detect_intent(text) is Intent.CANCEL


@pytest.mark.parametrize(
    "text",
    [
        "selamat pagi pak polisi 🙏",
        "Assalamualaikum bapak, sugeng enjing, sugeng makaryo",
        "Selamat Idul Fitri untuk Bapak Kapolres dan seluruh jajaran, mohon maaf lahir batin",
        "Dirgahayu Bhayangkara ke-80, semoga makin dicintai masyarakat",
        "Selamat malam pak, mohon maaf mengganggu waktunya",
    ],
)
def test_greetings_and_wishes(text: str) -> None:
    assert detect_intent(text) is Intent.GREETING_ONLY


@pytest.mark.parametrize(
    "text",
    [
        "selamat malam pak, di desa kami ada orang mencurigakan mondar mandir",
        "anak saya sudah pulang tapi babak belur dipukuli orang",
        "mohon info syarat perpanjang SIM A gimana ya pak, terima kasih",
        "di desa kami ada maling kambing tadi malam, terima kasih pak",  # no request, still new
        "lapor pak, kemarin ayam saya dicuri orang",  # a new report of yesterday's theft
        "Dengan hormat, kami laporkan pencurian sapi tadi malam. Atas perhatiannya terima kasih.",
        "Dengan hormat, bersama ini saya melaporkan hilangnya sepeda motor dinas desa tadi malam",
        "saya mau bikin laporan, kemarin motor saya dicuri di pasar",
    ],
)
def test_reports_and_questions_are_not_swallowed(text: str) -> None:
    assert detect_intent(text) is Intent.REPORT


_ACCEPTED = {
    "thanks": {Intent.THANKS, Intent.FOLLOW_UP},
    "greeting": {Intent.GREETING_ONLY},
    "followup": {Intent.FOLLOW_UP, Intent.STATUS, Intent.THANKS},
    "ask_bhabin": {Intent.ASK_BHABIN},
    "report": {Intent.REPORT},
}
_DATA = Path(__file__).parent / "data" / "issue12_conversation.tsv"


@pytest.mark.parametrize(
    ("kind", "text"),
    [
        tuple(line.split("\t"))
        for line in _DATA.read_text(encoding="utf-8").splitlines()
        if line and not line.startswith("#")
    ],
)
def test_written_conversation(kind: str, text: str) -> None:
    assert detect_intent(text) in _ACCEPTED[kind]
