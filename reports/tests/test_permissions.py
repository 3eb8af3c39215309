"""Who may do what, for every URL of the reporting loop (pretix-style matrix).

Each row: URL name, the object it is called on, method, and the expected status for each persona in
PERSONAS order. ``test_every_url_is_in_the_matrix`` fails when a URL is added without a row."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import URLPattern, get_resolver, reverse

from agencies.models import Membership
from reports.exports import pdf as pdf_export
from reports.models import AgencyReport
from reports.services import review_report, save_report, submit_report
from testing.factories import fill_report, make_user, open_year, small_plan

PERSONAS = ["anonymous", "officer", "other_officer", "coordinator", "viewer", "admin", "staff"]
LOGIN = 302  # anonymous users are sent to the login page
PDF = 200 if pdf_export.available() else 404

# (url name, object, method): statuses for anonymous, officer, other_officer, coordinator, viewer, admin, staff
# (staff: may enter the Django admin, with no permission and no membership: no role in the app). A power the
# user lacks (review, reopen, open a year, export) answers 403 before any object is looked up.
MATRIX = {
    ("reports:my-reports", None, "get"): [LOGIN, 200, 200, 200, 200, 200, 200],
    ("reports:my-reports", None, "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:report-detail", "draft", "get"): [LOGIN, 200, 404, 200, 200, 200, 404],
    ("reports:report-detail", "draft", "post"): [LOGIN, 400, 404, 403, 403, 403, 404],
    ("reports:report-detail", "submitted", "get"): [LOGIN, 200, 404, 200, 200, 200, 404],
    ("reports:report-detail", "submitted", "post"): [LOGIN, 403, 404, 403, 403, 403, 404],
    ("reports:report-submit", "draft", "get"): [LOGIN, 200, 404, 403, 403, 403, 404],
    ("reports:report-submit", "draft", "post"): [LOGIN, 400, 404, 403, 403, 403, 404],
    ("reports:report-submit", "submitted", "post"): [LOGIN, 403, 404, 403, 403, 403, 404],
    ("reports:report-review", "submitted", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:report-review", "submitted", "post"): [LOGIN, 403, 403, 302, 403, 302, 403],
    ("reports:report-review", "draft", "post"): [LOGIN, 403, 403, 302, 403, 302, 403],
    ("reports:report-reopen", "accepted", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:report-reopen", "accepted", "post"): [LOGIN, 403, 403, 403, 403, 302, 403],
    ("reports:report-history", "draft", "get"): [LOGIN, 200, 404, 404, 404, 404, 404],
    ("reports:report-history", "submitted", "get"): [LOGIN, 200, 404, 200, 200, 200, 404],
    ("reports:report-history", "submitted", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:evidence-download", "evidence_submitted", "get"): [LOGIN, 200, 404, 200, 200, 200, 404],
    ("reports:evidence-download", "evidence_draft", "get"): [LOGIN, 200, 404, 404, 404, 404, 404],
    ("reports:evidence-download", "evidence_submitted", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:evidence-delete", "evidence_draft", "get"): [LOGIN, 200, 404, 404, 404, 404, 404],  # asks first
    ("reports:evidence-delete", "evidence_draft", "post"): [LOGIN, 302, 404, 404, 404, 404, 404],
    ("reports:evidence-delete", "evidence_submitted", "post"): [LOGIN, 403, 404, 403, 403, 403, 404],
    ("reports:open-year", "plan", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:open-year", "plan", "post"): [LOGIN, 403, 403, 302, 403, 302, 403],
    ("reports:year-submissions", "plan_year", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:year-submissions", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    # The year's reporting parameters: coordinators and admins (an empty form: 400, refused with its errors)
    ("reports:year-parameters", "plan_year", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-parameters", "plan_year", "post"): [LOGIN, 403, 403, 400, 403, 400, 403],
    # The year's aggregates: coordinators, viewers, admins; officers 404 (not theirs to see)
    ("reports:year-overview", "plan_year", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:year-overview", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-tasks", "plan_year", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:year-tasks", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-task", "plan_year_task", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:year-task", "plan_year_task", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-indicators", "plan_year", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:year-indicators", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-feedback", "plan_year", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:year-feedback", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:plan-years", "plan", "get"): [LOGIN, 404, 404, 200, 200, 200, 404],
    ("reports:plan-years", "plan", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    # The compiled exports are the coordinator's: viewers (read-only leaders) 403
    ("reports:year-export-xlsx", "plan_year", "get"): [LOGIN, 403, 403, 200, 403, 200, 403],
    ("reports:year-export-xlsx", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-export-docx", "plan_year", "get"): [LOGIN, 403, 403, 200, 403, 200, 403],
    ("reports:year-export-docx", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    # The PDF where LibreOffice is installed; where it is not, no link and 404 (the DOCX always)
    ("reports:year-export-pdf", "plan_year", "get"): [LOGIN, 403, 403, PDF, 403, PDF, 403],
    ("reports:year-export-pdf", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    # The coordinator's draft of the compiled report: coordinators and admins, like the exports (a part saved
    # or regenerated with no version read: 409, the stale-edit refusal)
    ("reports:year-draft", "plan_year", "get"): [LOGIN, 403, 403, 200, 403, 200, 403],
    ("reports:year-draft", "plan_year", "post"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-draft-regenerate", "plan_year", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-draft-regenerate", "plan_year", "post"): [LOGIN, 403, 403, 302, 403, 302, 403],
    ("reports:year-draft-part", "plan_year_part", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-draft-part", "plan_year_part", "post"): [LOGIN, 403, 403, 409, 403, 409, 403],
    ("reports:year-draft-part-regenerate", "plan_year_part", "get"): [LOGIN, 405, 405, 405, 405, 405, 405],
    ("reports:year-draft-part-regenerate", "plan_year_part", "post"): [LOGIN, 403, 403, 409, 403, 409, 403],
    # accounts
    ("login", None, "get"): [200, 200, 200, 200, 200, 200, 200],
    ("logout", None, "get"): [405, 405, 405, 405, 405, 405, 405],
    ("logout", None, "post"): [302, 302, 302, 302, 302, 302, 302],
    ("password_change", None, "get"): [LOGIN, 200, 200, 200, 200, 200, 200],
    ("password_change_done", None, "get"): [LOGIN, 200, 200, 200, 200, 200, 200],
    ("password_reset", None, "get"): [200, 200, 200, 200, 200, 200, 200],
    ("password_reset_done", None, "get"): [200, 200, 200, 200, 200, 200, 200],
    ("password_reset_confirm", "reset_token", "get"): [302, 302, 302, 302, 302, 302, 302],  # to the set-password form
    ("password_reset_complete", None, "get"): [200, 200, 200, 200, 200, 200, 200],
}

PDF = b"%PDF-1.4\n%%EOF\n"


@pytest.fixture
def world(db, django_user_model, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    plan, who = small_plan()
    open_year(plan, 2024)
    a, b = who["dept"], who["districts"][0]
    users = {
        "officer": make_user(django_user_model, "officer", a),
        "other_officer": make_user(django_user_model, "other", b),
        "coordinator": make_user(django_user_model, "coord", who["districts"][1], role=Membership.Role.COORDINATOR),
        "viewer": make_user(django_user_model, "viewer", who["districts"][1], role=Membership.Role.VIEWER),
        "admin": django_user_model.objects.create_superuser("root", password="x"),
        "staff": make_user(django_user_model, "staff", is_staff=True),
    }
    # Three reports of agency A in three states, in three years.
    draft = AgencyReport.objects.get(plan=plan, year=2024, agency=a)
    open_year(plan, 2023)
    open_year(plan, 2025)
    submitted = submit_report(fill_report(AgencyReport.objects.get(plan=plan, year=2023, agency=a), users["officer"]),
                              users["officer"])
    accepted = review_report(
        submit_report(fill_report(AgencyReport.objects.get(plan=plan, year=2025, agency=a), users["officer"]),
                      users["officer"]), users["coordinator"], accept=True)

    def with_evidence(report, state):
        line = report.lines.first()
        upload = SimpleUploadedFile(f"{state}.pdf", PDF)
        if report.status != "draft":
            AgencyReport.objects.filter(pk=report.pk).update(status="draft")
            report.refresh_from_db()
        save_report(report, users["officer"], expected_version=report.version, uploads=[(line, upload, "application/pdf")])
        AgencyReport.objects.filter(pk=report.pk).update(status=state)
        return line.evidence.get()

    objects = {
        "draft": draft, "submitted": submitted, "accepted": accepted, "plan": plan,
        "evidence_draft": with_evidence(draft, "draft"),
        "evidence_submitted": with_evidence(AgencyReport.objects.get(pk=submitted.pk), "submitted"),
    }
    return users, objects


def _url(name, obj, objects, users):
    if obj is None:
        return reverse(name)
    if obj == "plan_year_task":
        return reverse(name, args=[objects["plan"].pk, 2024, objects["plan"].tasks.order_by("number").first().pk])
    if obj == "plan_year":
        return reverse(name, args=[objects["plan"].pk, 2024])
    if obj == "plan_year_part":
        import datetime

        from reports import aggregates, drafts

        plan = objects["plan"]
        draft = drafts.regenerate(plan, 2024, aggregates.compile_year(plan, 2024, datetime.date(2025, 1, 1)),
                                  users["coordinator"])
        return reverse(name, args=[plan.pk, 2024, draft.parts.first().pk])
    if obj == "reset_token":
        from django.contrib.auth.tokens import default_token_generator
        from django.utils.encoding import force_bytes
        from django.utils.http import urlsafe_base64_encode

        user = users["officer"]
        return reverse(name, args=[urlsafe_base64_encode(force_bytes(user.pk)), default_token_generator.make_token(user)])
    return reverse(name, args=[objects[obj].pk])


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("key", list(MATRIX), ids=["{}-{}-{}".format(*k) for k in MATRIX])
def test_permission_matrix(client, world, persona, key):
    users, objects = world
    name, obj, method = key
    expected = MATRIX[key][PERSONAS.index(persona)]
    if persona != "anonymous":
        client.force_login(users[persona])
    response = getattr(client, method)(_url(name, obj, objects, users))
    if response.streaming:
        # Reading it all lets the test client close the file (response.close() would drop the DB connection).
        assert b"".join(response.streaming_content) == PDF
    assert response.status_code == expected, (persona, key, response.status_code)
    if expected == LOGIN and persona == "anonymous" and name.startswith("reports:"):
        assert response["Location"].startswith(reverse("login"))


def _names(patterns, prefix=""):
    for p in patterns:
        if isinstance(p, URLPattern):
            yield prefix + p.name
        else:
            ns = f"{p.namespace}:" if p.namespace else ""
            yield from _names(p.url_patterns, prefix + ns)


def test_every_url_is_in_the_matrix():
    """A new URL under reports/ or accounts/ must get its rows here."""
    import accounts.urls
    import reports.urls

    names = {"reports:" + n for n in _names(reports.urls.urlpatterns)} | set(_names(accounts.urls.urlpatterns))
    assert names == {name for name, _obj, _m in MATRIX}
