"""Measure the officer's report form (issue #14): the page's height in CSS px and the Tab presses from the top of
the page to the "Lưu nháp" button, at 1366 and 360 px wide, with a screenshot of each.

    .venv/bin/python manage.py runserver 127.0.0.1:8714 &   # on the `make setup-db` demo
    .venv/bin/python browser_tests/measure_report_form.py http://127.0.0.1:8714 so.tuphap tuphap-demo-2023 LABEL
"""

import sys

from playwright.sync_api import sync_playwright


def main(base, username, password, label, out="shots"):
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=["--disable-gpu", "--disable-dev-shm-usage"])
        for width, height in ((1366, 900), (360, 740)):
            context = browser.new_context(viewport={"width": width, "height": height}, locale="vi-VN", base_url=base)
            page = context.new_page()
            page.goto("/accounts/login/")
            page.fill("input[name=username]", username)
            page.fill("input[name=password]", password)
            page.click("button[type=submit]:has-text('Đăng nhập')")
            page.wait_for_load_state()
            page.goto("/reports/")
            page.locator("a[href*='/reports/']", has_text="2026").first.click()
            page.wait_for_load_state()
            page_height = page.evaluate("document.documentElement.scrollHeight")
            button = page.locator("button[name=save]").first
            button_top = page.evaluate("(b) => b.getBoundingClientRect().top + window.scrollY", button.element_handle())
            page.evaluate("window.scrollTo(0, 0)")
            page.evaluate("document.activeElement && document.activeElement.blur()")
            presses = None
            for i in range(1, 400):
                page.keyboard.press("Tab")
                if page.evaluate("document.activeElement && document.activeElement.name === 'save'"):
                    presses = i
                    break
            page.screenshot(path=f"{out}/form-{label}-{width}.png", full_page=True)
            print(f"{label} {width}px: page height {page_height} px, 'Lưu nháp' at y={button_top:.0f}, Tab presses {presses}")
            context.close()
        browser.close()


if __name__ == "__main__":
    main(*sys.argv[1:5])
