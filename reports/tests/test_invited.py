"""Who must report (issue #13, item 5): the plan's rule. In the seed, section V obliges "các sở, ban, ngành,
UBND các huyện, thành phố" (and the police, a "ngành" the plan addresses directly); bodies above the issuer or
outside its authority (the ministry, the Party's board, the press) are invited: they may report, and are never
counted obliged, missing or late."""

import datetime

from django.core import mail
from django.urls import reverse

from agencies.models import Agency, Membership
from notifications.reminders import send_reminders
from reports.aggregates import year_figures, year_overview
from reports.models import AgencyReport
from reports.services import open_reporting_year, submit_report
from testing.factories import fill_report, local, make_agency, make_section, make_task, make_user, small_plan

OBLIGED_2024 = {
    # sở, ban, ngành (departments and the People's Committee's office)
    "so-noi-vu", "so-tu-phap", "so-ke-hoach-dau-tu", "so-tai-chinh", "so-cong-thuong", "so-nong-nghiep-ptnt",
    "so-giao-thong-van-tai", "so-xay-dung", "so-tai-nguyen-moi-truong", "so-tttt", "so-lao-dong-tbxh",
    "so-van-hoa-tt-dl", "so-khoa-hoc-cong-nghe", "so-giao-duc-dao-tao", "so-y-te", "so-ngoai-vu", "thanh-tra-tinh",
    "ban-dan-toc-tinh", "ban-quan-ly-cac-kcn", "van-phong-ubnd-tinh",
    # the police: a "ngành" whose director sits on the provincial People's Committee
    "cong-an-tinh",
    # UBND các huyện, thành phố
    "ubnd-tp-bac-giang", "ubnd-huyen-viet-yen", "ubnd-huyen-hiep-hoa", "ubnd-huyen-lang-giang", "ubnd-huyen-luc-nam",
    "ubnd-huyen-luc-ngan", "ubnd-huyen-son-dong", "ubnd-huyen-tan-yen", "ubnd-huyen-yen-dung", "ubnd-huyen-yen-the",
}
INVITED_2024 = {
    "bo-tttt",  # the ministry the compiled report goes to: above the issuer
    "ban-tuyen-giao-tu",  # a Party body the plan only "requests" ("Đề nghị Ban Tuyên giáo Tỉnh ủy")
    # the press: not named in section V (the plan names "các cơ quan báo chí" apart everywhere else)
    "bao-bac-giang", "dai-ptth-bac-giang", "tap-chi-song-thuong", "trung-tam-thong-tin-tinh",
}


def _coordinator(django_user_model):
    return make_user(django_user_model, "dieuphoi", Agency.objects.get(code="so-tttt"),
                     role=Membership.Role.COORDINATOR, email="dieuphoi@example.vn")


def _submit(plan, code, year, user, when):
    report = AgencyReport.objects.get(plan=plan, year=year, agency__code=code)
    return submit_report(fill_report(report, user), user, now=when)


def test_the_seed_obliges_section_v_bodies_and_invites_the_others(seed):
    open_reporting_year(seed, 2024, None)
    reports = AgencyReport.objects.filter(plan=seed, year=2024)
    assert {r.agency.code for r in reports if not r.invited} == OBLIGED_2024
    assert {r.agency.code for r in reports if r.invited} == INVITED_2024
    # Invited bodies get their report and their lines, so they may report.
    assert reports.get(agency__code="bo-tttt").lines.exists()


def test_invited_bodies_are_never_missing_late_or_in_the_denominator(seed, client, django_user_model):
    open_reporting_year(seed, 2024, None)
    coordinator = _coordinator(django_user_model)
    # The ministry reports, late; the Party's board never does.
    _submit(seed, "bo-tttt", 2024, coordinator, local(2024, 12, 1, 9))
    _submit(seed, "so-noi-vu", 2024, coordinator, local(2024, 11, 10, 9))
    f = year_figures(seed, [2024])[2024]
    assert f.obliged == 31
    assert (f.on_time, f.late) == (1, 0)
    assert f.missing(datetime.date(2024, 12, 31)) == 30
    assert f.completeness == 100.0 / 31

    overview = year_overview(seed, 2024, datetime.date(2024, 12, 31))
    listed = {row.agency.code for row in overview.rows}
    assert listed == OBLIGED_2024
    assert {row.agency.code for row in overview.invited} == INVITED_2024

    client.force_login(coordinator)
    html = client.get(reverse("reports:year-overview", args=[seed.pk, 2024])).content.decode()
    obliged_part, invited_part = html.split("Được mời báo cáo", 1)
    assert "Bộ Thông tin và Truyền thông" not in obliged_part
    assert "Ban Tuyên giáo Tỉnh ủy" not in obliged_part
    assert "Bộ Thông tin và Truyền thông" in invited_part and "Ban Tuyên giáo Tỉnh ủy" in invited_part
    assert "Chưa gửi (không bắt buộc)" in invited_part  # the Party board, which sent nothing
    assert "state-late" not in html  # the ministry's report came after the due date: not late

    html = client.get(reverse("reports:year-submissions", args=[seed.pk, 2024])).content.decode()
    # The list of reports, after the year's parameters (whose "Nơi nhận" names the ministry).
    obliged_part, invited_part = html.split("</details>", 1)[1].split("Được mời báo cáo", 1)
    assert "Bộ Thông tin và Truyền thông" not in obliged_part and "Bộ Thông tin và Truyền thông" in invited_part
    assert "Đã gửi: 1 ·" in html.split("Được mời báo cáo", 1)[0]  # Sở Nội vụ; the ministry's report is not counted

    # The home page's counts for the year divide by the obliged only.
    from portal.views import _overview_home
    plan_year, = [py for py in _overview_home(datetime.date(2024, 12, 1), ())["plan_years"] if py.plan == seed]
    assert (plan_year.obliged, plan_year.submitted) == (31, 1)


def test_an_invited_body_that_reports_shows_its_report(seed, client, django_user_model):
    open_reporting_year(seed, 2024, None)
    coordinator = _coordinator(django_user_model)
    report = _submit(seed, "ban-tuyen-giao-tu", 2024, coordinator, local(2024, 11, 1, 9))
    client.force_login(coordinator)
    html = client.get(reverse("reports:year-overview", args=[seed.pk, 2024])).content.decode()
    invited_part = html.split("Được mời báo cáo", 1)[1]
    assert reverse("reports:report-detail", args=[report.pk]) in invited_part
    assert "Đã gửi" in invited_part
    detail = client.get(report.get_absolute_url()).content.decode()
    assert "Hoàn thành tốt." in detail


def test_invited_bodies_get_no_reminder_and_are_not_in_the_digest(seed, django_user_model, settings):
    settings.REMINDER_OFFSETS_DAYS = [7]
    settings.REMINDER_OVERDUE_EVERY_DAYS = 7
    open_reporting_year(seed, 2024, None)
    _coordinator(django_user_model)
    make_user(django_user_model, "bo", Agency.objects.get(code="bo-tttt"), email="canbo@bo.example.vn")
    make_user(django_user_model, "noivu", Agency.objects.get(code="so-noi-vu"), email="canbo@noivu.example.vn")
    for day in (datetime.date(2024, 11, 8), datetime.date(2024, 11, 16)):  # a week before; a day after
        mail.outbox.clear()
        send_reminders(day)
        to = {a for m in mail.outbox for a in m.to}
        assert "canbo@noivu.example.vn" in to
        assert "canbo@bo.example.vn" not in to
        digest, = [m for m in mail.outbox if "dieuphoi@example.vn" in m.to]
        assert "/31 đơn vị" in digest.body
        assert "Bộ Thông tin và Truyền thông" not in digest.body.split("Chưa gửi", 1)[-1]


def test_a_new_plan_obliges_everyone_named_and_a_changed_rule_applies_when_the_year_is_reopened(db):
    plan, who = small_plan()
    ministry = make_agency(name="Bộ Thử", kind="ministry")
    make_task(make_section(plan), lead=ministry, number="9.1")
    open_reporting_year(plan, 2024, None)
    assert not AgencyReport.objects.filter(plan=plan, year=2024, invited=True).exists()  # default: all kinds

    plan.obliged_kinds = ["department", "district"]
    plan.save()
    open_reporting_year(plan, 2024, None)
    open_reporting_year(plan, 2024, None)  # twice: nothing added twice
    assert list(AgencyReport.objects.filter(plan=plan, year=2024, invited=True).values_list("agency", flat=True)) == [
        ministry.pk]
    assert AgencyReport.objects.filter(plan=plan, year=2024).count() == 4
    assert year_figures(plan, [2024])[2024].obliged == 3


def test_the_plan_admin_edits_the_rule(admin_client, seed):
    url = reverse("admin:tasks_plan_change", args=[seed.pk])
    html = admin_client.get(url).content.decode()
    assert 'name="obliged_kinds"' in html and 'value="police"' in html


def test_an_invited_bodys_report_is_never_called_late_or_overdue(seed, client, django_user_model, mailoutbox):
    """Its report page and badge show no "muộn" / "quá hạn", its calendar no report due date, and the coordinators'
    mail about its submission says nothing of timing."""
    from notifications.calendar import feed_events
    from reports.services import open_reporting_year

    ministry = Agency.objects.get(code="bo-tttt")
    open_reporting_year(seed, 2024, None)
    report = AgencyReport.objects.get(plan=seed, year=2024, agency=ministry)
    assert report.invited and report.owes_report is False and report.timeliness is None
    officer = make_user(django_user_model, "bo", ministry)
    client.force_login(officer)
    html = client.get(report.get_absolute_url()).content.decode()
    assert "quá hạn" not in html and 'class="badge late"' not in html
    assert not [e for e in feed_events(ministry) if e[0] == "report"]

    submit_report(fill_report(report, officer), officer, now=local(2024, 12, 20, 9))  # after the due date
    html = client.get(report.get_absolute_url()).content.decode()
    assert "được mời" in html and 'class="badge late"' not in html
    assert all("muộn" not in m.body for m in mailoutbox)
