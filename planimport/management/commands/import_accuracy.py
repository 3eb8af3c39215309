"""manage.py import_accuracy [--misses] [--dir DIR]: the plan import's accuracy on its development set, or on the
documents and answer keys of another folder (planimport.accuracy)."""

import time
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from planimport.accuracy import DEVSET, evaluate, table
from planimport.parser import parse_blocks


def long_plan_blocks(tasks=140):
    """A plan of ``tasks`` tasks in the seed's layout, for the reading time."""
    blocks = [("p", "Số: 1/KH-UBND"), ("p", "Bắc Giang, ngày 1 tháng 2 năm 2026"), ("p", "KẾ HOẠCH"),
              ("p", "Thử thời gian đọc"), ("p", "I. NHIỆM VỤ")]
    for i in range(1, tasks // 10 + 1):
        blocks.append(("p", f"{i}. Nhóm nhiệm vụ {i}"))
        for j in range(1, 11):
            blocks += [("p", f"{i}.{j}. Tổ chức thực hiện nhiệm vụ số {j} của nhóm {i} về truyền thông chính sách."),
                       ("p", "- Chủ trì: Sở Thông tin và Truyền thông;"),
                       ("p", "- Phối hợp: Các sở, ban, ngành; UBND các huyện, thành phố và cơ quan có liên quan;"),
                       ("p", "- Thời gian: Hoàn thành trước tháng 12/2026.")]
    return blocks


def time_long_plan(tasks=140):
    blocks = long_plan_blocks(tasks)
    started = time.perf_counter()
    plan = parse_blocks(blocks)
    return len(plan.tasks), time.perf_counter() - started


class Command(BaseCommand):
    help = "Độ chính xác của việc đọc kế hoạch trên bộ văn bản phát triển (planimport/tests/devset)."

    def add_arguments(self, parser):
        parser.add_argument("--misses", action="store_true", help="In từng chỗ đọc sai.")
        parser.add_argument("--dir", default=str(DEVSET),
                            help="Thư mục chứa văn bản và khóa đáp án cần đo (mặc định: bộ phát triển).")

    def handle(self, *args, **options):
        folder = Path(options["dir"])
        if not folder.is_dir() or not any(folder.glob("*.key.json")):
            raise CommandError(f"Không có khóa đáp án (*.key.json) trong thư mục {folder}.")
        scores = evaluate(folder)
        for line in table(scores):
            self.stdout.write(line)
        n, seconds = time_long_plan()
        self.stdout.write(f"\n{n}-task plan read in {seconds:.2f} s")
        if options["misses"]:
            for s in scores:
                for miss in s.misses:
                    self.stdout.write(f"{s.name}: {miss}")
