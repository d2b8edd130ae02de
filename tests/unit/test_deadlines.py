from __future__ import annotations

from datetime import UTC, datetime

from workwell.domain.cases.deadlines import days_after, months_after, working_days_after


def test_calendar_deadlines_end_at_local_midnight_and_are_stored_in_utc() -> None:
    received = datetime(2026, 11, 23, 8, 0, tzinfo=UTC)  # 10:00 in Helsinki (EET, +2)

    assert days_after(received, 7) == datetime(2026, 11, 30, 21, 59, 59, tzinfo=UTC)


def test_the_local_day_decides_not_the_utc_day() -> None:
    late_evening = datetime(2026, 11, 23, 22, 30, tzinfo=UTC)  # already 24 Nov in Helsinki

    assert days_after(late_evening, 7) == datetime(2026, 12, 1, 21, 59, 59, tzinfo=UTC)


def test_summer_time_moves_the_utc_instant() -> None:
    received = datetime(2026, 3, 25, 9, 0, tzinfo=UTC)  # before the switch to EEST (+3)

    assert days_after(received, 7) == datetime(2026, 4, 1, 20, 59, 59, tzinfo=UTC)


def test_working_days_skip_weekends_and_finnish_public_holidays() -> None:
    received = datetime(2026, 12, 21, 9, 0, tzinfo=UTC)  # Monday before Christmas

    # 22, 23, 28, 29, 30, 31 Dec, 4, 5, 7, 8 Jan: Christmas Eve, Christmas, Boxing Day,
    # New Year's Day and Epiphany are holidays.
    assert working_days_after(received, 10) == datetime(2027, 1, 8, 21, 59, 59, tzinfo=UTC)


def test_working_days_accept_a_holiday_calendar() -> None:
    received = datetime(2026, 11, 23, 9, 0, tzinfo=UTC)  # Monday

    assert working_days_after(received, 5, holidays=set()) == datetime(2026, 11, 30, 21, 59, 59, tzinfo=UTC)


def test_months_clamp_to_the_last_day_of_a_short_month() -> None:
    received = datetime(2026, 11, 30, 9, 0, tzinfo=UTC)

    assert months_after(received, 3) == datetime(2027, 2, 28, 21, 59, 59, tzinfo=UTC)
