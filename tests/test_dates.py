"""Date formats seen on UK (and US) news pages."""
from __future__ import annotations

import datetime as dt

import pytest

from healthwork.dates import find_dates, is_date_line, parse_date


@pytest.mark.parametrize(
    "text, want",
    [
        ("9 December 2024", dt.date(2024, 12, 9)),
        ("9 Dec 2024", dt.date(2024, 12, 9)),
        ("by Nic Paton 9 Dec 2024", dt.date(2024, 12, 9)),
        ("Monday 9th December, 2024", dt.date(2024, 12, 9)),
        ("02/01/2024", dt.date(2024, 1, 2)),  # UK day-first
        ("02.01.2024", dt.date(2024, 1, 2)),
        ("11/19/2019", dt.date(2019, 11, 19)),  # cannot be day-first
        ("Jan 2, 2024", dt.date(2024, 1, 2)),
        ("Nov. 19, 2019 7:04 pm ET", dt.date(2019, 11, 19)),
        ("Sept 3rd, 2023", dt.date(2023, 9, 3)),
        ("2024-01-02", dt.date(2024, 1, 2)),
        ("2019-11-19T12:48:14Z", dt.date(2019, 11, 19)),
        ("Published: 14 March 2025", dt.date(2025, 3, 14)),
        ("Thursday 12 June 2025", dt.date(2025, 6, 12)),
        ("12.06.2025", dt.date(2025, 6, 12)),
        ("3rd March 2025", dt.date(2025, 3, 3)),
        ("3rd of March 2025", dt.date(2025, 3, 3)),
        ("March 3rd, 2025", dt.date(2025, 3, 3)),
        ("Published: Monday 3 March 2025, 10:15am", dt.date(2025, 3, 3)),
        ("12-Jun-2025", dt.date(2025, 6, 12)),
        ("2025/06/12", dt.date(2025, 6, 12)),
        ("Posted on 2025.06.12 by Jane Smith", dt.date(2025, 6, 12)),
        ("Posted: 12/01/26", dt.date(2026, 1, 12)),  # two-digit year, day-first
        ("3/2/25 09:14", dt.date(2025, 2, 3)),
        ("Updated 28.11.24", dt.date(2024, 11, 28)),
        ("Mon 3 Feb 2025 14.05 GMT", dt.date(2025, 2, 3)),
    ],
)
def test_parse_date(text: str, want: dt.date) -> None:
    assert parse_date(text) == want


@pytest.mark.parametrize(
    "text", ["31/02/2024", "no date here", "2,700 patients", "£45m over 2024", "13/13/2024", "version 2025.1.2", "2025-06-123",
     "version 3.1.26", "scores 1/2/345", "30/02/26", "a 3/4/25% rise"]
)
def test_no_date(text: str) -> None:
    assert parse_date(text) is None


def test_is_date_line() -> None:
    assert is_date_line("Wednesday 20 November 2019 9:22 am")
    assert is_date_line("Published 9 December 2024")
    assert is_date_line("13 hours ago")
    assert is_date_line("2019-11-19T12:48:14Z")
    assert is_date_line("Published: Monday 3 March 2025, 10:15am")
    assert is_date_line("Last updated: Tuesday 4 March 2025, 8:02am")
    assert is_date_line("Thu 12 Jun 2025 10.15 BST")
    assert is_date_line("Issued: 3 March 2025")
    assert is_date_line("Posted: 12/01/26")
    assert is_date_line("Mon 3 Feb 2025 14.05 GMT")
    assert not is_date_line("by Nic Paton 9 Dec 2024")
    assert not is_date_line("The scheme launched on 9 December 2024 in Leeds.")


def test_find_dates_positions() -> None:
    s = "From 1 May 2024 to 2024-06-30"
    got = find_dates(s)
    assert [d for _, _, d in got] == [dt.date(2024, 5, 1), dt.date(2024, 6, 30)]
    assert s[got[0][0] : got[0][1]] == "1 May 2024"


def test_weekday_and_time_is_a_recent_date_line() -> None:
    # teaser and comment lists date a recent item by its weekday and time, with no year
    assert is_date_line("Monday 10:00PM")
    assert is_date_line("Yesterday at 9.30am")
    assert is_date_line("Tue 14:05")
    assert not is_date_line("Monday")
    assert not is_date_line("Friday 12:00 noon meeting")
    assert parse_date("Monday 10:00PM") is None  # no day of a year to give
