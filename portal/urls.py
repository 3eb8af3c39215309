from django.urls import path

from . import agencies, views

app_name = "portal"

urlpatterns = [
    # The home page: by role (officer / coordinator, viewer); anonymous visitors go to log in.
    path("", views.home, name="home"),
    # The coordinator's queue: awaiting review, not yet sent (with contacts), returned; "Nhắc ngay" (POST).
    path("queue/", views.queue_page, name="queue"),
    path("queue/remind/", views.remind_now, name="remind-now"),
    # Plans: the list (or the only plan) and one plan's outline.
    path("plans/", views.plan_list, name="plan-list"),
    path("plans/<int:pk>/", views.plan_detail, name="plan-detail"),
    # Tasks across plans: filtered, sorted, paginated list; one task with its reports year by year.
    path("tasks/", views.task_list, name="task-list"),
    path("tasks/<int:pk>/", views.task_detail, name="task-detail"),
    # Agencies in Vietnamese order, with a search; one agency by its stable code.
    path("agencies/", agencies.agency_list, name="agency-list"),
    # Suggestions for an agency box (JSON): /agencies/suggest/?q=tu+phap
    path("agencies/suggest/", agencies.agency_suggest, name="suggest"),
    # Groups as the plans name them ("Các sở, ban, ngành"), by code.
    path("agencies/groups/<slug:code>/", agencies.group_detail, name="group-detail"),
    path("agencies/<slug:code>/", agencies.agency_detail, name="agency-detail"),
]
