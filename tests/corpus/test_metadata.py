import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from missiondesk.corpus.clean import clean_page
from missiondesk.corpus.metadata import is_date_line, parse_byline, parse_date

BODY = ("The United Nations will keep about 10,000 peacekeepers in south Lebanon for another year, "
        "officials said on Tuesday, after the Security Council renewed the mandate.")


@pytest.mark.parametrize("text, iso", [
    ("date 2021-02-17 Brussels (AFP)", "2021-02-17"),
    ("17 August 2021, 22:07 | Updated: 17 August 2021, 22:17", "2021-08-17"),
    ("19 February 2026 12:33", "2026-02-19"),
    ("Published March 14, 2025", "2025-03-14"),
    ("Sep 6, 2024 11:58 AM", "2024-09-06"),
    ("15.11.2023 13:05", "2023-11-15"),
    ("28/02/2024 - 18:42", "2024-02-28"),
    ("Posted on 3rd January 2025", "2025-01-03"),
])
def test_dates_in_the_forms_news_sites_use(text, iso):
    assert is_date_line(text)
    assert parse_date(text) == iso


@pytest.mark.parametrize("text", ["Tuesday", "Updated yesterday", "Wednesday 10:42", "2 hours ago", "May 1"])
def test_no_date_is_guessed_from_a_weekday_or_a_partial_date(text):
    assert parse_date(text) is None


def test_page_with_only_weekday_has_no_date():
    page = clean_page(f"Troops to stay in Lebanon for another year\n\nTuesday 14:05\n\n{BODY}")
    assert page.published is None


def test_updated_date_loses_to_published_date():
    page = clean_page(f"Troops to stay in Lebanon for another year\n\nUpdated 5 March 2025\n\n"
                      f"Published 3 March 2025\n\n{BODY}")
    assert page.published == "2025-03-03"


@pytest.mark.parametrize("line, author, outlet", [
    ("By Patrick Grafton-Green", "Patrick Grafton-Green", None),
    ("By Euronews", None, "Euronews"),
    ("By Jane Doe, Reuters", "Jane Doe", "Reuters"),
    ("By OLENA KOVAL and DAVID R. MARSH Associated Press", "Olena Koval, David R. Marsh", "AP"),
    ("By the end of the year the force will have shrunk", None, None),
])
def test_bylines(line, author, outlet):
    parsed = parse_byline(line)
    if author is None and outlet is None:
        assert parsed is None
    else:
        assert parsed == (author, outlet)


def test_agency_dateline_gives_the_outlet():
    page = clean_page(f"BRUSSELS (AFP) - {BODY}")
    assert page.outlet == "AFP"


_MONTH_SPELLINGS = ["Jan", "January", "Feb", "February", "Mar", "March", "Apr", "April", "May", "Jun", "June",
                    "Jul", "July", "Aug", "August", "Sep", "Sept", "September", "Oct", "October", "Nov",
                    "November", "Dec", "December"]


@settings(max_examples=300, deadline=None)
@given(day=st.integers(0, 32), month=st.sampled_from(_MONTH_SPELLINGS), year=st.integers(1990, 2030),
       suffix=st.sampled_from(["", "st", "nd", "rd", "th"]), dot=st.booleans(), comma=st.booleans(),
       case=st.sampled_from([str, str.upper, str.lower]), month_first=st.booleans())
def test_written_dates_are_read_as_dateparser_reads_them(day, month, year, suffix, dot, comma, case, month_first):
    import dateparser

    from missiondesk.corpus.metadata import _DATE, _written_date

    name = case(month) + ("." if dot else "")
    text = f"{name} {day}{suffix}{',' if comma else ''} {year}" if month_first else \
        f"{day}{suffix} {name}{',' if comma else ''} {year}"
    match = _DATE.search(text)
    if match is None or match.group(0) != text:
        return  # not a candidate the page reader would ask about
    fast = _written_date(text)
    slow = dateparser.parse(text, languages=["en"], settings={
        "REQUIRE_PARTS": ["day", "month", "year"], "DATE_ORDER": "DMY", "PARSERS": ["absolute-time"],
        "PREFER_DATES_FROM": "past", "RETURN_AS_TIMEZONE_AWARE": False})
    if fast is not None:
        assert slow is not None and fast == slow.date().isoformat(), text
    else:
        assert slow is None or not 1 <= day <= 31, text  # only impossible days are left to dateparser here
