"""The read endpoints: filters, pagination, formats, article highlights, series, timeline, errors."""
from __future__ import annotations

import csv
import io
import json

import pytest
from fastapi.testclient import TestClient

from warledger.store import Ledger


def ids(response) -> list[str]:  # type: ignore[no-untyped-def]
    assert response.status_code == 200, response.text
    return [item["id"] for item in response.json()["items"]]


def test_incidents_default_list_has_every_incident(client: TestClient) -> None:
    body = client.get("/api/incidents").json()
    assert body["count"] == 6 and body["next"] is None and body["cursor"] is None
    assert [i["date"] for i in body["items"]] == sorted(i["date"] for i in body["items"])
    first = body["items"][0]
    assert first["type"] == "incident" and first["location"]["admin1"] == "Odesa Oblast"
    assert first["killed"] == {"min": 4, "max": 4, "qualifier": "exact"}


@pytest.mark.parametrize(("query", "expected"), [
    ("oblast=Odesa", {"inc-odesa-0", "inc-harbour-0"}),
    ("oblast=odesa%20oblast", {"inc-odesa-0", "inc-harbour-0"}),
    ("min_killed=3", {"inc-odesa-0", "inc-harbour-0", "inc-hostile-0"}),
    ("type=Shelling/artillery/missile%20attack", {"inc-odesa-1", "inc-capital-0"}),
    ("since=2026-03-09&until=2026-03-11", {"inc-capital-0", "inc-capital-1", "inc-hostile-0"}),
    ("place=Gridtown", {"inc-odesa-1"}),
    ("min_injured=5", {"inc-odesa-0", "inc-capital-0"}),
    ("oblast=Odesa&min_killed=5", {"inc-harbour-0"}),
    ("oblast=Volyn", set()),
])
def test_incident_filters_are_the_cli_filters(client: TestClient, query: str, expected: set[str]) -> None:
    assert set(ids(client.get(f"/api/incidents?{query}"))) == expected


def test_order_reverses_and_sorts_by_toll(client: TestClient) -> None:
    assert ids(client.get("/api/incidents?order=-killed"))[0] == "inc-harbour-0"
    dates = [i["date"] for i in client.get("/api/incidents?order=-date").json()["items"]]
    assert dates == sorted(dates, reverse=True)


def test_cursor_pagination_walks_every_item_once(client: TestClient) -> None:
    whole = ids(client.get("/api/incidents?order=-killed&limit=100"))
    seen: list[str] = []
    url: str | None = "/api/incidents?order=-killed&limit=2"
    for _ in range(10):  # bounded: 6 items in pages of 2
        if url is None:
            break
        page = client.get(url).json()
        assert page["count"] == len(page["items"]) <= 2
        seen += [i["id"] for i in page["items"]]
        url = page["next"]
    assert url is None
    assert seen == whole and len(seen) == 6


def test_a_cursor_from_another_query_or_a_made_up_one_is_refused(client: TestClient) -> None:
    cursor = client.get("/api/incidents?limit=2&oblast=Odesa").json()["cursor"]
    assert cursor is None  # only two Odesa incidents: no next page
    cursor = client.get("/api/incidents?limit=2").json()["cursor"]
    other = client.get(f"/api/incidents?limit=2&oblast=Odesa&cursor={cursor}")
    assert other.status_code == 400 and other.json()["error"] == "bad_cursor"
    made_up = client.get("/api/incidents?cursor=bm90LWEtY3Vyc29y")
    assert made_up.status_code == 400 and made_up.json()["error"] == "bad_cursor"


def test_csv_by_format_parameter_and_by_accept_header(client: TestClient) -> None:
    by_param = client.get("/api/incidents?format=csv&oblast=Odesa")
    by_header = client.get("/api/incidents?oblast=Odesa", headers={"Accept": "text/csv"})
    for response in (by_param, by_header):
        assert response.status_code == 200 and response.headers["content-type"].startswith("text/csv")
        rows = list(csv.DictReader(io.StringIO(response.text)))
        assert {r["id"] for r in rows} == {"inc-odesa-0", "inc-harbour-0"}
        assert {r["admin1"] for r in rows} == {"Odesa Oblast"}
    acled = client.get("/api/incidents?format=csv&columns=acled").text.splitlines()[0]
    assert "fatalities" in acled.lower()


def test_csv_pages_carry_the_next_link_in_a_header(client: TestClient) -> None:
    response = client.get("/api/incidents?format=csv&limit=4")
    assert len(list(csv.DictReader(io.StringIO(response.text)))) == 4
    assert 'rel="next"' in response.headers["link"] and "cursor=" in response.headers["link"]


def test_geojson_has_a_point_per_incident_with_coordinates(client: TestClient) -> None:
    response = client.get("/api/incidents", headers={"Accept": "application/geo+json"})
    assert response.headers["content-type"].startswith("application/geo+json")
    collection = response.json()
    assert collection["type"] == "FeatureCollection"
    assert len(collection["features"]) == 5  # the train attack names no place
    odesa = next(f for f in collection["features"] if f["id"] == "inc-odesa-0")
    assert odesa["geometry"] == {"type": "Point", "coordinates": [30.73, 46.48]}
    assert client.get("/api/claims?format=geojson").status_code == 422  # not an allowed value for claims
    refused = client.get("/api/claims", headers={"Accept": "application/geo+json"})
    assert refused.status_code == 400 and "coordinates" in refused.json()["detail"]


def test_one_incident_and_a_missing_one(client: TestClient) -> None:
    found = client.get("/api/incidents/inc-odesa-1").json()
    assert found["location"]["name"] == "Gridtown"
    missing = client.get("/api/incidents/inc-nope")
    assert missing.status_code == 404
    assert missing.json() == {"error": "not_found", "detail": "no incident 'inc-nope'; list them at /api/incidents"}


def test_article_highlights_index_its_text(client: TestClient) -> None:
    article = client.get("/api/articles/art-odesa").json()
    text = article["text"]
    assert article["highlights"], "the article's evidence must be highlighted"
    for h in article["highlights"]:
        assert text[h["start"]:h["end"]] == h["text"]
    fields = {(h["record_id"], h["field"]) for h in article["highlights"]}
    assert ("inc-odesa-0", "killed") in fields and ("clm-odesa-0", "figure") in fields
    assert [h["start"] for h in article["highlights"]] == sorted(h["start"] for h in article["highlights"])
    assert {i["id"] for i in article["incidents"]} == {"inc-odesa-0", "inc-odesa-1"}


def test_article_list_leaves_text_out_and_is_newest_first(client: TestClient) -> None:
    body = client.get("/api/articles").json()
    assert [a["published"] for a in body["items"]] == sorted((a["published"] for a in body["items"]), reverse=True)
    assert "text" not in body["items"][0]


def test_untrusted_markup_comes_back_as_the_same_text(client: TestClient) -> None:
    article = client.get("/api/articles/art-hostile").json()
    assert "<script>alert('xss-script')</script>" in article["title"]
    assert article["url"] == "javascript:alert('xss-url')"


def test_claims_filters(client: TestClient) -> None:
    assert len(ids(client.get("/api/claims"))) == 4
    assert set(ids(client.get("/api/claims?claimant=ministry%20of%20samples"))) == {"clm-estimates-1"}
    assert len(ids(client.get("/api/claims?side=Ukraine"))) == 0
    assert ids(client.get("/api/claims?order=-max"))[0] == "clm-estimates-1"


def test_series_merge_repeats_and_keep_ranges_projections_and_disputes(client: TestClient) -> None:
    series = client.get("/api/claims/series").json()
    assert len(series) == 1
    group = series[0]
    assert (group["side"], group["population"], group["metric"]) == ("Russia", "military", "casualties")
    lines = {line["claimant"]: line["points"] for line in group["claimants"]}
    institute = lines["Institute of Examples"]
    assert [(p["min"], p["max"]) for p in institute] == [(100_000, 120_000), (150_000, 170_000)]
    assert sorted(institute[0]["article_ids"]) == ["art-estimates", "art-odesa"]  # one estimate, two reports
    assert institute[1]["disputed_by"] == ["Russia"]
    ministry = lines["Ministry of Samples"][0]
    assert ministry["projection"] is True and ministry["min"] is None and ministry["max"] == 200_000
    only = client.get("/api/claims/series?claimant=Ministry%20of%20Samples").json()
    assert [line["claimant"] for line in only[0]["claimants"]] == ["Ministry of Samples"]


def test_timeline_per_day_and_week(client: TestClient) -> None:
    days = client.get("/api/timeline").json()
    assert days["bucket"] == "day"
    first = days["points"][0]
    assert first == {"period": "2026-03-02", "incidents": 1, "killed": 4, "injured": 9}
    assert sum(p["killed"] for p in days["points"]) == 4 + 2 + 1 + 3 + 12
    weeks = client.get("/api/timeline?bucket=week&oblast=Odesa").json()
    assert weeks["points"] == [
        {"period": "2026-03-02", "incidents": 1, "killed": 4, "injured": 9},
        {"period": "2026-03-09", "incidents": 1, "killed": 12, "injured": 0},
    ]


def test_summary_facets_and_config(client: TestClient) -> None:
    summary = client.get("/api/summary").json()
    assert (summary["articles"], summary["incidents"], summary["claims"]) == (5, 6, 4)
    assert "path" not in summary  # the server's file system stays private
    facets = client.get("/api/facets").json()
    assert "Odesa Oblast" in facets["oblasts"] and facets["claimants"] == ["Institute of Examples",
                                                                            "Ministry of Samples"]
    config = client.get("/api/config").json()
    assert config["writes_enabled"] is True and config["tiles"] is None


@pytest.mark.parametrize(("url", "status", "kind"), [
    ("/api/incidents?since=yesterday", 422, "invalid_request"),
    ("/api/incidents?since=2026-02-29", 422, "invalid_request"),
    ("/api/incidents?min_killed=-1", 422, "invalid_request"),
    ("/api/incidents?order=place", 422, "invalid_request"),
    ("/api/incidents?limit=100000", 422, "invalid_request"),
    ("/api/no-such-thing", 404, "not_found"),
])
def test_errors_are_json_with_a_message(client: TestClient, url: str, status: int, kind: str) -> None:
    response = client.get(url)
    assert response.status_code == status
    body = response.json()
    assert body["error"] == kind and isinstance(body["detail"], str) and body["detail"]


def test_wrong_method_is_a_json_405(client: TestClient) -> None:
    response = client.delete("/api/incidents")
    assert response.status_code == 405 and response.json()["error"] == "method_not_allowed"


def test_an_internal_error_reaches_the_client_without_a_traceback(
    client: TestClient, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken(self: Ledger, where: object) -> list[object]:
        raise RuntimeError("secret internal detail /etc/passwd")

    monkeypatch.setattr(Ledger, "find_incidents", broken)
    response = client.get("/api/incidents")
    assert response.status_code == 500
    assert response.json()["error"] == "internal"
    assert "Traceback" not in response.text and "secret" not in response.text and "passwd" not in response.text


def test_pages_carry_a_content_security_policy(client: TestClient) -> None:
    page = client.get("/")
    assert page.status_code == 200 and "<main" in page.text
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_the_map_data_is_served_with_the_dashboard(client: TestClient) -> None:
    collection = json.loads(client.get("/ukraine.geojson").text)
    assert sum(f["properties"]["kind"] == "oblast" for f in collection["features"]) == 27
    assert "Natural Earth" in client.get("/MAP-DATA.txt").text


def test_own_series_rule_without_the_fusion_registry() -> None:
    import serve_samples

    from warledger.serve.series import own_series

    claims = [c for x in serve_samples.extractions() for c in x.claims]
    series = own_series([(c, None) for c in claims])
    lines = {line.claimant: line.points for line in series[0].claimants}
    assert [(p.min, p.max) for p in lines["Institute of Examples"]] == [(100_000, 120_000), (150_000, 170_000)]
    assert lines["Institute of Examples"][0].article_ids == ["art-odesa", "art-estimates"]
    assert lines["Institute of Examples"][1].disputed_by == ["Russia"]
