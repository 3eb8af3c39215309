"""The Content-Security-Policy in a real Chromium (README "Security"): the site's pages and the admin pages staff use
(lists with actions, a change form with its date shortcuts, import, export with "select all", history, adding a
user) work under the policy, and the browser reports no violation; the sign-in lock-out page as a person sees it."""

import re

import pytest

from agencies.models import Membership
from testing.factories import make_agency, make_user
from testing.scenarios import build_world

from .conftest import expect

pytestmark = pytest.mark.django_db(transaction=True)

# Collects what the browser refuses under the policy (before any page script runs; DevTools-injected, so the
# policy does not apply to this listener itself).
WATCH_VIOLATIONS = """
window.__violations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample || ""} at ${e.sourceFile || ""}:${e.lineNumber}`);
});
"""


def watched(new_page):
    page = new_page()
    page.add_init_script(WATCH_VIOLATIONS)
    console = []
    page.on("console", lambda message: console.append(message.text) if message.type in ("error", "warning") else None)
    return page, console


def violations(page):
    return page.evaluate("window.__violations")


def sign_in(page, username):
    page.goto("/accounts/login/")
    page.locator("input[name=username]").fill(username)
    page.locator("input[name=password]").fill("pw-" + username)
    page.get_by_role("button", name="Đăng nhập").click()
    page.wait_for_url(re.compile(r"^https?://[^/]+/$"))


def test_the_site_and_the_admin_work_under_the_policy(new_page, django_user_model, shot):
    world = build_world()
    make_user(django_user_model, "quantri", is_staff=True, is_superuser=True)
    make_user(django_user_model, "dieuphoi", make_agency(code="dieu-phoi"), role=Membership.Role.COORDINATOR)
    page, console = watched(new_page)
    sign_in(page, "quantri")

    seen = {}

    def visit(path):
        response = page.goto(path)
        assert response.status == 200, path
        assert "script-src 'self'" in response.headers["content-security-policy"]
        seen[path] = violations(page)

    # The site's pages with scripts: the task list's agency suggestions.
    visit("/tasks/")
    page.get_by_label("Cơ quan", exact=True).press_sequentially("viet yen", delay=30)
    expect(page.locator("#agency-suggestions option[value='UBND huyện Việt Yên (ubnd-huyen-viet-yen)']")).to_be_attached()
    visit(f"/tasks/{world.t1.pk}/")
    visit("/")

    # Admin: a list with its actions (admin/js/actions.js): "select all" ticks every row.
    visit("/admin/tasks/task/")
    page.locator("#action-toggle").check()
    expect(page.locator("input.action-select").first).to_be_checked()
    expect(page.locator(".action-counter")).to_contain_text("6")
    # A change form: the date shortcut ("Hôm nay"/"Today", admin/js/admin/DateTimeShortcuts.js) fills the date.
    visit(f"/admin/tasks/task/{world.t3.pk}/change/")
    date = page.locator("input#id_due_date")
    date.fill("")
    page.locator("#id_due_date ~ .datetimeshortcuts a").first.click()  # "Hôm nay"
    expect(date).not_to_have_value("")
    visit(f"/admin/tasks/task/{world.t3.pk}/history/")
    visit("/admin/tasks/task/import/")
    # Export: the library's "select all" box, bound by our static script instead of its inline handler.
    visit("/admin/tasks/task/export/")
    toggle = page.locator("input.select-toggle")
    fields = page.locator(".selectable-field-export-row input[type=checkbox]")
    toggle.uncheck()
    expect(fields.first).not_to_be_checked()
    toggle.check()
    expect(fields.first).to_be_checked()
    visit("/admin/auth/user/add/")
    visit("/admin/axes/accessattempt/")
    visit("/admin/")
    shot(page, "security-admin-under-csp")

    assert {path: found for path, found in seen.items() if found} == {}
    refused = [line for line in console if "Content Security Policy" in line or "Permissions-Policy" in line
               or "Unrecognized feature" in line]
    assert refused == []


def test_the_lock_out_page_in_the_browser(new_page, django_user_model, settings, shot):
    settings.AXES_ENABLED = True
    make_user(django_user_model, "so.tuphap", make_agency())
    page, _console = watched(new_page)
    page.goto("/accounts/login/")
    for attempt in range(5):
        page.locator("input[name=username]").fill("so.tuphap")
        page.locator("input[name=password]").fill(f"sai-{attempt}")
        page.get_by_role("button", name="Đăng nhập").click()
        if attempt < 4:
            expect(page.get_by_text("Vui lòng điền vào Tên đăng nhập và mật khẩu chính xác", exact=False)).to_be_visible()
    expect(page.get_by_role("heading", name="Tạm khóa đăng nhập")).to_be_visible()
    expect(page.get_by_text(re.compile(r"Bạn có thể thử lại sau \d{2}:\d{2} ngày \d{2}/\d{2}/\d{4}"))).to_be_visible()
    shot(page, "security-locked-out")
    page.get_by_role("link", name="Quay lại trang đăng nhập").click()
    page.locator("input[name=username]").fill("so.tuphap")
    page.locator("input[name=password]").fill("pw-so.tuphap")
    page.get_by_role("button", name="Đăng nhập").click()
    expect(page.get_by_role("heading", name="Tạm khóa đăng nhập")).to_be_visible()
    assert violations(page) == []
