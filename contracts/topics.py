"""Every Kafka topic Matur uses: one declaration each, created idempotently at start.

Names can carry a prefix (`MATUR_TOPIC_PREFIX`), so that test sessions or several
environments can share one cluster without seeing each other's messages.
"""

from __future__ import annotations

from dataclasses import dataclass

from contracts.base import ContractModel
from contracts.case_commands import CaseCommand
from contracts.case_events import CaseEvent, TierNotice
from contracts.case_references import CaseReferenceMessage
from contracts.directory import Polres
from contracts.hierarchy import Tier
from contracts.lines import Line
from contracts.notifications import NotificationDeadLetter, NotificationEvent, NotificationRequest
from contracts.record_deadletter import RecordDeadLetter
from contracts.roster import Officer
from contracts.whatsapp_events import (
    ChannelError,
    DeliveryStatus,
    InboundMessage,
    WebhookDeadLetter,
)

DAY_MS = 24 * 60 * 60 * 1000


@dataclass(frozen=True)
class Topic:
    name: str
    value: type[ContractModel]  # a Message, or an entity of a compacted topic
    key: str  # what the Kafka key holds
    partitions: int
    retention_ms: int  # -1: forever
    cleanup_policy: str = "delete"  # delete or compact
    description: str = ""

    def full_name(self, prefix: str = "") -> str:
        return f"{prefix}{self.name}"

    def configs(self, min_insync_replicas: int) -> dict[str, str]:
        return {
            "cleanup.policy": self.cleanup_policy,
            "retention.ms": str(self.retention_ms),
            "min.insync.replicas": str(min_insync_replicas),
        }


WHATSAPP_INBOUND = Topic(
    "whatsapp.inbound", InboundMessage, "sender key (citizen_key)", 6, 30 * DAY_MS,
    description="Every message citizens and officers send to a Matur line",
)
WHATSAPP_STATUSES = Topic(
    "whatsapp.statuses", DeliveryStatus, "wamid of our outbound message", 6, 30 * DAY_MS,
    description="Delivery statuses of messages Matur sent",
)
WHATSAPP_ERRORS = Topic(
    "whatsapp.errors", ChannelError, "phone_number_id", 1, 30 * DAY_MS,
    description="System, app and account errors Meta reports by webhook",
)
WHATSAPP_DEADLETTER = Topic(
    "whatsapp.deadletter", WebhookDeadLetter, "none", 1, 90 * DAY_MS,
    description="Authentic webhooks that could not be understood, kept for replay",
)
CASES_EVENTS = Topic(
    "cases.events", CaseEvent, "case_id", 6, -1,
    description="The case event log: every change of every case, forever",
)
CASES_COMMANDS = Topic(
    "cases.commands", CaseCommand, "citizen_key of the reporter", 6, 30 * DAY_MS,
    description="Officer and system actions on cases, for the router",
)
CASES_BHABIN = Topic(
    "cases.bhabin", TierNotice, "case_id", 6, 365 * DAY_MS,
    description="Cases assigned or escalated to a Bhabinkamtibmas",
)
CASES_KAPOLSEK = Topic(
    "cases.kapolsek", TierNotice, "case_id", 6, 365 * DAY_MS,
    description="Cases assigned, escalated or visible to a Kapolsek",
)
CASES_KAPOLRES = Topic(
    "cases.kapolres", TierNotice, "case_id", 6, 365 * DAY_MS,
    description="Cases assigned, escalated or visible to the Kapolres",
)
CASES_REFERENCES = Topic(
    "cases.references", CaseReferenceMessage, "case reference (BJN-...)", 6, 30 * DAY_MS,
    description="Router internal: reference registrations and officers' commands by reference",
)
ROUTER_DEADLETTER = Topic(
    "router.deadletter", RecordDeadLetter, "source position (dl:<topic>:<partition>:<offset>)",
    1, 90 * DAY_MS,
    description="Records the router could not handle, kept whole for replay, with the reason",
)
API_DEADLETTER = Topic(
    "api.deadletter", RecordDeadLetter, "source position (dl:<topic>:<partition>:<offset>)",
    1, 90 * DAY_MS,
    description="Records the API's projection could not apply, kept whole for replay, "
    "with the reason",
)
NOTIFICATIONS_REQUESTS = Topic(
    "notifications.requests", NotificationRequest, "recipient key", 6, 30 * DAY_MS,
    description="Messages to send to citizens and officers",
)
NOTIFICATIONS_EVENTS = Topic(
    "notifications.events", NotificationEvent, "notification_id", 6, 365 * DAY_MS,
    description="What became of each notification: sent, delivered, read, failed",
)
NOTIFICATIONS_DEADLETTER = Topic(
    "notifications.deadletter", NotificationDeadLetter, "notification_id", 1, 90 * DAY_MS,
    description="Notifications the Cloud API refused for good, with the reason",
)
DIRECTORY_POLRES = Topic(
    "directory.polres", Polres, "regency code (35.22)", 1, -1, "compact",
    description="Directory: each regency's Polres; a null value removes it",
)
DIRECTORY_LINES = Topic(
    "directory.lines", Line, "phone_number_id", 1, -1, "compact",
    description="Directory: the WhatsApp business lines and the areas they serve",
)
DIRECTORY_OFFICERS = Topic(
    "directory.officers", Officer, "officer_id", 1, -1, "compact",
    description="Directory: every officer, his tier and areas; a null value removes him",
)

ALL_TOPICS: tuple[Topic, ...] = (
    WHATSAPP_INBOUND,
    WHATSAPP_STATUSES,
    WHATSAPP_ERRORS,
    WHATSAPP_DEADLETTER,
    CASES_EVENTS,
    CASES_COMMANDS,
    CASES_BHABIN,
    CASES_KAPOLSEK,
    CASES_KAPOLRES,
    CASES_REFERENCES,
    ROUTER_DEADLETTER,
    API_DEADLETTER,
    NOTIFICATIONS_REQUESTS,
    NOTIFICATIONS_EVENTS,
    NOTIFICATIONS_DEADLETTER,
    DIRECTORY_POLRES,
    DIRECTORY_LINES,
    DIRECTORY_OFFICERS,
)

DIRECTORY_TOPICS: tuple[Topic, ...] = (DIRECTORY_POLRES, DIRECTORY_LINES, DIRECTORY_OFFICERS)

TIER_TOPICS: dict[Tier, Topic] = {
    Tier.BHABIN: CASES_BHABIN,
    Tier.KAPOLSEK: CASES_KAPOLSEK,
    Tier.KAPOLRES: CASES_KAPOLRES,
}


def by_name(name: str) -> Topic:
    for topic in ALL_TOPICS:
        if topic.name == name:
            return topic
    raise KeyError(name)
