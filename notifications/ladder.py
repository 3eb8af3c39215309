"""The reminder ladder: which rung is in force on a given local date. Pure functions, no database.

A rung is a number of days before the due date: the configured offsets (30, 7, 1), 0 on the due date,
then -7, -14… every REMINDER_OVERDUE_EVERY_DAYS after it. On any day the rung in force is the latest one
whose date has come. A run that finds its rung not yet sent sends it, even a few days late (cron was
down on the day); rungs it missed before that are never sent as a backlog: one mail, the latest.
"""

from django.conf import settings


def offsets():
    """The configured days-before-due offsets, largest first, without duplicates or non-positive values."""
    return sorted({int(o) for o in settings.REMINDER_OFFSETS_DAYS if int(o) > 0}, reverse=True)


def overdue_every():
    return max(int(settings.REMINDER_OVERDUE_EVERY_DAYS or 0), 0)


def rung_on(due_date, today, *, before=None, every=None):
    """The rung in force on ``today`` for a report due on ``due_date``, or None before the first one.

    >>> import datetime; due = datetime.date(2026, 11, 15)
    >>> [rung_on(due, due - datetime.timedelta(days=d), before=[30, 7, 1], every=7) for d in (31, 30, 8, 7, 2, 1, 0)]
    [None, 30, 30, 7, 7, 1, 0]
    >>> [rung_on(due, due + datetime.timedelta(days=d), before=[30, 7, 1], every=7) for d in (1, 6, 7, 8, 14)]
    [0, 0, -7, -7, -14]
    """
    before = offsets() if before is None else sorted(before, reverse=True)
    every = overdue_every() if every is None else every
    days_left = (due_date - today).days
    if days_left > 0:
        reached = [o for o in before if o >= days_left]
        return min(reached) if reached else None
    if days_left == 0 or not every:
        return 0
    return -((-days_left) // every) * every
