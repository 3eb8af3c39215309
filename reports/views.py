import datetime
from dataclasses import dataclass
from typing import NamedTuple

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.http import Http404, JsonResponse
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect, render
from django.template import engines
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import pgettext
from django.views.decorators.csrf import csrf_exempt, csrf_protect
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from accounts import roles
from plan_tracker.compiled import fits
from plan_tracker.csrf import CSRF_STAND_IN, with_csrf_token
from plan_tracker.jinja2 import ChoiceLabels, PageUrls
from plan_tracker.serving import attachment_response
from tasks.models import Plan

from . import cache
from . import changes as report_changes
from . import form_html, services, statements
from .access import (
    get_evidence_for_user,
    get_report_for_user,
    get_reviewable_report_for_user,
    get_writable_report_for_user,
    shows_content,
)
from .aggregates.kinds import _agency_order as agency_order
from .forms import OpenYearForm, ReopenForm, ReportForm, ReviewForm, YearParametersForm
from .models import AgencyReport, Evidence, LineComment, ReportEvent, ReportingYear
from .naming import names_of_the_report, names_on_due_date
from .rules import local_date
from .uploads import EvidenceUploadHandler


@login_required
@require_GET
def my_reports(request):
    """Reports the user works on (officers), and the plans' reporting years (coordinators, viewers).

    The body (an officer's agency may hold ~1,000 report rows at national scale) is rendered once per SITE generation
    for what it differs by, reader to reader (``cache.site_page``): the officer's agencies, whether the reader sees
    every year's submissions, whether they may open a year (its forms: the CSRF token a stand-in), and today (the
    year the forms select). What it shows of a report (status, not started or drafting, on time or late, invited,
    plan, year, agency) is ``cache.shown``: a draft's later saves, which bump nothing, change none of it."""
    today = _today()  # once: the key's day is the day the body shows
    agency_ids = sorted(roles.officer_agency_ids(request.user))
    sees_all, may_open = roles.sees_all_reports(request.user), roles.may_open_year(request.user)

    def render_body():
        # Compiled once per number of agencies (statements.AGENCIES_REPORTS): building and compiling the queryset
        # was most of the body's CPU for an officer's few rows (issue #18). No agency: no rows, no query.
        own = statements.AGENCIES_REPORTS.rows(agency_ids) if agency_ids else []
        years = ReportingYear.objects.select_related("plan").order_by("plan__number", "-year") if sees_all else None
        return render_to_string("reports/cached/my_reports.html", {
            "own": own, "years": years, "today": today, "plans": Plan.objects.order_by("number") if may_open else None,
            "csrf_token": CSRF_STAND_IN})

    body = cache.site_page("my-reports", (agency_ids, sees_all, may_open), today, render_body)
    return render(request, "reports/my_reports.html", {"body": with_csrf_token(body, request)})


def _today():
    """Today in the project's time zone (the year the open-year forms select)."""
    return local_date(timezone.now())


def _lines(report, evidence=True):
    """The report's lines with their tasks and sections, in plan order; with their evidence files (the page's list),
    or without (a save: ``_report_page`` reads them only when it shows the form again)."""
    lines = statements.of_report(statements.LINES.rows(report.pk), report)
    if evidence:
        statements.with_evidence(lines, report.pk)
    return lines


def _indicators(report):
    """The plan's indicators in their order."""
    return statements.INDICATORS.rows(report.plan_id)


def _report_page(request, report, form=None, status=200):
    """The report's page (its form for its officers), the agencies named as on the year's due date
    (``names_on_due_date``: the report's own agency, read with it, and those loaded for the page).

    Its body is rendered once per state of the report and kind of reader (``cache.report_body``, issue #18), unless
    ``form`` is given: a form showing what someone typed (a refused or stale save) is theirs alone, never cached."""
    with names_on_due_date(report.plan, report.year, loaded=[report.agency]):
        today = timezone.localdate()  # once: the key's day is the day the body shows
        reader = _reader(request.user, report)
        if form is not None:
            body = _report_body(report, reader, today, form)
        else:
            body = cache.report_body(report, reader, today, lambda: _report_body(report, reader, today))
        return render(request, "reports/report_detail.html", {
            "report": report, "body": with_csrf_token(body, request), "can_edit": reader.can_edit}, status=status)


class Reader(NamedTuple):
    """What one reader may do with one report: what its page's body differs by, reader to reader."""
    can_edit: bool  # an officer of its agency, while the agency may edit it: the form
    content: bool  # its lines and texts (its agency's people; others once it has been submitted)
    can_review: bool
    can_reopen: bool


def _reader(user, report):
    officer_ids = roles.officer_agency_ids(user)
    return Reader(
        can_edit=report.agency_id in officer_ids and report.is_editable_by_agency,
        content=shows_content(user, report, officer_ids),
        can_review=report.status == AgencyReport.Status.SUBMITTED and roles.may_review(user),
        can_reopen=report.status == AgencyReport.Status.ACCEPTED and roles.may_reopen(user))


def _report_body(report, reader, today, form=None):
    """The body's HTML, for ``reader``, without the request (``cache.report_body``): a Jinja2 template
    (``templates_jinja2/reports/_report_body.html``, README "Performance"), the same HTML as Django's template gave."""
    return render_body(_report_body_context(report, reader, today, form))


def render_body(context, environment=None):
    """The body's HTML from its context (``_report_body_context``), rendered by Jinja2 with the page's helpers: its
    addresses (``url``: each reversed once), its choice labels (``label``) and the target's word in its context.
    ``environment``: another Jinja2 environment to render it with (the tests' reference templates)."""
    environment = environment or engines["jinja2"].env
    return environment.get_template("reports/_report_body.html").render({
        **context, "url": PageUrls(), "label": ChoiceLabels(),
        # As Django's {% translate "chỉ tiêu" context "task target" as t_target %} gave it: our catalogue's word, safe.
        "t_target": mark_safe(pgettext("task target", "chỉ tiêu"))})


def _report_body_context(report, reader, today, form=None):
    """What the body shows, for ``reader``: its template's context."""
    can_edit, content = reader.can_edit, reader.content
    lines = []
    values = {}
    indicators = []
    if content:
        lines = form.lines if form is not None else _lines(report)
        statements.with_evidence(lines, report.pk)  # a form shown again after a save: its lines' files (once)
        if form is None:  # with the report's values, in one query
            indicators = statements.INDICATORS_WITH_VALUES.rows(report.plan_id, report.pk)
            values = {i.pk: i.report_value for i in indicators}
        else:  # the form holds what was typed
            indicators = form.indicators
            values = {v.indicator_id: v.value for v in statements.VALUES.rows(report.pk)}
    if can_edit and form is None:
        form = ReportForm(report=report, lines=lines, indicators=indicators, values=values)
    events = statements.of_report(statements.EVENTS.rows(report.pk), report)
    returns = [e for e in events if e.action == ReportEvent.Action.RETURNED]
    comments = []
    if content and returns:
        # The comments of the latest return, beside their lines and listed at the top.
        comments = list(LineComment.objects.of_last_return(report))
        by_line = {}
        for c in comments:
            by_line.setdefault(c.line_id, []).append(c)
        for line in lines:
            line.review_comments = by_line.get(line.pk, [])
    changes = None
    if content and returns and report.status != AgencyReport.Status.RETURNED and not can_edit:
        # Resubmitted: what changed since the version the coordinator returned, line by line, indicators included.
        changes = report_changes.changes_since(report, returns[-1].at)
    progress = None
    if can_edit:
        # What each line still lacks (services.line_problems, as stored), for the progress and the contents.
        last_year = services.last_year_texts(report)
        for line in lines:
            line.problems = services.line_problems(line, last_year)
            line.last_year_text = last_year.get(line.task_id, "")
        progress = {"filled": sum(1 for line in lines if not line.problems), "total": len(lines)}
    days = report.days_to_due(today)
    return {
        "report": report,
        "lines": lines,
        "indicators": [(i, values.get(i.pk)) for i in indicators],
        "form": form if can_edit else None,
        "can_edit": can_edit,
        "progress": progress,
        "shows_content": content,
        "can_review": reader.can_review,
        "can_reopen": reader.can_reopen,
        "review_form": ReviewForm(),
        "reopen_form": ReopenForm(),
        "events": events,
        "line_comments": comments,
        "last_return": returns[-1] if returns else None,
        "changes": changes,
        "days_left": max(days, 0),
        "days_late": max(-days, 0),
        "csrf_token": CSRF_STAND_IN,  # the reader's own goes in its place (with_csrf_token)
        "field_block": form_html.field_block,  # each field of the form (reports/_report_form.html)
    }


@csrf_exempt  # checked below by csrf_protect, once the upload handler is in place (Django's documented order)
@login_required
def report_detail(request, pk):
    """GET: the report (a form for its agency's officers while editable). POST: save the draft.

    The evidence files of a POST are taken in by EvidenceUploadHandler first, which stops a file over the caps as it
    arrives; it must be in place before anything reads the body, the CSRF check included.

    Agencies are shown by their names on the report's due date (``_report_page``: once the report is read, with its
    plan, one query fewer than ``names_of_the_report``; a save that redirects shows no agency and reads no names)."""
    if request.method == "POST":
        try:
            request.upload_handlers.insert(0, EvidenceUploadHandler(request))
        except AttributeError:  # the body was read already (some middleware): the form and service still check
            pass
    return _report_detail(request, pk)


@csrf_protect
def _report_detail(request, pk):
    if request.method != "POST":
        return _report_page(request, get_report_for_user(request.user, pk))
    autosave = request.headers.get("X-Autosave") == "1"
    try:
        # The report read once, under its lock, and its lines after it: the save judges the version and what changed
        # against these rows (services.save_report(locked=True): neither is read again). A refused save leaves
        # this block by its exception: nothing written, the lock released before any page is rendered.
        with transaction.atomic():
            report = get_writable_report_for_user(request.user, pk, lock=True)
            if not report.is_editable_by_agency:
                raise PermissionDenied
            lines = _lines(report, evidence=False)
            indicators = _indicators(report)
            form = ReportForm(request.POST, request.FILES, report=report, lines=lines, indicators=indicators,
                              values={}, skipped=getattr(request, "evidence_skipped", None))
            valid = form.is_valid()
            if valid:
                report = services.save_report(
                    report, request.user, expected_version=form.cleaned_data["version"],
                    general=form.general_data(), lines=form.line_data(), indicators=form.indicator_data(),
                    uploads=form.uploads(), locked=True, current_lines=lines,
                )
    except services.StaleReport as stale:
        if autosave:
            return JsonResponse({"ok": False, "stale": True, "message": str(stale)}, status=409)
        # Keep what they typed in the form; tell them what happened.
        messages.error(request, str(stale))
        return _report_page(request, report, form=form, status=409)
    except services.EvidenceLimit as limit:
        form.add_error(None, limit)
        messages.error(request, _("Chưa lưu: có ô nhập chưa đúng, xem các thông báo bên dưới."))
        return _report_page(request, report, form=form, status=400)
    if not valid:
        if autosave:
            return JsonResponse({"ok": False, "message": _(
                "Chưa tự động lưu: có ô nhập chưa đúng. Bấm “Lưu nháp” để xem các lỗi.")}, status=400)
        if "version" in form.errors:
            # A hidden field: its message goes at the top. What they typed stays in the form.
            messages.error(request, form.errors["version"][0])
            return _report_page(request, report, form=form, status=400)
        return _invalid_save(request, report, form, indicators)
    if autosave:
        return JsonResponse({"ok": True, "version": report.version, "message": _("Đã tự động lưu lúc %(time)s.") % {
            "time": date_format(timezone.localtime(report.updated_at), "TIME_FORMAT")}})
    delete = request.POST.get("delete_evidence", "")
    if delete.isdigit() and Evidence.objects.filter(pk=delete, task_report__report=report).exists():
        if request.POST.get("delete_confirmed") == "1":  # asked already, in the page (static/js/report_form.js)
            evidence = Evidence.objects.select_related("task_report__report").get(pk=delete)
            services.delete_evidence(evidence, request.user)
            messages.success(request, _("Đã lưu bản nháp và xóa tệp “%(name)s”.") % {"name": evidence.original_name})
            return redirect(f"{report.get_absolute_url()}#line-{evidence.task_report_id}")
        messages.success(request, _("Đã lưu bản nháp."))
        return redirect("reports:evidence-delete", pk=int(delete))
    copy = request.POST.get("copy_last_year", "")
    if copy.isdigit():
        line = services.copy_last_year(report, int(copy), request.user)
        if line is not None:
            messages.success(request, _("Đã lưu bản nháp và chép kết quả năm trước vào nhiệm vụ %(n)s: hãy sửa lại "
                                        "cho năm nay (báo cáo không gửi được khi đoạn này còn y nguyên).")
                             % {"n": line.task.number})
            return redirect(f"{report.get_absolute_url()}#line-{line.pk}")
    messages.success(request, _("Đã lưu bản nháp."))
    if "submit" in request.POST:
        return redirect("reports:report-submit", pk=report.pk)
    return redirect(report)


def _invalid_save(request, report, form, indicators):
    """A save refused by the form's checks. The new files that passed their own checks are saved alone (the
    attachments do not depend on the texts: nothing is lost and nothing half-written); the page keeps what was
    typed, says which files were kept and names any file to choose again."""
    kept, again = [], form.refused_files()
    uploads = form.valid_uploads()
    if uploads:
        try:
            report = services.save_report(report, request.user, expected_version=form.cleaned_data["version"],
                                          uploads=uploads)
        except (services.StaleReport, services.EvidenceLimit):
            again += [upload.name for _line, upload, _type in uploads]
        else:
            kept = [upload.name for _line, upload, _type in uploads]
            data = request.POST.copy()
            data["version"] = report.version  # the page now stands on the version that holds the files
            form = ReportForm(data, report=report, lines=_lines(report), indicators=indicators, values={},
                              skipped=form.skipped)
            form.is_valid()
    messages.error(request, _("Chưa lưu nội dung: có ô nhập chưa đúng, xem danh sách lỗi ở đầu biểu mẫu."))
    if kept:
        messages.success(request, _("Các tệp đã chọn đã được lưu vào báo cáo: %(names)s.") % {"names": ", ".join(kept)})
    if again:
        messages.warning(request, _("Các tệp sau chưa được nhận, hãy chọn lại: %(names)s.") % {"names": ", ".join(again)})
    return _report_page(request, report, form=form, status=400)


def _posted_version(request):
    """The report version a form was opened at (the report form's rule: a whole number from 1); None when
    missing or not one."""
    try:
        return ReportForm.base_fields["version"].clean(request.POST.get("version"))
    except ValidationError:
        return None


@login_required
def report_submit(request, pk):
    """GET: confirm, listing what is still missing. POST: submit."""
    if request.method == "POST":
        return _submit(request, pk)
    report = get_writable_report_for_user(request.user, pk)
    if not report.is_editable_by_agency:
        raise PermissionDenied
    places = services.missing_parts_with_places(report)  # each a link to its place in the form
    return render(request, "reports/report_submit.html", {
        "report": report, "recipient": _recipient(report), "problems": [m for _anchor, m in places],
        "problem_links": places})


def _recipient(report):
    """The year's recipient, as that year's parameters name it (the plan's for a year never opened)."""
    return ReportingYear.for_plan_year(report.plan, report.year).recipient_name or _("cơ quan tổng hợp")


def _submit(request, pk):
    version = _posted_version(request)
    try:
        # The report read once, under its lock, and submitted as read (services.submit_report(locked=True)); a
        # refused submission leaves this block by its exception: nothing written, the lock released.
        with transaction.atomic():
            report = get_writable_report_for_user(request.user, pk, lock=version is not None)
            if not report.is_editable_by_agency:
                raise PermissionDenied
            recipient = _recipient(report)
            if version is not None:
                services.submit_report(report, request.user, expected_version=version, locked=True)
    except services.StaleReport as stale:
        messages.error(request, str(stale))
        return redirect(report)
    except ValidationError as error:
        return render(request, "reports/report_submit.html",
                      {"report": report, "problems": error.messages, "recipient": recipient}, status=400)
    if version is None:
        # Without the version the confirm page was opened at, a submission could go out over a colleague's
        # later save unseen: refused, and the confirm page shown again (it reads the version afresh).
        return render(request, "reports/report_submit.html", {
            "report": report, "problems": services.missing_parts(report), "recipient": recipient,
            "error": _("Trang xác nhận thiếu số phiên bản của báo cáo (hoặc số đó không hợp lệ) nên báo cáo chưa "
                       "được gửi. Hãy xem lại rồi bấm “Xác nhận gửi báo cáo” trên trang này."),
        }, status=400)
    messages.success(request, _("Đã gửi báo cáo tới %(to)s.") % {"to": recipient})
    return redirect(report)


@login_required
@require_POST
def report_review(request, pk):
    report = get_reviewable_report_for_user(request.user, pk)
    form = ReviewForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Hãy chọn tiếp nhận hoặc trả lại."))
        return redirect(report)
    try:
        services.review_report(report, request.user, accept=form.cleaned_data["decision"] == "accept",
                               comment=form.cleaned_data["comment"], line_comments=form.line_comments(request.POST))
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(report)
    messages.success(request, _("Đã tiếp nhận báo cáo.") if form.cleaned_data["decision"] == "accept"
                     else _("Đã trả lại báo cáo cho đơn vị."))
    return _next_in_queue(request, report)


def _next_in_queue(request, report):
    """After a review, the next report of the plan awaiting review (the coordinator's queue), else the home page."""
    following = (AgencyReport.objects.filter(plan_id=report.plan_id).awaiting_review().exclude(pk=report.pk)
                 .select_related("agency").first())
    if following is None:
        messages.info(request, _("Không còn báo cáo nào chờ xem xét."))
        return redirect("portal:home")
    messages.info(request, _("Báo cáo tiếp theo đang chờ xem xét: %(agency)s, năm %(year)s.")
                  % {"agency": following.agency.name, "year": following.year})
    return redirect(following)


@login_required
@require_POST
def report_reopen(request, pk):
    if not roles.may_reopen(request.user):
        raise PermissionDenied
    report = get_report_for_user(request.user, pk)
    form = ReopenForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Cần ghi lý do mở lại."))
        return redirect(report)
    try:
        services.reopen_report(report, request.user, comment=form.cleaned_data["comment"])
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect(report)
    messages.success(request, _("Đã mở lại báo cáo cho đơn vị sửa."))
    return redirect(report)


HISTORY_HIDDEN_FIELDS = {"version", "updated_at"}


@dataclass
class ReadableChange:
    label: str
    old: object
    new: object


def _readable_changes(model, diffs):
    """[(record, [ReadableChange])]: each changed field by its name in the user's language, choices by
    their label, people by their name, times in local time (one query for the people, whatever the
    number of changes)."""
    user_fields = {f.name for f in model._meta.fields if f.is_relation and f.related_model is get_user_model()}
    user_ids = {v for _, diff in diffs for c in diff if c.field in user_fields for v in (c.old, c.new) if v}
    users = {u.pk: u for u in get_user_model().objects.filter(pk__in=user_ids)} if user_ids else {}

    def show(field, value):
        if value is None or value == "":
            return ""
        if field.name in user_fields:
            user = users.get(value)
            return (user.get_full_name() or user.username) if user else value
        if field.choices:
            return dict(field.flatchoices).get(value, value)
        if isinstance(value, bool):
            return _("có") if value else _("không")
        if isinstance(value, datetime.datetime):
            return date_format(timezone.localtime(value), "SHORT_DATETIME_FORMAT")
        return value

    readable = []
    for record, diff in diffs:
        rows = []
        for c in diff:
            field = model._meta.get_field(c.field)
            rows.append(ReadableChange(capfirst(field.verbose_name), show(field, c.old), show(field, c.new)))
        readable.append((record, rows))
    return readable


@login_required
@require_GET
@names_of_the_report
def report_history(request, pk):
    report = get_report_for_user(request.user, pk)
    if not shows_content(request.user, report):
        raise Http404
    records = list(report.history.select_related("history_user").order_by("-history_date", "-history_id"))
    diffs = []
    for newer, older in zip(records, records[1:] + [None]):
        diff = newer.diff_against(older).changes if older is not None else []
        diffs.append((newer, [c for c in diff if c.field not in HISTORY_HIDDEN_FIELDS]))
    changes = _readable_changes(AgencyReport, diffs)
    return render(request, "reports/report_history.html", {
        "report": report, "changes": changes, "line_changes": report_changes.history_changes(report),
        "events": report.events.select_related("actor"),
    })


@login_required
@require_GET
def evidence_download(request, pk):
    evidence = get_evidence_for_user(request.user, pk)
    # Streamed by the app, or by nginx after this check (X-Accel-Redirect): plan_tracker.serving.
    return attachment_response(evidence.file, filename=evidence.original_name, content_type=evidence.content_type)


@login_required
@require_http_methods(["GET", "POST"])
def evidence_delete(request, pk):
    """GET: ask first (the page without the script; with it the report form asks in a dialog). POST: delete."""
    evidence = get_evidence_for_user(request.user, pk)
    report = get_writable_report_for_user(request.user, evidence.task_report.report_id)
    if request.method == "GET":
        if not report.is_editable_by_agency:
            raise PermissionDenied
        return render(request, "reports/evidence_delete.html", {"evidence": evidence, "report": report})
    services.delete_evidence(evidence, request.user)
    messages.success(request, _("Đã xóa tệp “%(name)s”.") % {"name": evidence.original_name})
    return redirect(f"{report.get_absolute_url()}#line-{evidence.task_report_id}")


@login_required
@require_GET
def year_submissions(request, plan_pk, year):
    """The coordinator's list: every report of the plan and year with state, time, on time or late; and the
    year's reporting parameters, which coordinators edit here. Its own statements, compiled once (issue #18: built
    and compiled per request they were half its CPU): the plan and the year's row, four queries with the user's."""
    if not roles.sees_all_reports(request.user):
        raise Http404
    plan = statements.PLAN.first(plan_pk) if fits(Plan._meta.pk, plan_pk) else None
    if plan is None:
        raise Http404
    return _year_submissions_page(request, plan, year)


def _submissions(plan, year):
    """The year's reports as the coordinator's list shows them: the counts by status and the tables' HTML. Cached
    per generation of the plan (``reports.cache``): the same for every reader, no request in it."""
    reports = (
        # + plan: each row's on time / late badge reads the plan's due date (one query per report without it).
        AgencyReport.objects.for_year(plan, year).select_related("agency", "plan")
    )
    # Invited bodies (AgencyReport.invited) are listed apart and not counted: they may report, never owe it.
    # The same order as the year's overview: kind group, then the Vietnamese sort key (plan_tracker.collation).
    reports = sorted(reports, key=lambda r: agency_order(r.agency))
    invited = [r for r in reports if r.invited]
    reports = [r for r in reports if not r.invited]
    counts = {s: 0 for s in AgencyReport.Status.values}
    for r in reports:
        counts[r.status] += 1
    tables = render_to_string("reports/_year_submissions_tables.html", {"reports": reports, "invited": invited})
    return {"counts": counts, "tables": str(tables)}


def _year_submissions_page(request, plan, year, parameters_form=None, status=200):
    """The page, its agencies named as on the year's due date (``names_on_due_date``: the former names read only if
    a body is rendered, not served from the cache)."""
    reporting_year = (statements.REPORTING_YEAR.first(plan.pk, year)
                      if fits(ReportingYear._meta.get_field("year"), year) else None)
    if reporting_year is None and not plan.runs_in(year):
        raise Http404  # a year the plan never had (/70000/: no due date exists for it)
    with names_on_due_date(plan, year):
        return _year_submissions_body(request, plan, year, reporting_year, parameters_form, status)


def _year_submissions_body(request, plan, year, reporting_year, parameters_form, status):
    today = timezone.localdate()
    listing = cache.figures("submissions", plan, year, today, lambda: _submissions(plan, year))
    counts = listing["counts"]
    may_edit = reporting_year is not None and roles.may_open_year(request.user)
    can_open = roles.may_open_year(request.user) and year in plan.years

    def parameters_section(form, csrf_token):
        return render_to_string("reports/includes/_year_parameters.html", {
            "plan": plan, "year": year, "reporting_year": reporting_year, "can_open": can_open,
            # A year never opened: its compiled report takes the plan's parameters.
            "parameters": reporting_year or ReportingYear(plan=plan, year=year, **ReportingYear.parameters_from(plan)),
            "parameters_form": form if may_edit else None, "csrf_token": csrf_token})

    if parameters_form is not None:  # what someone typed, with its errors: never cached
        section = parameters_section(parameters_form, get_token(request))
    else:
        # The parameters and their form as stored: rendered once per generation of the plan (a save of the year's
        # parameters bumps it, and its revision is in the key too) for what the reader may do, the token a stand-in.
        section = with_csrf_token(cache.figures(
            "year-parameters", plan, year, today,
            lambda: str.__str__(parameters_section(YearParametersForm(instance=reporting_year) if may_edit else None,
                                                   CSRF_STAND_IN)),
            may_edit, can_open, reporting_year.revision if reporting_year else None), request)
    return render(request, "reports/year_submissions.html", {
        "plan": plan, "year": year, "reporting_year": reporting_year, "tables": mark_safe(listing["tables"]),
        "counts": counts, "due_date": plan.report_due_date(year), "statuses": AgencyReport.Status,
        "parameters_section": mark_safe(section),
    }, status=status)


@login_required
@require_POST
def year_parameters(request, plan_pk, year):
    """A coordinator corrects the year's reporting parameters: that year's compiled report only."""
    if not roles.may_open_year(request.user):
        raise PermissionDenied
    if not fits(Plan._meta.pk, plan_pk):
        raise Http404  # the database would refuse the id (a lookup through the foreign key is not range-checked)
    reporting_year = get_object_or_404(ReportingYear.objects.select_related("plan"), plan_id=plan_pk, year=year)
    form = YearParametersForm(request.POST, instance=reporting_year)
    if not form.is_valid():
        messages.error(request, _("Chưa lưu thông số báo cáo năm %(year)s: hãy sửa các lỗi bên dưới.") % {"year": year})
        return _year_submissions_page(request, reporting_year.plan, year, parameters_form=form, status=400)
    with transaction.atomic():  # the row and its history row together
        # One editor at a time, and none over another's newer save: the revision the page was opened on must
        # still be the row's.
        current = ReportingYear.objects.select_for_update().only("revision").get(pk=reporting_year.pk).revision
        if form.cleaned_data["revision"] != current:
            messages.error(request, _("Chưa lưu thông số báo cáo năm %(year)s: một người khác đã lưu thông số sau khi "
                                      "bạn mở trang. Hãy xem lại thông số mới rồi sửa lại.") % {"year": year})
            fresh = ReportingYear.objects.select_related("plan").get(pk=reporting_year.pk)
            return _year_submissions_page(request, fresh.plan, year, parameters_form=YearParametersForm(instance=fresh),
                                          status=409)
        reporting_year = form.save(commit=False)
        reporting_year.revision = current + 1
        reporting_year._history_user = request.user
        reporting_year._change_reason = "parameters"
        reporting_year.save()
    messages.success(request, _("Đã lưu thông số báo cáo năm %(year)s.") % {"year": year})
    if request.POST.get("next") == "draft":  # the form under the draft, before the download
        return redirect(reverse("reports:year-draft", args=[plan_pk, year]) + "#signature")
    return redirect(reverse("reports:year-submissions", args=[plan_pk, year]))


@login_required
@require_POST
def open_year(request, plan_pk):
    if not roles.may_open_year(request.user):
        raise PermissionDenied
    plan = get_object_or_404(Plan, pk=plan_pk)
    form = OpenYearForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Năm không hợp lệ."))
        return redirect("reports:my-reports")
    year = form.cleaned_data["year"]
    try:
        services.open_reporting_year(plan, year, request.user)
    except ValidationError as error:
        for message in error.messages:
            messages.error(request, message)
        return redirect("reports:my-reports")
    messages.success(request, _("Đã mở kỳ báo cáo năm %(year)s.") % {"year": year})
    return redirect(reverse("reports:year-submissions", args=[plan.pk, year]))
