"""Issue #18: the mails of a submission (to the coordinators, to the lead agencies) are written by Jinja2
(templates_jinja2/notifications/email/, ``notifications.emails.JINJA_MAILS``) and are, byte for byte, what the Django
templates they replaced write (kept as the reference in notifications/tests/reference/: nothing in the site renders
them): subject, text and HTML, in Vietnamese and in English, with what people typed escaped where Django escapes it
(the subject and the HTML) and left as typed where it does not (the text). Nothing is normalised but the subject's
blanks, which ``render_email`` joins for both. (The mails as received are pinned by test_mail_content.)"""

import datetime
from pathlib import Path
from types import SimpleNamespace

import pytest
from django.template import Context, engines
from django.template.engine import Engine
from django.urls import reverse
from django.utils import timezone, translation

from notifications import emails

REFERENCE_DIR = Path(__file__).parent / "reference"
ODD = "<b>&\"' Sở %(x)s"  # what people type, in every place the mails show it
AT = timezone.make_aware(datetime.datetime(2025, 11, 14, 16, 5))


@pytest.fixture(scope="module")
def reference():
    """Django's engine, with the replaced templates found first."""
    real = engines["django"].engine
    return Engine(dirs=[REFERENCE_DIR, *real.dirs], app_dirs=True, libraries=real.libraries, autoescape=True)


def django_mail(engine, template, context, language):
    """``render_email``'s Django path, with the reference templates."""
    with translation.override(language):
        context = Context({
            "site_url": "https://baocao.example.gov.vn",
            "preferences_url": emails.absolute_url(reverse("notifications:preferences")),
            "language": language, **context,
        }, autoescape=True)
        subject, text, html = (engine.get_template(f"notifications/email/{template}{suffix}").render(context)
                               for suffix in ("_subject.txt", ".txt", ".html"))
    return " ".join(subject.split()), text, html


def line(number, quantity, achievements):
    task = SimpleNamespace(number=number, title=f"Nhiệm vụ {ODD}")
    return SimpleNamespace(task=task, quantity_achieved=quantity, achievements=achievements,
                           get_status_display=lambda: "Đã hoàn thành",
                           task_url=f"https://baocao.example.gov.vn/t/{number}/?a=1&b=2")


def common():
    agency = SimpleNamespace(name=f"UBND xã {ODD}")
    plan = SimpleNamespace(number=f"151/KH-UBND {ODD}")
    return {"agency": agency, "plan": plan, "year": 2025, "report_url": "https://baocao.example.gov.vn/r/1/?x=1&y=2"}


SUBMITTED = [
    {"is_resubmission": resubmission, "on_time": on_time}
    for resubmission in (False, True) for on_time in (True, False, None)
]
COORDINATION = [
    [line("1.1", None, "Đã tổ chức")],
    [line("1.1", 0, ""), line("2.3", 12345, (ODD + "\n") * 120), line("3.1", 1, "a\n\nb")],  # truncated at 600
    [],
]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("case", SUBMITTED)
def test_the_submission_mail_is_what_djangos_template_writes(reference, settings, case, language):
    settings.SITE_URL = "https://baocao.example.gov.vn"
    context = {**common(), **case, "submitted_at": timezone.localtime(AT),
               "year_url": "https://baocao.example.gov.vn/y/2025/?p=1&q=2"}
    assert "submitted" in emails.JINJA_MAILS

    got = emails.render_email("submitted", context, language)

    assert got == django_mail(reference, "submitted", context, language)
    assert "&lt;b&gt;&amp;&quot;&#x27;" in got[0] + got[2] and ODD in got[1]


@pytest.mark.parametrize("language", ["vi", "en"])
@pytest.mark.parametrize("lines", COORDINATION)
def test_the_coordination_mail_is_what_djangos_template_writes(reference, settings, lines, language):
    settings.SITE_URL = "https://baocao.example.gov.vn"
    context = {**common(), "lines": lines, "lead": SimpleNamespace(name=f"Sở {ODD}")}
    assert "coordination" in emails.JINJA_MAILS

    got = emails.render_email("coordination", context, language)

    assert got == django_mail(reference, "coordination", context, language)
    assert ODD in got[1]


def test_a_translated_text_is_not_escaped_as_djangos_translate_tag_leaves_a_literal(reference):
    escaping, plain = emails._jinja_environments()
    django = reference.from_string(
        '{% load i18n %}{% translate "a & b" %}|{% blocktranslate %}a & b{% endblocktranslate %}')
    jinja = '{{ _("a & b") }}|{% trans %}a & b{% endtrans %}'

    assert escaping.from_string(jinja).render() == django.render(Context(autoescape=True)) == "a & b|a & b"
    assert plain.from_string(jinja).render() == django.render(Context(autoescape=False)) == "a & b|a & b"
