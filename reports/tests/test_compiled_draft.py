"""The coordinator's draft of the compiled report: made from the figures, edited part by part in the browser,
kept with its history, never overwritten silently, regenerated without losing edits, printed in the DOCX."""

import io
import re

import docx
from django.urls import reverse

from reports.models import CompiledDraft, DraftPart
from reports.tests.test_overview import scenario  # noqa: F401 (the fixture)


def _url(s, name="reports:year-draft", *args):
    return reverse(name, args=[s.plan.pk, 2024, *args])


def _make(client, s):
    client.force_login(s.coordinator)
    assert client.post(_url(s, "reports:year-draft-regenerate")).status_code == 302
    return CompiledDraft.objects.get(plan=s.plan, year=2024)


def _form_of(page, part):
    """The version the page's form for ``part`` carries, as the browser sends it back."""
    match = re.search(r'id="part-%d".*?name="version" value="(\d+)"' % part.pk, page, re.S)
    return int(match.group(1))


def _docx_text(client, s):
    response = client.get(_url(s, "reports:year-export-docx"))
    assert response.status_code == 200
    return [p.text for p in docx.Document(io.BytesIO(response.content)).paragraphs]


def test_coordinator_makes_the_draft_edits_one_paragraph_and_downloads_it(client, scenario):
    client.force_login(scenario.coordinator)
    page = client.get(_url(scenario)).content.decode()
    assert "Chưa có dự thảo cho năm này" in page and "<textarea id=\"text-" not in page
    draft = _make(client, scenario)
    page = client.get(_url(scenario)).content.decode()
    parts = list(draft.parts.order_by("order"))
    assert [p.key for p in parts] == ["intro", "submissions", "tasks", "tasks-1", "tasks-2", "indicators",
                                      "assessment", "difficulties", "proposals", "closing"]
    assert page.count("<textarea id=\"text-") == len(parts)
    assert "Đã sửa" not in page

    part = next(p for p in parts if p.key == "difficulties")
    text = part.text + "\nSở sẽ đề xuất UBND tỉnh bố trí kinh phí riêng năm 2025."
    response = client.post(_url(scenario, "reports:year-draft-part", part.pk),
                           {"text": text, "version": _form_of(page, part)})
    assert response.status_code == 302
    page = client.get(_url(scenario)).content.decode()
    assert "Đã sửa" in page and "Tạo lại phần này từ số liệu" in page

    texts = _docx_text(client, scenario)
    section = texts[texts.index("V. KHÓ KHĂN, VƯỚNG MẮC"):texts.index("VI. ĐỀ XUẤT, KIẾN NGHỊ")]
    assert section[-1] == "Sở sẽ đề xuất UBND tỉnh bố trí kinh phí riêng năm 2025."
    # Saved with its history, naming who saved it.
    part.refresh_from_db()
    assert part.edited and part.history.first().history_user == scenario.coordinator
    assert part.history.count() == 2  # generated, edited


def test_regenerating_keeps_edited_parts_and_renews_the_others(client, scenario):
    draft = _make(client, scenario)
    edited = draft.parts.get(key="proposals")
    client.post(_url(scenario, "reports:year-draft-part", edited.pk), {"text": "Đề xuất của Sở.", "version": 1})
    # An unedited part whose figures changed since (here: its text stands for an older generation).
    DraftPart.objects.filter(draft=draft, key="submissions").update(text="Số liệu cũ.", generated="Số liệu cũ.")
    assert client.post(_url(scenario, "reports:year-draft-regenerate")).status_code == 302
    edited.refresh_from_db()
    renewed = draft.parts.get(key="submissions")
    assert edited.text == "Đề xuất của Sở." and edited.edited
    assert renewed.text.startswith("Năm 2024 có 6 cơ quan, đơn vị phải báo cáo") and not renewed.edited

    # One part back to the figures, on request.
    response = client.post(_url(scenario, "reports:year-draft-part-regenerate", edited.pk),
                           {"version": edited.version})
    assert response.status_code == 302
    edited.refresh_from_db()
    assert not edited.edited and edited.text == edited.generated and "Đề xuất của Sở." not in edited.text


def test_two_coordinators_never_overwrite_each_other_silently(client, scenario):
    draft = _make(client, scenario)
    part = draft.parts.get(key="assessment")
    version = part.version  # both opened the page now
    first = client.post(_url(scenario, "reports:year-draft-part", part.pk), {"text": "Bản thứ nhất.", "version": version})
    assert first.status_code == 302
    second = client.post(_url(scenario, "reports:year-draft-part", part.pk), {"text": "Bản thứ hai.", "version": version})
    assert second.status_code == 409
    page = second.content.decode()
    assert "Nội dung của bạn chưa được lưu" in page
    assert "Bản thứ hai." in page  # the refused text is still in the textarea, to copy from
    part.refresh_from_db()
    assert part.text == "Bản thứ nhất."
    # A stale "regenerate this part" is refused the same way.
    stale = client.post(_url(scenario, "reports:year-draft-part-regenerate", part.pk), {"version": version})
    assert stale.status_code == 409
    part.refresh_from_db()
    assert part.text == "Bản thứ nhất."


def test_draft_page_queries_do_not_grow_with_parts(client, scenario, django_assert_max_num_queries):
    _make(client, scenario)
    with django_assert_max_num_queries(12):
        assert client.get(_url(scenario)).status_code == 200


def test_a_part_of_another_year_or_plan_is_not_found(client, scenario):
    draft = _make(client, scenario)
    part = draft.parts.first()
    url = reverse("reports:year-draft-part", args=[scenario.plan.pk, 2023, part.pk])
    assert client.post(url, {"text": "x", "version": part.version}).status_code == 404


def test_number_date_and_signer_are_filled_under_the_draft_and_printed(client, scenario):
    _make(client, scenario)
    page = client.get(_url(scenario)).content.decode()
    assert 'id="signature"' in page and 'name="signer_name"' in page
    revision = re.search(r'name="revision" value="(\d+)"', page).group(1)
    response = client.post(reverse("reports:year-parameters", args=[scenario.plan.pk, 2024]), {
        "recipient_name": "Sở Thông tin và Truyền thông", "superior_name": "UBND tỉnh Bắc Giang", "place": "Bắc Giang",
        "onward_to": "UBND tỉnh", "report_number": "12/BC-STTTT", "report_date": "2025-01-10",
        "signer_capacity": "GIÁM ĐỐC", "signer_name": "Trần Văn Giám", "revision": revision, "next": "draft"})
    assert response.status_code == 302 and response["Location"].endswith("/draft/#signature")
    response = client.get(_url(scenario, "reports:year-export-docx"))
    document = docx.Document(io.BytesIO(response.content))
    assert document.tables[0].cell(1, 0).text == "Số: 12/BC-STTTT"
    assert "Trần Văn Giám" in document.tables[-1].cell(0, 1).text or any(
        "Trần Văn Giám" in t.cell(0, 1).text for t in document.tables if len(t.columns) == 2)
