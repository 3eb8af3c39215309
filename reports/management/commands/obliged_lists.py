"""Print who must report on a plan in two years, side by side (issue #13's closing note: 2024 and 2026 of plan 151).

Each list is ``reports.services.obligations`` for the year (judged on the year's due date, successors taking the
work of bodies that have ceased), the obliged ones only (invited bodies listed after, marked), each body by the
name in force on that due date (``Agency.name_on``), in the Vietnamese order."""

from django.core.management.base import BaseCommand, CommandError

from django.db.models import prefetch_related_objects

from plan_tracker.collation import vi_sort_key
from reports.services import obligations
from tasks.models import Plan


class Command(BaseCommand):
    help = "Print the obliged (and invited) bodies of a plan in two years side by side."

    def add_arguments(self, parser):
        parser.add_argument("years", nargs="*", type=int, default=[2024, 2026])
        parser.add_argument("--plan", default="151/KH-UBND", help="the plan's number (default 151/KH-UBND)")
        parser.add_argument("--width", type=int, default=58, help="width of a column")

    def handle(self, *args, years, plan, width, **options):
        found = Plan.objects.filter(number=plan).first()
        if found is None:
            raise CommandError(f"No plan {plan}.")
        columns = []
        for year in years:
            due = found.report_due_date(year)
            rows = []
            obliged_then = obligations(found, year)
            prefetch_related_objects(list(obliged_then), "former_names")  # names on the due date: one query
            for agency, ob in obliged_then.items():
                name = agency.name_on(due)[0]
                leads = sum(1 for role in ob.roles.values() if role == "lead")
                rows.append((ob.invited, vi_sort_key(name), f"{'(mời) ' if ob.invited else ''}{name} [{leads}/{len(ob.roles)}]"))
            rows.sort()
            obliged = sum(1 for r in rows if not r[0])
            columns.append([f"{year} (hạn {due:%d/%m/%Y}): {obliged} phải báo cáo, {len(rows) - obliged} được mời",
                            "-" * width] + [r[2] for r in rows])
        height = max(len(c) for c in columns)
        for i in range(height):
            cells = [(c[i] if i < len(c) else "") for c in columns]
            self.stdout.write(" | ".join(_fit(cell, width) for cell in cells).rstrip())
        self.stdout.write("[chủ trì/tổng số nhiệm vụ của cơ quan trong năm]; (mời) = được mời, không tính là thiếu hay muộn")


def _fit(text, width):
    return text[: width - 1] + "…" if len(text) > width else text.ljust(width)
