from django.urls import path

from . import views

app_name = "tasks"

urlpatterns = [
    # The home page: by role (officer / coordinator, viewer); anonymous visitors go to log in.
    path("", views.home, name="home"),
    # Plans: the list (or the only plan) and one plan's outline.
    path("plans/", views.plan_list, name="plan-list"),
    path("plans/<int:pk>/", views.plan_detail, name="plan-detail"),
    # Tasks across plans: filtered, sorted, paginated list; one task with its reports year by year.
    path("tasks/", views.task_list, name="task-list"),
    path("tasks/<int:pk>/", views.task_detail, name="task-detail"),
]
