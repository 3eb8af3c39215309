from django.urls import path

from . import draft_views, overview_views, views

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
    path("plan/<int:plan_pk>/<int:year>/parameters/", views.year_parameters, name="year-parameters"),
    # The year's aggregates for coordinators, viewers and admins, and the compiled exports (coordinators)
    path("<int:plan_pk>/<int:year>/", overview_views.overview, name="year-overview"),
    path("<int:plan_pk>/<int:year>/tasks/", overview_views.tasks, name="year-tasks"),
    path("<int:plan_pk>/<int:year>/tasks/<int:task_pk>/", overview_views.task_detail, name="year-task"),
    path("<int:plan_pk>/<int:year>/indicators/", overview_views.indicators, name="year-indicators"),
    path("<int:plan_pk>/<int:year>/feedback/", overview_views.feedback, name="year-feedback"),
    path("<int:plan_pk>/<int:year>/export.xlsx", overview_views.export_xlsx, name="year-export-xlsx"),
    path("<int:plan_pk>/<int:year>/export.docx", overview_views.export_docx, name="year-export-docx"),
    path("<int:plan_pk>/<int:year>/export.pdf", overview_views.export_pdf, name="year-export-pdf"),
    path("<int:plan_pk>/<int:year>/draft/", draft_views.draft, name="year-draft"),
    path("<int:plan_pk>/<int:year>/draft/regenerate/", draft_views.draft_regenerate, name="year-draft-regenerate"),
    path("<int:plan_pk>/<int:year>/draft/<int:part_pk>/", draft_views.draft_part_save, name="year-draft-part"),
    path("<int:plan_pk>/<int:year>/draft/<int:part_pk>/regenerate/", draft_views.draft_part_regenerate,
         name="year-draft-part-regenerate"),
    path("<int:plan_pk>/years/", overview_views.years, name="plan-years"),
]
