"""The officer's journey, session 14 (issue #18): what changed in how its pages are computed, read through the pages.

* "My reports": the officer's agencies' reports read by a statement compiled once per number of agencies
  (``reports.statements.AGENCIES_REPORTS``) instead of a queryset built and compiled at every page: the same rows,
  in the same order, for one agency or several, and none of another agency's.
"""

import re

import pytest
from django.core.cache import cache
from django.test import Client
from django.urls import reverse

from agencies.models import Membership
from reports.models import AgencyReport
from testing.factories import make_plan, make_user, open_year, report_world

MY_REPORTS = reverse("reports:my-reports")
REPORT_LINK = re.compile(r'<td><a href="/reports/(\d+)/">')


@pytest.fixture
def world(db, django_user_model):
    cache.clear()
    return report_world(django_user_model)


def signed_in(user):
    browser = Client()
    browser.force_login(user)
    return browser


def listed(user):
    response = signed_in(user).get(MY_REPORTS)
    assert response.status_code == 200
    return [int(pk) for pk in REPORT_LINK.findall(response.content.decode())]


def test_my_reports_lists_the_agencies_reports_in_order_and_no_other(world, django_user_model):
    plan, who = world.plan, world.who
    open_year(plan, 2023)
    other_plan = make_plan(number="99/KH-UBND", start_year=2024, end_year=2024)
    AgencyReport.objects.create(plan=other_plan, agency=who["districts"][0], year=2024)
    AgencyReport.objects.create(plan=other_plan, agency=who["districts"][1], year=2024)
    officer = make_user(django_user_model, "two-agencies", who["dept"])
    Membership.objects.create(user=officer, agency=who["districts"][0], role=Membership.Role.OFFICER)
    mine = [who["dept"].pk, who["districts"][0].pk]
    expected = list(AgencyReport.objects.filter(agency_id__in=mine).order_by("-year", "plan__number", "agency__name")
                    .values_list("pk", flat=True))
    assert len(expected) >= 4 and len({r.year for r in AgencyReport.objects.filter(pk__in=expected)}) == 2
    assert listed(officer) == expected
    # One agency (another number of agencies: its own statement): its reports alone.
    assert listed(world.officer) == list(AgencyReport.objects.filter(agency=who["dept"])
                                         .order_by("-year", "plan__number").values_list("pk", flat=True))


def test_my_reports_for_a_user_of_no_agency(world, django_user_model):
    html = signed_in(make_user(django_user_model, "nobody")).get(MY_REPORTS).content.decode()
    assert "Tài khoản của bạn chưa được gán cho cơ quan nào" in html and not REPORT_LINK.search(html)
