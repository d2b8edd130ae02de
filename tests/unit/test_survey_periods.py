"""Periods in Helsinki time: a response near midnight belongs to the Helsinki day, and a
period is published only once its last Helsinki day is over."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta, timezone

import pytest

from workwell.domain.survey.periods import (
    Period,
    parse_period,
    period_of,
    published_periods,
    unpublished_period,
)


def utc(moment: str) -> datetime:
    return datetime.fromisoformat(moment).replace(tzinfo=UTC)


@pytest.mark.parametrize(
    ("moment", "month", "quarter"),
    [
        # Winter: Helsinki is UTC+2; 22:30Z on New Year's Eve is 00:30 on 1 January.
        (utc("2026-12-31T21:59:59"), "2026-12", "2026-Q4"),
        (utc("2026-12-31T22:00:00"), "2027-01", "2027-Q1"),
        (utc("2026-12-31T22:30:00"), "2027-01", "2027-Q1"),
        # Summer: UTC+3.
        (utc("2026-06-30T20:59:00"), "2026-06", "2026-Q2"),
        (utc("2026-06-30T21:00:00"), "2026-07", "2026-Q3"),
        # Summer time began on 29 March 2026: the end of March is already UTC+3.
        (utc("2026-03-31T20:59:00"), "2026-03", "2026-Q1"),
        (utc("2026-03-31T21:00:00"), "2026-04", "2026-Q2"),
        # Winter time from 25 October 2026: the end of October is UTC+2 again.
        (utc("2026-10-31T21:59:00"), "2026-10", "2026-Q4"),
        (utc("2026-10-31T22:00:00"), "2026-11", "2026-Q4"),
        (utc("2026-09-30T21:00:00"), "2026-10", "2026-Q4"),
        (utc("2026-01-01T00:00:00"), "2026-01", "2026-Q1"),
    ],
)
def test_the_period_of_a_moment_is_read_in_helsinki(moment: datetime, month: str, quarter: str) -> None:
    assert period_of(moment, "month").id == month
    assert period_of(moment, "quarter").id == quarter


def test_another_time_zone_gives_the_same_period() -> None:
    new_york = timezone(timedelta(hours=-5))
    assert period_of(datetime(2026, 12, 31, 17, 30, tzinfo=new_york), "month").id == "2027-01"


def test_a_naive_moment_is_refused() -> None:
    with pytest.raises(ValueError, match="time zone"):
        period_of(datetime(2026, 12, 31, 23, 0), "month")
    with pytest.raises(ValueError, match="time zone"):
        parse_period("2026-12").has_ended(datetime(2027, 1, 2))


@pytest.mark.parametrize(
    ("period_id", "starts_on", "ends_on"),
    [
        ("2026-01", date(2026, 1, 1), date(2026, 1, 31)),
        ("2026-02", date(2026, 2, 1), date(2026, 2, 28)),
        ("2028-02", date(2028, 2, 1), date(2028, 2, 29)),
        ("2026-12", date(2026, 12, 1), date(2026, 12, 31)),
        ("2026-Q1", date(2026, 1, 1), date(2026, 3, 31)),
        ("2026-Q2", date(2026, 4, 1), date(2026, 6, 30)),
        ("2026-Q3", date(2026, 7, 1), date(2026, 9, 30)),
        ("2026-Q4", date(2026, 10, 1), date(2026, 12, 31)),
    ],
)
def test_parse_period(period_id: str, starts_on: date, ends_on: date) -> None:
    assert parse_period(period_id) == Period(period_id, starts_on, ends_on)


@pytest.mark.parametrize(
    "period_id",
    [
        "",
        "2026",
        "2026-1",
        "2026-00",
        "2026-13",
        "2026-Q0",
        "2026-Q5",
        "2026-q4",
        "2026-12-01",
        " 2026-12",
        "2026-12\n",
        "26-12",
        "0000-01",
        "２０２６-12",  # noqa: RUF001 (full-width digits are digits to \d, not to us)
        "2026/12",
    ],
)
def test_parse_period_refuses_anything_else(period_id: str) -> None:
    with pytest.raises(ValueError, match="not a period id") as raised:
        parse_period(period_id)
    if period_id.strip():
        assert period_id not in str(raised.value)


def test_parse_period_refuses_what_is_no_string() -> None:
    with pytest.raises(ValueError, match="not a period id"):
        parse_period(202612)  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("period_id", "previous"),
    [("2027-01", "2026-12"), ("2026-12", "2026-11"), ("2027-Q1", "2026-Q4"), ("2026-Q3", "2026-Q2")],
)
def test_previous_crosses_years(period_id: str, previous: str) -> None:
    assert parse_period(period_id).previous() == parse_period(previous)


def test_a_period_ends_when_its_last_helsinki_day_is_over() -> None:
    december = parse_period("2026-12")
    assert not december.has_ended(utc("2026-12-31T21:59:59"))
    assert december.has_ended(utc("2026-12-31T22:00:00"))
    quarter = parse_period("2026-Q2")
    assert not quarter.has_ended(utc("2026-06-30T20:59:59"))
    assert quarter.has_ended(utc("2026-06-30T21:00:00"))
    assert not quarter.has_ended(utc("2026-04-01T12:00:00"))


def test_published_periods_are_the_ended_ones_newest_first() -> None:
    # January in Helsinki for over an hour: December has ended and settled.
    now = utc("2026-12-31T23:00:00")
    assert [p.id for p in published_periods(now, "month", 3)] == ["2026-12", "2026-11", "2026-10"]
    assert [p.id for p in published_periods(now, "quarter", 5)] == [
        "2026-Q4",
        "2026-Q3",
        "2026-Q2",
        "2026-Q1",
        "2025-Q4",
    ]
    # Still December in Helsinki: it has not ended, so it is not published.
    before = utc("2026-12-31T21:30:00")
    assert [p.id for p in published_periods(before, "month", 2)] == ["2026-11", "2026-10"]
    assert [p.id for p in published_periods(before, "quarter", 1)] == ["2026-Q3"]
    assert all(p.has_ended(before) for p in published_periods(before, "month", 12))
    assert published_periods(now, "month", 0) == []


def test_a_period_is_published_only_an_hour_after_it_ends_so_a_late_commit_moves_nothing() -> None:
    # A response begun at 23:59:59 on 31 December (Helsinki) may commit just after midnight.
    just_after = utc("2026-12-31T22:59:59")
    assert [p.id for p in published_periods(just_after, "month", 1)] == ["2026-11"]
    assert unpublished_period(just_after, "month").id == "2026-12"
    settled = utc("2026-12-31T23:00:00")
    assert [p.id for p in published_periods(settled, "month", 1)] == ["2026-12"]
    assert unpublished_period(settled, "month").id == "2027-01"


def test_published_periods_refuse_a_negative_count() -> None:
    with pytest.raises(ValueError, match="negative"):
        published_periods(utc("2026-12-01T00:00:00"), "month", -1)


def test_periods_of_one_length_sort_by_time() -> None:
    months = [parse_period(f"2026-{m:02d}") for m in (12, 1, 10, 2)]
    assert [p.id for p in sorted(months)] == ["2026-01", "2026-02", "2026-10", "2026-12"]
    assert parse_period("2026-12").length == "month"
    assert parse_period("2026-Q4").length == "quarter"
