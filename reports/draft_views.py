"""The coordinator's draft of the year's compiled report (``reports.drafts``): one page with a plain textarea
per part, a save button per part (with the stale-edit check), "regenerate this part" per part and "regenerate
from the figures" for the whole. Coordinators only, like the exports."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

from accounts import roles

from . import drafts
from .forms import YearParametersForm
from .models import CompiledDraft, DraftPart, ReportingYear
from .naming import names_of_the_year
from .overview_views import _export, _page, _plan_for


def _draft_page(request, plan, year, *, draft=None, rejected=None, status=200):
    if draft is None:
        draft = CompiledDraft.objects.filter(plan=plan, year=year).first()
    parts = list(draft.parts.select_related("updated_by").order_by("order")) if draft else []
    for part in parts:
        part.shown_text = part.text
        if rejected and rejected[0] == part.pk:
            part.shown_text, part.rejected = rejected[1], True
    # The header and signature (number, date, "Kính gửi", signer), filled here before download, kept for the year.
    reporting_year = ReportingYear.objects.filter(plan=plan, year=year).first()
    parameters_form = (YearParametersForm(instance=reporting_year)
                       if reporting_year is not None and roles.may_open_year(request.user) else None)
    response = _page(request, "draft.html", plan, year, "draft", draft=draft, parts=parts,
                     edited_count=sum(1 for p in parts if p.edited), parameters_form=parameters_form)
    response.status_code = status
    return response


@login_required
@require_GET
@names_of_the_year
def draft(request, plan_pk, year):
    plan, _data = _export(request, plan_pk, year, data=False)
    return _draft_page(request, plan, year)


@login_required
@require_POST
@names_of_the_year
def draft_regenerate(request, plan_pk, year):
    plan, data = _export(request, plan_pk, year)
    existed = CompiledDraft.objects.filter(plan=plan, year=year).exists()
    draft = drafts.regenerate(plan, year, data, request.user)
    kept = draft.parts.filter(edited=True).count()
    if not existed:
        messages.success(request, _("Đã tạo dự thảo báo cáo tổng hợp năm %(year)s từ số liệu.") % {"year": year})
    else:
        messages.success(request, _("Đã tạo lại dự thảo từ số liệu; giữ nguyên %(n)s phần đã sửa.") % {"n": kept})
    return redirect(reverse("reports:year-draft", args=[plan.pk, year]))


def _part(request, plan_pk, year, part_pk):
    plan, _data = _export(request, plan_pk, year, data=False)
    part = get_object_or_404(DraftPart, pk=part_pk, draft__plan=plan, draft__year=year)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        version = -1
    return plan, part, version


@login_required
@require_POST
def draft_part_save(request, plan_pk, year, part_pk):
    plan, part, version = _part(request, plan_pk, year, part_pk)
    text = request.POST.get("text", "")
    if "\x00" in text:
        messages.error(request, _("Nội dung có ký tự không hợp lệ."))
        return _draft_page(request, plan, year, rejected=(part.pk, text.replace("\x00", "")), status=400)
    try:
        drafts.save_part(part, text, version, request.user)
    except drafts.StaleEdit as error:
        messages.error(request, error.messages[0])
        return _draft_page(request, plan, year, rejected=(part.pk, text), status=409)
    messages.success(request, _("Đã lưu phần “%(title)s”.") % {"title": part.title or _("mở đầu, kết thúc")})
    return redirect(reverse("reports:year-draft", args=[plan.pk, year]) + f"#part-{part.pk}")


@login_required
@require_POST
@names_of_the_year
def draft_part_regenerate(request, plan_pk, year, part_pk):
    plan, part, version = _part(request, plan_pk, year, part_pk)
    _plan, data = _export(request, plan_pk, year)
    try:
        drafts.regenerate_part(part, version, request.user, data)
    except drafts.StaleEdit as error:
        messages.error(request, error.messages[0])
        return _draft_page(request, plan, year, status=409)
    messages.success(request, _("Đã tạo lại phần “%(title)s” từ số liệu.") % {
        "title": part.title or _("mở đầu, kết thúc")})
    return redirect(reverse("reports:year-draft", args=[plan.pk, year]) + f"#part-{part.pk}")


__all__ = ["draft", "draft_regenerate", "draft_part_save", "draft_part_regenerate", "_plan_for"]
