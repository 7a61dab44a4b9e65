"""The environment the end-to-end stack runs with: the session's topics and database, and
settings that make a scenario take seconds rather than minutes."""

from __future__ import annotations

from pathlib import Path

# Every tier has 30 minutes to acknowledge, so that the scenarios' cases stay where they
# were routed, except gambling reports: 30 min x 0.006 = 10.8 s per tier, which is what the
# escalation scenario files. Urgency does not change the windows; acknowledging stops the
# ladder for good (no resolve deadline); the Kapolres is reminded at the top.
ESCALATION_CATEGORY = "gambling"
TIER_WINDOW_S = 30 * 60 * 0.006


def stack_env(infra_env: dict[str, str], prefix: str, work_dir: Path) -> dict[str, str]:
    return {
        **infra_env,
        "MATUR_LOG_LEVEL": "INFO",
        "ROUTER_STORE_DIR": str(work_dir / "router-store"),
        "MATUR_SLA_BHABIN_MINUTES": "30",
        "MATUR_SLA_KAPOLSEK_MINUTES": "30",
        "MATUR_SLA_KAPOLRES_MINUTES": "30",
        "MATUR_SLA_HIGH_FACTOR": "1",
        "MATUR_SLA_EMERGENCY_FACTOR": "1",
        "MATUR_SLA_LOW_FACTOR": "1",
        "MATUR_SLA_RESOLVE_MINUTES": "none",
        "MATUR_SLA_REMIND_AT_TOP": "true",
        "MATUR_SLA_CATEGORY_FACTORS": f"{ESCALATION_CATEGORY}=0.006",
        # One session's consumer groups never meet another's.
        "NOTIFIER_GROUP_ID": f"{prefix}notifier",
        "MATUR_API_PROJECTION_GROUP": f"{prefix}api-projection",
        # Seconds, not Meta's minutes: quick retries, no 6 s gap per recipient.
        "NOTIFIER_RECIPIENT_INTERVAL_S": "0",
        "NOTIFIER_BACKOFF_BASE_S": "0.2",
        "NOTIFIER_BACKOFF_MAX_S": "2",
        "NOTIFIER_LEASE_S": "5",
        # Every test signs officers in from one address.
        "MATUR_API_SIGNIN_IP_BURST": "1000",
        "MATUR_API_SIGNIN_IP_PER_MIN": "1000",
        "MATUR_API_SIGNIN_OFFICER_BURST": "50",
        "MATUR_API_SIGNIN_OFFICER_PER_MIN": "100",
        "MATUR_API_STREAM_HEARTBEAT_S": "2",
        # The API's own daily-summary loop would send the Kapolres a summary whenever the
        # stack starts after 07:00 WIB; test_daily_summary.py runs the job with its clock.
        "MATUR_DAILY_SUMMARY": "false",
    }
