"""The coordinator's draft of the compiled report (``CompiledDraft`` and its ``DraftPart``s): made from the
year's figures, a part saved with the stale-edit check, regenerated whole or part by part without losing edits.

* ``regenerate(plan, year, data, user)``: the draft made or brought up to the figures. A part the coordinator
  has not edited takes the new text; an edited part keeps its text and gets the new one as ``generated`` (the
  page shows it edited and offers to regenerate that part alone); a part the figures no longer give (a group of
  tasks gone) is dropped unless edited; a new part is added in its place.
* ``regenerate_part(part, version, user, data)``: that part's text generated anew from the figures.
* ``save_part(part, text, version, user)``: the coordinator's text, refused (``StaleEdit``) when the part was
  saved by someone else since the page was opened (its ``version`` moved on): nobody overwrites another's
  edit silently.

Every write is one transaction under a row lock, and leaves a history row (django-simple-history) naming the
user.
"""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from plan_tracker.text import nfc

from .exports.body import Part, body_parts
from .models import CompiledDraft, DraftPart


class StaleEdit(ValidationError):
    """The part changed since the coordinator's page was opened."""


def parts_for(plan, year):
    """The parts of the year's draft as the DOCX prints them (``body.Part``), in order; None when there is no
    draft. One query."""
    parts = DraftPart.objects.filter(draft__plan=plan, draft__year=year).order_by("order")
    return [Part(p.key, p.title, p.text, p.level) for p in parts] or None


def _save(part, user, reason):
    part.version += 1
    part.updated_at = timezone.now()
    part.updated_by = user
    part._history_user = user
    part._change_reason = reason
    part.save()


@transaction.atomic
def regenerate(plan, year, data, user):
    """The draft of ``plan`` and ``year`` made or regenerated from ``data`` (``aggregates.compile_year``)."""
    draft, _created = CompiledDraft.objects.select_for_update().get_or_create(plan=plan, year=year)
    existing = {p.key: p for p in draft.parts.select_for_update()}
    fresh = body_parts(data)
    for order, new in enumerate(fresh):
        part = existing.pop(new.key, None)
        if part is None:
            part = DraftPart(draft=draft, key=new.key, text=new.text, version=0)
        elif not part.edited:
            part.text = new.text
        part.order, part.title, part.level, part.generated = order, new.title, new.level, new.text
        _save(part, user, "regenerated")
    for part in existing.values():
        if part.edited:
            part.order = len(fresh) + part.order
            _save(part, user, "kept")
        else:
            part.delete()
    draft.generated_at = timezone.now()
    draft.save(update_fields=["generated_at"])
    return draft


def _locked(part, version):
    current = DraftPart.objects.select_for_update().get(pk=part.pk)
    if current.version != version:
        who = current.updated_by.get_full_name() or current.updated_by.get_username() if current.updated_by else ""
        raise StaleEdit(_("Phần “%(title)s” đã được %(who)s lưu lúc %(at)s, sau khi bạn mở trang. Nội dung của bạn "
                          "chưa được lưu: hãy xem bản mới rồi sửa lại.") % {
            "title": current.title or _("mở đầu, kết thúc"), "who": who or _("người khác"),
            "at": timezone.localtime(current.updated_at).strftime("%H:%M %d/%m/%Y")})
    return current


@transaction.atomic
def save_part(part, text, version, user):
    """The coordinator's text for ``part``; ``version``: the one the page was opened on."""
    current = _locked(part, version)
    text = "\n".join(line.rstrip() for line in (nfc(text) or "").replace("\r\n", "\n").split("\n")).strip()
    current.text = text
    current.edited = text != current.generated
    _save(current, user, "edited")
    return current


@transaction.atomic
def regenerate_part(part, version, user, data):
    """``part``'s text generated anew from ``data`` (the part's last generated text if the figures no longer
    give it)."""
    current = _locked(part, version)
    fresh = next((p for p in body_parts(data) if p.key == current.key), None)
    if fresh is not None:
        current.generated, current.title, current.level = fresh.text, fresh.title, fresh.level
    current.text = current.generated
    current.edited = False
    _save(current, user, "regenerated")
    return current
