"""The gazetteer: GeoNames places of Ukraine and the bordering Russian regions, oblasts, regions, spellings.

Public: ``Gazetteer`` (``Gazetteer.default()`` is the shipped one), ``fold`` (the spelling-insensitive key) and
``lookup(name)`` (every gazetteer id a name can mean). The function ``lookup`` hides the submodule of the same name
on this package: import the class as ``from warledger.gazetteer import Gazetteer``.
Data provenance and credit (GeoNames, CC BY 4.0): ``warledger/gazetteer/README.md``.
"""
from warledger.gazetteer.lookup import Gazetteer
from warledger.gazetteer.names import fold

__all__ = ["Gazetteer", "fold", "lookup"]


def lookup(name: str) -> tuple[str, ...]:  # noqa: F811 - replaces the submodule attribute on purpose
    """Every gazetteer id ``name`` can mean, best first: ``("geonames:698740", "oblast:UA.17")`` for "Odessa"."""
    return Gazetteer.default().ids(name)
