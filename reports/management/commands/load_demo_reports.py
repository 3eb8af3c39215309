"""Load a clearly labelled demo set of yearly reports (2023–2025) for the seed plan, so the coordinator's
pages show real figures right after setup. Demo only: every text starts with "[Dữ liệu mẫu]".

The mix is deterministic (a fixed shuffle per year) and realistic: most agencies on time, some late, a
few still drafting or not started (missing after the due date), some returned by the coordinator — a
few still being revised, others sent again and accepted. Content is written through
``services.save_report``; submission and review are recorded at their past dates (1–14 days before the
due date, or up to 25 days after it for late ones) after the same completeness check
``services.submit_report`` makes, but without its mails: nobody should be emailed today about a demo
event of 2023.

Re-running changes nothing: only reports never touched since their year was opened (version 1, never
submitted) are filled, and the ones meant to stay "not started" stay so.
"""

import datetime
import random
import zoneinfo
from decimal import Decimal

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from agencies.models import Membership
from reports.completion import overdue_since
from reports.models import AgencyReport, ReportEvent, ReportingYear, TaskReport
from reports.services import missing_parts, open_reporting_year, save_report
from tasks.models import Plan, Task

DEMO = "[Dữ liệu mẫu]"
PLAN_CODE = "151-kh-ubnd-2023-bac-giang"
YEARS = (2023, 2024, 2025)
TZ = zoneinfo.ZoneInfo(settings.TIME_ZONE)

# Fates: on time; late; on time then returned and still being revised; returned then sent again;
# saved but never sent; never opened.
ON_TIME, LATE, RETURNED_OPEN, RETURNED_RESENT, DRAFTING, NOT_STARTED = (
    "on_time", "late", "returned_open", "returned_resent", "drafting", "not_started")
# Shares of the obliged agencies per year, the rest on time. 2025 is the reorganisation year: more late
# and missing reports.
MIX = {
    2023: {LATE: 0.14, RETURNED_OPEN: 0.03, RETURNED_RESENT: 0.06, DRAFTING: 0.03, NOT_STARTED: 0.03},
    2024: {LATE: 0.12, RETURNED_OPEN: 0.06, RETURNED_RESENT: 0.06, DRAFTING: 0.06, NOT_STARTED: 0.03},
    2025: {LATE: 0.20, RETURNED_OPEN: 0.06, RETURNED_RESENT: 0.03, DRAFTING: 0.06, NOT_STARTED: 0.06},
}
# Share of the submitted (and not returned) reports the coordinator has accepted by now.
ACCEPTED_SHARE = {2023: 0.9, 2024: 0.75, 2025: 0.4}
# A fixed fate for the demo officers' agencies, so their walk-through shows a returned report.
PINNED = {("so-tu-phap", 2024): RETURNED_OPEN, ("ubnd-huyen-viet-yen", 2024): ON_TIME}
# Successors that took over a missed deadline task (6.2, after the 2025 reorganisation) and have not finished it in
# 2025 either: it is carried onto their 2026 report, which the demo leaves to its officers.
STILL_OWING = {"so-nong-nghiep-moi-truong", "ubnd-phuong-viet-yen-mau", "ubnd-xa-son-dong-mau"}

ACHIEVEMENTS = [
    "Đã ban hành văn bản chỉ đạo, hướng dẫn triển khai; tổ chức {n} hội nghị, buổi làm việc về nội dung nhiệm vụ.",
    "Đã đăng {n} tin, bài trên cổng/trang thông tin điện tử của đơn vị; cập nhật chuyên mục truyền thông chính sách.",
    "Phối hợp với Sở Thông tin và Truyền thông cung cấp thông tin cho báo chí {n} lần; trả lời kịp thời phản ánh của "
    "người dân.",
    "Lồng ghép nội dung nhiệm vụ vào hội nghị giao ban định kỳ; cử {n} cán bộ tham gia các lớp bồi dưỡng.",
    "Rà soát quy chế phát ngôn và cung cấp thông tin cho báo chí; công khai {n} dự thảo văn bản để lấy ý kiến.",
    "Tổ chức {n} đợt tuyên truyền trên hệ thống truyền thanh cơ sở và mạng xã hội của đơn vị.",
]
IN_PROGRESS = "Đang triển khai; đã hoàn thành khoảng {n}0% khối lượng công việc, dự kiến xong trong quý I năm sau."
NOTHING = "Trong năm đơn vị không phát sinh hoạt động thuộc nhiệm vụ này."
NOT_STARTED_TEXT = "Chưa triển khai do chưa bố trí được kinh phí."
ASSESSMENT = ("Năm {year}, {agency} đã triển khai cơ bản đầy đủ các nhiệm vụ được giao tại Kế hoạch số 151/KH-UBND; "
              "công tác truyền thông chính sách được quan tâm, bám sát các chủ trương, chính sách của tỉnh.")
DIFFICULTIES = [
    "Đội ngũ cán bộ làm công tác truyền thông chính sách chủ yếu kiêm nhiệm, chưa được đào tạo chuyên sâu.",
    "Kinh phí dành cho truyền thông chính sách còn hạn chế, chưa có định mức chi cụ thể.",
    "Việc phối hợp cung cấp thông tin giữa các cơ quan có lúc chưa kịp thời.",
    "Hạ tầng, trang thiết bị phục vụ truyền thông ở cơ sở còn thiếu, xuống cấp.",
]
DIFFICULTY_2025 = "Việc sắp xếp tổ chức bộ máy, sáp nhập đơn vị hành chính ảnh hưởng đến tiến độ triển khai."
PROPOSALS = [
    "Đề nghị UBND tỉnh bố trí kinh phí riêng cho công tác truyền thông chính sách hằng năm.",
    "Đề nghị Sở Thông tin và Truyền thông tổ chức tập huấn kỹ năng truyền thông chính sách cho cán bộ cơ sở.",
    "Đề nghị Bộ Thông tin và Truyền thông ban hành hướng dẫn định mức chi cho hoạt động truyền thông chính sách.",
]
RETURN_COMMENT = "{demo} Đề nghị bổ sung số liệu chỉ tiêu và kết quả cụ thể của các nhiệm vụ chủ trì."
# Indicator ranges (low, high) by agency kind; other kinds use "other".
INDICATOR_RANGES = {
    "tin-bai": {"press": (300, 1200), "department": (20, 150), "district": (50, 300), "other": (5, 60)},
    "hop-bao": {"press": (0, 2), "department": (0, 4), "district": (0, 3), "other": (0, 1)},
    "lop-tap-huan": {"press": (0, 2), "department": (0, 3), "district": (1, 4), "other": (0, 1)},
    "du-thao-lay-y-kien": {"press": (0, 0), "department": (1, 8), "district": (0, 3), "other": (0, 1)},
    "chuyen-muc": {"press": (2, 8), "department": (0, 3), "district": (0, 2), "other": (0, 1)},
}


def _kind(agency):
    return agency.kind if agency.kind in ("press", "department", "district") else "other"


def _at(day, rng):
    """A local office-hours time on ``day``."""
    return datetime.datetime.combine(day, datetime.time(rng.randint(8, 16), rng.choice((0, 15, 30, 45))), tzinfo=TZ)


class Command(BaseCommand):
    help = ("Load the demo reports of 2023–2025 for plan 151/KH-UBND (texts marked “[Dữ liệu mẫu]”). "
            "Demo only; re-running changes nothing.")

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="Show what would be loaded, then roll back.")
        parser.add_argument("--allow-production", action="store_true",
                            help="Run even with DEBUG off (never on a real server: the data are invented).")

    def handle(self, *args, dry_run=False, allow_production=False, **options):
        if not settings.DEBUG and not allow_production:
            raise CommandError("DEBUG is off: invented demo reports are refused. "
                               "Pass --allow-production only on a demo server.")
        plan = Plan.objects.filter(code=PLAN_CODE).first()
        if plan is None:
            raise CommandError(f"Load the seed plan first (manage.py loaddata fixtures/…): no plan {PLAN_CODE}.")
        if not plan.indicators.exists():
            raise CommandError("Load the plan's indicators first (fixtures/indicators_151_kh_ubnd_2023.json).")
        User = get_user_model()
        coordinator = (User.objects.filter(memberships__role=Membership.Role.COORDINATOR,
                                           memberships__agency=plan.report_recipient).order_by("pk").first()
                       or User.objects.filter(is_staff=True).order_by("pk").first())
        officers = {}
        for m in Membership.objects.filter(role=Membership.Role.OFFICER).select_related("user").order_by("pk"):
            officers.setdefault(m.agency_id, m.user)
        with transaction.atomic():
            for year in YEARS:
                if year not in plan.years:
                    continue
                counts = self._load_year(plan, year, coordinator, officers)
                if any(v for k, v in counts.items() if k != NOT_STARTED):
                    self.stdout.write(f"{year}: " + ", ".join(f"{k} {v}" for k, v in counts.items() if v))
                else:
                    self.stdout.write(f"{year}: nothing to add (already loaded)")
            # Later years opened before these reports (load_demo opens the current one) drop the carried-over lines
            # of leads that have now reported the task completed (task 6.2: issue #13 carry-over).
            for year in ReportingYear.objects.filter(plan=plan, year__gt=max(YEARS)).values_list("year", flat=True):
                open_reporting_year(plan, year, coordinator)
            if dry_run:
                transaction.set_rollback(True)
                self.stdout.write("Dry run: nothing was saved.")
        if not dry_run:
            self.stdout.write(f"Demo reports loaded for plan {plan.number} (texts marked “{DEMO}”).")

    # ------------------------------------------------------------------------------------------------
    def _fates(self, year, reports):
        """{report pk: fate}, the same on every run for the same obliged agencies."""
        ordered = sorted(reports, key=lambda r: r.agency.code)
        random.Random(f"demo-{year}").shuffle(ordered)
        fates, i = {}, 0
        for fate, share in MIX[year].items():
            n = max(1, round(share * len(ordered)))
            for report in ordered[i:i + n]:
                fates[report.pk] = fate
            i += n
        for report in ordered[i:]:
            fates[report.pk] = ON_TIME
        for report in ordered:
            fates[report.pk] = PINNED.get((report.agency.code, year), fates[report.pk])
        return fates

    def _load_year(self, plan, year, coordinator, officers):
        open_reporting_year(plan, year, coordinator)
        reports = list(AgencyReport.objects.for_year(plan, year).select_related("agency", "plan"))
        fates = self._fates(year, reports)
        due = plan.report_due_date(year)
        counts = dict.fromkeys([ON_TIME, LATE, RETURNED_OPEN, RETURNED_RESENT, DRAFTING, NOT_STARTED, "accepted"], 0)
        retimed = []
        # One agency sends on the due date's last evening: on time, as the local calendar counts.
        last_evening = min((r.agency.code for r in reports if fates[r.pk] == ON_TIME), default=None)
        for report in sorted(reports, key=lambda r: r.agency.code):
            fate = fates[report.pk]
            if report.version != 1 or report.first_submitted_at is not None:
                continue  # touched already, by a person or an earlier run
            if fate == NOT_STARTED:
                counts[NOT_STARTED] += 1  # left as opened: never saved
                continue
            if coordinator is None and fate in (RETURNED_OPEN, RETURNED_RESENT):
                fate = ON_TIME  # nobody to review: keep it simple
            rng = random.Random(f"demo-{year}-{report.agency.code}")
            officer = officers.get(report.agency_id)
            if fate == LATE:
                sent = _at(due + datetime.timedelta(days=rng.randint(1, 25)), rng)
            elif report.agency.code == last_evening:
                sent = datetime.datetime.combine(due, datetime.time(23, 40), tzinfo=TZ)
            else:
                sent = _at(due - datetime.timedelta(days=rng.randint(0, 14)), rng)
            saves = [sent - datetime.timedelta(days=rng.randint(1, 6), hours=rng.randint(0, 5))]
            report = self._fill(report, officer, rng, year, draft=fate == DRAFTING)
            last = saves[0]
            if fate != DRAFTING:
                report = self._submit(report, officer, sent)
                last = sent
                if fate in (RETURNED_OPEN, RETURNED_RESENT):
                    last = sent + datetime.timedelta(days=rng.randint(2, 6), hours=2)
                    report = self._review(report, coordinator, last, accept=False,
                                          comment=RETURN_COMMENT.format(demo=DEMO))
                if fate == RETURNED_RESENT:
                    last = last + datetime.timedelta(days=rng.randint(1, 5))
                    report = save_report(report, officer, expected_version=report.version, general={
                        "proposals": f"{DEMO} {rng.choice(PROPOSALS)} (Bổ sung theo ý kiến của cơ quan tổng hợp.)"})
                    saves.append(last)
                    report = self._submit(report, officer, last)
                if fate != RETURNED_OPEN and coordinator is not None and rng.random() < ACCEPTED_SHARE[year]:
                    last = last + datetime.timedelta(days=rng.randint(2, 10), hours=3)
                    report = self._review(report, coordinator, last, accept=True)
                    counts["accepted"] += 1
            counts[fate] += 1
            retimed.append((report, saves, last))
        self._retime(retimed)
        return counts

    def _fill(self, report, user, rng, year, *, draft):
        """Write the report's lines, indicators and texts as the agency would (all of it, unless a draft)."""
        lines = {}
        line_list = list(report.lines.select_related("task").order_by("task__order", "task__number"))
        for i, line in enumerate(line_list):
            if draft and i % 3:
                continue  # a draft is a third written
            status, text = self._line(line, rng, year)
            if line.role == "lead" and overdue_since(line.task, year) and report.agency.code in STILL_OWING:
                status, text = TaskReport.Status.IN_PROGRESS, IN_PROGRESS.format(n=rng.randint(5, 9))
            values = {"status": status, "achievements": "", "no_report_reason": "", "quantity_achieved": None}
            if status == TaskReport.Status.NOTHING_TO_REPORT:
                values["no_report_reason"] = f"{DEMO} {NOTHING}"
            else:
                values["achievements"] = f"{DEMO} {'(bản nháp) ' if draft else ''}{text}"
            if line.task.target_quantity and status != TaskReport.Status.NOTHING_TO_REPORT:
                values["quantity_achieved"] = (line.task.target_quantity + rng.randint(0, 1)
                                               if line.role == "lead" else rng.randint(0, 2))
            lines[line.pk] = values
        indicators = {}
        for indicator in report.plan.indicators.all():
            if draft and rng.random() < 0.5:
                continue
            indicators[indicator.pk] = self._indicator(indicator, report.agency, rng)
        general = {"overall_assessment": f"{DEMO} " + ASSESSMENT.format(year=year, agency=report.agency.name)}
        if draft:
            general["overall_assessment"] = f"{DEMO} (bản nháp, chưa gửi) Đang tổng hợp kết quả năm {year}."
        if rng.random() < 0.6:
            items = rng.sample(DIFFICULTIES, rng.randint(1, 2)) + ([DIFFICULTY_2025] if year == 2025 else [])
            general["difficulties"] = "\n".join(f"{DEMO} {d}" for d in items)
        if rng.random() < 0.5:
            general["proposals"] = f"{DEMO} {rng.choice(PROPOSALS)}"
        return save_report(report, user, expected_version=report.version, general=general, lines=lines,
                           indicators=indicators)

    def _line(self, line, rng, year):
        task = line.task
        n = rng.randint(1, 9)
        if task.timeframe_kind == Task.Timeframe.DEADLINE:
            if line.role == "lead":
                if year < task.due_date.year:
                    return TaskReport.Status.IN_PROGRESS, IN_PROGRESS.format(n=rng.randint(3, 8))
                # Most leads finish on time; a few do not, so the overdue list has something to show.
                if rng.random() < 0.85:
                    return TaskReport.Status.COMPLETED, rng.choice(ACHIEVEMENTS).format(n=n)
                return TaskReport.Status.IN_PROGRESS, IN_PROGRESS.format(n=rng.randint(5, 9))
        if task.timeframe_kind == Task.Timeframe.PERIOD and line.role == "lead" and year == task.end_date.year:
            return TaskReport.Status.COMPLETED, rng.choice(ACHIEVEMENTS).format(n=n)
        roll = rng.random()
        if line.role == "lead":
            if roll < 0.85:
                return TaskReport.Status.DONE_FOR_YEAR, rng.choice(ACHIEVEMENTS).format(n=n)
            if roll < 0.97:
                return TaskReport.Status.IN_PROGRESS, IN_PROGRESS.format(n=rng.randint(3, 8))
            return TaskReport.Status.NOT_STARTED, NOT_STARTED_TEXT
        if roll < 0.68:
            return TaskReport.Status.DONE_FOR_YEAR, rng.choice(ACHIEVEMENTS).format(n=n)
        if roll < 0.78:
            return TaskReport.Status.IN_PROGRESS, IN_PROGRESS.format(n=rng.randint(3, 8))
        if roll < 0.95:
            return TaskReport.Status.NOTHING_TO_REPORT, ""
        return TaskReport.Status.NOT_STARTED, NOT_STARTED_TEXT

    def _indicator(self, indicator, agency, rng):
        if indicator.code == "hoc-vien":
            return Decimal(rng.randint(0, 4) * rng.randint(25, 60))
        if indicator.code == "kinh-phi":
            return Decimal(rng.randint(0, 60) * 5_000_000 if _kind(agency) != "other" else rng.randint(0, 4) * 1_000_000)
        low, high = INDICATOR_RANGES.get(indicator.code, {}).get(_kind(agency), (0, 5))
        return Decimal(rng.randint(low, high))

    def _submit(self, report, user, at):
        """services.submit_report at a past time, without its mail: nobody is told today about a demo
        report of years ago. The same completeness check guards it."""
        problems = missing_parts(report)
        if problems:
            raise CommandError(f"Demo report {report} is incomplete: {problems[0]}")
        report.status = AgencyReport.Status.SUBMITTED
        report.submitted_at = at
        report.first_submitted_at = report.first_submitted_at or at
        return self._record(report, user, at, ReportEvent.Action.SUBMITTED, "submit")

    def _review(self, report, user, at, *, accept, comment=""):
        """services.review_report at a past time, without its mail."""
        report.status = AgencyReport.Status.ACCEPTED if accept else AgencyReport.Status.RETURNED
        report.reviewed_at, report.reviewed_by, report.review_comment = at, user, comment
        action = ReportEvent.Action.ACCEPTED if accept else ReportEvent.Action.RETURNED
        return self._record(report, user, at, action, "accept" if accept else "return", comment)

    def _record(self, report, user, at, action, reason, comment=""):
        report.version += 1
        report.updated_by = report._history_user = user
        report._change_reason = reason
        report.save()
        ReportEvent.objects.create(report=report, action=action, actor=user, at=at, comment=comment)
        return report

    def _retime(self, retimed):
        """Put the drafts' saves and the reports' last change back into the reporting season of their year
        (save_report stamps them now)."""
        saved = {}
        for event in (ReportEvent.objects.filter(report__in=[r for r, _s, _l in retimed],
                                                 action=ReportEvent.Action.SAVED).order_by("report_id", "pk")):
            saved.setdefault(event.report_id, []).append(event)
        events = []
        for report, saves, last in retimed:
            for event, at in zip(saved.get(report.pk, []), saves):
                event.at = at
                events.append(event)
            report.updated_at = last
        ReportEvent.objects.bulk_update(events, ["at"], batch_size=500)
        # bulk_update writes the values as set (auto_now does not apply): the times stay those of the season.
        AgencyReport.objects.bulk_update([r for r, _s, _l in retimed], ["updated_at"], batch_size=500)
