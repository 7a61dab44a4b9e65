"""The real Faust worker on real Kafka: cases reach the right officer's topic, climb the
ladder when nobody acts, stop when acknowledged, and records it cannot handle go to the
dead-letter topic while the ones around them become cases."""

from __future__ import annotations

import base64
import json
from collections.abc import AsyncIterator

import pytest

from contracts.hierarchy import Tier
from contracts.lines import Sender, citizen_key
from contracts.topics import CASES_COMMANDS, CASES_REFERENCES, WHATSAPP_INBOUND
from contracts.whatsapp_events import InboundMessage
from tests.conftest import Infra
from tests.router.builders import (
    describe,
    inbound,
    officer,
    village_with_bhabin,
)
from tests.router.worker_harness import (
    TopicWatch,
    Worker,
    worker_env,
)

pytestmark = pytest.mark.integration

VILLAGE = village_with_bhabin()


@pytest.fixture(scope="module")
async def worker(
    infra: Infra, prefix: str, tmp_path_factory: pytest.TempPathFactory
) -> AsyncIterator[Worker]:
    tmp = tmp_path_factory.mktemp("router")
    w = Worker(worker_env(infra.env(), tmp, prefix), tmp / "router.log")
    w.start()
    try:
        await w.wait_ready()
        yield w
    finally:
        w.stop()


def of_case(case_id: str):
    return lambda v: v.get("case_id") == case_id or v.get("case", {}).get("case_id") == case_id


async def open_case(watch: TopicWatch, text: str, wa_id: str) -> str:
    msg = inbound(text, wa_id=wa_id)
    await watch.send_inbound(msg)
    [opened] = await watch.wait_for(
        "cases.events",
        lambda v: v["kind"] == "opened" and v["entry"].get("wamid") == msg.wamid,
    )
    return str(opened.value["case"]["case_id"])


async def test_report_reaches_the_bhabin_then_climbs_to_kapolsek_and_kapolres(
    worker: Worker, watch: TopicWatch
) -> None:
    bhabin = officer(Tier.BHABIN, VILLAGE)
    case_id = await open_case(
        watch, f"kemarin ayam saya dicuri orang {describe(VILLAGE)}", "6281234560001"
    )
    [assigned] = await watch.wait_for("cases.bhabin", of_case(case_id))
    assert assigned.value["action"] == "assigned"
    assert assigned.value["officer_id"] == bhabin.officer_id
    assert assigned.key == case_id
    [receipt] = await watch.wait_for(
        "notifications.requests", lambda v: of_case(case_id)(v) and v["kind"] == "receipt"
    )
    assert receipt.value["params"]["village"] == VILLAGE.name
    await watch.wait_for(
        "cases.kapolres", lambda v: of_case(case_id)(v) and v["action"] == "visible"
    )

    [up1] = await watch.wait_for("cases.kapolsek", of_case(case_id))
    assert up1.value["action"] == "escalated"
    assert up1.value["officer_id"] == officer(Tier.KAPOLSEK, VILLAGE).officer_id
    [up2] = await watch.wait_for(
        "cases.kapolres", lambda v: of_case(case_id)(v) and v["action"] == "escalated"
    )
    assert up2.value["officer_id"] == officer(Tier.KAPOLRES, VILLAGE).officer_id
    told = await watch.wait_for(
        "notifications.requests",
        lambda v: of_case(case_id)(v) and v["kind"] == "escalated",
        count=2,
    )
    assert [r.value["params"]["tier"] for r in told[:2]] == ["kapolsek", "kapolres"]


def from_officer(msg: InboundMessage, wa_id: str) -> InboundMessage:
    return msg.model_copy(update={"sender": Sender(key=citizen_key(None, wa_id), wa_id=wa_id)})


async def test_officer_acknowledges_by_button_then_resolves_by_text(
    worker: Worker, watch: TopicWatch
) -> None:
    bhabin = officer(Tier.BHABIN, VILLAGE)
    case_id = await open_case(
        watch, f"ada balap liar tiap malam {describe(VILLAGE)}", "6281234560002"
    )
    await watch.wait_for("cases.bhabin", of_case(case_id))
    tap = from_officer(inbound(choice_id=f"ack:{case_id}", wa_id=bhabin.wa_id), bhabin.wa_id)
    await watch.send_inbound(tap)
    await watch.wait_for(
        "cases.events", lambda v: of_case(case_id)(v) and v["kind"] == "acknowledged"
    )
    # Yardstick: a case opened after the acknowledgement reaches Kapolsek only after a
    # full SLA window; by then the acknowledged case's window has long passed too.
    later = await open_case(
        watch, f"kemarin helm saya dicuri orang {describe(VILLAGE)}", "6281234560012"
    )
    await watch.wait_for("cases.kapolsek", of_case(later))
    assert watch.where("cases.kapolsek", of_case(case_id)) == []

    reference = watch.where("cases.events", of_case(case_id))[0].value["case"]["reference"]
    text = from_officer(
        inbound(f"selesai {reference} pelaku sudah ditegur", wa_id=bhabin.wa_id), bhabin.wa_id
    )
    await watch.send_inbound(text)
    [resolved] = await watch.wait_for(
        "cases.events", lambda v: of_case(case_id)(v) and v["kind"] == "resolved"
    )
    assert "ditegur" in resolved.value["case"]["resolution_note"]
    await watch.wait_for(
        "notifications.requests", lambda v: of_case(case_id)(v) and v["kind"] == "rating_question"
    )
    kinds = [e.value["kind"] for e in watch.where("cases.events", of_case(case_id))]
    assert kinds == ["opened", "assigned", "acknowledged", "resolved"]


async def test_ambiguous_village_gets_the_list_dialog(worker: Worker, watch: TopicWatch) -> None:
    case_id = await open_case(watch, "motor saya dicuri di desa Sukorejo", "6281234560003")
    [question] = await watch.wait_for(
        "notifications.requests", lambda v: of_case(case_id)(v) and v["kind"] == "choose_village"
    )
    options = question.value["params"]["options"]
    assert len(options) == 3
    choice = inbound(choice_id=options[0]["id"], wa_id="6281234560003")
    await watch.send_inbound(choice)
    [assigned] = await watch.wait_for(
        "cases.events", lambda v: of_case(case_id)(v) and v["kind"] == "assigned"
    )
    assert assigned.value["case"]["village_code"] == options[0]["id"].removeprefix("village:")


async def test_police_complaint_skips_the_officers_concerned(
    worker: Worker, watch: TopicWatch
) -> None:
    case_id = await open_case(
        watch,
        f"mau lapor oknum polisi minta uang damai waktu razia {describe(VILLAGE)}",
        "6281234560004",
    )
    [notice] = await watch.wait_for("cases.kapolres", of_case(case_id))
    assert notice.value["action"] == "assigned"
    assert notice.value["reporter"] is None
    [to_chief] = await watch.wait_for(
        "notifications.requests",
        lambda v: of_case(case_id)(v) and v["kind"] == "officer_new_case",
    )
    assert not any(k.startswith("reporter_") for k in to_chief.value["params"])
    assert watch.where("cases.bhabin", of_case(case_id)) == []
    assert watch.where("cases.kapolsek", of_case(case_id)) == []


async def test_records_the_router_cannot_handle_go_to_the_dead_letters_and_it_goes_on(
    worker: Worker, watch: TopicWatch
) -> None:
    wa_id = "6281234560006"
    case_id = await open_case(watch, f"kemarin ayam saya dicuri orang {describe(VILLAGE)}", wa_id)
    key = citizen_key(None, wa_id).encode()
    valid_json = json.dumps({"message_id": "in:broken", "sender": {"wa_id": wa_id}}).encode()
    raw = [
        (WHATSAPP_INBOUND.name, valid_json),  # valid JSON, not a message
        (WHATSAPP_INBOUND.name, b"\xff\xfe not json"),  # not even text
        (CASES_COMMANDS.name, valid_json),
        (CASES_REFERENCES.name, b"{}"),
    ]
    sent = [(topic, value, await watch.send_raw(topic, key, value)) for topic, value in raw]
    follow_up = inbound("ini fotonya pak", photo=True, wa_id=wa_id)  # after them, same partition
    await watch.send_inbound(follow_up)
    later = await open_case(
        watch, f"kemarin helm saya dicuri orang {describe(VILLAGE)}", "6281234560016"
    )

    [added] = await watch.wait_for(
        "cases.events",
        lambda v: v["kind"] == "message_added" and v["entry"].get("wamid") == follow_up.wamid,
    )
    assert added.value["case"]["case_id"] == case_id
    assert later != case_id
    for topic, value, (partition, offset) in sent:
        letter, *_replayed = await watch.wait_for(
            "router.deadletter",
            lambda v, t=topic, p=partition, o=offset: v["source_topic"] == watch.prefix + t
            and (v["source_partition"], v["source_offset"]) == (p, o),
        )
        assert letter.key == letter.id == f"dl:{watch.prefix}{topic}:{partition}:{offset}"
        assert base64.b64decode(letter.value["value_base64"]) == value
        assert base64.b64decode(letter.value["key_base64"]) == key
        assert letter.value["error_type"] == "ValidationError"
        assert letter.value["reason"].startswith("ValidationError: ")
        assert wa_id not in letter.value["reason"]
