"""State changes of yearly reports. Views, admin and commands all call these; each is atomic."""

from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import router, transaction
from django.db.transaction import TransactionManagementError
from django.db.models import Sum
from django.template.defaultfilters import filesizeformat
from django.utils import timezone
from django.utils.translation import gettext as _
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from accounts import roles
from agencies.models import GroupMembers
from agencies.succession import Succession
from tasks.models import Assignment, Task, TaskRouting

from plan_tracker import history
from plan_tracker.bulk import update_by_pk
from plan_tracker.text import nfc

from . import cache, completion, rules, statements
from .models import AgencyReport, Evidence, IndicatorValue, LineComment, ReportEvent, ReportingYear, TaskReport
from .signals import report_event
from .uploads import per_save_message


@dataclass
class Obligation:
    agency: object
    # task -> role ("lead" wins over "coordinator" when an agency holds both)
    roles: dict = field(default_factory=dict)
    # Not of a kind the plan obliges (Plan.obliged_kinds): the body may report, and is never missing or late.
    invited: bool = False

    @property
    def tasks(self):
        return list(self.roles)


def obligations(plan, year):
    """Agencies that report on ``plan`` for ``year``: those leading or coordinating an active task, directly or
    through a group, that exist on the year's due date (``Plan.report_due_date``); a body that has ceased to exist
    by then is replaced, task by task, by its successors (``agencies.succession``: routing per task, default
    successor, chains of changes). Each is obliged, or invited when the plan does not oblige its kind
    (``Plan.obliges``). A deadline task due in an earlier year is carried over, as a lead line, to each lead that
    has not completed it by ``year - 1`` (``completion.carries_over``), or to the successors of a lead that has
    ceased, unless they completed it. A task given to a group goes to the group's members on the due date
    (``agencies.models.GroupMembers``: dated memberships, a group that has ended replaced by its successor).
    Six queries whatever the size (one for the plan's rules for single bodies, ``Plan.obliges``), seven when some
    task is carried over, and
    three more when some body has ceased to exist by the due date (the changes and the routings).

    Returns {agency: Obligation}, tasks in plan order."""
    due = plan.report_due_date(year)
    tasks, carried = [], []
    for t in Task.objects.filter(plan=plan).select_related("plan").order_by("order", "number"):
        if t.is_active_in_year(year):
            tasks.append(t)
        elif completion.is_carried_over(t, year):
            carried.append(t)
    done = completion.completed_by(carried, year - 1) if carried else {}
    tasks += carried
    task_ids = {t.pk: t for t in tasks}
    assignments = list(Assignment.objects.filter(task__in=list(task_ids)).select_related("agency"))
    # A group answers on the due date with its members then (its successor group's, once it has ended); a
    # carried-over task is owed by the members named when it fell due (or those who stand for them).
    groups = GroupMembers.load({a.group_id for a in assignments if a.group_id})
    named = [[a.agency] if a.agency_id else groups.on(
        a.group_id, task_ids[a.task_id].due_date if completion.is_carried_over(task_ids[a.task_id], year) else due)
        if a.group_id else [] for a in assignments]
    succession = None
    if any(not agency.is_active_on(due) for agencies in named for agency in agencies):
        succession = Succession.load(TaskRouting.as_map())
    result = {}
    for a, agencies in zip(assignments, named):
        task = task_ids[a.task_id]
        carried_over = completion.is_carried_over(task, year)
        if carried_over and a.role != Assignment.Role.LEAD:
            continue  # a carried-over task is the leads' unfinished work only
        for named_agency in agencies:
            bodies = succession.resolve(named_agency, task.pk, due) if succession else [named_agency]
            for agency in bodies:
                if carried_over and not completion.carries_over(
                        task, agency, year, done.get(task.pk, set()), stands_for=named_agency):
                    continue
                ob = result.setdefault(agency, Obligation(agency, invited=not plan.obliges(agency)))
                if ob.roles.get(task) != Assignment.Role.LEAD:
                    ob.roles[task] = a.role
    order = {t.pk: i for i, t in enumerate(tasks)}
    for ob in result.values():
        ob.roles = dict(sorted(ob.roles.items(), key=lambda kv: order[kv[0].pk]))
    return result


class StaleReport(Exception):
    """Someone else saved the report after this form was opened."""


@transaction.atomic
def open_reporting_year(plan, year, user):
    """Open ``year`` for ``plan`` and create the empty reports and their lines; re-running adds what is
    newly obliged, brings each report's ``invited`` flag in line with the plan's rule, and never touches what
    agencies already wrote."""
    if year not in plan.years:
        raise ValidationError(
            _("Năm %(year)s nằm ngoài thời gian thực hiện kế hoạch (%(start)s–%(end)s).")
            % {"year": year, "start": plan.start_year, "end": plan.last_year}
        )
    # The year's reporting parameters are copied from the plan once, when the year is created; re-opening keeps
    # what the coordinator has since edited for the year.
    reporting_year, _created = ReportingYear.objects.get_or_create(
        plan=plan, year=year, defaults={"opened_by": user, **ReportingYear.parameters_from(plan, year)})
    obliged = obligations(plan, year)
    existing = {r.agency_id: r for r in AgencyReport.objects.filter(plan=plan, year=year)}
    new_reports = [AgencyReport(plan=plan, year=year, agency=a, invited=ob.invited, updated_by=user)
                   for a, ob in obliged.items() if a.pk not in existing]
    # The plan's rule may have changed since the year was opened: the flag follows it (the report's content stays).
    changed = []
    for agency, ob in obliged.items():
        report = existing.get(agency.pk)
        if report is not None and report.invited != ob.invited:
            report.invited = ob.invited
            changed.append(report)
    if changed:
        bulk_update_with_history(changed, AgencyReport, ["invited"], default_user=user)
    if new_reports:
        bulk_create_with_history(new_reports, AgencyReport, default_user=user)
        existing = {r.agency_id: r for r in AgencyReport.objects.filter(plan=plan, year=year)}
        ReportEvent.objects.bulk_create(
            [ReportEvent(report=existing[r.agency_id], action=ReportEvent.Action.OPENED, actor=user) for r in new_reports]
        )
    have = set(TaskReport.objects.filter(report__plan=plan, report__year=year).values_list("report_id", "task_id"))
    lines = [
        TaskReport(report=existing[agency.pk], task=task, role=role)
        for agency, ob in obliged.items()
        for task, role in ob.roles.items()
        if (existing[agency.pk].pk, task.pk) not in have
    ]
    if lines:
        bulk_create_with_history(lines, TaskReport, default_user=user, batch_size=1000)
    # A carried-over line no longer owed (its lead has since reported the task completed for an earlier year, or
    # the year was opened before that report came in) goes while nobody has written on it: empty, in a draft.
    owed = {(existing[agency.pk].pk, task.pk) for agency, ob in obliged.items() for task in ob.roles}
    untouched = TaskReport.objects.filter(
        completion.carried_over_q(year, "task__"),
        report__plan=plan, report__year=year, report__status=AgencyReport.Status.DRAFT, role=Assignment.Role.LEAD,
        status="", achievements="",
        no_report_reason="", quantity_achieved__isnull=True, evidence__isnull=True,
    ).values_list("pk", "report_id", "task_id")
    stale = [pk for pk, report_id, task_id in untouched if (report_id, task_id) not in owed]
    for line in TaskReport.objects.filter(pk__in=stale):
        line._history_user = user
        line.delete()
    # bulk_create/bulk_update send no post_save: the cached figures of the plan go here (reports/cache.py).
    cache.bump_plan(plan.pk)
    return reporting_year


def _check_version(report, expected_version):
    """Refuse a change made on an older version of ``report`` (locked, as stored). The check is never skipped:
    ``expected_version`` must be the version the person's form was opened at (views refuse a request without a
    whole number there with 400 before calling a service)."""
    if isinstance(expected_version, bool) or not isinstance(expected_version, int):
        raise TypeError(f"expected_version must be the version the change was made on, not {expected_version!r}")
    if expected_version != report.version:
        raise StaleReport(
            _("Báo cáo đã được %(who)s lưu lúc %(when)s, sau khi bạn mở trang. Thay đổi của bạn chưa được lưu: "
              "hãy sao lại nội dung bạn vừa gõ, tải lại trang và nhập lại.")
            % {
                "who": report.updated_by or _("người khác"),
                "when": timezone.localtime(report.updated_at).strftime("%H:%M %d/%m/%Y"),
            }
        )


def _lock(report):
    # of=("self",): PostgreSQL cannot lock the nullable side of the outer join to updated_by.
    locked = statements.LOCKED.first(report.pk)
    if locked is None:
        raise AgencyReport.DoesNotExist("AgencyReport matching query does not exist.")
    return locked


class EvidenceLimit(ValidationError):
    """The evidence files of a save go over a cap (the save's, or the report's in all); nothing was saved."""


def _check_evidence_limits(report, uploads):
    """Refuse uploads that would take one save over EVIDENCE_MAX_BYTES_PER_SAVE, or the report (locked) over
    EVIDENCE_MAX_BYTES_PER_REPORT with the files it holds."""
    adding = sum(upload.size for _line, upload, _type in uploads)
    if adding > settings.EVIDENCE_MAX_BYTES_PER_SAVE:
        raise EvidenceLimit(per_save_message())
    held = Evidence.objects.filter(task_report__report=report).aggregate(total=Sum("size"))["total"] or 0
    quota = settings.EVIDENCE_MAX_BYTES_PER_REPORT
    if held + adding > quota:
        raise EvidenceLimit(
            _("Báo cáo đã có %(held)s tệp minh chứng; thêm %(adding)s nữa sẽ quá hạn mức %(quota)s của một báo cáo. "
              "Hãy xóa bớt tệp cũ hoặc gửi tệp nhỏ hơn (chưa lưu gì).")
            % {"held": filesizeformat(held), "adding": filesizeformat(adding), "quota": filesizeformat(quota)}
        )


def _in_callers_transaction(locked):
    """A change on a report the caller read under its lock (``locked``) is made in the caller's transaction, never
    outside one (the lock would be gone already): checked before the change opens its own block."""
    if locked and not transaction.get_connection(router.db_for_write(AgencyReport)).in_atomic_block:
        raise TransactionManagementError("locked=True: the report must have been read under its lock in the "
                                         "caller's transaction (transaction.atomic)")


def _caller_locked(report, locked):
    """``report`` itself when the caller read it under its lock in this transaction (``locked``), else the row read
    again, locked (``_lock``)."""
    return report if locked else _lock(report)


def save_report(report, user, *, expected_version, general=None, lines=None, indicators=None, uploads=(),
                locked=False, current_lines=None):
    """Save a draft. ``general``: field -> value; ``lines``: TaskReport id -> {field: value};
    ``indicators``: Indicator id -> Decimal or None; ``uploads``: [(line, uploaded file, content type)]. Refused
    when stale (StaleReport), not editable (PermissionDenied) or over the evidence caps (EvidenceLimit).

    ``locked``: the caller read ``report`` with its row locked in its own transaction, which this save then joins
    (``access.get_writable_report_for_user(…, lock=True)`` inside ``transaction.atomic``: the report's page does):
    the row is not read again, and what is refused leaves the caller's transaction to roll back. Else this save
    reads the row again under its lock, in a transaction of its own. ``current_lines``: the report's lines as read
    after that lock (all of them, or at least the ones in ``lines``), so that what changed is judged against the rows
    as they are; left out, the posted lines are read again here.

    Evidence files are written inside the transaction (their rows name them). When anything fails before the end,
    the transaction rolls back and the files written so far are deleted with it: no file stays without its row.
    (A process killed between the write and the commit, or a caller's outer transaction rolled back later, leave
    files behind: ``manage.py clean_orphan_files`` finds and removes those.)"""
    _in_callers_transaction(locked)
    written = []
    try:
        # Within the caller's transaction (locked): no savepoint of its own (two statements a save).
        with transaction.atomic(savepoint=not locked):
            return _save_report(report, user, expected_version, general, lines, indicators, uploads, written,
                                locked, current_lines)
    except BaseException:
        for storage, name in written:  # their rows are rolled back: this exception leaves the atomic block
            try:
                storage.delete(name)
            except OSError:  # left for clean_orphan_files
                pass
        raise


_NFC_LINE_FIELDS = {"achievements", "no_report_reason"}  # what TaskReport.save() normalises


def _save_report(report, user, expected_version, general, lines, indicators, uploads, written, locked,
                 current_lines):
    report = _caller_locked(report, locked)
    _check_version(report, expected_version)
    if not report.is_editable_by_agency:
        raise PermissionDenied(_("Báo cáo đã gửi hoặc đã được tiếp nhận: không sửa được."))
    if uploads:
        _check_evidence_limits(report, uploads)
    # The cached year's figures are bumped by the first save only (not started → drafting): reports/cache.py.
    with cache.agency_writes(report):
        _write_draft(report, user, general, lines, indicators, uploads, written, current_lines)
    return report


def _posted_lines(report, lines, current_lines):
    """The report's lines that ``lines`` (the save's {line id: values}) names, in their default order (the report's,
    then its tasks' order, as ``SOME_LINES`` reads them), each knowing ``report``: from ``current_lines`` (read under
    the report's lock by the caller), else read now."""
    if current_lines is None:
        return statements.of_report(statements.SOME_LINES.rows(report.pk, sorted(lines)), report)
    return statements.of_report([line for line in current_lines if line.pk in lines and line.report_id == report.pk],
                                report)


def _write_draft(report, user, general, lines, indicators, uploads, written, current_lines=None):
    for name, value in (general or {}).items():
        setattr(report, name, value)
    report.version += 1
    report.updated_by = report._history_user = user
    report._change_reason = "save"
    report.save()
    # The changed lines and values are written in one UPDATE each (plan_tracker.bulk.update_by_pk: Django's
    # bulk_update cost ~0.2 ms of CPU per row and field) and their history rows in one INSERT … SELECT each
    # (plan_tracker.history.record_rows: the rows simple-history's bulk helpers write): a save costs the same few statements for
    # a report of 3 lines or 60. No post_save for them (and none needed: a draft's lines
    # are shown on no cached page; cache.agency_writes bumps the plan when the report's state changes).
    if lines:
        changed_lines, fields = [], set()
        for line in _posted_lines(report, lines, current_lines):
            values = {name: (nfc(value) or "") if name in _NFC_LINE_FIELDS else value
                      for name, value in lines[line.pk].items()}
            changed = {name for name, value in values.items() if getattr(line, name) != value}
            if changed:
                for name in changed:
                    setattr(line, name, values[name])
                fields |= changed
                changed_lines.append(line)
        if changed_lines:
            update_by_pk(TaskReport, changed_lines, sorted(fields))
            history.record_rows(TaskReport, sorted(line.pk for line in changed_lines), user=user)
    if indicators:
        current = {v.indicator_id: v for v in statements.VALUES.rows(report.pk)}
        created, updated = [], []
        for indicator_id, value in indicators.items():
            iv = current.get(indicator_id)
            if iv is None:
                created.append(IndicatorValue(report=report, indicator_id=indicator_id, value=value))
            elif iv.value != value:
                iv.value = value
                updated.append(iv)
        if created:
            IndicatorValue.objects.bulk_create(created)
            if any(v.pk is None for v in created):  # a backend that does not return the new ids (none here)
                created = IndicatorValue.objects.filter(
                    report_id=report.pk, indicator_id__in=[v.indicator_id for v in created])
            history.record_rows(IndicatorValue, sorted(v.pk for v in created), user=user, update=False)
        if updated:
            update_by_pk(IndicatorValue, updated, ["value"])
            history.record_rows(IndicatorValue, sorted(v.pk for v in updated), user=user)
    for line, upload, content_type in uploads:
        evidence = Evidence(task_report_id=line.pk, original_name=nfc(upload.name)[:255], content_type=content_type,
                            size=upload.size, uploaded_by=user)
        evidence.task_report = line
        evidence._history_user = user
        evidence.file.save(upload.name, upload, save=False)
        written.append((evidence.file.storage, evidence.file.name))
        evidence.save()
    ReportEvent.objects.create(report=report, action=ReportEvent.Action.SAVED, actor=user)


@transaction.atomic
def delete_evidence(evidence, user):
    report = _lock(evidence.task_report.report)
    if not report.is_editable_by_agency:
        raise PermissionDenied(_("Báo cáo đã gửi hoặc đã được tiếp nhận: không sửa được."))
    evidence._history_user = user
    stored = evidence.file.name
    with cache.agency_writes(report):  # a draft's evidence is shown on no cached page of the year
        # A change of the report, as a save is: its page's cached body (keyed on the row, reports.cache.report_body)
        # shows the file gone, and another tab's older form is refused, not applied over it.
        report.version += 1
        report.updated_by = report._history_user = user
        report._change_reason = "delete evidence"
        report.save()
        evidence.delete()
    # The file goes once the row is gone for good: a rollback must not leave a row without its file.
    transaction.on_commit(lambda: evidence.file.storage.delete(stored))


# Line statuses that need a text of what was achieved.
_NEEDS_TEXT = {TaskReport.Status.IN_PROGRESS, TaskReport.Status.COMPLETED, TaskReport.Status.DONE_FOR_YEAR}


def last_year_texts(report, task_ids=None):
    """{task id: the text of what the same agency achieved on that task in its report of the year before} (a
    submitted or accepted report; non-empty texts only): what "Chép từ năm trước" copies, and what a line may not
    be submitted unchanged from. One query."""
    if task_ids is None:
        return dict(statements.LAST_YEAR_TEXTS.rows(report.agency_id, report.plan_id, report.year - 1))
    lines = TaskReport.objects.filter(
        report__agency_id=report.agency_id, report__plan_id=report.plan_id, report__year=report.year - 1,
        report__status__in=rules.CONTENT_STATUSES).exclude(achievements="")
    return dict(lines.filter(task_id__in=task_ids).values_list("task_id", "achievements"))


def _same_text(a, b):
    return " ".join((a or "").split()) == " ".join((b or "").split())


@transaction.atomic
def copy_last_year(report, line_pk, user):
    """Copy last year's text of one line into it, as a starting point (an empty line only: nothing typed is
    overwritten). The line then cannot be submitted until its text differs (missing_parts). Returns the line, or
    None when there was nothing to copy."""
    line = TaskReport.objects.select_related("task").filter(report=report, pk=line_pk).first()
    if line is None or line.achievements.strip() or not report.is_editable_by_agency:
        return None
    text = last_year_texts(report, [line.task_id]).get(line.task_id)
    if not text:
        return None
    report = _lock(report)
    with cache.agency_writes(report):  # bumps the cached figures only when it is the first save
        report.version += 1  # a copy is a save: another tab's older form is then refused, not applied over it
        report.updated_by = report._history_user = user
        report.save()
        line.achievements = text
        line.copied_from_last_year = True
        line._history_user = user
        line.save()
    return line


def line_problems(line, last_year):
    """What one line (with its task) still lacks before submission; ``last_year``: ``last_year_texts``. A line
    whose text was copied from last year (``copied_from_last_year``) must differ from it (spaces aside): a copy is a
    starting point, never sent as it is. A text typed the same by hand is not refused (many lines rightly repeat)."""
    problems = []
    n = line.task.number
    if not line.status:
        problems.append(_("Nhiệm vụ %(n)s: chưa chọn tình trạng thực hiện.") % {"n": n})
    elif line.status == TaskReport.Status.NOTHING_TO_REPORT and not line.no_report_reason.strip():
        problems.append(_("Nhiệm vụ %(n)s: cần ghi lý do không có nội dung báo cáo.") % {"n": n})
    elif line.status in _NEEDS_TEXT and not line.achievements.strip():
        problems.append(_("Nhiệm vụ %(n)s: chưa ghi kết quả đạt được.") % {"n": n})
    if line.copied_from_last_year and _same_text(line.achievements, last_year.get(line.task_id)):
        problems.append(_("Nhiệm vụ %(n)s: kết quả còn y nguyên báo cáo năm trước: hãy sửa cho đúng năm nay.")
                        % {"n": n})
    if (line.task.target_quantity and line.status not in ("", TaskReport.Status.NOTHING_TO_REPORT)
            and line.role == "lead" and line.quantity_achieved is None):
        problems.append(_("Nhiệm vụ %(n)s: chưa ghi số lượng đạt được so với chỉ tiêu.") % {"n": n})
    return problems


def missing_parts(report):
    """What must be filled before the report can be submitted, as messages a clerk understands."""
    return [message for _anchor, message in missing_parts_with_places(report)]


def missing_parts_with_places(report):
    """``missing_parts`` as [(the form field's id or the line's anchor, message)], for links to the form."""
    problems = []
    lines = statements.of_report(statements.LINES.rows(report.pk), report)
    last_year = last_year_texts(report)
    for line in lines:
        problems.extend((f"line-{line.pk}", p) for p in line_problems(line, last_year))
    for indicator in statements.INDICATORS_WITH_VALUES.rows(report.plan_id, report.pk):
        if indicator.report_value is None:
            problems.append((f"id_indicator-{indicator.pk}", _("Chỉ tiêu “%(name)s”: chưa nhập số liệu (ghi 0 nếu "
                                                                "không có).") % {"name": indicator.name}))
    if not report.overall_assessment.strip():
        problems.append(("id_overall_assessment", _("Chưa ghi đánh giá chung.")))
    return problems


def submit_report(report, user, *, expected_version=None, now=None, locked=False):
    """Submit ``report``. ``expected_version``: the version the person confirmed on (the confirm page's); left
    out, the version of the ``report`` object the caller holds (scripts, tests: they decide on what they read).
    Either way a report saved by someone else meanwhile is refused (StaleReport). ``locked``: as ``save_report``'s
    (the caller read ``report`` under its lock in its own transaction, which this joins: not read again)."""
    _in_callers_transaction(locked)
    with transaction.atomic(savepoint=not locked):  # within the caller's transaction (locked): no savepoint
        return _submit_report(report, user, expected_version, now, locked)


def _submit_report(report, user, expected_version, now, locked):
    expected_version = report.version if expected_version is None else expected_version
    report = _caller_locked(report, locked)
    _check_version(report, expected_version)
    if not report.is_editable_by_agency:
        raise ValidationError(_("Chỉ gửi được báo cáo đang soạn hoặc bị trả lại."))
    problems = missing_parts(report)
    if problems:
        raise ValidationError(problems)
    now = now or timezone.now()
    report.status = AgencyReport.Status.SUBMITTED
    report.submitted_at = now
    if report.first_submitted_at is None:  # resubmission keeps the first time: it decides on time / late
        report.first_submitted_at = now
    report.version += 1
    report.updated_by = report._history_user = user
    report._change_reason = "submit"
    report.save()
    _notify_after_commit(ReportEvent.objects.create(report=report, action=ReportEvent.Action.SUBMITTED, actor=user, at=now))
    return report


def _notify_after_commit(event):
    """Announce ``event`` (reports.signals.report_event) inside this transaction. The notifications app listens:
    it emails the people concerned once the change is committed (a rollback sends nothing; a mail failure never
    undoes or breaks the user's action), or with NOTIFICATIONS_QUEUED records the mails and enqueues their task in this
    transaction, for ``manage.py db_worker``."""
    report_event.send(sender=AgencyReport, event=event)


def _last_submitter_id(report):
    return (report.events.filter(action=ReportEvent.Action.SUBMITTED).order_by("-at", "-pk")
            .values_list("actor_id", flat=True).first())


@transaction.atomic
def review_report(report, user, *, accept, comment="", line_comments=None):
    """The coordinator accepts a submitted report, or returns it with a comment: a general one, or comments on
    single lines (``line_comments``: TaskReport id -> text; lines of another report are ignored), or both."""
    report = _lock(report)
    if report.status != AgencyReport.Status.SUBMITTED:
        raise ValidationError(_("Chỉ xem xét được báo cáo đã gửi."))
    if _last_submitter_id(report) == user.pk:
        raise ValidationError(_("Bạn không thể tự xem xét báo cáo do chính mình gửi."))
    comment = (comment or "").strip()
    line_comments = {} if accept else {pk: text.strip() for pk, text in (line_comments or {}).items() if text.strip()}
    if line_comments:
        own = set(report.lines.filter(pk__in=list(line_comments)).values_list("pk", flat=True))
        line_comments = {pk: text for pk, text in line_comments.items() if pk in own}
    if not accept and not comment and not line_comments:
        raise ValidationError(_("Khi trả lại báo cáo, cần ghi ý kiến để đơn vị biết phải sửa gì."))
    report.status = AgencyReport.Status.ACCEPTED if accept else AgencyReport.Status.RETURNED
    report.reviewed_at = timezone.now()
    report.reviewed_by = user
    report.review_comment = comment
    report.version += 1
    report.updated_by = report._history_user = user
    report._change_reason = "accept" if accept else "return"
    report.save()
    event = ReportEvent.objects.create(
        report=report, action=ReportEvent.Action.ACCEPTED if accept else ReportEvent.Action.RETURNED,
        actor=user, comment=comment,
    )
    LineComment.objects.bulk_create(LineComment(event=event, line_id=pk, text=nfc(text))
                                    for pk, text in line_comments.items())
    _notify_after_commit(event)
    return report


@transaction.atomic
def reopen_report(report, user, *, comment=""):
    """Admins only: an accepted report goes back to the agency (as returned), and that is recorded."""
    if not roles.may_reopen(user):
        raise PermissionDenied(_("Chỉ quản trị viên được mở lại báo cáo đã tiếp nhận."))
    report = _lock(report)
    if report.status != AgencyReport.Status.ACCEPTED:
        raise ValidationError(_("Chỉ mở lại được báo cáo đã tiếp nhận."))
    report.status = AgencyReport.Status.RETURNED
    report.review_comment = (comment or "").strip()
    report.version += 1
    report.updated_by = report._history_user = user
    report._change_reason = "reopen"
    report.save()
    _notify_after_commit(
        ReportEvent.objects.create(report=report, action=ReportEvent.Action.REOPENED, actor=user, comment=report.review_comment)
    )
    return report
