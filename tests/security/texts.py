"""A case whose timeline holds every kind of text a person writes (the reporter's
messages, a photo's caption, a shared location, an officer's note, a manual escalation's
reason, a resolution note), and every text of the scoped cases: what a dashboard must
never receive."""

from __future__ import annotations

from contracts.case_events import CaseEvent, CaseEventKind, TimelineEntry
from contracts.hierarchy import CaseStatus, Tier
from contracts.whatsapp_events import LocationPin, MediaRef
from tests.api.factories import next_event
from tests.api.scoped_cases import ScopedCases

PLACE = LocationPin(latitude=-7.1502, longitude=111.8817, name="Warung Pak Slamet",
                    address="Jl. Rajawali 9")  # fmt: skip
CAPTION = "foto pelaku sabung ayam"
NOTE = "catatan petugas: saksi takut"
REASON = "warga diancam, mohon ditangani Kapolsek"
RESOLUTION = "pelaku sudah diamankan di rumah kades"
FOLLOW_UP = "tambahan dari pelapor: mereka datang lagi"


def written_timeline(first: CaseEvent) -> list[CaseEvent]:
    """After `first`: a message with a photo and a location, a note, a manual escalation
    with a reason, a resolution with its note, and a reopening (the case stays open, with
    its resolution note)."""
    message = next_event(first, CaseEventKind.MESSAGE_ADDED, TimelineEntry(
        text=FOLLOW_UP, media=MediaRef(kind="image", media_id="m1", caption=CAPTION),
        location=PLACE), location=PLACE)  # fmt: skip
    note = next_event(message, CaseEventKind.NOTE_ADDED,
                      TimelineEntry(text=NOTE, actor_officer_id="bhb-a"))  # fmt: skip
    escalated = next_event(note, CaseEventKind.ESCALATED, TimelineEntry(
        from_tier=Tier.BHABIN, to_tier=Tier.KAPOLSEK, reason=REASON))  # fmt: skip
    resolved = next_event(escalated, CaseEventKind.RESOLVED, TimelineEntry(text=RESOLUTION),
                          status=CaseStatus.RESOLVED, resolution_note=RESOLUTION)  # fmt: skip
    reopened = next_event(resolved, CaseEventKind.REOPENED, status=CaseStatus.OPEN)
    return [message, note, escalated, resolved, reopened]


def texts_of(cases: ScopedCases) -> list[str]:
    """Every text and every piece of reporter data the scoped cases hold."""
    found = [PLACE.name or "", PLACE.address or "", CAPTION, NOTE, REASON, RESOLUTION,
             FOLLOW_UP, cases.word]  # fmt: skip
    for event in cases.all:
        case = event.case
        found += [case.summary, case.reporter.name or "", case.reporter.wa_id or ""]
    return [t for t in found if t]
