"""A case's timeline as the case page lists it (pure): what happened, by whom, and a
location as coordinates with links (a `geo:` link opens the phone's map app; nothing is
loaded from a map service by the page itself)."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from contracts.whatsapp_events import LocationPin
from services.api.cases.models import TimelineEntryOut
from services.api.console import labels

REASONS = {
    "sla": "batas waktu terlewati",
    "resolve_sla": "batas waktu penyelesaian terlewati",
    "reminder": "pengingat",
    "manual": "dinaikkan petugas",
    "emergency": "darurat",
}


@dataclass(frozen=True)
class Place:
    coordinates: str  # "-7.150000, 111.880000"
    geo_uri: str
    map_url: str
    name: str | None


@dataclass(frozen=True)
class Moment:
    at: datetime
    title: str
    actor: str | None
    text: str | None
    place: Place | None
    attachment: str | None
    tiers: str | None  # "Bhabinkamtibmas → Kapolsek"
    reason: str | None


def place_of(pin: LocationPin | None) -> Place | None:
    if pin is None:
        return None
    lat, lon = f"{pin.latitude:.6f}", f"{pin.longitude:.6f}"
    return Place(
        coordinates=f"{lat}, {lon}",
        geo_uri=f"geo:{lat},{lon}",
        map_url=f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}",
        name=pin.name or pin.address,
    )


def _tiers(entry: TimelineEntryOut) -> str | None:
    if entry.from_tier is None and entry.to_tier is None:
        return None
    if entry.from_tier is None or entry.to_tier is None or entry.from_tier == entry.to_tier:
        return labels.label(labels.TIERS, entry.to_tier or entry.from_tier)
    return (
        f"{labels.label(labels.TIERS, entry.from_tier)} → "
        f"{labels.label(labels.TIERS, entry.to_tier)}"
    )


def moment(entry: TimelineEntryOut) -> Moment:
    media = entry.media
    attachment = None
    if media is not None:
        attachment = labels.label(labels.MEDIA, media.kind)
        if media.caption:
            attachment += f": {media.caption}"
    return Moment(
        at=entry.occurred_at,
        title=labels.label(labels.EVENTS, entry.kind),
        actor=entry.actor_name or entry.actor_officer_id,
        text=entry.text,
        place=place_of(entry.location),
        attachment=attachment,
        tiers=_tiers(entry),
        reason=REASONS.get(entry.reason, entry.reason) if entry.reason else None,
    )
