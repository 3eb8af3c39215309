"""The officer's report form that never loses work (issue #14), in Chromium at 1366 and 360 px, on the demo data of
`make setup-db` (seed plan, its 2025 reorganisation, demo accounts and reports): an officer completes the 2026
report through a validation error (the chosen file is kept, the Vietnamese numbers read and shown back), a deletion
(asked first, what was typed kept) and a return with two line comments (seen beside the lines and at the top); the
coordinator sees what changed since the return, indicators included. Without JavaScript, deleting asks on a page."""

import io
import re

import pytest
from django.core.management import call_command

from reports.models import AgencyReport

from .conftest import PHONE, expect
from .test_scenarios import open_menu

pytestmark = pytest.mark.django_db(transaction=True)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
WIDE = {"width": 1366, "height": 900}
PASSWORDS = {"so.tuphap": "tuphap-demo-2023", "dieuphoi": "dieuphoi-demo-2023"}


@pytest.fixture
def demo(settings):
    settings.DEBUG = True  # load_demo refuses otherwise (public passwords)
    out = io.StringIO()
    call_command("loaddata", "fixtures/seed_151_kh_ubnd_2023.json", "fixtures/indicators_151_kh_ubnd_2023.json",
                 stdout=out)
    call_command("load_reorganisation_2025", stdout=out)
    call_command("load_demo", stdout=out)
    call_command("load_demo_reports", stdout=out)
    settings.DEBUG = False
    return AgencyReport.objects.get(year=2026, agency__code="so-tu-phap")


def log_in(page, username):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill(PASSWORDS[username])
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    open_menu(page)  # on a phone the header's links fold under "Menu"
    expect(page.get_by_role("button", name=f"Đăng xuất ({username})")).to_be_visible()


def pdf(name):
    return {"name": name, "mimeType": "application/pdf", "buffer": PDF}


@pytest.mark.parametrize("viewport", [PHONE, WIDE], ids=["360px", "1366px"])
def test_an_officer_completes_the_2026_report_without_losing_anything(new_page, shot, demo, viewport):
    report = demo
    tag = viewport["width"]
    page = new_page(viewport)
    log_in(page, "so.tuphap")
    page.goto(f"/reports/{report.pk}/")
    bar = page.locator(".savebar")
    expect(bar.get_by_role("button", name="Lưu nháp")).to_be_in_viewport()  # the save bar stays on screen
    expect(bar).to_contain_text(re.compile(r"0/\d+ nhiệm vụ đã điền"))

    # Fill every line; the reason box shows only for "nothing to report".
    statuses = page.locator("select[data-status]")
    for i in range(statuses.count()):
        statuses.nth(i).select_option("in_progress")
    reasons = page.locator("textarea[name$=-no_report_reason]")
    expect(reasons.first).to_be_hidden()
    statuses.first.select_option("nothing_to_report")
    expect(reasons.first).to_be_visible()
    statuses.first.select_option("in_progress")
    expect(reasons.first).to_be_hidden()
    texts = page.locator("textarea[name$=-achievements]")
    for i in range(texts.count()):
        texts.nth(i).fill(f"Năm 2026: đã thực hiện phần việc số {i + 1}.")
    quantities = page.locator("input[name$=-quantity_achieved]")
    for i in range(quantities.count()):
        quantities.nth(i).fill("1.250")
    indicators = page.locator("input[name^=indicator-]")
    expect(indicators.first).to_have_attribute("inputmode", "decimal")
    for i in range(indicators.count()):
        indicators.nth(i).fill("1.000.000")
    indicators.last.fill("1.000.000,5")
    indicators.first.fill("một triệu")  # a validation error
    page.get_by_label("Đánh giá chung").fill("Cơ bản hoàn thành kế hoạch năm 2026.")
    first_line = page.locator("fieldset.task").first
    first_line.locator("input[type=file]").set_input_files([pdf("bien-ban-hoi-nghi.pdf")])
    bar.get_by_role("button", name="Lưu nháp").click()

    # The error is listed at the top with a link to its field; the file was kept, the texts are still there.
    summary = page.locator("#error-summary")
    expect(summary).to_contain_text("Hãy nhập một số, ví dụ 1.000.000")
    expect(page.locator(".messages")).to_contain_text("đã được lưu vào báo cáo: bien-ban-hoi-nghi.pdf")
    expect(page.locator("fieldset.task").first.get_by_role("link", name="bien-ban-hoi-nghi.pdf")).to_be_visible()
    expect(page.locator("textarea[name$=-achievements]").first).to_have_value("Năm 2026: đã thực hiện phần việc số 1.")
    shot(page, f"form-error-{tag}")
    summary.get_by_role("link").first.click()
    expect(page.locator("input[name^=indicator-]").first).to_be_focused()
    page.locator("input[name^=indicator-]").first.fill("1.000.000")
    page.locator(".savebar").get_by_role("button", name="Lưu nháp").click()
    expect(page.locator(".messages")).to_contain_text("Đã lưu bản nháp.")

    # Numbers come back the Vietnamese way.
    expect(page.locator("input[name^=indicator-]").first).to_have_value("1.000.000")
    expect(page.locator("input[name^=indicator-]").last).to_have_value("1.000.000,5")
    if page.locator("input[name$=-quantity_achieved]").count():
        expect(page.locator("input[name$=-quantity_achieved]").first).to_have_value("1.250")

    # Deleting a file asks first, and keeps what was typed meanwhile.
    page.locator("fieldset.task").first.locator("input[type=file]").set_input_files([pdf("nham-tep.pdf")])
    page.locator(".savebar").get_by_role("button", name="Lưu nháp").click()
    expect(page.get_by_role("link", name="nham-tep.pdf")).to_be_visible()
    page.get_by_label("Khó khăn, vướng mắc").fill("Thiếu kinh phí tổ chức hội nghị.")
    asked = []
    page.once("dialog", lambda dialog: (asked.append(dialog.message), dialog.dismiss()))
    page.locator("li", has_text="nham-tep.pdf").get_by_role("button", name="Xóa").click()
    expect(page.get_by_role("link", name="nham-tep.pdf")).to_be_visible()  # dismissed: nothing happened
    assert asked and "nham-tep.pdf" in asked[0]
    page.once("dialog", lambda dialog: dialog.accept())
    page.locator("li", has_text="nham-tep.pdf").get_by_role("button", name="Xóa").click()
    expect(page.locator(".messages")).to_contain_text("xóa tệp “nham-tep.pdf”")
    expect(page.get_by_role("link", name="nham-tep.pdf")).to_have_count(0)
    expect(page.get_by_role("link", name="bien-ban-hoi-nghi.pdf")).to_be_visible()
    expect(page.get_by_label("Khó khăn, vướng mắc")).to_have_value("Thiếu kinh phí tổ chức hội nghị.")
    expect(page.locator(".savebar")).to_contain_text(re.compile(r"(\d+)/\1 nhiệm vụ đã điền"))

    # Submit.
    page.locator(".savebar").get_by_role("button", name="Gửi báo cáo…").click()
    page.get_by_role("button", name="Xác nhận gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo")
    report_url = f"/reports/{report.pk}/"

    # The coordinator returns it with two line comments.
    coordinator = new_page(viewport)
    log_in(coordinator, "dieuphoi")
    coordinator.goto(report_url)
    coordinator.locator("textarea[name^=line-comment-]").nth(0).fill("Ghi rõ số hội nghị đã tổ chức.")
    coordinator.locator("textarea[name^=line-comment-]").nth(1).fill("Bổ sung số lượt người tham dự.")
    coordinator.get_by_label("Trả lại", exact=True).check()
    coordinator.get_by_role("button", name="Xác nhận").click()
    expect(coordinator.locator(".messages")).to_contain_text("Đã trả lại báo cáo")

    # The officer sees both, at the top (links to the lines) and beside each line.
    page.goto(report_url)
    top = page.locator("#review-comments")
    expect(top.get_by_role("link")).to_have_count(2)
    lines = page.locator("fieldset.task")
    expect(lines.nth(0).locator(".line-comment")).to_contain_text("Ghi rõ số hội nghị đã tổ chức.")
    expect(lines.nth(1).locator(".line-comment")).to_contain_text("Bổ sung số lượt người tham dự.")
    shot(page, f"form-returned-{tag}")
    top.get_by_role("link").first.click()
    lines.nth(0).locator("textarea[name$=-achievements]").fill("Năm 2026: đã tổ chức 02 hội nghị.")
    lines.nth(1).locator("textarea[name$=-achievements]").fill("Năm 2026: 350 lượt người tham dự.")
    page.locator("input[name^=indicator-]").first.fill("185.000.000")
    page.locator(".savebar").get_by_role("button", name="Gửi báo cáo…").click()
    page.get_by_role("button", name="Xác nhận gửi báo cáo").click()
    expect(page.locator(".messages")).to_contain_text("Đã gửi báo cáo")

    # The coordinator sees what changed since the return, line by line, the indicator included.
    coordinator.goto(report_url)
    changes = coordinator.locator("#changes")
    expect(changes.get_by_role("link", name="Nhiệm vụ")).to_have_count(2)  # the two lines changed, no other
    expect(changes.locator("ins", has_text="tổ chức 02 hội nghị.")).to_be_visible()
    expect(changes.locator("ins", has_text="185.000.000")).to_be_visible()
    expect(changes.locator("del", has_text="1.000.000")).to_be_visible()
    shot(coordinator, f"form-changes-{tag}")
    coordinator.goto(f"/reports/{report.pk}/history/")
    expect(coordinator.locator("table.diff ins", has_text="185.000.000").first).to_be_visible()


def test_without_javascript_deleting_asks_on_a_page_and_keeps_what_was_typed(browser, live_server, demo):
    report = demo
    context = browser.new_context(viewport=PHONE, locale="vi-VN", base_url=live_server.url, java_script_enabled=False)
    try:
        page = context.new_page()
        log_in(page, "so.tuphap")
        page.goto(f"/reports/{report.pk}/")
        page.locator("fieldset.task").first.locator("input[type=file]").set_input_files([pdf("a.pdf")])
        page.locator(".savebar").get_by_role("button", name="Lưu nháp").click()
        page.get_by_label("Đề xuất, kiến nghị").fill("Đề xuất đang gõ")
        page.locator("li", has_text="a.pdf").get_by_role("button", name="Xóa").click()
        expect(page.get_by_role("heading", name="Xóa tệp minh chứng?")).to_be_visible()
        page.get_by_role("link", name="Không xóa, quay lại báo cáo").click()
        expect(page.get_by_role("link", name="a.pdf")).to_be_visible()
        expect(page.get_by_label("Đề xuất, kiến nghị")).to_have_value("Đề xuất đang gõ")
        page.locator("li", has_text="a.pdf").get_by_role("button", name="Xóa").click()
        page.get_by_role("button", name="Xóa tệp").click()
        expect(page.get_by_role("link", name="a.pdf")).to_have_count(0)
    finally:
        context.close()
