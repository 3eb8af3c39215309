"""manage.py import_plan FILE [--json]: read a plan's document (.docx, .txt, text-layer .pdf) and write the plan.

--json prints what was read (README "Importing a plan" gives the shape) and writes nothing. Without it, every name
is matched to the agencies (planimport.matching) and the plan written in one transaction; a name that matches several
agencies refuses the import (choose in the admin's preview), a name that matches none creates an agency."""

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext

from planimport.matching import known_names
from planimport.parser import parse_document
from planimport.readers import DocumentError
from planimport.services import ImportRefused, write_plan


class Command(BaseCommand):
    help = "Nhập một kế hoạch từ văn bản (.docx, .txt, .pdf có lớp chữ); --json: chỉ in những gì đọc được."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--json", action="store_true", help="In kết quả đọc dạng JSON, không ghi gì.")

    def handle(self, *args, **options):
        path = Path(options["file"])
        try:
            data = path.read_bytes()
        except OSError as e:
            raise CommandError(gettext("Không mở được tệp %(name)s: %(error)s") % {"name": path, "error": e.strerror})
        try:
            # without --json the plan is written: the database's agencies end and part its names too
            parsed = parse_document(path.name, data, None if options["json"] else known_names)
        except DocumentError as e:
            raise CommandError(str(e))
        if options["json"]:
            self.stdout.write(json.dumps(parsed.as_json(), ensure_ascii=False, indent=2))
            return
        try:
            plan = write_plan(parsed)
        except ImportRefused as e:
            raise CommandError(str(e))
        self.stdout.write(gettext("Đã nhập kế hoạch %(number)s: %(sections)d mục, %(tasks)d nhiệm vụ.") % {
            "number": plan.number, "sections": plan.sections.count(), "tasks": plan.tasks.count()})
