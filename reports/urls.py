from django.urls import path

from . import views

app_name = "reports"

urlpatterns = [
    # An officer's reports; the coordinator's reporting years
    path("", views.my_reports, name="my-reports"),
    # One agency report: read / fill in, submit, review, reopen, history
    path("<int:pk>/", views.report_detail, name="report-detail"),
    path("<int:pk>/submit/", views.report_submit, name="report-submit"),
    path("<int:pk>/review/", views.report_review, name="report-review"),
    path("<int:pk>/reopen/", views.report_reopen, name="report-reopen"),
    path("<int:pk>/history/", views.report_history, name="report-history"),
    # Evidence files, only through these permission-checked views
    path("evidence/<int:pk>/", views.evidence_download, name="evidence-download"),
    path("evidence/<int:pk>/delete/", views.evidence_delete, name="evidence-delete"),
    # The coordinator's pages for a plan and year
    path("plan/<int:plan_pk>/open/", views.open_year, name="open-year"),
    path("plan/<int:plan_pk>/<int:year>/submissions/", views.year_submissions, name="year-submissions"),
]
