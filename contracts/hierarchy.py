"""The police hierarchy Matur routes along, and the vocabulary of a case."""

from __future__ import annotations

from enum import StrEnum


class Tier(StrEnum):
    """Who handles a case, lowest first: Bhabinkamtibmas (village), Kapolsek (district),
    Kapolres (regency)."""

    BHABIN = "bhabin"
    KAPOLSEK = "kapolsek"
    KAPOLRES = "kapolres"

    @property
    def rank(self) -> int:
        return TIER_ORDER.index(self)

    def next_up(self) -> Tier | None:
        i = self.rank
        return TIER_ORDER[i + 1] if i + 1 < len(TIER_ORDER) else None


TIER_ORDER: tuple[Tier, ...] = (Tier.BHABIN, Tier.KAPOLSEK, Tier.KAPOLRES)


class CaseStatus(StrEnum):
    AWAITING_VILLAGE = "awaiting_village"  # opened, we asked the reporter where it happened
    OPEN = "open"  # assigned to an officer, nobody acted yet
    ACKNOWLEDGED = "acknowledged"  # an officer took it; the ladder stops
    RESOLVED = "resolved"
    CANCELLED = "cancelled"  # withdrawn by the reporter


class Urgency(StrEnum):
    LOW = "low"
    NORMAL = "normal"
    HIGH = "high"
    EMERGENCY = "emergency"  # life in danger or crime in progress: every tier at once


class Category(StrEnum):
    THEFT = "theft"  # pencurian, maling, kemalingan
    ROBBERY = "robbery"  # begal, perampokan, jambret
    VEHICLE_THEFT = "vehicle_theft"  # curanmor
    TRAFFIC_ACCIDENT = "traffic_accident"  # kecelakaan, laka
    DRUGS = "drugs"  # narkoba
    DOMESTIC_VIOLENCE = "domestic_violence"  # KDRT
    BRAWL = "brawl"  # tawuran, pengeroyokan
    GAMBLING = "gambling"  # judi
    ALCOHOL = "alcohol"  # miras
    ILLEGAL_RACING = "illegal_racing"  # balap liar
    FLOOD = "flood"  # banjir
    FIRE = "fire"  # kebakaran
    EXTORTION = "extortion"  # pungli
    FRAUD = "fraud"  # penipuan
    VIOLENCE = "violence"  # penganiayaan, pembunuhan
    MISSING_PERSON = "missing_person"
    LIVESTOCK_THEFT = "livestock_theft"  # maling sapi, wedhus ical
    SEXUAL_VIOLENCE = "sexual_violence"  # pelecehan, pencabulan, sextortion
    CHILD_PROTECTION = "child_protection"  # child abuse, child marriage, neglect
    THREAT = "threat"  # ancaman, teror, intimidasi
    DEBT_COLLECTOR = "debt_collector"  # debt collectors or pinjol using force or shame
    DISASTER = "disaster"  # longsor, puting beliung, gempa (flood has its own)
    ENVIRONMENTAL_CRIME = "environmental_crime"  # illegal logging, mining, waste, wildlife
    FOUND_BODY = "found_body"  # penemuan mayat
    PUBLIC_ORDER = "public_order"  # keributan, meresahkan
    OFFICER_CONDUCT = "officer_conduct"  # complaint about a police officer
    SERVICE_SKCK = "service_skck"
    SERVICE_SIM = "service_sim"
    SERVICE_OTHER = "service_other"
    INFORMATION = "information"  # information, advice, questions
    OTHER = "other"
