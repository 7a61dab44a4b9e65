"""What a WhatsApp message asks for, before it is read as a report.

Citizens: `detect_intent` (report, status question, cancel, help, a bare greeting,
thanks) and `parse_rating` (the 1-5 satisfaction answer). Officers:
`parse_officer_command` ("terima BJN-7K3Q9X", "selesai BJN-7K3Q9X pelaku diamankan",
"naik BJN-7K3Q9X", "catat BJN-7K3Q9X ...", "tampi bjn7k3q9x", "sls BJN 7K3Q9X", and in a
reply to a case's notification "ok siap" or "rampung" alone). Indonesian and Javanese keywords.

Keyword intents (status, cancel, help) are recognised only in short messages: a long
message that happens to contain "gak jadi" or "status" is a report.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from services.router.domain import conversation as talk
from services.router.domain.classify import classify
from services.router.domain.reference import find_reference, normalise_reference
from services.router.domain.wording import fold, words


class Intent(StrEnum):
    REPORT = "report"
    STATUS = "status"
    CANCEL = "cancel"
    HELP = "help"
    GREETING_ONLY = "greeting_only"
    THANKS = "thanks"
    ASK_BHABIN = "ask_bhabin"  # who the village's Bhabin is, their number
    FOLLOW_UP = "follow_up"  # more about a report already made ("tambahan", "korban sudah sadar")


class OfficerAction(StrEnum):
    ACKNOWLEDGE = "acknowledge"
    RESOLVE = "resolve"
    ESCALATE = "escalate"
    NOTE = "note"


@dataclass(frozen=True)
class OfficerCommand:
    action: OfficerAction
    reference: str | None  # canonical, e.g. BJN-7K3Q9X; None: the case replied to
    note: str | None = None


SHORT_MESSAGE_WORDS = 10

_FILLER = frozenset(
    "pak bu bapak ibu mas mbak kak min admin mimin gan om dik dek ya yo iya nggih njih ok oke "
    "dong donk nih sih deh tolong mohon minta nyuwun saya aku kulo kami".split()
)
_GREETING = frozenset(
    "halo hallo haloo hai hay hi hello helo assalamualaikum asalamualaikum assalamualaikom "
    "assalamu alaikum alaikom wr wb warahmatullahi wabarakatuh warohmatullahi wabarokatuh "
    "salam p ping selamat pagi siang sore malam sugeng enjing siyang sonten dalu permisi "
    "punten kulonuwun nuwun sewu swastiastu shalom tes test woi oi misi".split()
)
_THANKS_FILLER = frozenset(
    "banyak sekali atas bantuannya bantuan responnya infonya informasinya sanget sangat "
    "sudah dibantu ditangani cepat you sip siap baik mantap alhamdulillah ok oke okay "
    "terima kasih matur nuwun suwun".split()
)
_STATUS_WORDS = frozenset("status progres progress perkembangan tindaklanjut".split())
_ASK = frozenset("cek check lihat liat piye gimana bagaimana pripun kepriye kabar info".split())
_REPORT_WORDS = frozenset("laporan laporanku laporane lapuran aduan aduanku pengaduan".split())
_CANCEL_WORDS = frozenset("batal batalkan dibatalkan batalin cancel cabut hapus".split())
_NOT = frozenset("ora gak ga nggak ngga tidak ndak enggak gk tdk".split())
_HELP_WORDS = frozenset("menu bantuan help panduan petunjuk".split())


def _has_phrase(ws: list[str], first: frozenset[str], second: frozenset[str], gap: int = 2) -> bool:
    return any(
        w in first and any(x in second for x in ws[i + 1 : i + 1 + gap]) for i, w in enumerate(ws)
    )


def detect_intent(text: str) -> Intent:
    raw = text or ""
    reference = find_reference(raw)
    without_ref = raw[: reference[1]] + " " + raw[reference[2] :] if reference else raw
    ws = words(without_ref)
    short = len(ws) <= SHORT_MESSAGE_WORDS

    if not ws:
        return Intent.STATUS if reference else Intent.GREETING_ONLY
    if short:
        if any(w in _CANCEL_WORDS for w in ws) or _has_phrase(
            ws, _NOT, frozenset({"jadi", "sido", "usah", "perlu"}), gap=1
        ):
            return Intent.CANCEL
        if (
            any(w in _STATUS_WORDS for w in ws)
            or _has_phrase(ws, _ASK, _REPORT_WORDS)
            or _has_phrase(
                ws,
                frozenset({"sampai", "sampe", "tekan", "nganti"}),
                frozenset({"mana", "endi", "ngendi", "pundi"}),
                gap=1,
            )
            or (reference is not None and len(ws) <= 4)
        ):
            return Intent.STATUS
        if any(w in _HELP_WORDS for w in ws) or _has_phrase(
            ws, frozenset({"cara"}), frozenset({"lapor", "melapor", "pakai", "menggunakan"})
        ):
            return Intent.HELP
    if len(ws) <= 2 and all(w in {"ok", "oke", "okay", "sip", "siap", "baik"} for w in ws):
        return Intent.THANKS
    if all(w in _GREETING or w in _FILLER for w in ws):
        return Intent.GREETING_ONLY
    if talk.thanked(ws) and all(
        w in talk.THANKS or w in _THANKS_FILLER or w in _FILLER or w in _GREETING for w in ws
    ):
        return Intent.THANKS
    return _conversation(ws, without_ref, reference is not None)


def _conversation(ws: list[str], text: str, reference: bool = False) -> Intent:
    """Asking for the Bhabin, a report's progress or news, thanks and greetings, at any
    length; a report otherwise (conversation.py)."""
    c = classify(text)
    if talk.withdraws(ws):
        return Intent.CANCEL
    if talk.asks_bhabin(ws, c):
        return Intent.ASK_BHABIN
    if talk.asks_progress(ws, c) or (reference and not talk.PROGRESS.isdisjoint(ws)):
        return Intent.STATUS  # "BJN-7K3Q9X ... gimana perkembangannya"
    if talk.brings_news(ws, c):
        return Intent.FOLLOW_UP
    if talk.thanks_only(ws, c):
        return Intent.THANKS
    if talk.greets_only(ws, c):
        return Intent.GREETING_ONLY
    return Intent.REPORT


# -- ratings ----------------------------------------------------------------------------

_NUMBER_WORDS = {
    "satu": 1, "siji": 1, "setunggal": 1, "dua": 2, "loro": 2, "kalih": 2, "tiga": 3,
    "telu": 3, "tigo": 3, "empat": 4, "papat": 4, "sekawan": 4, "lima": 5, "limo": 5,
    "gangsal": 5,
}  # fmt: skip
_RATING_FILLER = (
    frozenset(
        "bintang nilai nilainya rating skor score saya aku kulo kasih beri memberi ngasih "
        "berikan pak bu ya nggih untuk buat layanan pelayanan".split()
    )
    | _FILLER
)
_FEELINGS = (
    (("sangat", "puas"), 5), (("puas", "banget"), 5), (("puas", "sekali"), 5),
    (("kurang", "puas"), 2), (("tidak", "puas"), 1), (("gak", "puas"), 1),
    (("ora", "puas"), 1), (("kecewa",), 1), (("puas",), 4), (("cukup",), 3),
)  # fmt: skip
_STARS = re.compile("[\u2b50\u2605\U0001f31f]")
_KEYCAP = re.compile("([1-5])\ufe0f?\u20e3")
_OUT_OF_FIVE = re.compile(r"\b([1-5])\s*(?:/|dari)\s*5\b")


def parse_rating(text: str) -> int | None:
    """1-5 from "5", "lima", "⭐⭐⭐⭐", "4/5", "bintang 3", "5️⃣", "sangat puas"; else None."""
    raw = (text or "").strip()
    if not raw:
        return None
    raw = _KEYCAP.sub(r" \1 ", raw)
    raw = _OUT_OF_FIVE.sub(r" \1 ", fold(raw))
    stars = len(_STARS.findall(raw))
    ws = words(raw)
    values = [int(w) for w in ws if w.isdigit()] + [
        _NUMBER_WORDS[w] for w in ws if w in _NUMBER_WORDS
    ]
    rest = [w for w in ws if not w.isdigit() and w not in _NUMBER_WORDS and w not in _RATING_FILLER]
    if stars and not values and not rest:
        return stars if 1 <= stars <= 5 else None
    if len(values) == 1 and not rest and not stars:
        return values[0] if 1 <= values[0] <= 5 else None
    if not values and not stars and len(ws) <= 4:
        for phrase, value in _FEELINGS:
            if all(p in ws for p in phrase):
                return value
    return None


# -- officer commands -------------------------------------------------------------------

# Verbs and phrases as officers type them: Indonesian, Javanese (tampi, trimo, wis tak
# tangani, rampung), abbreviations (sls, ctt) and the radio's "siap".
_ACTIONS = {
    OfficerAction.ACKNOWLEDGE: (
        "terima diterima ack tangani ditangani proses siap ok oke tampi trimo nampi nrimo "
        "|wis tak tangani|tak tangani|sudah saya tangani|saya tangani|siap laksanakan"
        "|ok siap|oke siap|siap ndan|siap komandan|siap pak"
    ),
    OfficerAction.RESOLVE: (
        "selesai diselesaikan beres rampung tuntas done tutup sls slsai clear "
        "|wis rampung|wis beres|sudah selesai|sdh selesai|wis mari"
    ),
    OfficerAction.ESCALATE: "naik naikkan naikan eskalasi teruskan munggahke",
    OfficerAction.NOTE: "catat catatan note ctt",
}
# Single words first, then "|"-separated phrases.
_VERBS = {
    " ".join(verb.split()): action
    for action, verbs in _ACTIONS.items()
    for verb in (*verbs.split("|")[0].split(), *verbs.split("|")[1:])
}
_VERB_RE = re.compile(
    r"^\s*[/!#]?\s*("
    + "|".join(r"\s+".join(map(re.escape, v.split())) for v in sorted(_VERBS, key=len)[::-1])
    + r")(?![0-9A-Za-z])[\s:,.\-]*(.*)$",
    re.IGNORECASE | re.DOTALL,
)
_BARE_CODE_RE = re.compile(r"^([0-9A-Za-z]{6})(?![0-9A-Za-z])")
# What may follow "terima" or "naik" in a reply that names no case: nothing but courtesy.
_COURTESY = frozenset("pak ndan komandan siap ok oke laksanakan nggih njih ya 86".split())


def parse_officer_command(text: str, *, replying: bool = False) -> OfficerCommand | None:
    """An officer's command naming a case reference, or None if the text is not one.

    `replying`: the message answers one of our case notifications (WhatsApp's reply
    context), so a command without a reference means that case (`reference` None)."""
    raw = text or ""
    verb = _VERB_RE.match(raw)
    if verb is None:
        # "BJN-7K3Q9X selesai, pelaku diamankan": the reference first, then the verb
        found = find_reference(raw)
        if found is None or raw[: found[1]].strip():
            return None
        after = _VERB_RE.match(raw[found[2] :])
        if after is None:
            return None
        return _command(_verb_action(after), found[0], after.group(2))
    action, rest = _verb_action(verb), verb.group(2)
    found = find_reference(rest)
    if found is not None and not rest[: found[1]].strip():
        return _command(action, found[0], rest[found[2] :])
    bare = _BARE_CODE_RE.match(rest)
    reference = normalise_reference(bare.group(1), allow_bare=True) if bare else None
    if bare and reference:
        return _command(action, reference, rest[bare.end() :])
    if replying and _means_this_case(action, rest):
        return _command(action, None, rest)
    return None


def _verb_action(match: re.Match[str]) -> OfficerAction:
    return _VERBS[" ".join(match.group(1).lower().split())]


def _means_this_case(action: OfficerAction, rest: str) -> bool:
    """A reply without a reference: resolve and note take any words (the note); accept and
    escalate only courtesy ("terima kasih" is thanks, not a command)."""
    if action in (OfficerAction.RESOLVE, OfficerAction.NOTE):
        return True
    return all(w in _COURTESY for w in words(rest))


def _command(action: OfficerAction, reference: str | None, note_text: str) -> OfficerCommand:
    note = note_text.strip().lstrip(":,.-").strip()
    return OfficerCommand(action, reference, note or None)
