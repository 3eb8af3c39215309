"""The admin's plan import: upload a document, see what was read (header, reporting rule, sections, tasks, and every
agency name as matched / ambiguous / new), choose, confirm. The document waits in ``exchange.PendingImport`` between
preview and confirm; nothing is written before the confirm, which writes everything in one transaction and takes
(deletes) the pending document in it: a second post of the same confirm finds it gone."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import HttpResponseRedirect
from django.shortcuts import render
from django.template.defaultfilters import filesizeformat
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from agencies.models import Agency
from exchange.models import PendingImport

from .matching import Matcher, known_names
from .models import PlanDocument
from .parser import parse_document
from .readers import DocumentError
from .services import ImportRefused, check_readable, plan_code, write_plan, written_names


class UploadForm(forms.Form):
    document = forms.FileField(label=_("Văn bản kế hoạch (.docx, .txt, .pdf có lớp chữ)"))

    def clean_document(self):
        upload = self.cleaned_data["document"]
        if upload.size > settings.IMPORT_MAX_UPLOAD_BYTES:
            raise forms.ValidationError(gettext("Tệp quá lớn (%(size)s); tối đa %(max)s.") % {
                "size": filesizeformat(upload.size), "max": filesizeformat(settings.IMPORT_MAX_UPLOAD_BYTES)})
        return upload


@admin.register(PlanDocument)
class PlanDocumentAdmin(admin.ModelAdmin):
    def has_module_permission(self, request):
        return self._allowed(request)

    def has_view_permission(self, request, obj=None):
        return self._allowed(request)

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    @staticmethod
    def _allowed(request):
        user = request.user
        return user.is_active and user.is_staff and user.has_perms(
            ["tasks.add_plan", "tasks.add_task", "tasks.add_assignment", "agencies.add_agency"])

    def get_urls(self):
        """The preview, then the usual ones: the list is the upload form (``changelist_view``), an entry's page
        shows an imported plan read-only (edit it in the plan admin)."""
        wrap = self.admin_site.admin_view
        return [
            path("preview/<str:token>/", wrap(self.preview_view), name="planimport_plandocument_preview"),
        ] + super().get_urls()

    def changelist_view(self, request, extra_context=None):
        return self.upload_view(request)

    def _context(self, request, **kwargs):
        return {**self.admin_site.each_context(request), "opts": self.model._meta,
                "title": gettext("Nhập kế hoạch từ văn bản"), **kwargs}

    def upload_view(self, request):
        if not self._allowed(request):
            raise PermissionDenied
        form = UploadForm(request.POST or None, request.FILES or None)
        error = None
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data["document"]
            data = upload.read()
            try:
                parsed = parse_document(upload.name, data, known_names)
                check_readable(parsed)
            except (DocumentError, ImportRefused) as e:
                error = str(e)
            else:
                PendingImport.expired().delete()
                pending = PendingImport.objects.create(data=_with_name(upload.name, data))
                return HttpResponseRedirect(reverse("admin:planimport_plandocument_preview", args=[pending.token]))
        return render(request, "admin/planimport/upload.html", self._context(request, form=form, error=error))

    def preview_view(self, request, token):
        if not self._allowed(request):
            raise PermissionDenied
        pending = PendingImport.objects.filter(token=token).first()
        if pending is None:
            messages.error(request, gettext("Văn bản này đã được nhập hoặc đã hết hạn: hãy tải lên lại."))
            return HttpResponseRedirect(reverse("admin:planimport_plandocument_changelist"))
        name, data = _without_name(bytes(pending.data))
        parsed = parse_document(name, data, known_names)
        matcher = Matcher(parsed.date, parsed.place)
        names = [(i, n, matcher.match(n)) for i, n in enumerate(written_names(parsed))]
        error = None
        if request.method == "POST":
            choices, new_kinds = {}, {}
            for i, name, m in names:
                if m.kind == "agency" and m.status == "ambiguous":
                    value = request.POST.get(f"choice-{i}", "")
                    if value.isdigit() and int(value) in {a.pk for a in m.agencies}:
                        choices[name] = int(value)
                if m.kind == "agency" and m.status == "new":
                    kind = request.POST.get(f"kind-{i}", "")
                    if kind in Agency.Kind.values:
                        new_kinds[name] = kind
            try:
                with transaction.atomic():
                    taken = PendingImport.objects.select_for_update().filter(token=token).delete()[0]
                    if not taken:
                        raise ImportRefused(gettext("Văn bản này đã được nhập hoặc đã hết hạn: hãy tải lên lại."))
                    plan = write_plan(parsed, choices, new_kinds, user=request.user)
            except ImportRefused as e:
                error = str(e)
            else:
                messages.success(request, gettext("Đã nhập kế hoạch %(number)s: %(tasks)d nhiệm vụ.") % {
                    "number": plan.number, "tasks": len(parsed.tasks)})
                return HttpResponseRedirect(reverse("admin:tasks_plan_change", args=[plan.pk]))
        tasks = [(t, [matcher.match(n) for n in t.lead], [matcher.match(n) for n in t.coordinators])
                 for t in parsed.tasks]
        sections = {s.code: s for s in parsed.sections}
        context = self._context(
            request, parsed=parsed, names=names, tasks=tasks, sections=sections, token=token, error=error,
            code=plan_code(parsed), kinds=Agency.Kind.choices,
            counts={s: sum(1 for _i, _n, m in names if m.status == s) for s in ("matched", "ambiguous", "new", "text")},
        )
        return render(request, "admin/planimport/preview.html", context)


def _with_name(name, data):
    """The file's name before its bytes (the reader is chosen by it): "name\\0bytes"."""
    return (name or "").replace("\x00", "").encode()[:255] + b"\x00" + data


def _without_name(blob):
    name, _sep, data = blob.partition(b"\x00")
    return name.decode(errors="replace"), data
