"""The project's admin site: Django's, refusing a query string with a NUL character.

PostgreSQL cannot store or compare text holding NUL (0x00): a changelist filter or search such as
``?status__exact=%00`` or an autocomplete ``?term=%00`` reached the database and answered 500. Forms already
refuse NUL (Django's CharField validator); query strings do not pass through forms, so every admin view gets
this check instead: 400 with a message, before the view runs. Installed by ``AdminConfig`` (INSTALLED_APPS)."""

from functools import wraps

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig as DjangoAdminConfig
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _


def has_nul(querydict):
    return any("\x00" in key or any("\x00" in value for value in values) for key, values in querydict.lists())


class AdminSite(admin.AdminSite):
    def admin_view(self, view, cacheable=False):
        inner = super().admin_view(view, cacheable)

        @wraps(inner)  # keeps the view's attributes (csrf_exempt…) for the middleware
        def guarded(request, *args, **kwargs):
            if has_nul(request.GET):
                return self.bad_request(request)
            return inner(request, *args, **kwargs)

        return guarded

    def bad_request(self, request):
        context = {
            **self.each_context(request),
            "title": _("Địa chỉ không hợp lệ"),
            "message": _("Địa chỉ trang có ký tự không hợp lệ (ký tự NUL) trong ô tìm kiếm hoặc bộ lọc. "
                         "Hãy xóa ô tìm kiếm, bỏ bộ lọc rồi thử lại."),
        }
        return TemplateResponse(request, "admin/bad_request.html", context, status=400)


class AdminConfig(DjangoAdminConfig):
    default_site = "plan_tracker.admin_site.AdminSite"
