"""Deadline day, the database side: who takes part, and afterwards whether every submission the load
driver made is in the database exactly once, with every field it sent."""

from collections import Counter
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.urls import NoReverseMatch, reverse

from reports.models import AgencyReport, IndicatorValue, ReportEvent, TaskReport
from tasks.models import Plan

from .scale import plan_code

GENERAL = ("overall_assessment", "difficulties", "proposals")


def participants(scale_name, officers, coordinators):
    """(officer usernames, coordinator usernames, the plan, its open year) of a scale."""
    User = get_user_model()
    plan = Plan.objects.get(code=plan_code(scale_name, 1, 1))
    year = plan.reporting_years.order_by("-year").values_list("year", flat=True).first()
    officer_names = list(User.objects.filter(username__regex=rf"^{scale_name}-officer-\d+$")
                         .order_by("username").values_list("username", flat=True)[:officers])
    coordinator_names = list(User.objects.filter(username__startswith=f"{scale_name}-coordinator")
                             .order_by("username").values_list("username", flat=True)[:coordinators])
    return officer_names, coordinator_names, plan, year


def signed_in_sessions(usernames):
    """{username: session key} of a fresh signed-in session per user, as django.contrib.auth.login makes."""
    from importlib import import_module

    from django.conf import settings
    from django.contrib.auth import BACKEND_SESSION_KEY, HASH_SESSION_KEY, SESSION_KEY

    from django.contrib.auth import load_backend

    store = import_module(settings.SESSION_ENGINE).SessionStore
    # The first backend that can load a user, as Django's Client.force_login picks (the first, axes' lock-out
    # check, authenticates nobody).
    backend = next(path for path in settings.AUTHENTICATION_BACKENDS if hasattr(load_backend(path), "get_user"))
    keys = {}
    for user in get_user_model().objects.filter(username__in=usernames):
        session = store()
        session[SESSION_KEY] = user._meta.pk.value_to_string(user)
        session[BACKEND_SESSION_KEY] = backend
        session[HASH_SESSION_KEY] = user.get_session_auth_hash()
        session.save()
        keys[user.username] = session.session_key
    return keys


def overview_path(plan, year):
    """The coordinator's year overview, or the year's submission list on a site without it."""
    try:
        return reverse("reports:year-overview", args=[plan.pk, year])
    except NoReverseMatch:
        return reverse("reports:year-submissions", args=[plan.pk, year])


def verify(records, plan, year):
    """Check every officer's submission against what the driver sent. Returns a dict of findings:
    ``lost`` (no submitted report, or a field not as sent), ``doubled`` (more than one submission,
    save or history row than the journey made), ``checked`` (officers whose journey finished)."""
    finished = {u: r for u, r in records.items() if r.get("submitted")}
    unfinished = sorted(u for u, r in records.items() if not r.get("submitted"))
    ids = [r["report"] for r in finished.values()]
    reports = AgencyReport.objects.in_bulk(ids)
    lines = {line.pk: line for line in TaskReport.objects.filter(report_id__in=ids)}
    values = {(v.report_id, v.indicator_id): v.value for v in IndicatorValue.objects.filter(report_id__in=ids)}
    events = Counter(ReportEvent.objects.filter(report_id__in=ids).values_list("report_id", "action"))
    history = {}
    for report_id, reason in (AgencyReport.history.filter(id__in=ids).order_by("history_date", "history_id")
                              .values_list("id", "history_change_reason")):
        history.setdefault(report_id, []).append(reason)
    lost, doubled = [], []
    for username, record in sorted(finished.items()):
        report = reports.get(record["report"])
        sent = record["sent"]
        problems = []
        if report is None:
            lost.append(f"{username}: report {record['report']} is gone")
            continue
        if report.status != AgencyReport.Status.SUBMITTED or report.first_submitted_at is None:
            problems.append(f"status {report.status}")
        for name in GENERAL:
            if getattr(report, name) != sent[name]:
                problems.append(f"{name} not as sent")
        for key, value in sent.items():
            if key.startswith("line-"):
                _, pk, field = key.split("-", 2)
                line = lines.get(int(pk))
                if line is None or line.report_id != report.pk:
                    problems.append(f"line {pk} missing")
                    continue
                stored = getattr(line, field)
                if (str(stored) if field == "quantity_achieved" else stored) != value:
                    problems.append(f"line {pk} {field}: {stored!r} ≠ {value!r}")
            elif key.startswith("indicator-"):
                indicator = int(key.split("-")[1])
                if values.get((report.pk, indicator)) != Decimal(value):
                    problems.append(f"indicator {indicator} not as sent")
        if problems:
            lost.append(f"{username}: " + "; ".join(problems[:3]))
        if events[(report.pk, ReportEvent.Action.SUBMITTED)] != 1 or events[(report.pk, ReportEvent.Action.SAVED)] != 2:
            doubled.append(f"{username}: {events[(report.pk, ReportEvent.Action.SAVED)]} saves, "
                           f"{events[(report.pk, ReportEvent.Action.SUBMITTED)]} submissions recorded")
        if history.get(report.pk) != ["save", "save", "submit"] or report.version != record["initial_version"] + 3:
            doubled.append(f"{username}: history {history.get(report.pk)}, version {report.version}")
    year_reports = AgencyReport.objects.filter(plan=plan, year=year)
    per_agency = Counter(year_reports.values_list("agency_id", flat=True))
    return {
        "checked": len(finished),
        "unfinished": unfinished,
        "lost": lost,
        "doubled": doubled,
        "reports_in_year": year_reports.count(),
        "submitted_in_year": year_reports.filter(status=AgencyReport.Status.SUBMITTED).count(),
        "agencies_with_two_reports": sum(1 for n in per_agency.values() if n > 1),
    }


def notifications(records):
    """What became of the mails the run's submissions called for (notifications.Delivery rows of their
    "submitted" events): counts by status, submissions with none recorded, and the delay from the
    submission to the mail's sending (p50/p95, seconds)."""
    from notifications.models import Delivery

    ids = [r["report"] for r in records.values() if r.get("submitted")]
    events = ReportEvent.objects.filter(report_id__in=ids, action=ReportEvent.Action.SUBMITTED)
    rows = Delivery.objects.filter(event__in=events)
    by_status = Counter(rows.values_list("status", flat=True))
    delays = sorted((sent - at).total_seconds() for sent, at in rows.filter(status=Delivery.Status.SENT)
                    .values_list("sent_at", "event__at"))
    return {
        "submissions": events.count(),
        "without_mail": events.filter(deliveries__isnull=True).count(),
        "recorded": sum(by_status.values()),
        **{status: by_status.get(status, 0) for status in Delivery.Status.values},
        "delay_p50_s": delays[len(delays) // 2] if delays else None,
        "delay_p95_s": delays[max(0, -(-95 * len(delays) // 100) - 1)] if delays else None,
    }


def notifications_line(found):
    line = (f"notifications: {found['recorded']} mails for {found['submissions']} submissions "
            f"({found['without_mail']} with none): {found['sent']} sent, {found['pending']} pending, "
            f"{found['sending']} sending, {found['failed']} failed, {found['cancelled']} cancelled")
    if found["delay_p50_s"] is not None:
        line += f"; submission → sent p50 {found['delay_p50_s']:.1f} s, p95 {found['delay_p95_s']:.1f} s"
    return line


def summary_table(summary, verification):
    lines = [f"{'request':<16} {'count':>6} {'errors':>6} {'p50 ms':>8} {'p95 ms':>8} {'max ms':>8}"]
    for kind, row in summary["by_kind"].items():
        lines.append(f"{kind:<16} {row['count']:>6} {row['errors']:>6} {row['p50_ms']:>8.0f} {row['p95_ms']:>8.0f} "
                     f"{row['max_ms']:>8.0f}")
    lines.append(f"{summary['requests']} requests in {summary['seconds']} s: {summary['requests_per_s']:.1f} requests/s, "
                 f"{summary['errors']} errors")
    lines.append(f"database: {verification['checked']} journeys finished and checked, "
                 f"{len(verification['unfinished'])} unfinished, {len(verification['lost'])} lost, "
                 f"{len(verification['doubled'])} doubled; {verification['submitted_in_year']} of "
                 f"{verification['reports_in_year']} reports of the year submitted")
    return "\n".join(lines)
