"""The floor of the page benchmark: a trivial signed-in page that runs one query of its own.

Served only by the benchmark's URLconf (benchmarks.urls), never by the site's."""

from django.contrib.auth.decorators import login_required
from django.shortcuts import render
from django.views.decorators.http import require_GET

from tasks.models import Plan


@login_required
@require_GET
def floor(request):
    # One query (besides the session and the user every signed-in page loads).
    newest = Plan.objects.order_by("-pk").values_list("pk", flat=True).first()
    return render(request, "benchmarks/floor.html", {"newest": newest})
