"""The answer to an error of the database (PostgreSQL restarting, a failover, SQLite locked): 503 "try again",
not a 500 (README "Running in production": a restart under load)."""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.utils.translation import gettext as _
from django.views.defaults import server_error


def server_error_or_unavailable(request, template_name="500.html"):
    """handler500: a lost or refused database connection is 503 with Retry-After (the request did nothing the
    database kept, unless the loss came at its very commit: hence "check before sending again"); any other
    error is Django's 500. Django's CONN_HEALTH_CHECKS makes the next request connect afresh."""
    error = sys.exc_info()[1]
    if isinstance(error, (OperationalError, InterfaceError)):
        response = HttpResponse(
            _("Hệ thống tạm thời không kết nối được cơ sở dữ liệu. Vui lòng thử lại sau ít giây; nếu bạn vừa gửi "
              "biểu mẫu, hãy mở lại trang để xem đã lưu chưa trước khi gửi lại."),
            status=503, content_type="text/plain; charset=utf-8")
        response["Retry-After"] = "5"
        return response
    return server_error(request, template_name)
