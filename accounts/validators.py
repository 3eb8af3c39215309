"""Usernames written in one script: "so.tuphаp" with a Cyrillic "а" looks like "so.tuphap" and is refused
(README "Security"). Vietnamese letters with their marks (ă, â, đ, ê, ô, ơ, ư and the tones) are Latin."""

import unicodedata

from django.core.exceptions import ValidationError
from django.utils.deconstruct import deconstructible
from django.utils.translation import gettext_lazy as _

ASCII_DIGITS = frozenset("0123456789")

# How the message names the scripts people mix most (others by their Unicode name).
SCRIPT_NAMES = {
    "LATIN": _("Latinh"),
    "CYRILLIC": _("Kirin"),
    "GREEK": _("Hy Lạp"),
}


def script_of(char):
    """The Unicode script a letter or digit is written in, from its name ("LATIN SMALL LETTER A WITH BREVE":
    LATIN; "CYRILLIC SMALL LETTER A": CYRILLIC; "CJK UNIFIED IDEOGRAPH-4E00": CJK); None for what belongs to
    every script: ASCII digits, punctuation (". _ @ + -"), combining marks (a decomposed tone mark)."""
    if char in ASCII_DIGITS:
        return None
    category = unicodedata.category(char)
    if not (category.startswith("L") or category == "Nd"):
        return None
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0] if name else "UNKNOWN"


def scripts_in(text):
    return {script for script in map(script_of, unicodedata.normalize("NFC", text)) if script}


@deconstructible
class SingleScriptUsernameValidator:
    """Refuses a username whose letters come from more than one script (Latin with Cyrillic or Greek…)."""

    message = _("Tên đăng nhập trộn chữ của nhiều bảng chữ cái (%(scripts)s), dễ bị nhầm với một tên khác. "
                "Hãy gõ lại tên bằng một bảng chữ cái, ví dụ chỉ chữ Latinh.")
    code = "mixed_scripts"

    def __call__(self, value):
        scripts = scripts_in(str(value))
        if len(scripts) > 1:
            raise ValidationError(self.message, code=self.code,
                                  params={"scripts": ", ".join(sorted(str(SCRIPT_NAMES.get(s, s.title())) for s in scripts))})

    def __eq__(self, other):
        return isinstance(other, SingleScriptUsernameValidator)


def add_to_username_field(user_model):
    """Every form and command that validates a username (the admin's add and change forms, createsuperuser,
    full_clean) runs the field's validators: add ours once (AccountsConfig.ready)."""
    field = user_model._meta.get_field(user_model.USERNAME_FIELD)
    if not any(isinstance(v, SingleScriptUsernameValidator) for v in field.validators):
        field.validators.append(SingleScriptUsernameValidator())
