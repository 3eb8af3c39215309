"""The compiled report's draft (issue #16) in Chromium, on the demo data of `make run`: the coordinator opens the
2024 draft, edits one paragraph of "IV. Đánh giá chung", saves it, sees the part marked "Đã sửa", downloads the
DOCX, and the document holds the edited text in its body."""

import io
from pathlib import Path
import re

import docx
import pytest

from tasks.models import Plan

from .conftest import expect
from .test_report_form import demo, log_in  # noqa: F401 (the fixture)

pytestmark = pytest.mark.django_db(transaction=True)

EDITED = "Nhìn chung, các cơ quan, đơn vị đã triển khai nghiêm túc Kế hoạch; Sở đề nghị tiếp tục duy trì chế độ báo cáo."


def test_the_coordinator_edits_a_paragraph_of_the_2024_draft_and_downloads_it(new_page, shot, demo):
    plan = Plan.objects.get(number="151/KH-UBND")
    page = new_page()
    log_in(page, "dieuphoi")
    page.goto(f"/reports/{plan.pk}/2024/draft/")
    create = page.get_by_role("button", name="Tạo dự thảo từ số liệu")
    if create.count():  # no draft yet: made from the year's figures
        create.click()
    part = page.locator("section.draft-part").filter(has=page.get_by_role("heading", name=re.compile("ĐÁNH GIÁ CHUNG")))
    expect(part).to_have_count(1)
    expect(part.get_by_text("Đã sửa", exact=True)).to_have_count(0)
    box = part.locator("textarea")
    lines = box.input_value().splitlines()
    assert lines and lines[0].startswith("Tỷ lệ cơ quan, đơn vị gửi báo cáo")
    box.fill("\n".join([EDITED, *lines[1:]]))  # the first paragraph rewritten, the others kept
    part.get_by_role("button", name="Lưu phần này").click()

    expect(page.get_by_text("Đã lưu phần “IV. ĐÁNH GIÁ CHUNG”.")).to_be_visible()
    part = page.locator("section.draft-part.edited")
    expect(part).to_have_count(1)
    expect(part.get_by_role("heading", name=re.compile("ĐÁNH GIÁ CHUNG"))).to_contain_text("Đã sửa")
    expect(part.locator("textarea")).to_have_value(re.compile("^" + re.escape(EDITED)))
    expect(part.get_by_text("Nội dung tạo từ số liệu")).to_be_visible()  # the generated text, to compare
    shot(page, "compiled-draft-edited")

    with page.expect_download() as download:
        page.get_by_role("link", name="Tải báo cáo (DOCX)").click()
    assert download.value.suggested_filename.endswith("-2024.docx")
    document = docx.Document(io.BytesIO(Path(download.value.path()).read_bytes()))
    paragraphs = [p.text for p in document.paragraphs]
    body = paragraphs[:paragraphs.index("Phụ lục 1")]
    heading = body.index("IV. ĐÁNH GIÁ CHUNG")
    assert body[heading + 1] == EDITED  # in its place: the first paragraph of IV
    assert not any(p.startswith("Tỷ lệ cơ quan, đơn vị gửi báo cáo đạt") for p in body)
