"""The reminder ladder: which rung is in force on a given local date. Pure functions, no database.

A rung is a number of days before the due date: the configured offsets (30, 7, 1), 0 on the due date,
then -7, -14… every REMINDER_OVERDUE_EVERY_DAYS after it, and for agencies' reminders at most REMINDER_OVERDUE_MAX
of them (then the last one stays in force, already sent: a report still missing after that is the
coordinators' to chase, from their digest, which goes on). On any day the rung in force is the latest one
whose date has come. A run that finds its rung not yet sent sends it, even a few days late (cron was
down on the day); rungs it missed before that are never sent as a backlog: one mail, the latest.
"""

from django.conf import settings


def offsets():
    """The configured days-before-due offsets, largest first, without duplicates or non-positive values."""
    return sorted({int(o) for o in settings.REMINDER_OFFSETS_DAYS if int(o) > 0}, reverse=True)


def overdue_every():
    return max(int(settings.REMINDER_OVERDUE_EVERY_DAYS or 0), 0)


def overdue_max():
    return max(int(getattr(settings, "REMINDER_OVERDUE_MAX", 0) or 0), 0)


def rung_on(due_date, today, *, before=None, every=None, most=None):
    """The rung in force on ``today`` for a report due on ``due_date``, or None before the first one.

    >>> import datetime; due = datetime.date(2026, 11, 15)
    >>> [rung_on(due, due - datetime.timedelta(days=d), before=[30, 7, 1], every=7) for d in (31, 30, 8, 7, 2, 1, 0)]
    [None, 30, 30, 7, 7, 1, 0]
    >>> [rung_on(due, due + datetime.timedelta(days=d), before=[30, 7, 1], every=7, most=0) for d in (1, 6, 7, 8, 14)]
    [0, 0, -7, -7, -14]
    >>> [rung_on(due, due + datetime.timedelta(days=d), before=[30, 7, 1], every=7, most=2) for d in (14, 21, 200)]
    [-14, -14, -14]
    """
    before = offsets() if before is None else sorted(before, reverse=True)
    every = overdue_every() if every is None else every
    most = overdue_max() if most is None else most  # 0: no limit
    days_left = (due_date - today).days
    if days_left > 0:
        reached = [o for o in before if o >= days_left]
        return min(reached) if reached else None
    if days_left == 0 or not every:
        return 0
    steps = (-days_left) // every
    if most:
        steps = min(steps, most)
    return -steps * every
