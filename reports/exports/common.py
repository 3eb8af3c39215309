"""What the workbook and the document both use: text cleaned for XML, local times, the lead's and an
agency's status in words, and the language both files are written in."""

import functools
import re
import zoneinfo

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext as _

from ..rules import State

# Control characters XML cannot carry (tab, LF and CR are allowed). Report texts pasted from Word
# sometimes hold them; they are dropped.
_XML_ILLEGAL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def _clean(text):
    return _XML_ILLEGAL.sub("", text or "")


def _local(dt):
    return dt.astimezone(zoneinfo.ZoneInfo(settings.TIME_ZONE)) if dt is not None else None


def _lead_status(row):
    """The lead's status in words: one lead's status, or how many of several leads are done."""
    if row.lead.total == 0:
        return _("Không có đơn vị chủ trì cụ thể")
    if row.lead.total == 1:
        return str(row.lead.single_label)
    return _("%(done)s/%(total)s đơn vị chủ trì đã hoàn thành hoặc đã thực hiện") % {
        "done": row.lead.done, "total": row.lead.total}


def _status_text(agency_row, past_due):
    """An agency's submission in the words of the appendix and the workbook."""
    if agency_row.state == State.ON_TIME:
        return _("Đúng hạn")
    if agency_row.state == State.LATE:
        return _("Muộn %(days)s ngày") % {"days": agency_row.days_late}
    return _("Chưa gửi") if past_due else _("Chưa gửi (chưa đến hạn)")


def _in_vietnamese(build):
    """The files go to Vietnamese bodies (the provincial People's Committee, the ministry) and the DOCX is
    an administrative document: both are written in Vietnamese whatever language the page is shown in."""

    @functools.wraps(build)
    def wrapper(*args, **kwargs):
        with translation.override("vi"):
            return build(*args, **kwargs)

    return wrapper


# A no-break space: keeps a number and its unit ("4.576.000 đồng") on one line.
NBSP = "\u00a0"


def vn_number(value, decimals=2):
    """A number in Vietnamese format: thousands with ".", decimals with "," and only when there are any
    (1.066; 4.576.000; 12,5); "" for None. Python's own grouping does the work, then the two marks swap."""
    if value is None:
        return ""
    from decimal import Decimal

    value = Decimal(str(value)) if not isinstance(value, Decimal) else value
    if value == value.to_integral_value():
        text = f"{value:,.0f}"
    else:
        text = f"{value:,.{decimals}f}".rstrip("0").rstrip(".")
    return text.replace(",", " ").replace(".", ",").replace(" ", ".")


def agency_name(agency, data=None):
    """The name a body is printed under in the exports: the one place to ask, so that a body can be named as
    it was on the year's date (``Agency.name_on``) by changing this function alone."""
    return agency.name
