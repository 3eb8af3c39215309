"""Vietnamese sort order that both databases honour: a stored key of plain [0-9a-z] characters.

PostgreSQL orders Vietnamese right only with the ICU collation ``vi-x-icu``; SQLite has no such
collation. ``vi_sort_key(name)`` builds a key whose byte order *is* the Vietnamese order, made only of
digits and lower-case ASCII letters, which every collation (C, en_US, ICU, SQLite's BINARY) orders the
same way. Store it next to the name and ``order_by`` it.

The order follows the Vietnamese alphabet (Latin letters foreign to it, F J W Z, at their Latin
places), compared letter by letter first, then by tone, then by case, like CLDR's ``vi`` collation:

    A Ă Â B C D Đ E Ê (F) G H I (J) K L M N O Ô Ơ P Q R S T U Ư V (W) X Y (Z)
    tones: none < huyền (`) < hỏi (?) < ngã (~) < sắc (´) < nặng (.)

so "Anh" < "Ân" (A before Â decides, whatever follows) and "Dũng" < "Đặng" (D before Đ).
"""

import unicodedata

ALPHABET = [
    "a", "ă", "â", "b", "c", "d", "đ", "e", "ê", "f", "g", "h", "i", "j", "k", "l", "m", "n",
    "o", "ô", "ơ", "p", "q", "r", "s", "t", "u", "ư", "v", "w", "x", "y", "z",
]
_LETTER = {letter: 16 + i for i, letter in enumerate(ALPHABET)}
# Marks that make a letter of its own (ă â ê ô ơ ư) versus the five tone marks, in tone order.
_LETTER_MARKS = {"\u0306", "\u0302", "\u031b"}
_TONES = {"\u0300": 1, "\u0309": 2, "\u0303": 3, "\u0301": 4, "\u0323": 5}
# Primary weights below the letters: level separator 0, space 1, punctuation and symbols 2,
# digits 3-12; letters 16-48; any other character (another script) after the Latin letters.
_SPACE, _PUNCT, _DIGIT0, _OTHER = 1, 2, 3, 1200
_B36 = "0123456789abcdefghijklmnopqrstuvwxyz"

MAX_LENGTH = 1024


def _code(n):
    return _B36[n // 36] + _B36[n % 36]


def _weights(ch):
    """(primary, tone, upper) for one NFC character."""
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    upper = 1 if base.isupper() else 0
    base = base.lower()
    if base == "đ":
        return _LETTER["đ"], 0, upper
    letter = unicodedata.normalize("NFC", base + "".join(m for m in marks if m in _LETTER_MARKS))
    tone = max((_TONES.get(m, 0) for m in marks), default=0)
    if letter in _LETTER:
        return _LETTER[letter], tone, upper
    if base in _LETTER:  # a letter with a mark Vietnamese does not use (é is sắc, ç is c…)
        return _LETTER[base], tone, upper
    if base.isdigit() and base.isascii():
        return _DIGIT0 + int(base), 0, 0
    if base.isspace():
        return _SPACE, 0, 0
    if unicodedata.category(base)[0] in "PSZ":
        return _PUNCT, 0, 0
    return _OTHER, 0, upper


def vi_sort_key(text):
    """The key ordering ``text`` the Vietnamese way; "" for an empty text.

    Layout: primary codes (2 characters each), "00", a tone digit per character, "0", a case digit
    per character. Two texts compare by letters first; only when all letters agree do tones decide,
    and then case (lower before upper)."""
    text = " ".join(unicodedata.normalize("NFC", str(text or "")).split())
    if not text:
        return ""
    weights = [_weights(ch) for ch in text]
    key = (
        "".join(_code(p) for p, _, _ in weights) + "00"
        + "".join(str(t) for _, t, _ in weights) + "0"
        + "".join(str(u) for _, _, u in weights)
    )
    return key[:MAX_LENGTH]
