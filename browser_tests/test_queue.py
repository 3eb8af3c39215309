"""Done when (#15): on the demo, the coordinator clears the queue from the home page (reviews two waiting reports,
each "next report" after the other, chases the missing agencies with "Nhắc ngay"), and the leader reads which
section is behind from the home page alone."""

import re

import pytest

from .conftest import expect
from .test_pages import load_demo, log_in


@pytest.mark.django_db(transaction=True)
def test_the_coordinator_clears_the_queue_and_the_leader_sees_the_section_behind(new_page, shot, mailoutbox):
    load_demo()
    page = new_page()
    log_in(page, "dieuphoi")
    queue = page.locator(".home-queue")
    expect(queue).to_contain_text(re.compile(r"Chờ xem xét \(\d+\)"))
    waiting = int(re.search(r"Chờ xem xét \((\d+)\)", queue.inner_text())[1])
    # The first report waiting, read and accepted: the next one opens by itself.
    queue.locator("#awaiting ~ ol a").first.click()
    first_url = page.url
    page.get_by_label("Tiếp nhận", exact=True).check()
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    expect(page.get_by_text("Báo cáo tiếp theo đang chờ xem xét")).to_be_visible()
    assert page.url != first_url and "/reports/" in page.url
    page.get_by_label("Tiếp nhận", exact=True).check()
    page.get_by_role("button", name="Xác nhận", exact=True).click()
    expect(page.get_by_text("Báo cáo tiếp theo đang chờ xem xét")).to_be_visible()
    # Back home: two fewer waiting; then chase the agencies that have not sent this year's report.
    page.goto("/")
    expect(page.locator(".home-queue")).to_contain_text(f"Chờ xem xét ({waiting - 2})")
    year = page.locator(".home-queue form button").first.inner_text()[-4:]
    page.locator(".home-queue form button").first.click()
    expect(page.get_by_role("list").filter(has_text="Đã gửi thư nhắc tới")).to_contain_text(f"năm {year}")
    assert any("nhắc" in m.subject.lower() or "hạn" in m.subject.lower() for m in mailoutbox)
    page.locator(".home-queue form button").first.click()  # a second click the same day sends nothing
    expect(page.get_by_text("đã được nhắc hôm nay, không nhắc lại")).to_be_visible()
    shot(page, "queue-after-chasing")

    leader = new_page()
    log_in(leader, "lanhdao")
    answer = leader.locator(".health .answer")
    expect(answer).to_contain_text(re.compile(r"Mục chậm nhất năm \d{4}:"))
    expect(leader.locator("tr.behind").first).to_be_visible()
