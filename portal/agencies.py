"""Agencies and agency groups: the list (sorted the Vietnamese way), one agency, one group."""

from django import forms
from django.contrib.auth.decorators import login_required
from django.db.models import Count, Prefetch, Q, prefetch_related_objects
from django.http import JsonResponse
from django.shortcuts import get_object_or_404, render
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from accounts.roles import Roles
from plan_tracker.cache import SITE, remember
from plan_tracker.text import fold
from agencies.models import Agency, AgencyGroup
from reports import completion
from reports.completion import with_deadline_states
from reports.models import AgencyReport
from tasks.models import Assignment, Responsibility

from . import fragments
from .filters import agency_label
from .views import listed_tasks


class AgencySearchForm(forms.Form):
    q = forms.CharField(label=_("Tìm cơ quan"), required=False,
                        help_text=_("Tên, tên viết tắt hoặc mã; gõ có dấu hoặc không dấu."))
    kind = forms.ChoiceField(label=_("Loại"), required=False,
                             choices=[("", _("Mọi loại"))] + list(Agency.Kind.choices))


@login_required
@require_GET
def agency_list(request):
    """The agencies, Vietnamese order, AGENCIES_PER_PAGE to a page, with their groups; the groups with their
    member counts."""
    today = timezone.localdate()
    form = AgencySearchForm(fragments.form_data(request.GET, AgencySearchForm))
    # Keyed on what the search means and the page shown (as the task list: fragments.canonical_query).
    canonical = fragments.canonical_query(form)
    search = tuple(sorted(canonical.items()))

    def agencies():
        found = Agency.objects.vietnamese_order()
        if form.is_valid():
            if form.cleaned_data["q"]:
                found = found.search(form.cleaned_data["q"])
            if form.cleaned_data["kind"]:
                found = found.filter(kind=form.cleaned_data["kind"])
        return found

    count, number = fragments.page_number(
        "agencies", (search,), lambda: agencies().count(), AGENCIES_PER_PAGE, request.GET.get("page"), today)

    def render_body():
        listed = agencies().prefetch_related(Prefetch("groups", queryset=AgencyGroup.objects.order_by("name")))
        groups = AgencyGroup.objects.annotate(member_count=Count("members")).order_by("name")
        page = fragments.paginator(listed, AGENCIES_PER_PAGE, count).page(number)
        return fragments.rendered("portal/cached/agency_list.html", {
            "page": page, "agencies": page.object_list, "query": canonical.urlencode(), "groups": groups,
            "year": today.year,
        })

    body = fragments.body("agencies", (search, number, count), render_body, today)  # the count: as the task list
    return render(request, "agencies/agency_list.html", {"form": form, "body": body})


SUGGESTIONS = 20
SUGGEST_CACHED_UP_TO = 60  # characters of the folded words
AGENCIES_PER_PAGE = 100


@login_required
@require_GET
def agency_suggest(request):
    """Agencies whose name, short name or code holds every typed word (accents and case aside), Vietnamese
    order, at most SUGGESTIONS: the suggestions under the task list's agency box. JSON, one query."""
    # agency_label: the same "name (code)" the box shows and reads back.
    text = request.GET.get("q", "").strip()
    if "\x00" in text:  # PostgreSQL refuses NUL in text: a clear 400, never a 500
        return JsonResponse({"error": _("Từ khóa tìm kiếm có ký tự không hợp lệ.")}, status=400)
    if len(text) < 2:
        return JsonResponse({"results": []})

    def suggestions():
        return [{"code": a.code, "label": agency_label(a)}
                for a in Agency.objects.search(text).vietnamese_order()[:SUGGESTIONS]]

    # Cached as the portal's bodies are (SITE's generation: any agency saved, added or renamed shows at once), keyed
    # on the words as the search reads them (folded, each once, in any order: "Sở Tư", "so tu", "tu  so" are one
    # entry); a long text is searched, not kept.
    words = tuple(sorted(set(fold(text).split())))
    if len(" ".join(words)) > SUGGEST_CACHED_UP_TO:
        return JsonResponse({"results": suggestions()})
    return JsonResponse({"results": remember("suggest", fragments.key((words,)), (SITE,), suggestions)})


def _split_by_role(tasks, agency, group_ids):
    """(led, coordinated): each task once, lead winning (as in the yearly report's lines), with
    ``task.via`` = the group the role comes through, or None when the agency is named itself."""
    led, coordinated = [], []
    for task in tasks:
        matching = [a for a in task.assignments.all() if a.agency_id == agency.pk or a.group_id in group_ids]
        leads = [a for a in matching if a.is_lead]
        chosen = leads or matching
        task.via = None if not chosen or any(a.agency_id for a in chosen) else chosen[0].group
        (led if leads else coordinated).append(task)
    return led, coordinated


@login_required
@require_GET
def agency_detail(request, code):
    """An agency: what it leads and coordinates, its reports by year (officers of other agencies see the
    state only), its groups, its standing responsibilities, its predecessors and successors."""
    today = timezone.localdate()  # once: the key's day and the rendered day (fragments.body)
    agency = get_object_or_404(Agency, code=code)
    readable = Roles(request.user).reads_content_of(agency.pk)

    def render_body():
        return fragments.rendered("portal/cached/agency.html", _agency_context(agency, readable, today))

    return render(request, "agencies/agency_detail.html", {
        "agency": agency, "body": fragments.body("agency", (agency.pk, readable), render_body, today),
    })


def _agency_context(agency, readable, today):
    prefetch_related_objects(
        [agency],
        Prefetch("groups", queryset=AgencyGroup.objects.order_by("name")),
        Prefetch("successors", queryset=Agency.objects.vietnamese_order()),
        Prefetch("predecessors", queryset=Agency.objects.vietnamese_order()),
    )
    group_ids = {g.pk for g in agency.groups.all()}
    tasks = with_deadline_states(list(listed_tasks(today).for_agency(agency).in_plan_order()), today)
    led, coordinated = _split_by_role(tasks, agency, group_ids)
    # A lead's own page says what the lead did: completed once it has, even while other leads still owe the task.
    done = completion.completed_by(led, today.year)
    for task in led:
        task.deadline = completion.deadline_state_for(task, agency.pk, today, done.get(task.pk, set()))
    reports = list(agency.reports.select_related("plan").order_by("-year", "plan__number"))
    responsibilities = (
        Responsibility.objects.filter(Q(agencies=agency) | Q(groups__in=group_ids))
        .select_related("plan").distinct().order_by("-plan__issue_date", "plan_id", "order")
    )
    return {
        "agency": agency, "led": led, "coordinated": coordinated, "reports": reports, "readable": readable,
        "responsibilities": responsibilities, "today": today, "active": agency.is_active_on(today),
        "statuses": AgencyReport.Status,
    }


@login_required
@require_GET
def group_detail(request, code):
    """A group as the plans name it ("Các sở, ban, ngành"): its members and the tasks given to it."""
    today = timezone.localdate()  # once: the key's day and the rendered day (fragments.body)
    group = get_object_or_404(AgencyGroup, code=code)

    def render_body():
        members = list(Agency.objects.filter(groups=group).vietnamese_order())
        tasks = with_deadline_states(
            list(listed_tasks(today).filter(pk__in=Assignment.objects.filter(group=group).values("task_id"))
                 .in_plan_order()),
            today,
        )
        led = [t for t in tasks if any(a.group_id == group.pk and a.is_lead for a in t.assignments.all())]
        coordinated = [t for t in tasks if t not in led]
        return fragments.rendered("portal/cached/group.html", {
            "group": group, "members": members, "led": led, "coordinated": coordinated,
        })

    return render(request, "agencies/group_detail.html", {
        "group": group, "body": fragments.body("group", (group.pk,), render_body, today),
    })
