"""The reminder ladder as a pure function of the due date and the local date."""

import datetime

import pytest

from notifications.ladder import offsets, rung_on

DUE = datetime.date(2026, 11, 15)


def on(offset, **kwargs):
    return rung_on(DUE, DUE + datetime.timedelta(days=offset), **kwargs)


@pytest.mark.parametrize("offset, rung", [
    (-40, None), (-31, None), (-30, 30), (-29, 30), (-8, 30), (-7, 7), (-2, 7), (-1, 1), (0, 0),
    (1, 0), (6, 0), (7, -7), (13, -7), (14, -14), (370, -364),
])
def test_the_rung_in_force_is_the_latest_one_reached(offset, rung):
    assert on(offset, before=[30, 7, 1], every=7, most=0) == rung


def test_overdue_rungs_stop_after_the_most_allowed(settings):
    # Four reminders after the due date by default (7, 14, 21, 28 days late); the last stays in force.
    assert settings.REMINDER_OVERDUE_MAX == 4
    assert [on(d, before=[7], every=7) for d in (7, 21, 28, 35, 370)] == [-7, -21, -28, -28, -28]
    settings.REMINDER_OVERDUE_MAX = 0  # no limit
    assert on(370, before=[7], every=7) == -364


def test_no_overdue_rungs_when_every_is_zero():
    assert [on(d, before=[7], every=0) for d in (-8, -7, 0, 1, 30)] == [None, 7, 0, 0, 0]


def test_the_offsets_come_from_settings_sorted_and_positive(settings):
    settings.REMINDER_OFFSETS_DAYS = [1, 30, 7, 7, 0, -3]

    assert offsets() == [30, 7, 1]
    assert on(-10) == 30
