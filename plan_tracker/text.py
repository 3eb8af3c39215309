"""Vietnamese text helpers: NFC normalisation and accent/case folding for search."""

import unicodedata


def nfc(value):
    """Return ``value`` NFC-normalised and stripped (Word documents often carry NFD)."""
    if value is None:
        return value
    return unicodedata.normalize("NFC", str(value)).strip()


def fold(value):
    """Lower-case, accent-free form used for search: "Sở Tư pháp" -> "so tu phap".

    "đ"/"Đ" is a letter of its own, not d + a mark, so NFD leaves it alone: map it by hand.
    """
    if not value:
        return ""
    decomposed = unicodedata.normalize("NFD", str(value).replace("đ", "d").replace("Đ", "D"))
    stripped = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    return " ".join(stripped.lower().split())
