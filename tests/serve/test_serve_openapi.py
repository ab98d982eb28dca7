"""The OpenAPI document is complete and correct: schemathesis generates requests from it and checks every answer
of a real uvicorn server (status codes, content types, headers and bodies all as documented; no 5xx)."""
from __future__ import annotations

from pathlib import Path
from typing import Any

import httpx
import pytest
from conftest import LiveServer

from warledger.serve import create_app

schemathesis = pytest.importorskip("schemathesis", reason="the OpenAPI test needs schemathesis (dev extra)")
from hypothesis import HealthCheck, given, settings  # noqa: E402
from schemathesis.specs.openapi.checks import positive_data_acceptance  # noqa: E402

MAX_EXAMPLES = 25
"""Generated requests per operation (bounded: the whole run takes seconds)."""


@pytest.fixture(scope="module")
def running(tmp_path_factory: pytest.TempPathFactory) -> LiveServer:
    import serve_samples

    db = serve_samples.build(Path(tmp_path_factory.mktemp("openapi")) / "sample.duckdb")
    with LiveServer(create_app(db, token="schema-token")) as server:
        yield server  # type: ignore[misc]


def test_every_operation_answers_as_documented(running: LiveServer) -> None:
    # schemathesis' own pytest plugin does not load under this pytest, so each operation is driven by hypothesis here
    api = schemathesis.openapi.from_url(f"{running.url}/openapi.json")
    operations = [result.ok() for result in api.get_all_operations()]
    assert len(operations) >= 15
    for operation in operations:

        @given(case=operation.as_strategy())
        @settings(max_examples=MAX_EXAMPLES, deadline=None, suppress_health_check=list(HealthCheck), database=None)
        def answers_as_documented(case: Any) -> None:
            # an opaque cursor the server never gave out is refused (400) although it fits the schema's string type
            made_up_cursor = bool(case.query and case.query.get("cursor"))
            case.call_and_validate(excluded_checks=[positive_data_acceptance] if made_up_cursor else None)

        answers_as_documented()


def test_every_route_is_in_the_document_with_its_errors(running: LiveServer) -> None:
    document = httpx.get(f"{running.url}/openapi.json", timeout=10).json()
    paths = document["paths"]
    for path in ("/api/incidents", "/api/incidents/{incident_id}", "/api/claims", "/api/claims/series",
                 "/api/claims/{claim_id}", "/api/articles", "/api/articles/{article_id}", "/api/timeline",
                 "/api/facets", "/api/summary", "/api/config", "/api/events", "/api/events/{event_id}",
                 "/api/documents", "/api/watches", "/feeds/{name}.atom"):
        assert path in paths, f"{path} is missing from the OpenAPI document"
    post = paths["/api/documents"]["post"]
    assert {"201", "401", "403", "413", "503"} <= set(post["responses"])
    assert post["security"] == [{"bearerAuth": []}]
    assert set(post["requestBody"]["content"]) >= {"application/json", "text/plain", "text/html"}
    listing = paths["/api/incidents"]["get"]
    assert set(listing["responses"]["200"]["content"]) == {"application/json", "text/csv", "application/geo+json"}
    error = document["components"]["schemas"]["ErrorBody"]
    assert set(error["required"]) == {"error", "detail"}
    assert listing["responses"]["422"]["content"]["application/json"]["schema"]["$ref"].endswith("/ErrorBody")


def test_every_endpoint_is_documented_in_docs_api_md(tmp_path: Path) -> None:
    import re

    from fastapi.routing import APIRoute

    docs = (Path(__file__).parents[2] / "docs" / "api.md").read_text(encoding="utf-8")
    documented = {re.sub(r"\{[^}]+\}", "{}", path) for path in re.findall(r"(/(?:api|feeds)/[\w/{}.]+)", docs)}
    app = create_app(tmp_path / "docs.duckdb")
    for route in app.routes:
        if isinstance(route, APIRoute) and route.path.startswith(("/api", "/feeds")):
            assert re.sub(r"\{[^}]+\}", "{}", route.path) in documented, f"{route.path} is not in docs/api.md"
