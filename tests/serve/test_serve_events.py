"""Events in the API and the dashboard, when the fusion stage (warledger.store.events) is installed."""
from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import serve_samples
from fastapi.testclient import TestClient

from warledger.serve import create_app
from warledger.store import Ledger

pytest.importorskip("warledger.store.events", reason="events need the fusion stage (warledger.store.events)")

SECOND_REPORT = serve_samples.Event("Officials later said the drone strike on Portville killed five people.",
                                    "Portville", "Odesa Oblast", 46.48, 30.73, "2026-03-02", "Air/drone strike", 5,
                                    None, "five")


@pytest.fixture
def fused(sample_db: Path) -> Iterator[TestClient]:
    with Ledger(sample_db) as ledger:
        ledger.add(serve_samples.new_article("followup", SECOND_REPORT, "2026-03-05"))
    with TestClient(create_app(sample_db), raise_server_exceptions=False) as client:
        yield client  # the app fuses what is not in an event yet when it starts


def test_every_incident_is_in_exactly_one_event(fused: TestClient) -> None:
    assert fused.get("/api/config").json()["events"] is True
    events = fused.get("/api/events?limit=100").json()["items"]
    members = [m["incident_id"] for e in events for m in e["members"]]
    assert sorted(members) == sorted(i["id"] for i in fused.get("/api/incidents").json()["items"])
    assert fused.get("/api/summary").json()["events"] == len(events)


def test_two_reports_of_one_strike_are_one_event_with_a_toll_history(fused: TestClient) -> None:
    events = fused.get("/api/events?place=Portville").json()["items"]
    assert len(events) == 1
    event = events[0]
    assert {m["incident_id"] for m in event["members"]} == {"inc-odesa-0", "inc-followup-0"}
    assert [p["min"] for p in event["killed"]["history"]] == [4, 5]  # in publication order
    detail = fused.get(f"/api/events/{event['id']}").json()
    assert detail["id"] == event["id"] and detail["members"][0]["reasons"] is not None
    assert fused.get("/api/events/evt-nope").status_code == 404


def test_event_filters_and_paging(fused: TestClient) -> None:
    odesa = fused.get("/api/events?oblast=Odesa").json()["items"]
    assert odesa and all(e["location"]["admin1"] == "Odesa Oblast" for e in odesa)
    first = fused.get("/api/events?limit=2").json()
    assert first["count"] == 2 and first["next"]
    second = fused.get(first["next"]).json()
    assert not {e["id"] for e in first["items"]} & {e["id"] for e in second["items"]}
