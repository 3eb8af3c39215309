"""The report loop through the pages, as the officer and the coordinator see it."""

import io
import re

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from reports.models import Evidence, TaskReport
from testing.factories import make_user, open_year, report_world

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.fixture
def world(db, django_user_model):
    w = report_world(django_user_model)
    return w.plan, w.report, w.officer, w.coordinator


def form_data(report, **overrides):
    data = {"version": report.version, "overall_assessment": "Tốt", "difficulties": "", "proposals": ""}
    for line in report.lines.select_related("task"):
        p = f"line-{line.pk}-"
        data[p + "status"] = "done_for_year"
        data[p + "achievements"] = f"Kết quả {line.task.number}"
        data[p + "no_report_reason"] = ""
        if line.task.target_quantity:
            data[p + "quantity_achieved"] = "1"
    for indicator in report.plan.indicators.all():
        data[f"indicator-{indicator.pk}"] = "12"
    data.update(overrides)
    return data


def test_officer_fills_submits_coordinator_returns_officer_resubmits_coordinator_accepts(client, world):
    plan, report, officer, coordinator = world
    url = report.get_absolute_url()
    client.force_login(officer)
    assert client.get(reverse("reports:my-reports")).content.decode().count(url) >= 1
    page = client.get(url)
    assert page.status_code == 200 and 'name="save"' in page.content.decode()
    response = client.post(url, form_data(report))
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.overall_assessment == "Tốt" and report.status == "draft"
    confirm = client.get(reverse("reports:report-submit", args=[report.pk]))
    assert "Xác nhận gửi báo cáo" in confirm.content.decode()
    client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == "submitted"
    assert 'name="save"' not in client.get(url).content.decode()  # read-only now
    assert client.post(url, form_data(report)).status_code == 403

    client.force_login(coordinator)
    listing = client.get(reverse("reports:year-submissions", args=[plan.pk, 2024])).content.decode()
    assert "đúng hạn" in listing or "muộn" in listing
    client.post(reverse("reports:report-review", args=[report.pk]), {"decision": "return", "comment": "Bổ sung minh chứng"})
    report.refresh_from_db()
    assert report.status == "returned"

    client.force_login(officer)
    page = client.get(url).content.decode()
    assert "Bổ sung minh chứng" in page and 'name="save"' in page
    line = report.lines.first()
    data = form_data(report, **{f"line-{line.pk}-evidence": SimpleUploadedFile("bien-ban.pdf", PDF)})
    data["submit"] = "1"
    response = client.post(url, data)
    assert response.status_code == 302 and response["Location"].endswith("/submit/")
    report.refresh_from_db()
    client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    report.refresh_from_db()
    assert report.status == "submitted"
    evidence = Evidence.objects.get()
    download = client.get(evidence.get_absolute_url())
    # Reading it all lets the test client close the file (response.close() would drop the DB connection).
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    assert 'filename="bien-ban.pdf"' in download["Content-Disposition"]

    client.force_login(coordinator)
    download = client.get(evidence.get_absolute_url())
    assert download.status_code == 200 and b"".join(download.streaming_content) == PDF
    client.post(reverse("reports:report-review", args=[report.pk]), {"decision": "accept"})
    report.refresh_from_db()
    assert report.status == "accepted"
    history = client.get(reverse("reports:report-history", args=[report.pk])).content.decode()
    assert "Bổ sung minh chứng" in history
    # Fields by their names, statuses by their labels, people by name: never the database's words.
    assert "Tình trạng" in history and "Đã tiếp nhận" in history and "overall_assessment" not in history
    assert ">accepted<" not in history
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    english = client.get(reverse("reports:report-history", args=[report.pk])).content.decode()
    assert "Accepted" in english and "overall_assessment" not in english and "reviewed_by" not in english


def test_stale_save_is_refused_and_the_typed_text_stays_in_the_form(client, world, django_user_model):
    plan, report, officer, coordinator = world
    colleague = make_user(django_user_model, "colleague", report.agency)
    opened = form_data(report)
    client.force_login(colleague)
    client.post(report.get_absolute_url(), form_data(report, difficulties="Ý của đồng nghiệp"))
    client.force_login(officer)
    response = client.post(report.get_absolute_url(), {**opened, "difficulties": "Điều tôi vừa gõ"})
    assert response.status_code == 409
    html = response.content.decode()
    assert "Điều tôi vừa gõ" in html
    assert "colleague" in html
    report.refresh_from_db()
    assert report.difficulties == "Ý của đồng nghiệp"


@pytest.mark.parametrize(
    "name, content, message",
    [
        ("anh.png", b"GIF89a not a png", "không phải PDF"),
        ("chuong-trinh.pdf", b"MZ\x90\x00\x03 renamed executable", "không phải PDF"),
        ("to-trinh.docx", b"PK\x03\x04 not really a zip", "không phải PDF"),
    ],
)
def test_bad_uploads_are_refused_with_a_message_and_nothing_is_saved(client, world, name, content, message):
    plan, report, officer, coordinator = world
    client.force_login(officer)
    line = report.lines.first()
    response = client.post(report.get_absolute_url(), form_data(
        report, difficulties="không được lưu", **{f"line-{line.pk}-evidence": SimpleUploadedFile(name, content)}))
    assert response.status_code == 400
    assert message in response.content.decode()
    report.refresh_from_db()
    assert report.difficulties == "" and not Evidence.objects.exists()


def test_oversize_upload_is_refused(client, world, settings):
    plan, report, officer, coordinator = world
    settings.EVIDENCE_MAX_BYTES = 1000
    client.force_login(officer)
    line = report.lines.first()
    response = client.post(report.get_absolute_url(), form_data(
        report, **{f"line-{line.pk}-evidence": SimpleUploadedFile("big.pdf", PDF + b"0" * 2000)}))
    assert response.status_code == 400
    assert "quá lớn" in response.content.decode()
    assert not Evidence.objects.exists()


def test_real_docx_xlsx_png_jpg_are_accepted(client, world):
    import zipfile

    def office(member):
        buf = io.BytesIO()
        with zipfile.ZipFile(buf, "w") as z:
            z.writestr("[Content_Types].xml", "<Types/>")
            z.writestr(member, "<x/>")
        return buf.getvalue()

    plan, report, officer, coordinator = world
    client.force_login(officer)
    line = report.lines.first()
    files = [("a.docx", office("word/document.xml")), ("b.xlsx", office("xl/workbook.xml")),
             ("c.png", b"\x89PNG\r\n\x1a\n" + b"0" * 20), ("d.jpg", b"\xff\xd8\xff\xe0" + b"0" * 20)]
    for name, content in files:
        report.refresh_from_db()
        response = client.post(report.get_absolute_url(), form_data(
            report, **{f"line-{line.pk}-evidence": SimpleUploadedFile(name, content)}))
        assert response.status_code == 302, name
    assert sorted(Evidence.objects.values_list("original_name", flat=True)) == ["a.docx", "b.xlsx", "c.png", "d.jpg"]


def _grow(plan, n):
    """Add n more obliged agencies to the plan's district group and reopen the year."""
    from testing.factories import make_agency
    from agencies.models import AgencyGroup

    group = AgencyGroup.objects.filter(assignments__task__plan=plan, name="UBND các huyện, thành phố").distinct().get()
    group.members.add(*[make_agency(kind="district") for _ in range(n)])
    open_year(plan, 2024)


@pytest.mark.parametrize("extra", [0, 25])
def test_report_page_query_count_is_pinned(client, world, django_assert_num_queries, extra):
    plan, report, officer, coordinator = world
    _grow(plan, extra)
    client.force_login(officer)
    client.post(report.get_absolute_url(), form_data(report))
    # user with their memberships (every role check; one statement: accounts.roles.with_grants; the session from the
    # cache), report (+plan, agency, updated_by,
    # reviewed_by), the agencies' former names on the year's due date (reports.naming: the due date from the report's
    # plan, read with it) (the cached body's key is the report's row: reports.cache.report_body); the body, computed
    # (the first look after a save): lines (+task, section), their evidence, indicators with the report's values (one
    # query: reports.statements.INDICATORS_WITH_VALUES), events (+actor), last year's texts (what each line may copy,
    # and may not be submitted unchanged from)
    with django_assert_num_queries(8):
        assert client.get(report.get_absolute_url()).status_code == 200
    # the body from the cache: the first three only
    with django_assert_num_queries(3):
        assert client.get(report.get_absolute_url()).status_code == 200


@pytest.mark.parametrize("extra", [0, 25])
def test_a_draft_save_and_a_submission_query_counts_are_pinned(client, world, django_assert_num_queries, extra):
    plan, report, officer, coordinator = world
    _grow(plan, extra)
    client.force_login(officer)
    client.post(report.get_absolute_url(), form_data(report))  # the first save
    report.refresh_from_db()
    # user with their memberships (one statement; the session from the cache); in the transaction (savepoint …
    # release): the report, read once and locked (no agencies' former names: a save that redirects names none), its lines (+task, section; not their
    # evidence: the page is not shown again; read once, after the lock: the save judges them as read), indicators,
    # the report updated and its history row, the changed lines updated and their history rows, the indicator values
    # read, updated and their history rows, the "saved" event
    with django_assert_num_queries(13):
        response = client.post(report.get_absolute_url(), form_data(report, overall_assessment="Tốt hơn"))
    assert response.status_code == 302
    report.refresh_from_db()
    # user with their memberships (one statement; the session from the cache); in the transaction (savepoint …
    # release): the report, read once and locked, the year's recipient, what is missing (lines, last year's texts, indicators with the report's
    # values), the report updated and its history row, the "submitted" event (its mails go once the transaction
    # commits: not in this test's)
    with django_assert_num_queries(11):
        response = client.post(reverse("reports:report-submit", args=[report.pk]), {"version": report.version})
    assert response.status_code == 302
    report.refresh_from_db()
    assert report.status == "submitted"


@pytest.mark.parametrize("extra", [0, 25])
def test_year_submissions_query_count_is_pinned(client, world, django_assert_num_queries, extra):
    plan, report, officer, coordinator = world
    _grow(plan, extra)
    client.force_login(coordinator)
    url = reverse("reports:year-submissions", args=[plan.pk, 2024])
    # user with their memberships (every role check: one statement; the session from the cache), plan (its due date
    # with it), reporting year, reports (+agency), and the agencies' former names, read once an agency is loaded
    # (agencies.naming)
    with django_assert_num_queries(5):
        response = client.get(url)
    assert response.content.decode().count("/reports/") >= 3 + extra
    # Served from the cache: no agency loaded, no former names read.
    with django_assert_num_queries(3):
        again = client.get(url)
    token = re.compile(rb'name="csrfmiddlewaretoken" value="[^"]+"')  # masked anew on every response
    assert token.sub(b"", again.content) == token.sub(b"", response.content)
