"""The exported set is the public face: changing it is a decision, not an accident."""
import warledger


def test_exported_names():
    assert sorted(warledger.__all__) == sorted([
        "CONTRACT_VERSION", "Article", "Caption", "Claim", "Count", "Document", "Evidence", "Extraction", "Incident",
        "Ledger", "Location", "Problem", "Skipped", "__version__", "extract", "process", "read_sources",
    ])
    for name in warledger.__all__:
        assert hasattr(warledger, name)


def test_python_api_round_trip(tmp_path):
    result = warledger.extract(
        "Drone strike on Sumy\n\nA Russian drone hit a house in Sumy on Monday, injuring three people.",
        published="2025-11-13",
    )
    assert result.incidents[0].injured.min == 3
    with warledger.Ledger(tmp_path / "l.duckdb") as ledger:
        assert ledger.add(result)
        assert ledger.incidents(oblast="Sumy")[0].id == result.incidents[0].id
