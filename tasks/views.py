from django.db.models import Count, Prefetch
from django.shortcuts import get_object_or_404, render

from .models import Plan, Responsibility, Section, Task


def plan_list(request):
    """The home page for now: the only plan's outline, or the list when there are several."""
    plans = list(Plan.objects.annotate(task_count=Count("tasks")).select_related("issuer")[:2])
    if len(plans) == 1:
        return plan_detail(request, plans[0].pk)
    plans = Plan.objects.annotate(task_count=Count("tasks")).select_related("issuer")
    return render(request, "tasks/plan_list.html", {"plans": plans})


def plan_detail(request, pk):
    plan = get_object_or_404(Plan.objects.select_related("issuer", "report_recipient"), pk=pk)
    outline = Section.objects.outline(plan, tasks=Task.objects.with_agencies())
    responsibilities = plan.responsibilities.all()
    return render(
        request,
        "tasks/plan_detail.html",
        {"plan": plan, "outline": outline, "responsibilities": responsibilities},
    )
