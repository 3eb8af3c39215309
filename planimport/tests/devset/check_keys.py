"""Checks a constructed blind set's keys against their documents without the importer: valid JSON in the key shape,
NFC, every title, name and timeframe found in the document's text (whitespace-folded; the PDF's key against the DOCX
it was made from), and each timeframe's kind and due date as DESIGN.md gives them, worked out here independently.
One checker for every constructed set since blind20 (written in blind20/ in round 20 and copied by each later set;
made one in session 13). A helper writing a new blind set runs it on its folder before committing the keys:

    .venv/bin/python planimport/tests/devset/check_keys.py planimport/tests/devset/blind23
    .venv/bin/python planimport/tests/devset/check_keys.py planimport/tests/devset --prefix blind20-

Only keys whose ``source`` says "constructed blind" are checked (the real documents' keys have their own
``validate_keys_*.py``)."""

import calendar
import json
import re
import sys
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent
TASK_FIELDS = ["number", "title", "lead", "coordinators", "timeframe", "kind", "due"]
# a title whose table row wraps onto a second row ("| | Hải Hòa | | |"): each piece is in the text
WRAPPED = {
    ("blind20-tabletext-1.txt", "A.1"): [
        "Rà soát, điều chỉnh quy hoạch chi tiết Khu du lịch sinh thái biển Hải Tiến và Khu du lịch", "Hải Hòa"],
    ("blind21-tabletext-1.txt", "I.2"): [
        "Xây dựng tủ sách cộng đồng tại nhà văn hóa các thôn, tổ dân phố và điểm đọc sách tại các",
        "khu du lịch, di tích"],
    # blind27's page-text table: every column wraps
    ("blind27-tabletext-1.txt", "I.1"): ["Rà soát, thống kê các thửa đất chưa được cấp", "giấy chứng nhận quyền sử dụng đất lần đầu,", "phân loại nguyên nhân theo từng ấp"],
    ("blind27-tabletext-1.txt", "I.2"): ["Tiếp nhận, giải quyết hồ sơ đăng ký, cấp giấy", "chứng nhận lần đầu cho hộ gia đình, cá nhân"],
    ("blind27-tabletext-1.txt", "I.3"): ["Giải quyết dứt điểm các hồ sơ tồn đọng do", "tranh chấp, lấn chiếm, sai lệch ranh giới thửa", "đất"],
    ("blind27-tabletext-1.txt", "I.4"): ["Chỉnh lý, cấp đổi giấy chứng nhận có thông tin", "địa chỉ thay đổi do sắp xếp đơn vị hành chính", "theo nhu cầu của người dân"],
    ("blind27-tabletext-1.txt", "II.5"): ["Số hóa hồ sơ địa chính, bản đồ địa chính", "đang lưu trữ tại xã, bàn giao cho CN VPĐKĐĐ", "khu vực Cái Bè"],
    ("blind27-tabletext-1.txt", "II.6"): ["Cập nhật, chỉnh lý biến động đất đai vào cơ sở", "dữ liệu đất đai; đối chiếu với Cơ sở dữ liệu", "quốc gia về dân cư"],
    ("blind27-tabletext-1.txt", "II.7"): ["Làm sạch dữ liệu đất đai theo yêu cầu “đúng,", "đủ, sạch, sống, thống nhất, dùng chung”"],
    ("blind27-tabletext-1.txt", "II.8"): ["Công khai kế hoạch sử dụng đất năm 2026 của", "xã tại trụ sở UBND xã, nhà văn hóa các ấp và", "Trang thông tin điện tử xã"],
    ("blind27-tabletext-1.txt", "III.9"): ["Tuyên truyền Luật Đất đai năm 2024 và các văn", "bản hướng dẫn trên hệ thống truyền thanh xã,", "tại các buổi họp ấp"],
    ("blind27-tabletext-1.txt", "III.10"): ["Kiểm tra, xử lý vi phạm pháp luật đất đai, xây", "dựng trái phép trên đất nông nghiệp"],
    ("blind27-tabletext-1.txt", "III.11"): ["Tổng hợp vướng mắc vượt thẩm quyền về cấp", "giấy chứng nhận, đề xuất Sở Nông nghiệp và", "Môi trường hướng dẫn giải quyết"],
}
# a name or a timeframe whose table cell wraps mid-name onto the next line of page text: each piece is in the text
WRAPPED_NAMES = {
    ("blind27-tabletext-1.txt", "Trung tâm Phục vụ hành chính công xã"): ["Trung tâm Phục vụ", "hành chính công xã"],
    ("blind27-tabletext-1.txt", "Văn phòng HĐND và UBND xã"): ["Văn phòng HĐND và", "UBND xã"],
    ("blind27-tabletext-1.txt", "Phòng Văn hóa - Xã hội"): ["Phòng Văn hóa - Xã", "hội"],
    ("blind27-tabletext-1.txt", "Ủy ban MTTQ Việt Nam xã"): ["Ủy ban MTTQ", "Việt Nam xã"],
    ("blind27-tabletext-1.txt", "các cơ quan, đơn vị có liên quan"): ["các cơ quan,", "đơn vị có liên quan"],
    ("blind27-tabletext-1.txt", "trước 30/9/2026"): ["trước", "30/9/2026"],
    ("blind27-tabletext-1.txt", "6 tháng đầu năm 2026"): ["6 tháng đầu", "năm 2026"],
    ("blind27-tabletext-1.txt", "6 tháng cuối năm 2026"): ["6 tháng cuối", "năm 2026"],
}
KEY_FIELDS = ["file", "split", "layout", "source", "plan", "reporting", "tasks"]


def text_of(path):
    if path.suffix == ".pdf":
        path = path.with_suffix(".docx")
    if path.suffix == ".docx":
        from docx import Document
        doc = Document(str(path))
        parts = [p.text for p in doc.paragraphs]
        for t in doc.tables:
            for row in t.rows:
                for cell in row.cells:
                    parts.append(cell.text)
        text = "\n".join(parts)
    else:  # a page number alone on its line (page-laid-out text) is no part of the text
        text = "\n".join(line for line in path.read_text(encoding="utf-8").split("\n") if not line.strip().isdigit())
    return text


def fold(s):
    return re.sub(r"\s+", " ", s.replace("|", " ")).strip()


def last_day(y, m):
    return f"{y:04d}-{m:02d}-{calendar.monthrange(y, m)[1]:02d}"


def expected_kind_due(tf):
    t = tf.lower().strip()
    if not t:
        return "none", None
    if t.startswith("theo "):
        return "other", None
    if "thường xuyên" in t or "hằng quý" in t or "hằng tháng" in t:
        return "ongoing", None
    if "hằng năm" in t or "hàng năm" in t:
        return "annual", None
    if re.search(r"\d{4}\s*[–-]\s*\d{4}", t):
        return "period", None
    if m := re.search(r"trước tháng (\d+)/(\d{4})", t):
        mo, y = int(m[1]), int(m[2])
        return "deadline", last_day(y, mo - 1) if mo > 1 else last_day(y - 1, 12)
    if m := re.search(r"ngày (\d+) tháng (\d+) năm (\d{4})", t):  # the date in words (blind28)
        return "deadline", f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m := re.search(r"(\d+)/(\d+)/(\d{4})", t):
        return "deadline", f"{int(m[3]):04d}-{int(m[2]):02d}-{int(m[1]):02d}"
    if m := re.search(r"quý (i{1,3}|iv)/(\d{4})", t):
        q = {"i": 1, "ii": 2, "iii": 3, "iv": 4}[m[1]]
        return "deadline", last_day(int(m[2]), 3 * q)
    if m := re.search(r"tháng (\d+)/(\d{4})", t):
        if "6 tháng đầu" in t:
            return "deadline", f"{m[2]}-06-30"
        return "deadline", last_day(int(m[2]), int(m[1]))
    if m := re.search(r"6 tháng đầu năm (\d{4})", t):
        return "deadline", f"{m[1]}-06-30"
    if m := re.search(r"6 tháng cuối năm (\d{4})", t):
        return "deadline", f"{m[1]}-12-31"
    if m := re.search(r"năm (\d{4})$", t):
        return "deadline", f"{m[1]}-12-31"
    return "?", "?"


def found(file, s, flat):
    pieces = WRAPPED_NAMES.get((file, s))
    if fold(s) in flat:
        return True
    return bool(pieces) and fold(" ".join(pieces)) == fold(s) and all(fold(p) in flat for p in pieces)


def check(key_path):
    errors = []
    raw = key_path.read_text(encoding="utf-8")
    if unicodedata.normalize("NFC", raw) != raw:
        errors.append("key not NFC")
    key = json.loads(raw)
    if list(key) != KEY_FIELDS:
        errors.append(f"key fields {list(key)}")
    doc = key_path.parent / key["file"]
    if not doc.exists():
        return [f"no document {doc.name}"]
    text = text_of(doc)
    if unicodedata.normalize("NFC", text) != text:
        errors.append("document not NFC")
    flat = fold(text)
    if key["split"] not in ("tuned", "kept_out") or not key["source"].startswith("constructed blind"):
        errors.append("split/source")
    for name in ("number", "issuer", "place", "title"):
        if not key["plan"].get(name):
            errors.append(f"plan.{name} empty")
    if fold(key["plan"]["title"]) not in flat:
        errors.append("plan title not in document")
    if key["plan"]["number"] not in flat:
        errors.append("plan number not in document")
    if key["reporting"]["period"] not in ("yearly", "semiannual", "quarterly", "monthly", "other", "none"):
        errors.append("reporting period")
    for name in key["reporting"]["to"]:
        if fold(name) not in flat:
            errors.append(f"reporting to {name!r} not in document")
    numbers = set()
    for t in key["tasks"]:
        where = f"{key['file']} {t.get('number')}"
        if list(t) != TASK_FIELDS:
            errors.append(f"{where}: fields {list(t)}")
        if t["number"] in numbers:
            errors.append(f"{where}: number repeated")
        numbers.add(t["number"])
        pieces = WRAPPED.get((key["file"], t["number"]), [t["title"]])
        if fold(" ".join(pieces)) != fold(t["title"]) or any(fold(p) not in flat for p in pieces):
            errors.append(f"{where}: title not in document")
        if not t["lead"]:
            errors.append(f"{where}: no lead")
        for name in t["lead"] + t["coordinators"]:
            if not found(key["file"], name, flat):
                errors.append(f"{where}: name {name!r} not in document")
        if t["timeframe"] and not found(key["file"], t["timeframe"], flat):
            errors.append(f"{where}: timeframe {t['timeframe']!r} not in document")
        kind, due = expected_kind_due(t["timeframe"])
        if (kind, due) != (t["kind"], t["due"]):
            errors.append(f"{where}: {t['timeframe']!r} is {t['kind']}/{t['due']}, expected {kind}/{due}")
    return errors


def main(argv):
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", default=str(HERE), help="the set's folder (default: this one)")
    parser.add_argument("--prefix", default="", help="only keys whose file name starts so (blind20-, …)")
    args = parser.parse_args(argv)
    total = 0
    bad = 0
    for key_path in sorted(Path(args.folder).glob(f"{args.prefix}*.key.json")):
        key = json.loads(key_path.read_text(encoding="utf-8"))
        if not key.get("source", "").startswith("constructed blind"):
            continue
        errors = check(key_path)
        total += len(key["tasks"])
        print(f"{key_path.name}: {len(key['tasks'])} tasks, {'ok' if not errors else 'ERRORS'}")
        for e in errors:
            print("   ", e)
        bad += len(errors)
    print(f"{total} tasks; {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
