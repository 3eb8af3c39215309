"""Importing the seed's text into a database holding only the seed's agencies and groups (what ``make run`` loads
before the plan) gives the plan of the seed fixture: sections, tasks, timeframes, targets, who leads and coordinates."""

import json
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import CommandError

from tasks.models import Assignment, Plan, Responsibility, Section, Task
from testing.factories import SEED_FIXTURE

ROOT = Path(settings.BASE_DIR)
SEED_TEXT = ROOT / "planimport" / "tests" / "devset" / "seed-151-kh-ubnd-2023.txt"


def fixture_objects():
    return json.loads((ROOT / SEED_FIXTURE).read_text(encoding="utf-8"))


@pytest.fixture
def agencies_only(db, tmp_path):
    path = tmp_path / "agencies.json"
    path.write_text(json.dumps([o for o in fixture_objects() if o["model"].startswith("agencies.")], ensure_ascii=False),
                    encoding="utf-8")
    call_command("loaddata", str(path), verbosity=0)


def expected():
    objs = fixture_objects()
    plan = next(o["fields"] for o in objs if o["model"] == "tasks.plan")
    sections = sorted((f["code"], f["number"], f["title"], f["parent"][0] if f["parent"] else None, f["text"])
                      for o in objs if o["model"] == "tasks.section" for f in [o["fields"]])
    tasks = {}
    for o in objs:
        if o["model"] == "tasks.task":
            f = o["fields"]
            tasks[f["number"]] = {
                "section": f["section"][0], "title": f["title"], "content": f["content"],
                "timeframe": (f["timeframe_text"], f["timeframe_kind"], f["start_date"], f["end_date"], f["due_date"]),
                "target": (f["target_quantity"], f["target_unit"], f["target_per_year"], f["target_text"]),
                "lead": set(), "coordinator": set(),
            }
    for o in objs:
        if o["model"] == "tasks.assignment":
            f = o["fields"]
            tasks[f["task"][0]][f["role"]].add((f["agency"][0] if f["agency"] else None,
                                                f["group"][0] if f["group"] else None, f["related_text"], f["note"]))
    responsibilities = sorted((f["number"], f["heading"], tuple(sorted(a[0] for a in f["agencies"])),
                               tuple(sorted(g[0] for g in f["groups"])))
                              for o in objs if o["model"] == "tasks.responsibility" for f in [o["fields"]])
    return plan, sections, tasks, responsibilities


def imported(plan):
    sections = sorted((s.code, s.number, s.title, s.parent.code if s.parent else None, s.text)
                      for s in Section.objects.filter(plan=plan).select_related("parent"))
    tasks = {}
    for t in Task.objects.filter(plan=plan).select_related("section"):
        tasks[t.number] = {
            "section": t.section.code, "title": t.title, "content": t.content,
            "timeframe": (t.timeframe_text, t.timeframe_kind, t.start_date and t.start_date.isoformat(),
                          t.end_date and t.end_date.isoformat(), t.due_date and t.due_date.isoformat()),
            "target": (t.target_quantity, t.target_unit, t.target_per_year, t.target_text),
            "lead": set(), "coordinator": set(),
        }
    for a in Assignment.objects.filter(task__plan=plan).select_related("task", "agency", "group"):
        tasks[a.task.number][a.role].add((a.agency.code if a.agency else None, a.group.code if a.group else None,
                                          a.related_text, a.note))
    responsibilities = sorted((r.number, r.heading, tuple(sorted(a.code for a in r.agencies.all())),
                               tuple(sorted(g.code for g in r.groups.all())))
                              for r in Responsibility.objects.filter(plan=plan))
    return sections, tasks, responsibilities


def test_seed_text_imports_as_the_fixture(agencies_only, capsys):
    call_command("import_plan", str(SEED_TEXT))
    assert "24 nhiệm vụ" in capsys.readouterr().out
    plan = Plan.objects.get()
    want_plan, want_sections, want_tasks, want_resp = expected()
    sections, tasks, responsibilities = imported(plan)
    assert [s[:4] for s in sections] == [s[:4] for s in want_sections]
    assert sorted(tasks) == sorted(want_tasks)
    for number, want in want_tasks.items():
        assert tasks[number] == want, number
    assert responsibilities == want_resp
    for name in ("code", "number", "issuer_name", "place", "title", "signer_name", "signer_capacity", "legal_basis",
                 "purpose", "requirements", "funding", "report_due_day", "report_due_month", "reporting_text",
                 "closing_text", "report_onward_to"):
        assert getattr(plan, name) == want_plan[name], name
    assert plan.issue_date.isoformat() == want_plan["issue_date"]
    assert plan.issuer.code == want_plan["issuer"][0]
    assert plan.report_recipient.code == want_plan["report_recipient"][0]
    assert set(plan.obliged_kinds) == set(want_plan["obliged_kinds"])
    assert plan.start_year == want_plan["start_year"] and plan.end_year == want_plan["end_year"]


def test_a_second_import_of_the_same_plan_is_refused_and_writes_nothing(agencies_only):
    call_command("import_plan", str(SEED_TEXT))
    counts = (Plan.objects.count(), Task.objects.count(), Assignment.objects.count())
    with pytest.raises(CommandError, match="đã có"):
        call_command("import_plan", str(SEED_TEXT))
    assert (Plan.objects.count(), Task.objects.count(), Assignment.objects.count()) == counts


def test_json_writes_nothing_and_prints_the_shape(agencies_only, capsys):
    call_command("import_plan", str(SEED_TEXT), "--json")
    data = json.loads(capsys.readouterr().out)
    assert Plan.objects.count() == 0
    assert set(data) == {"plan", "reporting", "tasks"}
    assert data["plan"] == {
        "number": "151/KH-UBND", "date": "2023-09-14", "issuer": "UBND tỉnh Bắc Giang", "place": "Bắc Giang",
        "title": "Triển khai thực hiện Chỉ thị số 07/CT-TTg ngày 21/3/2023 của Thủ tướng Chính phủ về việc tăng cường "
                 "công tác truyền thông chính sách trên địa bàn tỉnh Bắc Giang"}
    assert data["reporting"]["period"] == "yearly" and data["reporting"]["due"] == "11-15"
    assert data["reporting"]["to"] == ["Sở Thông tin và Truyền thông"]
    task = next(t for t in data["tasks"] if t["number"] == "6.1")
    assert task == {
        "number": "6.1", "section": "II.6", "lead": ["Sở Nội vụ"],
        "title": "Tham mưu UBND tỉnh bố trí, sắp xếp, bồi dưỡng, nâng cao năng lực, trình độ đội ngũ làm công tác "
                 "truyền thông chính sách bảo đảm phù hợp với yêu cầu nhiệm vụ.",
        "coordinators": ["Các sở, ban, ngành", "UBND các huyện, thành phố", "cơ quan có liên quan"],
        "timeframe": "Hoàn thành trước tháng 12/2024", "kind": "deadline", "due": "2024-11-30"}


@pytest.mark.parametrize("content, message", [
    (b"\x00\x01\x02binary", "không phải văn bản"),
    (b"PK\x03\x04 not a zip", "DOCX"),
    (b"%PDF-1.4 broken", "PDF"),
    ("Một đoạn văn không có nhiệm vụ nào.\n".encode(), "Không tìm thấy nhiệm vụ"),
])
def test_an_unreadable_document_is_refused_in_vietnamese(agencies_only, tmp_path, content, message):
    path = tmp_path / "plan.bin"
    path.write_bytes(content)
    with pytest.raises(CommandError, match=message):
        call_command("import_plan", str(path))
    assert Plan.objects.count() == 0
