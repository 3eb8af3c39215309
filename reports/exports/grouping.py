"""The same difficulty or proposal written by several bodies, said once: "8 đơn vị nêu: …", the bodies named.

The rule (stated in the report's own words by ``rule_text``):

* each body's text is cut into items, one per line (a leading "-", "+", "•", "*" or "1." / "a)" is dropped);
  a line that is one long paragraph stays one item;
* two items say the same thing when their *normalised* forms — accent- and case-folded
  (``plan_tracker.text.fold``), punctuation and a leading "[…]" tag dropped, spaces collapsed — are equal, or
  are alike by ``difflib.SequenceMatcher.ratio()`` ≥ ``SIMILAR`` (0,85: "công khai 5 dự thảo" and "công khai 7
  dự thảo" are alike, two different sentences on one theme are not);
* or one item's normalised form is held whole in the other's and is at least ``CONTAINED`` (60%) of its length
  (a sentence with a remark added);
* a body's own name in its item is also set aside before comparing ("Năm 2024, Sở X đã …" and "Năm 2024, Sở Y đã
  …" say the same thing); a group of several bodies then words it with "đơn vị" in place of the first body's
  name;
* items are grouped greedily in the bodies' order: an item joins the first group whose first item it is alike
  to; a group's wording is its first item's (the first body's, in the order of the submissions list);
* a body is counted once per group; groups are listed by the number of bodies, most first, then by first
  appearance.

difflib is the standard library's: the texts are short and, at national scale, mostly repeated word for word
(those are grouped by the normalised form before any comparison), so a compiled matcher such as rapidfuzz
would add a dependency for no measurable gain. The cheap ``real_quick_ratio``/``quick_ratio`` bounds come
before ``ratio``.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.utils.translation import gettext as _

from plan_tracker.text import fold, nfc

SIMILAR = 0.85
#: An item held whole in another counts as alike when it is at least this share of the other's length.
CONTAINED = 0.6



def rule_text(named):
    """The rule, as the report states it above the grouped items; ``named``: how many bodies a group names."""
    return _("(Các ý kiến trùng hoặc gần trùng nhau, giống nhau từ %(share)s trở lên sau khi bỏ dấu, chữ hoa và "
             "dấu câu, được gộp thành một ý, ghi số đơn vị nêu và tên %(named)s đơn vị đầu tiên; ý kiến của từng "
             "đơn vị tại Phụ lục 3.)") % {"share": f"{SIMILAR:.0%}", "named": named}

_BULLET = re.compile(r"^\s*(?:[-+•*–]+|\d+[.)]|[a-zđ][.)])\s*", re.IGNORECASE)
_TAG = re.compile(r"^\[[^\]]{1,40}\]\s*")
_PUNCT = re.compile(r"[^\w\s]", re.UNICODE)


def normalise(text):
    """The form two items are compared in: folded, without a leading tag, punctuation or extra spaces."""
    return " ".join(_PUNCT.sub(" ", fold(_TAG.sub("", text or ""))).split())


def items_of(text):
    """A body's text cut into items, one per non-empty line, bullets dropped."""
    items = []
    for line in nfc(text or "").splitlines():
        line = _BULLET.sub("", line).strip()
        if line:
            items.append(line)
    return items


@dataclass
class Group:
    text: str
    key: str
    bodies: list = field(default_factory=list)  # the bodies as given, each once, in order
    seen: set = field(default_factory=set)
    name: str = ""  # the first body's name, as written
    keys: list = field(default_factory=list)  # the first item's normalised forms: whole, and without the name

    @property
    def wording(self):
        """The group's text: the first body's, its name replaced by "đơn vị" when several bodies said it."""
        if len(self.bodies) > 1 and self.name and self.name in self.text:
            return self.text.replace(self.name, _("đơn vị"))
        return self.text


def group_items(entries, name_of=None):
    """``entries``: [(body, text)] in the bodies' order; ``name_of(body)``: its name as it may appear in its own
    text (set aside when comparing). Returns [Group], most bodies first."""
    groups, by_key = [], {}
    for body, text in entries:
        name = normalise(name_of(body)) if name_of else ""
        for item in items_of(text):
            full = normalise(item)
            if not full:
                continue
            keys = [full]
            if len(name) > 3 and name in full:
                keys.append(" ".join(full.replace(name, " ").split()))
            group = next((by_key[k] for k in keys if k in by_key), None)
            if group is None:
                group = next((g for g in groups if any(_alike(k, gk) for k in keys for gk in g.keys)), None)
                if group is None:
                    group = Group(item, keys[0], name=name_of(body) if name_of else "", keys=keys)
                    groups.append(group)
            for k in keys:
                by_key.setdefault(k, group)
            if id(body) not in group.seen:
                group.seen.add(id(body))
                group.bodies.append(body)
    order = {id(g): i for i, g in enumerate(groups)}
    return sorted(groups, key=lambda g: (-len(g.bodies), order[id(g)]))


def _alike(a, b):
    """Alike by ``SIMILAR``, or one holds the other whole and is not much longer (a sentence with a remark
    added: "…cho cán bộ cơ sở (bổ sung theo ý kiến …)")."""
    short, long_ = (a, b) if len(a) <= len(b) else (b, a)
    if short and short in long_ and len(short) >= CONTAINED * len(long_):
        return True
    return ratio(a, b) >= SIMILAR


def ratio(a, b):
    """How alike two normalised texts are (0–1), the cheap upper bounds first."""
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    if matcher.real_quick_ratio() < SIMILAR or matcher.quick_ratio() < SIMILAR:
        return 0.0
    return matcher.ratio()
