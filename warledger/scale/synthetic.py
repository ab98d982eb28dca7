"""A synthetic news corpus for tests and benchmarks: realistic war reports composed from the project's own templates.

Public: ``Report``, ``ReportComposer`` (``compose(number)``), ``render_html`` and ``word_count``. Files (WARC,
feeds, JSON Lines shards) are written by ``warledger.scale.synthetic_files``.

Nothing here is real reporting: the sentences are ``synthetic_templates.toml`` (written for warledger), places come
from the shipped gazetteer, outlets (``*.example`` domains) and officials are invented, and every figure is drawn
from a seeded ``random.Random``, so a seed always gives the same corpus byte for byte. Reports of one event repeat
across outlets with tolls that rise as the days pass, as real reporting does; about one page in
``FOREIGN_EVERY`` is in Ukrainian or Russian, so a run has documents to skip by language.
"""
from __future__ import annotations

import html
import random
import re
import tomllib
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from functools import cache
from importlib import resources
from typing import Any

from warledger.gazetteer import Gazetteer

FOREIGN_EVERY = 25
"""One report in this many (on average) is in Ukrainian or Russian."""
REPORTS_PER_EVENT = 3
"""How many reports, on average, cover one event."""
MIN_WORDS, MAX_WORDS = 300, 600
"""The length of an English report's body, in words."""
MIN_POPULATION = 20_000
"""Places this populous or more are where synthetic events happen."""
FIRST_DAY = datetime(2025, 1, 1, tzinfo=timezone(timedelta(hours=2)))
DAYS = 400

_NUMBER_WORDS = ("no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten")
_SLOT = re.compile(r"\{(\w+)\}")


@cache
def templates() -> dict[str, Any]:
    """The template file, parsed once."""
    text = resources.files("warledger.scale").joinpath("synthetic_templates.toml").read_text(encoding="utf-8")
    return tomllib.loads(text)


@cache
def _places() -> tuple[tuple[str, str], ...]:
    """(place name, oblast name) of Ukraine's larger places, in a fixed order."""
    gazetteer = Gazetteer.default()
    found = []
    for place in sorted(gazetteer.places, key=lambda p: p.id):
        oblast = gazetteer.oblasts.get(place.admin1)
        if place.country == "UA" and place.population >= MIN_POPULATION and place.kind != "PPLX" and oblast:
            found.append((place.name, oblast.name))
    return tuple(found)


def word_count(text: str) -> int:
    return len(text.split())


def _words(n: int, rng: random.Random) -> str:
    """A count as a reader sees it: small numbers often spelled out."""
    return _NUMBER_WORDS[n] if n <= 10 and n > 0 and rng.random() < 0.6 else str(n)


def fill(template: str, slots: dict[str, str]) -> str:
    """``template`` with every ``{slot}`` filled; ``{x_cap}`` is ``x`` with a capital first letter."""

    def one(match: re.Match[str]) -> str:
        name = match.group(1)
        if name.endswith("_cap"):
            value = slots[name[: -len("_cap")]]
            return value[:1].upper() + value[1:]
        return slots[name]

    return _SLOT.sub(one, template)


@dataclass(frozen=True, slots=True)
class Event:
    """One synthetic incident, reported by several outlets."""

    place: str
    oblast: str
    day: datetime
    weapon: str
    target_kind: str
    target: str
    killed: int
    injured: int


@dataclass(slots=True)
class Report:
    """One composed news page, before it is rendered to HTML."""

    number: int
    language: str
    outlet: str
    domain: str
    url: str
    published: datetime
    title: str
    standfirst: str | None
    paragraphs: list[str]
    caption: str | None = None
    credit: str | None = None
    event: Event | None = None
    killed: int | None = None
    injured: int | None = None
    extra: dict[str, str] = field(default_factory=dict)

    @property
    def body_words(self) -> int:
        return sum(word_count(p) for p in self.paragraphs)


class ReportComposer:
    """Composes report number ``n`` of a corpus from the seed alone: ``compose(n)`` is the same on every machine and
    in every process, whatever else was composed before (each report has its own ``random.Random``)."""

    def __init__(self, *, seed: int) -> None:
        self.seed = seed
        self.data = templates()
        self.places = _places()

    def _rng(self, *parts: object) -> random.Random:
        return random.Random("/".join(str(p) for p in (self.seed, *parts)))

    def event(self, number: int) -> Event:
        """The event behind report ``number`` (``REPORTS_PER_EVENT`` reports share one, on average)."""
        rng = self._rng("event", number)
        place, oblast = rng.choice(self.places)
        weapon = rng.choice(sorted(self.data["weapons"]))
        target_kind = rng.choice(sorted(self.data["targets"]))
        day = FIRST_DAY + timedelta(days=rng.randrange(DAYS), hours=rng.randrange(0, 6))
        killed = rng.choice((0, 0, 1, 1, 2, 2, 3, 4, 5, 7, 9, 12, 15))
        return Event(place, oblast, day, weapon, target_kind, rng.choice(self.data["targets"][target_kind]),
                     killed, killed + rng.randrange(1, 40))

    def _official(self, rng: random.Random, oblast: str) -> str:
        name = f"{rng.choice(self.data['first_names'])} {rng.choice(self.data['last_names'])}"
        return rng.choice((
            f"regional governor {name}",
            f"the head of the {oblast} military administration, {name}",
            "the State Emergency Service",
            f"the city's mayor, {name}",
        ))

    def compose(self, number: int) -> Report:
        """Report ``number`` of the corpus: English, or about one in ``FOREIGN_EVERY`` Ukrainian or Russian."""
        rng = self._rng("report", number)
        event = self.event(number // REPORTS_PER_EVENT)
        outlet, domain = rng.choice(self.data["outlets"])
        delay = timedelta(hours=rng.randrange(2, 72), minutes=rng.randrange(60))
        published = event.day + delay
        # tolls rise as reports come in: a later report may count more dead and injured than the first one
        killed = event.killed + (rng.randrange(0, 3) if delay > timedelta(hours=24) and event.killed else 0)
        injured = event.injured + rng.randrange(0, 6)
        slug = f"{published:%Y/%m/%d}/report-{number}"
        url = f"https://{domain}/{slug}"
        if rng.randrange(FOREIGN_EVERY) == 0:
            return self._foreign(number, rng, event, outlet, domain, url, published, killed, injured)
        slots = self._slots(rng, event, outlet, killed, injured)
        weapon = self.data["weapons"][event.weapon]
        slots.update(weapon_title=weapon[2], weapon_lower=weapon[2].lower())
        title = fill(rng.choice(self.data["sentences"]["title" if killed else "title_no_deaths"]), slots)
        standfirst = fill(rng.choice(self.data["sentences"]["standfirst"]), slots) if rng.random() < 0.8 else None
        paragraphs = self._body(rng, slots, killed=killed)
        photographer = f"{rng.choice(self.data['first_names'])} {rng.choice(self.data['last_names'])}"
        return Report(number, "en", outlet, domain, url, published, title, standfirst, paragraphs,
                      caption=fill(self.data["sentences"]["caption"], slots) if rng.random() < 0.7 else None,
                      credit=f"{photographer}/{outlet}", event=event, killed=killed, injured=injured)

    def _slots(self, rng: random.Random, event: Event, outlet: str, killed: int, injured: int) -> dict[str, str]:
        weekday = self.data["weekdays"][event.day.weekday()]
        attack, plural, _ = self.data["weapons"][event.weapon]
        slots = {
            "place": event.place, "oblast": event.oblast, "weekday": weekday, "outlet": outlet,
            "attack": attack, "weapons": plural, "target": event.target,
            "killed": _words(killed, rng), "injured": _words(injured, rng),
            "killed_digits": str(killed), "injured_digits": str(injured),
            "official": self._official(rng, event.oblast),
            "children": _words(rng.randrange(1, 5), rng), "floor": rng.choice(("third", "fifth", "seventh", "ninth")),
            "buildings": str(rng.randrange(2, 30)), "cars": str(rng.randrange(3, 40)),
            "launched": str(rng.randrange(40, 160)), "alerts": str(rng.randrange(4, 18)),
            "km": str(rng.randrange(15, 120)),
            "missiles": _words(rng.randrange(1, 8), rng),
            "mil_total": f"{rng.randrange(900_000, 1_250_000):,}", "mil_day": f"{rng.randrange(700, 1_400):,}",
            "ukmod": f"{rng.randrange(700, 1_100) * 1000:,}", "ohchr": f"{rng.randrange(12_000, 15_000):,}",
        }
        slots["down"] = str(int(int(slots["launched"]) * rng.uniform(0.6, 0.95)))
        slots["when"] = fill(rng.choice(self.data["when"]), slots)
        return slots

    def _body(self, rng: random.Random, slots: dict[str, str], *, killed: int) -> list[str]:
        sentences = self.data["sentences"]
        lead = fill(rng.choice(sentences["lead" if killed else "lead_no_deaths"]), slots)
        details = [fill(s, slots) for s in rng.sample(sentences["detail"], rng.randrange(2, 5))]
        background = [fill(s, slots) for s in rng.sample(sentences["background"], len(sentences["background"]))]
        paragraphs = [lead, *_group(details, rng)]
        closing = fill(rng.choice(sentences["closing"]), slots)
        claim = fill(rng.choice(sentences["claim"]), slots) if rng.random() < 0.3 else None
        words = sum(word_count(p) for p in paragraphs) + word_count(closing) + (word_count(claim) if claim else 0)
        target = rng.randrange(MIN_WORDS, MAX_WORDS - 60)
        while background and words < target:
            group = [background.pop() for _ in range(min(len(background), rng.randrange(1, 3)))]
            paragraphs.append(" ".join(group))
            words += sum(word_count(s) for s in group)
        if claim:
            paragraphs.insert(rng.randrange(2, len(paragraphs) + 1), claim)
        paragraphs.append(closing)
        return paragraphs

    def _foreign(self, number: int, rng: random.Random, event: Event, outlet: str, domain: str, url: str,
                 published: datetime, killed: int, injured: int) -> Report:
        language = rng.choice(("uk", "ru"))
        place = rng.choice(self.data["foreign"][f"{language}_places"])
        slots = {"place": place, "killed": str(killed), "injured": str(injured)}
        lines = [fill(s, slots) for s in self.data["foreign"][language]]
        title = lines[0].split(",")[0]
        return Report(number, language, outlet, domain, url, published, title, None, lines, event=event,
                      killed=killed, injured=injured)


def _group(sentences: list[str], rng: random.Random) -> list[str]:
    """Sentences joined into paragraphs of one or two."""
    paragraphs: list[str] = []
    while sentences:
        take = min(len(sentences), rng.randrange(1, 3))
        paragraphs.append(" ".join(sentences[:take]))
        sentences = sentences[take:]
    return paragraphs


def render_html(report: Report) -> str:
    """The report as a whole news page: navigation, cookie notice, article with metadata, related links, footer."""
    data = templates()["boilerplate"]
    esc = html.escape
    stamp = report.published.isoformat(timespec="seconds")
    nav = "".join(f'<li><a href="/{esc(item.lower().replace(" ", "-"))}">{esc(item)}</a></li>' for item in data["nav"])
    share = "".join(f'<button class="share">{esc(item)}</button>' for item in data["share"])
    related = fill(data["related"][report.number % len(data["related"])], {"outlet": report.outlet})
    body = "".join(f"<p>{esc(p)}</p>\n" for p in report.paragraphs)
    figure = ""
    if report.caption:
        credit = esc(report.credit or report.outlet)
        figure = (f'<figure><img src="/img/{report.number}.jpg" alt="">'
                  f"<figcaption>{esc(report.caption)} Photo: {credit}</figcaption></figure>")
    standfirst = f'<p class="standfirst">{esc(report.standfirst)}</p>' if report.standfirst else ""
    links = "".join(
        f'<li><a href="/story/{report.number + k}">{esc(_related_title(report, k))}</a></li>' for k in (1, 2, 3)
    )
    return f"""<!DOCTYPE html>
<html lang="{report.language}">
<head>
<meta charset="utf-8">
<title>{esc(report.title)} | {esc(report.outlet)}</title>
<meta property="og:title" content="{esc(report.title)}">
<meta property="og:site_name" content="{esc(report.outlet)}">
<meta property="og:url" content="{esc(report.url)}">
<meta property="article:published_time" content="{stamp}">
<meta name="description" content="{esc(report.standfirst or report.title)}">
</head>
<body>
<div class="cookie-banner"><p>{esc(data["cookie"])}</p><button>Accept</button></div>
<header><a class="logo" href="/">{esc(report.outlet)}</a><nav><ul>{nav}</ul></nav></header>
<main>
<article>
<h1>{esc(report.title)}</h1>
{standfirst}
<div class="byline">By {esc(report.outlet)} staff ·
<time datetime="{stamp}">{report.published:%d %B %Y, %H:%M}</time></div>
{figure}
{body}<div class="share-bar">{share}</div>
</article>
<aside class="newsletter"><p>{esc(data["newsletter"])}</p></aside>
<aside class="related"><h2>{esc(related)}</h2><ul>{links}</ul></aside>
</main>
<footer><p>{esc(fill(data["footer"], {"outlet": report.outlet}))}</p></footer>
</body>
</html>
"""


def _related_title(report: Report, k: int) -> str:
    words = ("Air defence", "Energy", "Frontline", "Economy", "Diplomacy")
    return f"{words[(report.number + k) % len(words)]} update: what we know on day {report.number % 900 + k}"
