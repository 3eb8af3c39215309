"""How well the parser reads the development set (planimport/tests/devset): per document and overall, tuned and
kept-out documents apart. Each ``*.key.json`` is an answer key written by reading the document, in the ``import_plan
--json`` shape plus ``split`` (tuned | kept_out), ``layout`` and ``source``.

Tasks are paired by title (accent-, case- and punctuation-free; a title given twice pairs in order), else by number.
Per task: the exact lead set, the exact coordinator set (names compared accent- and case-free, as written), the exact
timeframe (text, kind and due date), and fully right (all three and the title). The header (number, date, issuer, place, title) and the reporting
period are counted per document."""

import re
import time
from dataclasses import dataclass, field
from pathlib import Path

from plan_tracker.text import fold

from .parser import parse_document

DEVSET = Path(__file__).resolve().parent / "tests" / "devset"
HEADER = ("number", "date", "issuer", "place", "title")


def _norm(text):
    return re.sub(r"[^0-9a-z]+", " ", fold(text or "")).strip()


@dataclass
class Score:
    name: str
    split: str
    layout: str
    expected: int = 0
    found: int = 0
    paired: int = 0
    lead: int = 0
    coordinators: int = 0
    timeframe: int = 0
    fully: int = 0
    header: int = 0
    header_total: int = 0
    reporting: str = ""
    seconds: float = 0.0
    misses: list = field(default_factory=list)


def score_document(key_path):
    key = __import__("json").loads(Path(key_path).read_text(encoding="utf-8"))
    doc = Path(key_path).parent / key["file"]
    started = time.perf_counter()
    got = parse_document(doc.name, doc.read_bytes()).as_json()
    s = Score(key["file"], key["split"], key.get("layout", ""), seconds=time.perf_counter() - started)
    for name in HEADER:
        if key.get("plan", {}).get(name) is not None:
            s.header_total += 1
            s.header += _norm(got["plan"][name]) == _norm(key["plan"][name])
    if key.get("reporting"):
        s.reporting = "ok" if got["reporting"]["period"] == key["reporting"]["period"] else (
            f"{got['reporting']['period']}≠{key['reporting']['period']}")
    s.expected, s.found = len(key["tasks"]), len(got["tasks"])
    by_title = {}  # a title the document gives twice (two ministries' same reporting duty) pairs in order
    for t in got["tasks"]:
        by_title.setdefault(_norm(t["title"]), []).append(t)
    by_number = {t["number"]: t for t in got["tasks"]}
    for want in key["tasks"]:
        same = by_title.get(_norm(want["title"]))
        have = same.pop(0) if same else (by_number.get(want["number"]) if want.get("number") else None)
        if have is None:
            s.misses.append(f"missing: {want['title'][:60]}")
            continue
        s.paired += 1
        lead = {_norm(n) for n in have["lead"]} == {_norm(n) for n in want["lead"]}
        coord = {_norm(n) for n in have["coordinators"]} == {_norm(n) for n in want["coordinators"]}
        tf = (_norm(have["timeframe"]), have["kind"], have["due"]) == (_norm(want["timeframe"]), want["kind"], want["due"])
        title = _norm(have["title"]) == _norm(want["title"])
        s.lead += lead
        s.coordinators += coord
        s.timeframe += tf
        s.fully += lead and coord and tf and title
        for ok, what, h, w in ((lead, "lead", have["lead"], want["lead"]),
                               (coord, "coordinators", have["coordinators"], want["coordinators"]),
                               (tf, "timeframe", (have["timeframe"], have["kind"], have["due"]),
                                (want["timeframe"], want["kind"], want["due"]))):
            if not ok:
                s.misses.append(f"{want['title'][:40]} · {what}: {h} ≠ {w}")
    return s


def evaluate(devset=DEVSET):
    return [score_document(p) for p in sorted(Path(devset).glob("*.key.json"))]


def _pct(n, d):
    return f"{100 * n / d:5.1f}%" if d else "    —"


def table(scores):
    """The report as text lines: per document, then the tuned and kept-out totals and the overall one."""
    head = (f"{'document':40} {'split':8} {'found/exp':>9} {'lead':>11} {'coord':>11} {'timeframe':>11} "
            f"{'fully':>11} {'header':>7} {'report':>7} {'ms':>6}")
    lines = [head, "-" * len(head)]

    def row(name, split, group):
        exp = sum(g.expected for g in group)
        found = sum(g.found for g in group)
        cells = [f"{sum(getattr(g, k) for g in group):>3} {_pct(sum(getattr(g, k) for g in group), exp)}"
                 for k in ("lead", "coordinators", "timeframe", "fully")]
        header = f"{sum(g.header for g in group)}/{sum(g.header_total for g in group)}"
        rep = ",".join(g.reporting for g in group if g.reporting and g.reporting != "ok") or "ok"
        ms = sum(g.seconds for g in group) * 1000
        return (f"{name:40} {split:8} {f'{found}/{exp}':>9} " + " ".join(f"{c:>11}" for c in cells)
                + f" {header:>7} {rep[:7]:>7} {ms:6.0f}")

    for s in scores:
        lines.append(row(s.name[:40], s.split, [s]))
    lines.append("-" * len(head))
    for split in ("tuned", "kept_out"):
        group = [s for s in scores if s.split == split]
        if group:
            lines.append(row(f"ALL {split}", split, group))
    lines.append(row("ALL", "", scores))
    return lines
