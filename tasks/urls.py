from django.urls import path

from . import views

app_name = "tasks"

urlpatterns = [
    # Plans: the list (or the only plan) and one plan's outline.
    path("", views.plan_list, name="plan-list"),
    path("plans/<int:pk>/", views.plan_detail, name="plan-detail"),
]
