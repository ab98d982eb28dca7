"""Tell what a file holds from its bytes: binary or text, which encoding, HTML or JSON Lines or plain text.

Public and stable: ``looks_like_html``, ``looks_like_jsonl``, ``decode`` and ``Undecodable``.
Everything here works on bytes or text already in memory; reading files is ``warledger.ingest.sources``' job.
"""
from __future__ import annotations

import codecs
import json
import re
from dataclasses import dataclass

BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
"""Byte-order marks, longest first (the UTF-32 LE mark starts with the UTF-16 LE one)."""

SNIFF_BYTES = 8192
"""How much of the start of a file the binary test and the format tests look at."""

MAX_CONTROL_RATIO = 0.10
"""More control bytes than this (outside tab, newline, carriage return, form feed) means binary."""

MAX_HIGH_LETTER_RATIO = 0.30
"""In a real Latin-1 / cp1252 text most letters are ASCII; above this share of accented letters the bytes are
more likely another 8-bit encoding (cp1251, KOI8-R...) read wrongly, and we refuse to guess."""

MAGIC_NUMBERS: tuple[bytes, ...] = (
    b"\x1f\x8b",  # gzip
    b"\x89PNG",
    b"\xff\xd8\xff",  # JPEG
    b"GIF8",
    b"%PDF",
    b"PK\x03\x04",  # zip, docx, xlsx
    b"\x7fELF",
    b"BZh",
    b"\xfd7zXZ",
)
"""Signatures of common binary formats, rejected even when their first bytes happen to look textual."""

_TEXT_CONTROLS = frozenset(b"\t\n\r\f\v\x1b")
_HTML_START = re.compile(r"<(!doctype\s+html|html|head|body|meta|title|article|div|p|section|main|!--)[\s>/]", re.I)
_ANY_TAG = re.compile(r"<(?:[a-zA-Z][\w-]*|!--|!doctype)[\s>/]", re.I)
_HTML_TAG = re.compile(
    r"</?(p|div|span|a|br|article|section|h[1-6]|ul|li|figure|img|table|body|head|html)\b[^>]*>", re.I
)


class Undecodable(ValueError):
    """The bytes are not text in an encoding we read; ``binary`` says whether they look binary at all."""

    def __init__(self, detail: str, *, binary: bool) -> None:
        super().__init__(detail)
        self.binary = binary


@dataclass(frozen=True, slots=True)
class Decoded:
    """Text read from bytes and the encoding that read it."""

    text: str
    encoding: str


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _utf16_without_bom(head: bytes) -> str | None:
    """UTF-16 text of mostly ASCII has a NUL in every other byte; say which half holds them."""
    if len(head) < 4:
        return None
    even, odd = head[0::2], head[1::2]
    if odd.count(0) > 0.9 * len(odd) and even.count(0) < 0.1 * len(even):
        return "utf-16-le"
    if even.count(0) > 0.9 * len(even) and odd.count(0) < 0.1 * len(odd):
        return "utf-16-be"
    return None


def is_binary(head: bytes) -> bool:
    """True for bytes that are not text in any encoding: NULs, a known binary signature, many control bytes."""
    if not head or _bom_encoding(head) is not None or _utf16_without_bom(head):
        return False
    if head.startswith(MAGIC_NUMBERS) or b"\x00" in head:
        return True
    controls = sum(1 for byte in head if byte < 32 and byte not in _TEXT_CONTROLS)
    return controls > MAX_CONTROL_RATIO * len(head)


def _mostly_latin(text: str) -> bool:
    letters = [ch for ch in text if ch.isalpha()]
    if not letters:
        return True
    high = sum(1 for ch in letters if ord(ch) > 127)
    printable = sum(1 for ch in text if ch.isprintable() or ch in "\t\n\r\f")
    return high <= MAX_HIGH_LETTER_RATIO * len(letters) and printable >= 0.95 * len(text)


def decode(data: bytes) -> Decoded:
    """Decode ``data``: UTF-8, UTF-8/16/32 with a byte-order mark, UTF-16 without one, then cp1252 or Latin-1
    when the result reads as mostly Latin text. Raises ``Undecodable`` otherwise."""
    head = data[:SNIFF_BYTES]
    encoding = _bom_encoding(head) or _utf16_without_bom(head)
    if encoding:
        try:
            return Decoded(data.decode(encoding), encoding)
        except UnicodeDecodeError as exc:
            raise Undecodable(f"{encoding} byte-order mark but invalid {encoding}: {exc.reason}", binary=False) from exc
    if is_binary(head):
        raise Undecodable("binary content", binary=True)
    try:
        return Decoded(data.decode("utf-8"), "utf-8")
    except UnicodeDecodeError as exc:
        utf8_error = exc
    for fallback in ("cp1252", "latin-1"):
        try:
            text = data.decode(fallback)
        except UnicodeDecodeError:
            continue
        if _mostly_latin(text):
            return Decoded(text, fallback)
    raise Undecodable(f"invalid UTF-8 at byte {utf8_error.start} and not Latin-1 text", binary=False)


def looks_like_html(text: str) -> bool:
    """True when ``text`` is an HTML page or fragment rather than plain text that mentions a tag."""
    head = text[:SNIFF_BYTES].lstrip("\ufeff \t\r\n")
    if _HTML_START.match(head):
        return True
    tags = len(_HTML_TAG.findall(head))
    return tags >= 3 and head.startswith("<")


def has_tags(text: str) -> bool:
    """True when the start of ``text`` holds at least one HTML tag: enough for a file named .html to be HTML."""
    return _ANY_TAG.search(text[:SNIFF_BYTES]) is not None


def looks_like_jsonl(text: str) -> bool:
    """True when the first non-blank line of ``text`` is a JSON object: a JSON Lines stream."""
    for line in text[:SNIFF_BYTES].splitlines():
        stripped = line.strip()
        if not stripped:
            continue
        if not stripped.startswith("{"):
            return False
        try:
            return isinstance(json.loads(stripped), dict)
        except ValueError:
            # a first line cut off by the sniffing window still marks JSON Lines if it opens an object with a key
            return len(line) >= SNIFF_BYTES - 1 or stripped.startswith('{"')
    return False
