"""Language detection: English, Ukrainian and Russian news sentences, and too-short text."""
from __future__ import annotations

from warledger.ingest import detect_language

ENGLISH = "Three people were hurt when a drone hit the port overnight, the regional governor said on Telegram."
UKRAINIAN = (
    "Троє людей постраждали внаслідок нічної атаки дронів на порт, повідомив голова обласної військової "
    "адміністрації. Пошкоджено склади та житловий будинок."
)
RUSSIAN = (
    "Три человека пострадали в результате ночной атаки беспилотников на порт, сообщил глава областной "
    "администрации. Повреждены склады и жилой дом, возник пожар."
)


def test_languages() -> None:
    assert detect_language(ENGLISH) == "en"
    assert detect_language(UKRAINIAN) == "uk"
    assert detect_language(RUSSIAN) == "ru"


def test_too_short_or_empty_is_undetermined() -> None:
    assert detect_language("") == "und"
    assert detect_language("  Kyiv  ") == "und"
    assert detect_language("12,000 — 15/03") == "und"


def test_only_the_start_is_read() -> None:
    assert detect_language(ENGLISH * 25 + UKRAINIAN * 200) == "en"
