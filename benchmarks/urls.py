"""The site's URLs plus the benchmark's floor page; used only while the benchmark runs."""

from django.urls import path

from plan_tracker.urls import urlpatterns as site_urlpatterns

from . import views

urlpatterns = [path("__benchmark__/floor/", views.floor, name="benchmark-floor"), *site_urlpatterns]
