"""What every recipient receives, byte for byte: the mails of a submission (coordinators in Vietnamese and English,
a lead agency's officer told of a coordinating report), of a return, an acceptance and the reminders (To and Cc
headings shared by an agency's officers and its head) are pinned in ``mail_content.txt``, as sent over SMTP and as
the tests' backend holds them. Only what changes from one sending to the next is masked: Message-ID, Date, the MIME
boundary, and the database's ids in the links. Written once from the code before the mails were prepared once per
distinct mail (issue #18); ``PIN_MAILS_WRITE=1`` writes the file again (then read the diff)."""

import datetime
import os
import re
from pathlib import Path

from django.core import mail

from agencies.models import Membership
from notifications.models import Preference
from notifications.reminders import send_reminders
from notifications.tests.conftest import DUE
from reports.services import review_report, submit_report
from testing.factories import fill_report, local, make_user

PINNED = Path(__file__).with_name("mail_content.txt")

MESSAGE_ID = re.compile(rb"^Message-ID: <[^>]+>$", re.M)
DATE = re.compile(rb"^Date: .+$", re.M)
BOUNDARY = re.compile(rb"=+\d+==")


def _masked(raw, ids):
    raw = raw.replace(b"\r\n", b"\n")
    raw = MESSAGE_ID.sub(b"Message-ID: <MESSAGE-ID>", raw)
    raw = DATE.sub(b"Date: DATE", raw)
    raw = BOUNDARY.sub(b"BOUNDARY", raw)
    for path, name in ids.items():
        raw = raw.replace(path.encode(), name.encode())
    return raw.decode()


def _world_mails(world, smtp, committed, django_user_model):
    """Every mail of a submission, a return, an acceptance and a run of the reminders, in the order sent."""
    world.plan.number = "151/KH-UBND"
    world.plan.save()
    for number, title in (("1.1", "Tuyên truyền cải cách hành chính"), ("1.2", "Tổ chức hội nghị đối thoại")):
        world.plan.tasks.filter(number=number).update(title=title)
    english = make_user(django_user_model, "dieuphoi.en", world.coordinating_agency,
                        role=Membership.Role.COORDINATOR, email="coordinator.en@example.vn")
    Preference.objects.create(user=english, language="en")
    make_user(django_user_model, "dieuphoi.b", world.coordinating_agency, role=Membership.Role.COORDINATOR,
              email="dieuphoi.b@example.vn")
    make_user(django_user_model, "canbo.so2", world.dept, email="canbo.so2@example.vn")
    world.district.head_email = "chutich.huyen@example.vn"  # copied on the district's overdue reminder
    world.district.save()

    dept = fill_report(world.report(world.dept), world.officer)
    dept = committed(submit_report, dept, world.officer, now=local(2025, 11, 10, 9, 30))
    dept = committed(review_report, dept, world.coordinator, accept=False, comment="Bổ sung số liệu\nvà kinh phí")
    dept = fill_report(dept, world.officer)
    dept = committed(submit_report, dept, world.officer, now=local(2025, 11, 16, 8))
    committed(review_report, dept, world.coordinator, accept=True)
    send_reminders(DUE + datetime.timedelta(days=7))  # after the due date: the head copied, the digest

    ids = {f"/reports/{dept.pk}/": "/reports/REPORT/",
           f"/reports/{world.report(world.district).pk}/": "/reports/DISTRICT-REPORT/",
           f"/reports/{world.report(world.silent).pk}/": "/reports/SILENT-REPORT/",
           f"/{world.plan.pk}/2025/": "/PLAN/2025/"}
    for task in world.plan.tasks.all():
        ids[task.get_absolute_url()] = f"/tasks/TASK-{task.number}/"
    return ids


def _text(mails):
    return "\n".join(f"==== {envelope}\n{raw}" for envelope, raw in sorted(mails)) + "\n"


def test_every_recipient_receives_exactly_the_pinned_mails(world, smtp, committed, django_user_model):
    ids = _world_mails(world, smtp, committed, django_user_model)

    over_smtp = [(", ".join(r.rcpt_tos), _masked(r.raw, ids)) for r in smtp.received]
    assert all(len(r.rcpt_tos) == 1 for r in smtp.received)  # one envelope per address
    if os.environ.get("PIN_MAILS_WRITE"):
        PINNED.write_text(_text(over_smtp), encoding="utf-8")
    pinned = PINNED.read_text(encoding="utf-8")
    assert _text(over_smtp) == pinned
    assert len(smtp.received) == pinned.count("\n==== ") + 1


def test_the_tests_backend_holds_the_same_mails(world, settings, committed, django_user_model):
    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    ids = _world_mails(world, None, committed, django_user_model)

    held = [(", ".join(m.recipients()), _masked(m.message().as_bytes(), ids)) for m in mail.outbox]
    assert _text(held) == PINNED.read_text(encoding="utf-8")
    # What tests read of a message: its fields, as Django's own message() writes them.
    for m in mail.outbox:
        assert len(m.to) == 1 and m.cc == [] and m.bcc == []
        assert m.from_email == settings.DEFAULT_FROM_EMAIL
        assert [mimetype for _content, mimetype in m.alternatives] == ["text/html"]
        assert m.message()["Subject"] and m.message()["Message-ID"] == m.extra_headers["Message-ID"]
