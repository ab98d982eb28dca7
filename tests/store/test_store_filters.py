"""Every query filter, its validation, composition with aliases, and the date rules behind since/until."""
from __future__ import annotations

from datetime import date, timedelta

import pytest
from hypothesis import given
from hypothesis import strategies as st
from ledger_samples import ClaimSpec, IncidentSpec, sample

from warledger.errors import ConfigError
from warledger.store import ArticleFilter, ClaimFilter, Clause, IncidentFilter, Ledger
from warledger.store.filters import oblast_key
from warledger.store.rows import day_of, period_of

SPECS = {
    "odesa-jan05": IncidentSpec(place="Odesa", admin1="Odesa Oblast", day="2026-01-05", killed=3, confidence=0.9),
    "izmail-jan20": IncidentSpec(place="Izmail", admin1="Odesa Oblast", day="2026-01-20", killed=0, injured=4,
                                 event_type="Shelling/artillery/missile attack", weapon="missile", confidence=0.5),
    "kyiv-feb02": IncidentSpec(place="Kyiv", admin1="Kyiv City", day="2026-02-02", killed=12, weapon="missile",
                               event_type="Shelling/artillery/missile attack"),
    "bucha-feb10": IncidentSpec(place="Bucha", admin1="Kyiv Oblast", day="2026-02-10", killed=None,
                                event_type="Armed clash", weapon=None, confidence=0.3),
    "undated": IncidentSpec(place=None, admin1="Kharkiv Oblast", day=None, killed=1),
}


@pytest.fixture
def filled(ledger: Ledger) -> Ledger:
    for key, spec in SPECS.items():
        ledger.add(sample(key, [spec], published="2026-02-15"))
    ledger.add(sample("claims", [], [
        ClaimSpec(claimant="Institute of Examples", side="Russia", metric="casualties", as_of="2026-01-10"),
        ClaimSpec(claimant="Ministry of Examples", side="Ukraine", metric="killed", period_end="2025-11"),
        ClaimSpec(claimant="Monitor Group", side="both", metric="injured", period_end=None),
    ], published="2026-02-01"))
    return ledger


def places(incidents: list) -> list[str | None]:
    return [i.location.name if i.location else None for i in incidents]


@pytest.mark.parametrize(("options", "expected"), [
    ({}, ["Odesa", "Izmail", "Kyiv", "Bucha", None]),
    ({"since": "2026-01-20"}, ["Izmail", "Kyiv", "Bucha"]),
    ({"since": date(2026, 2, 2)}, ["Kyiv", "Bucha"]),
    ({"until": "2026-01"}, ["Odesa", "Izmail"]),
    ({"since": "2026-02", "until": "2026-02-05"}, ["Kyiv"]),
    ({"oblast": "Odesa"}, ["Odesa", "Izmail"]),
    ({"oblast": "odesa oblast"}, ["Odesa", "Izmail"]),
    ({"oblast": " ODESA region "}, ["Odesa", "Izmail"]),
    ({"oblast": "Kyiv"}, ["Bucha"]),
    ({"oblast": "Kyiv City"}, ["Kyiv"]),
    ({"place": "izmail"}, ["Izmail"]),
    ({"event_type": "shelling/artillery/missile attack"}, ["Izmail", "Kyiv"]),
    ({"weapon": "Missile"}, ["Izmail", "Kyiv"]),
    ({"min_killed": 3}, ["Odesa", "Kyiv"]),
    ({"min_killed": 0}, ["Odesa", "Izmail", "Kyiv", None]),
    ({"min_injured": 1}, ["Izmail"]),
    ({"min_confidence": 0.85}, ["Odesa"]),
    ({"limit": 2}, ["Odesa", "Izmail"]),
    ({"limit": 2, "offset": 3}, ["Bucha", None]),
    ({"order": "-date"}, ["Bucha", "Kyiv", "Izmail", "Odesa", None]),
    ({"order": "-killed"}, ["Kyiv", "Odesa", None, "Izmail", "Bucha"]),
    ({"oblast": "Odesa", "min_killed": 1, "since": "2026-01"}, ["Odesa"]),
])
def test_incident_filters(filled: Ledger, options: dict, expected: list) -> None:
    assert places(filled.incidents(**options)) == expected


def test_place_matches_the_gazetteer_id_and_article_id_selects_one_article(filled: Ledger) -> None:
    kyiv = filled.incidents(place="Kyiv")[0]
    assert filled.incidents(place=kyiv.location.gazetteer_id) == [kyiv]
    assert filled.incidents(article_id=kyiv.article_id) == [kyiv]


def test_values_are_parameters_not_sql(filled: Ledger) -> None:
    assert filled.incidents(place="x' OR '1'='1") == []
    assert filled.claims(claimant="'; DROP TABLE claims; --") == []
    assert filled.summary()["claims"] == 3


@pytest.mark.parametrize(("options", "expected"), [
    ({}, ["Ministry of Examples", "Institute of Examples", "Monitor Group"]),
    ({"claimant": "institute of examples"}, ["Institute of Examples"]),
    ({"side": "UKRAINE"}, ["Ministry of Examples"]),
    ({"metric": "injured"}, ["Monitor Group"]),
    ({"since": "2026-01-01"}, ["Institute of Examples", "Monitor Group"]),
    ({"until": "2025-12-31"}, ["Ministry of Examples"]),
    ({"order": "claimant"}, ["Institute of Examples", "Ministry of Examples", "Monitor Group"]),
    ({"min_confidence": 0.9}, []),
    ({"population": "military", "limit": 1, "offset": 1}, ["Institute of Examples"]),
])
def test_claim_filters(filled: Ledger, options: dict, expected: list) -> None:
    """A claim is dated by as_of (Jan 10), else its period's last day (Nov 30), else its article (Feb 1)."""
    assert [c.claimant for c in filled.claims(**options)] == expected


def test_article_filters(filled: Ledger) -> None:
    assert len(filled.articles()) == 6
    assert [a.source_id for a in filled.articles(until="2026-02-01")] == ["claims.txt"]
    assert len(filled.articles(since="2026-02-15", language="EN", limit=3)) == 3
    assert filled.articles(language="uk") == []


@pytest.mark.parametrize(("options", "option_name"), [
    ({"since": "last tuesday"}, "since"),
    ({"until": "2026-13-01"}, "until"),
    ({"limit": -1}, "limit"),
    ({"offset": -2}, "offset"),
    ({"order": "place"}, "order"),
    ({"min_killed": -1}, "min_killed"),
    ({"min_confidence": "high"}, "min_confidence"),
])
def test_bad_filter_values_are_one_line_config_errors(options: dict, option_name: str) -> None:
    with pytest.raises(ConfigError) as caught:
        IncidentFilter(**options)
    assert caught.value.code == "E201"
    assert str(caught.value).startswith(option_name) and "\n" not in str(caught.value)


def test_clauses_compose_under_an_alias(filled: Ledger) -> None:
    clause = IncidentFilter(oblast="Odesa", min_killed=1).where("i") & ClaimFilter(side="Russia").where("c")
    assert "i.\"admin1\"" in clause.sql and "c.\"side\"" in clause.sql
    assert "Odesa" not in clause.sql
    found = filled.sql(f"SELECT i.place, c.claimant FROM incidents i, claims c WHERE {clause.sql}", clause.params)
    assert found == [{"place": "Odesa", "claimant": "Institute of Examples"}]
    assert Clause.all([]).sql == "TRUE"


def test_oblast_key() -> None:
    assert oblast_key("Odesa Oblast") == oblast_key("odesa") == oblast_key("Odesa region") == "odesa"
    assert oblast_key("Kyiv City") == "kyiv city"


@pytest.mark.parametrize(("text", "precision", "expected"), [
    ("2026-01-28", None, (date(2026, 1, 28), date(2026, 1, 28))),
    ("2026-01-28T07:30:00+02:00", None, (date(2026, 1, 28), date(2026, 1, 28))),
    ("2026-01-28", "week", (date(2026, 1, 28), date(2026, 2, 3))),
    ("2026-01-28", "month", (date(2026, 1, 1), date(2026, 1, 31))),
    ("2024-02", None, (date(2024, 2, 1), date(2024, 2, 29))),
    ("2025", None, (date(2025, 1, 1), date(2025, 12, 31))),
    ("2026-02-30", None, None),
    ("January 2026", None, None),
    ("", None, None),
    (None, None, None),
])
def test_period_of(text: str | None, precision: str | None, expected: tuple | None) -> None:
    assert period_of(text, precision) == expected


@given(st.dates(min_value=date(1900, 1, 1), max_value=date(2100, 12, 31)))
def test_day_of_inverts_isoformat(day: date) -> None:
    assert day_of(day.isoformat()) == day
    first, last = period_of(day.isoformat(), "week")
    assert (first, last - first) == (day, timedelta(days=6))


def test_count_ignores_paging(filled: Ledger) -> None:
    assert filled.count(IncidentFilter(oblast="Odesa", limit=1, offset=1)) == 2
    assert filled.count(ClaimFilter(since="2026-01-01")) == 2
    assert filled.count(ArticleFilter(language="en")) == 6
