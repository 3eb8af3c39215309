"""The issue's scenarios in a real Chromium: an officer reports, a coordinator sees it on time and
returns it, the officer reads the comment; the task list's filters; the language switch; a phone.

Every check of the page is one of Playwright's waiting assertions (``expect(locator).to_be_visible()``,
``to_have_text``, ``to_have_count``, ``expect(page).to_have_url``…), never a value read at once
(``is_visible()``, ``count()``, ``inner_text()``, ``page.url``): the page may still be loading or running
its scripts, and a check that does not wait passes or fails by chance."""

import re

import pytest
from django.utils import timezone

from agencies.models import Agency, Membership
from reports.models import Indicator
from tasks.models import Plan
from reports.services import open_reporting_year
from testing.factories import make_agency, make_group, make_plan, make_section, make_task, make_user
from testing.scenarios import build_world

from .conftest import PHONE, expect

pytestmark = pytest.mark.django_db(transaction=True)


def log_in(page, username):
    page.goto("/")
    expect(page).to_have_url(re.compile(r"/accounts/login/"))  # anonymous visitors are sent to log in
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pw-" + username)
    page.get_by_role("button", name="Đăng nhập").click()
    # The home page ("…/accounts/login/?next=/" ends with "/" too: the whole path must be "/"), signed in.
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))
    open_menu(page)
    expect(page.get_by_role("button", name=f"Đăng xuất ({username})")).to_be_visible()


def open_menu(page):
    """On a phone the header's links fold under "Menu": unfold them (wider, they always show)."""
    toggle = page.locator("label.menu-button")
    if toggle.is_visible() and not page.locator("#menu-toggle").is_checked():
        toggle.click()


def log_out(page, username):
    open_menu(page)
    page.get_by_role("button", name=f"Đăng xuất ({username})").click()
    page.wait_for_url(re.compile(r"/accounts/login/"))


@pytest.fixture
def reporting_world(django_user_model):
    """A plan running this year whose report is due on 31 December, so a report sent today is on time
    (the seed's 15 November may have passed); its year is open."""
    year = timezone.localdate().year
    plan = make_plan(number="77/KH-UBND", title="Kế hoạch truyền thông chính sách (thử)", start_year=year - 1,
                     end_year=year + 1, report_due_month=12, report_due_day=31)
    section = make_section(plan, code="II", number="II", title="NHIỆM VỤ")
    dept = make_agency(code="so-thu-nghiem", name="Sở Thử nghiệm")
    district = make_agency(code="ubnd-huyen-thu", name="UBND huyện Thử", kind="district")
    group = make_group([district], name="UBND các huyện, thành phố")
    make_task(section, lead=dept, coordinators=[group], number="1.1", title="Tổ chức hội nghị truyền thông chính sách")
    Indicator.objects.create(plan=plan, code="tin-bai", name="Tin, bài", unit="tin, bài", order=1)
    coordinator = make_user(django_user_model, "dieuphoi", make_agency(name="Sở Điều phối"),
                            role=Membership.Role.COORDINATOR)
    make_user(django_user_model, "canbo", dept)
    open_reporting_year(plan, year, coordinator)
    return year


def test_officer_reports_coordinator_returns_it_officer_reads_the_comment(new_page, shot, reporting_world):
    year = reporting_world
    page = new_page()

    # The officer logs in and finds the report from the home page.
    log_in(page, "canbo")
    expect(page.get_by_role("heading", name="Sở Thử nghiệm")).to_be_visible()
    expect(page.get_by_text("Đang soạn").first).to_be_visible()
    shot(page, "01-officer-home")
    page.get_by_role("link", name=f"Điền báo cáo năm {year}").click()

    # Fills it in and submits it.
    page.get_by_label("Tình trạng (nhiệm vụ 1.1)").select_option("done_for_year")
    page.get_by_label("Kết quả đạt được (nhiệm vụ 1.1)").fill("Đã tổ chức 02 hội nghị, 350 lượt người tham dự.")
    page.get_by_label("Tin, bài (tin, bài)").fill("1250")
    page.get_by_label("Đánh giá chung").fill("Hoàn thành tốt các nhiệm vụ được giao.")
    shot(page, "02-officer-report-form")
    page.get_by_role("button", name="Gửi báo cáo…").click()
    page.get_by_role("button", name="Xác nhận gửi báo cáo").click()

    # Sees it read-only.
    page.wait_for_selector("text=Đã gửi báo cáo tới")
    expect(page.locator("textarea")).to_have_count(0)
    expect(page.locator("select[name^=line-]")).to_have_count(0)
    expect(page.get_by_text("Đã tổ chức 02 hội nghị, 350 lượt người tham dự.")).to_be_visible()
    expect(page.get_by_text("đúng hạn").first).to_be_visible()
    shot(page, "03-officer-report-submitted")
    log_out(page, "canbo")

    # The coordinator sees it counted on time on the home page…
    log_in(page, "dieuphoi")
    overview = page.locator(".home-overview")
    expect(overview).to_contain_text(re.compile(r"1/2\s+đã gửi"), use_inner_text=True)
    expect(overview).to_contain_text(re.compile(r"1/2\s+đúng hạn"), use_inner_text=True)
    shot(page, "04-coordinator-home")
    # …opens the year's page, then the report, and returns it with a comment.
    page.get_by_role("link", name=f"Xem tình hình báo cáo năm {year}").click()
    expect(page).to_have_url(re.compile(r"/reports/"))
    shot(page, "05-coordinator-year-page")
    page.get_by_role("link", name="Sở Thử nghiệm").first.click()
    expect(page.get_by_text("đúng hạn").first).to_be_visible()
    page.get_by_label("Trả lại", exact=True).check()
    page.get_by_label("Ý kiến chung (khi trả lại: ghi ở đây hoặc bên từng nhiệm vụ)").fill("Đề nghị bổ sung số lượt người tham dự theo từng hội nghị.")
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    page.wait_for_selector("text=Đã trả lại báo cáo cho đơn vị.")
    shot(page, "06-coordinator-returned-report")
    log_out(page, "dieuphoi")

    # The officer sees the comment on the home page and on the report, which is editable again.
    log_in(page, "canbo")
    expect(page.get_by_text("Đề nghị bổ sung số lượt người tham dự theo từng hội nghị.")).to_be_visible()
    expect(page.get_by_text("Bị trả lại").first).to_be_visible()
    shot(page, "07-officer-home-returned")
    page.get_by_role("link", name=f"Điền báo cáo năm {year}").click()
    expect(page.get_by_role("alert").filter(has_text="Đề nghị bổ sung số lượt người tham dự")).to_be_visible()
    expect(page.get_by_label("Kết quả đạt được (nhiệm vụ 1.1)")).to_have_value(re.compile(r"^Đã tổ chức 02 hội nghị"))


def test_task_list_filters_by_agency_and_by_text_without_accents(new_page, shot, django_user_model):
    build_world()
    make_user(django_user_model, "lanhdao", make_agency(name="UBND tỉnh"), role=Membership.Role.VIEWER)
    page = new_page()
    log_in(page, "lanhdao")
    page.get_by_role("navigation", name="Điều hướng chính").get_by_role("link", name="Nhiệm vụ").click()
    # The task list, loaded (its script suggests agencies as one types; the home page has task cards too).
    page.wait_for_url(re.compile(r"/tasks/$"))
    cards = page.locator(".task-card")
    expect(cards).to_have_count(6)

    # By agency (as lead or coordinator, directly or through its group).
    # Typed without accents; the suggestions under the box come from the server as the user types.
    page.get_by_label("Cơ quan", exact=True).press_sequentially("viet yen", delay=30)
    suggestion = page.locator("#agency-suggestions option[value='UBND huyện Việt Yên (ubnd-huyen-viet-yen)']")
    expect(suggestion).to_be_attached()
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_url(re.compile(r"agency=ubnd-huyen-viet-yen"))
    expect(cards).to_have_count(3)

    # Then by accent-free text, on top of the agency: the URL keeps both.
    page.get_by_label("Tìm trong số hiệu và nội dung").fill("truyen thong")
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_url(re.compile(r"q=truyen\+thong"))
    expect(page).to_have_url(re.compile(r"agency=ubnd-huyen-viet-yen"))
    expect(page.get_by_label("Cơ quan", exact=True)).to_have_value("UBND huyện Việt Yên (ubnd-huyen-viet-yen)")
    headings = page.locator(".task-card h3")
    expect(headings).to_have_text([re.compile("truyền thông", re.IGNORECASE)] * 2, use_inner_text=True)
    titles = headings.all_inner_texts()  # read once the list above has arrived
    shot(page, "08-task-list-filtered")

    # The shared URL gives the same list to someone else's browser.
    url = page.url
    other = new_page()
    log_in(other, "lanhdao")
    other.goto(url)
    expect(other.locator(".task-card h3")).to_have_text(titles, use_inner_text=True)

    # Text alone, without accents.
    page.get_by_role("link", name="Bỏ lọc").click()
    page.wait_for_url(re.compile(r"/tasks/$"))  # the unfiltered list, before typing into its box
    expect(cards).to_have_count(6)
    page.get_by_label("Tìm trong số hiệu và nội dung").fill("bo tri can bo")
    page.get_by_role("button", name="Lọc", exact=True).click()
    page.wait_for_url(re.compile(r"q=bo\+tri"))
    expect(headings).to_have_text(["2.1. Bố trí cán bộ đầu mối"], use_inner_text=True)


def test_language_switch_is_remembered(new_page, shot, django_user_model):
    make_user(django_user_model, "lanhdao", make_agency(name="UBND tỉnh"), role=Membership.Role.VIEWER)
    page = new_page()
    log_in(page, "lanhdao")
    expect(page.locator("html")).to_have_attribute("lang", "vi")
    page.get_by_label("Ngôn ngữ").select_option("en")
    page.locator("form.lang button").click()
    # The switcher posts and comes back to the page in English (wait_for_load_state() would answer at
    # once, for the Vietnamese page still shown).
    expect(page.locator("html")).to_have_attribute("lang", "en")
    page.goto("/tasks/")
    expect(page.locator("html")).to_have_attribute("lang", "en")
    # A new tab of the same browser (same cookies) stays in English.
    other = page.context.new_page()
    other.goto("/agencies/")
    expect(other.locator("html")).to_have_attribute("lang", "en")
    shot(other, "09-agencies-english")
    cookies = {c["name"]: c["value"] for c in page.context.cookies()}
    assert cookies.get("django_language") == "en"


def test_phone_width_keyboard_and_focus(new_page, shot, django_user_model):
    build_world()
    make_user(django_user_model, "lanhdao", make_agency(name="UBND tỉnh"), role=Membership.Role.VIEWER)
    page = new_page(viewport=PHONE)
    log_in(page, "lanhdao")
    for path, name in (("/", "10-home-360px"), ("/tasks/?overdue=on&due_within=365", "11-task-list-360px"),
                       ("/agencies/", "12-agencies-360px")):
        page.goto(path)
        # Nothing wider than the phone: no sideways scrolling.
        assert page.evaluate("document.documentElement.scrollWidth") <= PHONE["width"], path
        shot(page, name)
    # Keyboard: the first Tab reaches the skip link, which is visible when focused and leads to the content.
    page.goto("/tasks/")
    page.keyboard.press("Tab")
    skip_link = page.get_by_role("link", name="Bỏ qua, tới nội dung", exact=True)
    expect(skip_link).to_be_focused()
    expect(skip_link).to_be_visible()
    expect(skip_link).not_to_have_css("outline-style", "none")
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"#content$"))
    # Every visible form control has a label.
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => el.type !== 'hidden' && !(el.labels && el.labels.length) && !el.getAttribute('aria-label'))
        .map(el => el.name)""")
    assert unlabelled == []
    # Only the app's own CSS and JS: no other origin.
    origins = page.evaluate("""() => [...document.querySelectorAll('link[href], script[src]')]
        .map(el => new URL(el.href || el.src, location.href).origin)""")
    assert set(origins) <= {page.evaluate("location.origin")}


def test_a_file_over_the_cap_is_refused_before_it_is_sent(new_page, reporting_world, settings):
    settings.EVIDENCE_MAX_BYTES = 1024
    year = reporting_world
    page = new_page()
    log_in(page, "canbo")
    page.get_by_role("link", name=f"Điền báo cáo năm {year}").click()
    # The file input shows once a status is chosen (report_form.js: fields that fit the status).
    page.get_by_label("Tình trạng (nhiệm vụ 1.1)").select_option("in_progress")
    upload = page.get_by_label("Thêm tệp minh chứng (nhiệm vụ 1.1): PDF, DOCX, XLSX, JPG, PNG")
    # The page's deferred script (evidence-check.js) puts a hidden alert after each file input and checks the
    # files chosen: wait until it has run, or a file chosen before would go unchecked (the input is parsed,
    # and can be filled, before the script runs).
    expect(upload.locator("xpath=following-sibling::p[@role='alert']")).to_be_attached()
    requests = []
    page.on("request", lambda r: requests.append(r) if r.method == "POST" else None)
    upload.set_input_files({"name": "bien-ban.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + b"x" * 4000})
    alert = page.get_by_role("alert").filter(has_text="bien-ban.pdf")
    expect(alert).to_be_visible()
    # A regular expression is matched against the text as it is (no-break spaces in the sizes).
    expect(alert).to_contain_text(re.compile(re.escape("nặng 3,9\xa0KB, quá giới hạn 1,0\xa0KB")), use_inner_text=True)
    expect(alert).to_contain_text("tệp chưa được gửi")
    expect(upload).to_have_js_property("files.length", 0)
    assert requests == []  # nothing was posted (the script refused the file as it was chosen)
    # A small file passes.
    upload.set_input_files({"name": "nho.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n"})
    expect(alert).not_to_be_visible()
    expect(upload).to_have_js_property("files.length", 1)


def test_files_over_the_cap_of_one_save_are_refused_before_they_are_sent(new_page, reporting_world, settings):
    settings.EVIDENCE_MAX_BYTES_PER_SAVE = 5000
    year = reporting_world
    plan = Plan.objects.get(number="77/KH-UBND")
    make_task(plan.sections.get(), lead=Agency.objects.get(code="so-thu-nghiem"), number="1.2", title="Nhiệm vụ thứ hai")
    open_reporting_year(plan, year, None)
    page = new_page()
    log_in(page, "canbo")
    page.get_by_role("link", name=f"Điền báo cáo năm {year}").click()
    page.get_by_label("Tình trạng (nhiệm vụ 1.1)").select_option("in_progress")
    page.get_by_label("Tình trạng (nhiệm vụ 1.2)").select_option("in_progress")
    first = page.get_by_label("Thêm tệp minh chứng (nhiệm vụ 1.1): PDF, DOCX, XLSX, JPG, PNG")
    second = page.get_by_label("Thêm tệp minh chứng (nhiệm vụ 1.2): PDF, DOCX, XLSX, JPG, PNG")
    expect(second.locator("xpath=following-sibling::p[@role='alert']")).to_be_attached()
    first.set_input_files({"name": "mot.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + b"x" * 3000})
    second.set_input_files({"name": "hai.pdf", "mimeType": "application/pdf", "buffer": b"%PDF-1.4\n" + b"x" * 3000})
    alert = page.get_by_role("alert").filter(has_text="hai.pdf")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("quá giới hạn 4,9\xa0KB của một lần lưu", use_inner_text=True)
    expect(second).to_have_js_property("files.length", 0)
    expect(first).to_have_js_property("files.length", 1)
