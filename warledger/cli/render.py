"""Human-readable rendering of records for a terminal: aligned, every value beside the words it came from."""

from __future__ import annotations

import shutil
from collections.abc import Iterable, Sequence

from warledger.records import Article, Claim, Count, Evidence, Incident, Location


def count_text(count: Count | None) -> str:
    if count is None:
        return "-"
    if count.min is not None and count.max is not None and count.min != count.max:
        return f"{count.min}-{count.max}"
    value = count.min if count.min is not None else count.max
    return f"{value}" if count.qualifier == "exact" else f"{value} ({count.qualifier})"


def place_text(location: Location | None) -> str:
    if location is None:
        return "-"
    parts = [p for p in (location.name, location.admin1, location.country) if p]
    seen: list[str] = []
    for p in parts:
        if p not in seen:
            seen.append(p)
    prefix = "near " if location.near else ""
    return prefix + ", ".join(seen) + f" [prec {location.precision}]"


def _clip(text: str, width: int) -> str:
    """``text`` on one line (inner whitespace folded, leading indent kept), cut to ``width``."""
    indent = text[: len(text) - len(text.lstrip(" "))]
    text = indent + " ".join(text.split())
    return text if len(text) <= width else text[: width - 1] + "…"


def _field_rows(fields: Sequence[tuple[str, str]], evidence: Iterable[Evidence], width: int) -> list[str]:
    by_field: dict[str, list[str]] = {}
    for ev in evidence:
        by_field.setdefault(ev.field, []).append(ev.text)
    rows = []
    for name, value in fields:
        quote = " | ".join(f'"{" ".join(t.split())}"' for t in by_field.get(name, []))
        line = f"    {name:<13} {value:<34} {quote}".rstrip()
        rows.append(line if len(line) <= width else line[: width - 1] + "…")
    return rows


def render_article(article: Article) -> list[str]:
    width = shutil.get_terminal_size((120, 20)).columns
    lines = [f"ARTICLE  {article.title or '(no title)'}"]
    if article.standfirst:
        lines.append(_clip(f"  {article.standfirst}", width))
    lines.append(
        f"  published {article.published or '-'} ({article.published_source}, {article.published_precision})"
        f" · publisher {article.publisher or '-'} · language {article.language or '-'}"
        f" · {len(article.paragraphs)} paragraphs · {len(article.captions)} captions"
        f" · {len(article.removed)} boilerplate lines removed"
    )
    for caption in article.captions:
        credit = f" ({caption.credit})" if caption.credit else ""
        lines.append(_clip(f"  caption: {caption.text}{credit}", width))
    return lines


def render_incident(number: int, incident: Incident) -> list[str]:
    width = shutil.get_terminal_size((120, 20)).columns
    head = (
        f"INCIDENT {number}  {incident.date or '????-??-??'}  {incident.event_type or '-'}  "
        f"{place_text(incident.location)}  killed {count_text(incident.killed)}  injured {count_text(incident.injured)}"
        f"  confidence {incident.confidence:.2f}"
    )
    fields = [
        ("date", f"{incident.date or '-'} ({incident.date_precision})"),
        ("event_type", incident.event_type or "-"),
        ("weapon", incident.weapon or "-"),
        ("location", place_text(incident.location)),
        ("perpetrator", incident.perpetrator or "-"),
        ("targets", ", ".join(incident.targets) or "-"),
        ("killed", count_text(incident.killed)),
        ("injured", count_text(incident.injured)),
        ("missing", count_text(incident.missing)),
        ("attributed_to", "; ".join(incident.attributed_to) or "-"),
    ]
    sentence = next((e.text for e in incident.evidence if e.field == "incident"), "")
    return [_clip(head, width), *_field_rows(fields, incident.evidence, width), _clip(f"    from: {sentence}", width)]


def render_claim(number: int, claim: Claim) -> list[str]:
    width = shutil.get_terminal_size((120, 20)).columns
    figure = count_text(Count(claim.min, claim.max, claim.qualifier))
    period = f"{claim.period_start or '?'} .. {claim.period_end or claim.as_of or '?'}"
    head = (
        f"CLAIM {number}  {claim.claimant or '(unattributed)'}: {claim.side or '?'} {claim.population} "
        f"{claim.metric} {figure}  {period}{'  PROJECTION' if claim.projection else ''}"
        f"{'  disputed by ' + ', '.join(claim.disputed_by) if claim.disputed_by else ''}"
    )
    fields = [
        ("figure", figure),
        ("claimant", claim.claimant or "-"),
        ("disputed_by", ", ".join(claim.disputed_by) or "-"),
    ]
    sentence = next((e.text for e in claim.evidence if e.field == "claim"), "")
    return [_clip(head, width), *_field_rows(fields, claim.evidence, width), _clip(f"    from: {sentence}", width)]
