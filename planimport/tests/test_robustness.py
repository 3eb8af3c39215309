"""Odd but readable input a staff member may upload: the importer reads it without an error and without work that
grows with the square of its length (a reviewer's findings, session 14)."""

from planimport import spacetable
from planimport.readers import blocks_from_text
from planimport.tests.test_variants import read


def test_a_run_of_hundreds_of_known_names_with_no_comma_is_read():
    # each known name looks at the next word for its place ("Viettel Tây Ninh"): a level a name, past Python's
    # recursion limit at ~800 before the chain was bounded (bodies._MAX_CHAIN)
    run = " ".join(["Viettel"] * 1200)
    plan = read(f"""II. NHIỆM VỤ
1. Phủ sóng di động các thôn vùng cao
- Cơ quan chủ trì: Sở Khoa học và Công nghệ.
- Cơ quan phối hợp: {run}.
- Thời hạn hoàn thành: Quý II/2027.
""")
    tasks = plan.as_json()["tasks"]
    assert [t["lead"] for t in tasks] == [["Sở Khoa học và Công nghệ"]]
    assert tasks[0]["timeframe"] == "Quý II/2027"


HEADER = "TT    Nội dung nhiệm vụ              Cơ quan chủ trì     Cơ quan phối hợp     Thời gian hoàn thành"


def _segments_counted(monkeypatch):
    calls = []
    real = spacetable._segments

    def counted(line):
        calls.append(1)
        return real(line)

    monkeypatch.setattr(spacetable, "_segments", counted)
    return calls


def test_header_like_lines_with_no_rows_are_looked_at_a_bounded_number_of_times(monkeypatch):
    # every header-like line starts a table's read; a read went on to the text's end (a header again with no row
    # between skipped as a page's repeated header; the columns placed from every line up to a form feed): 2,000 such
    # lines took 37 s. Now a read ends at a second header with no row since the first, and the columns come from at
    # most a page of lines.
    calls = _segments_counted(monkeypatch)
    looked = []
    for n in (300, 600, 1200):
        calls.clear()
        blocks_from_text("\n".join([HEADER] * n))
        looked.append(len(calls))
    # as the lines grow twice, the lines looked at grow about twice, not four times
    assert looked[1] < 2.5 * looked[0] and looked[2] < 2.5 * looked[1], looked


def test_a_table_after_a_long_text_with_no_form_feed_is_still_read(monkeypatch):
    rows = "\n".join(f"{k}     Việc thứ {k} của kế hoạch          Sở Tài chính        Sở Nội vụ            Quý II/2027"
                     for k in range(1, 4))
    text = "\n".join([HEADER, rows]) + "\n" + "\n".join(["Đoạn văn bản không thuộc bảng."] * 300)
    calls = _segments_counted(monkeypatch)
    blocks = blocks_from_text(text)
    table = [b for b in blocks if b[0] == "table"]
    assert table and [row[2] for row in table[0][1][1:]] == ["Sở Tài chính"] * 3
    assert len(calls) < 10 * 300, len(calls)


def test_a_sentence_behind_a_thousand_connectives_is_read_without_an_error():
    # "Đồng thời, " peeled one at a time by recursion: past Python's limit at ~1,000 before the count was bounded
    # (parser._MAX_CONNECTIVES); two are read as before
    for connectives, leads in ((2, [["Sở Y tế"]]), (1500, [[]])):  # past the bound: a point, its lead not read
        plan = read("II. NHIỆM VỤ\na) " + "Đồng thời, " * connectives
                    + "Yêu cầu Sở Y tế rà soát quy định; thời gian: Quý I/2027.\n")
        assert [t["lead"] for t in plan.as_json()["tasks"]] == leads


def test_a_document_nested_past_the_recursion_limit_gets_a_message_not_a_server_error(admin_client, monkeypatch):
    # any reading that still recurses too deep: the admin's upload shows the reason, nothing is written
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse

    from exchange.models import PendingImport
    from planimport import parser

    def too_deep(*args, **kwargs):
        raise RecursionError("maximum recursion depth exceeded")

    monkeypatch.setattr(parser, "parse_blocks", too_deep)
    upload = SimpleUploadedFile("ke-hoach.txt", "KẾ HOẠCH\nII. NHIỆM VỤ\n".encode())
    response = admin_client.post(reverse("admin:planimport_plandocument_changelist"), {"document": upload})
    assert response.status_code == 200
    assert "Không đọc được văn bản: cấu trúc lồng nhau quá sâu." in response.content.decode()
    assert not PendingImport.objects.exists()
