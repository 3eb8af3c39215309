from django.urls import path

from . import views

app_name = "agencies"

urlpatterns = [
    # Agencies in Vietnamese order, with a search; one agency by its stable code.
    path("", views.agency_list, name="agency-list"),
    # Groups as the plans name them ("Các sở, ban, ngành"), by code.
    # Suggestions for an agency box (JSON): /agencies/suggest/?q=tu+phap
    path("suggest/", views.agency_suggest, name="suggest"),
    path("groups/<slug:code>/", views.group_detail, name="group-detail"),
    path("<slug:code>/", views.agency_detail, name="agency-detail"),
]
