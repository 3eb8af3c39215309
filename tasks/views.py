from django.shortcuts import get_object_or_404, render

from .models import Plan


def plan_list(request):
    plans = list(Plan.objects.all()[:2])
    if len(plans) == 1:
        return plan_detail(request, plans[0].pk)
    return render(request, "tasks/plan_list.html", {"plans": Plan.objects.all()})


def plan_detail(request, pk):
    plan = get_object_or_404(Plan, pk=pk)
    return render(request, "tasks/plan_detail.html", {"plan": plan})
