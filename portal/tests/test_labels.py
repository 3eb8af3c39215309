"""Labels that confused (#15 item 4): one state per report, the privacy note once, one Vietnamese order."""

import re

import pytest
from django.urls import reverse

from agencies.models import Membership
from reports.models import AgencyReport
from reports.services import review_report, submit_report
from testing.factories import fill_report, local, make_agency, make_user, open_year, small_plan


@pytest.fixture
def year(db, django_user_model):
    plan, who = small_plan(n_districts=2)
    open_year(plan, 2025)
    coordinator = make_user(django_user_model, "dieuphoi", make_agency(name="Sở TT&TT"),
                            role=Membership.Role.COORDINATOR)
    return plan, who, coordinator


def test_an_untouched_draft_is_not_started_and_names_no_last_saver(client, year, django_user_model):
    plan, who, coordinator = year
    report = AgencyReport.objects.get(plan=plan, year=2025, agency=who["dept"])
    AgencyReport.objects.filter(pk=report.pk).update(updated_by=coordinator)  # the coordinator opened the year
    officer = make_user(django_user_model, "canbo", who["dept"])
    client.force_login(officer)
    html = client.get(report.get_absolute_url()).content.decode()
    assert "Lưu gần nhất" not in html
    home = client.get(reverse("portal:home")).content.decode()
    assert "Chưa bắt đầu" in home and "Đang soạn" not in home


def test_a_returned_late_report_reads_returned_and_sent_late(client, year, django_user_model):
    plan, who, coordinator = year
    officer = make_user(django_user_model, "canbo", who["dept"])
    report = fill_report(AgencyReport.objects.get(plan=plan, year=2025, agency=who["dept"]), officer)
    report = submit_report(report, officer, now=local(2025, 12, 1, 9))
    review_report(report, coordinator, accept=False, comment="Bổ sung")
    client.force_login(officer)
    home = client.get(reverse("portal:home")).content.decode()
    assert "Bị trả lại</span> <span class=\"badge late\">gửi muộn</span>" in home
    assert not re.search(r"Bị trả lại</span>\s*<span[^>]*>muộn<", home)


def test_the_privacy_note_is_said_once_per_year_on_the_task_page(client, year, django_user_model):
    plan, who, coordinator = year
    for i, district in enumerate(who["districts"]):
        officer = make_user(django_user_model, f"huyen{i}", district)
        report = fill_report(AgencyReport.objects.get(plan=plan, year=2025, agency=district), officer)
        submit_report(report, officer, now=local(2025, 11, 1, 9))
    client.force_login(make_user(django_user_model, "canbo", who["dept"]))
    task = plan.tasks.get(number="1.2")
    html = client.get(reverse("portal:task-detail", args=[task.pk])).content.decode()
    assert html.count("Chỉ cơ quan tổng hợp và lãnh đạo xem được nội dung.") == 1


def test_the_submissions_list_sorts_names_as_the_overview_does(client, year):
    plan, who, coordinator = year
    for name in ("Sở Đường sắt", "Sở Du lịch", "Sở Ân xá", "Sở An ninh"):
        AgencyReport.objects.create(plan=plan, year=2025, agency=make_agency(name=name, kind="department"))
    client.force_login(coordinator)
    names = ["Sở An ninh", "Sở Ân xá", "Sở Du lịch", "Sở Đường sắt"]

    def order(html):
        return sorted(names, key=html.index)

    submissions = client.get(reverse("reports:year-submissions", args=[plan.pk, 2025])).content.decode()
    overview = client.get(reverse("reports:year-overview", args=[plan.pk, 2025])).content.decode()
    assert order(submissions) == names == order(overview)


def test_vietnamese_data_is_marked_lang_vi_in_the_english_interface(client, year, django_user_model):
    plan, who, coordinator = year
    client.force_login(coordinator)
    client.cookies["django_language"] = "en"
    html = client.get(reverse("portal:task-list")).content.decode()
    assert '<html lang="en">' in html
    assert re.search(r'<a [^>]*lang="vi">1\.1\. ', html)  # a task's title
    assert re.search(r'<a class="agency" [^>]*lang="vi">Sở Thử nghiệm</a>', html)
