"""The names a plan writes → the database's agencies and groups, on the plan's date.

A name is matched accent- and case-free, abbreviations expanded (``names.name_key``), against every agency's name,
short name, aliases (``Agency.aliases``) and former names still in use on the plan's date (``AgencyName``); the
province's name may stand for "tỉnh" ("Đài Phát thanh và Truyền hình tỉnh"). Where several agencies answer to one
name, those that exist on the plan's date (``Agency.is_active_on``) are kept: one left is a match, more are
ambiguous (the admin chooses), none is new (created on confirm, with a guessed kind). Groups ("Các sở, ban, ngành")
match the database's group that names the same kind of body; "có liên quan" wording stays text. Two queries in all,
whatever the plan's size."""

import re
from dataclasses import dataclass, field

from agencies.models import Agency, AgencyGroup
from plan_tracker.text import fold

from .names import classify, group_keys, group_note, guess_kind, name_key

GROUP_NAMES = {
    "departments": "Các sở, ban, ngành", "districts": "UBND các huyện, thành phố", "communes": "UBND các xã, phường",
    "press": "Các cơ quan báo chí, truyền thông", "units": "Các đơn vị trực thuộc",
}


@dataclass
class Match:
    written: str
    kind: str  # agency | group | related
    status: str  # matched | ambiguous | new | text
    agencies: list = field(default_factory=list)  # candidates (matched: one)
    groups: list = field(default_factory=list)  # (group or None, key) for a group
    guessed_kind: str = ""

    @property
    def agency(self):
        return self.agencies[0] if self.status == "matched" and self.agencies else None


class Matcher:
    def __init__(self, on_date=None, place=""):
        self.on = on_date
        self.place_key = name_key(place) if place else ""
        self.index = {}
        agencies = list(Agency.objects.prefetch_related("former_names"))
        for agency in agencies:
            names = [agency.name, agency.short_name, *agency.alias_list]
            names += [n.name for n in agency.former_names.all() if on_date is None or on_date <= n.used_until]
            names += [n.short_name for n in agency.former_names.all()
                      if n.short_name and (on_date is None or on_date <= n.used_until)]
            for key in {k for n in names if n for k in self._keys(n)}:
                self.index.setdefault(key, []).append(agency)
        self.groups = {}
        for group in AgencyGroup.objects.all():
            keys = group_keys(group.name)
            if len(keys) == 1:
                self.groups.setdefault(keys[0], group)
        self.cache = {}

    def _keys(self, name):
        key = name_key(name)
        keys = {key}
        if self.place_key and key.endswith(" " + self.place_key):
            keys.add(key[: -len(self.place_key)] + "tinh")
            keys.add(key[: -len(self.place_key) - 1])
        return keys

    def match(self, written):
        if written in self.cache:
            return self.cache[written]
        kind = classify(written)
        if kind == "related":
            result = Match(written, "related", "text")
        elif kind == "group":
            keys = group_keys(written)
            groups = [(self.groups.get(k), k) for k in keys]
            status = "matched" if all(g for g, _k in groups) else "new"
            result = Match(written, "group", status, groups=groups)
        else:
            candidates = []
            for key in self._keys(written):
                for agency in self.index.get(key, []):
                    if agency not in candidates:
                        candidates.append(agency)
            if len(candidates) > 1 and self.on is not None:
                active = [a for a in candidates if a.is_active_on(self.on)]
                candidates = active or candidates
            status = "matched" if len(candidates) == 1 else ("ambiguous" if candidates else "new")
            result = Match(written, "agency", status, agencies=candidates, guessed_kind=guess_kind(written))
        self.cache[written] = result
        return result

    def group_name(self, key, written):
        return GROUP_NAMES.get(key) if len(group_keys(written)) > 1 else written


def note_for(written, group):
    return group_note(written, group.name) if group is not None else ""


def slug_for(name, taken):
    base = re.sub(r"[^a-z0-9]+", "-", fold(name).replace("&", " ")).strip("-")[:56] or "co-quan"
    slug, k = base, 2
    while slug in taken:
        slug, k = f"{base}-{k}", k + 1
    taken.add(slug)
    return slug


def known_names(on_date=None):
    """Every agency's name, short name and aliases, and its former names and former short names still in use on
    ``on_date`` (the names ``Matcher`` matches): the names the parser ends and parts a plan's lists at when the import
    has a database (``parser.parse_document``'s ``known``, ``bodies.known_names_in_force``). Two queries: the
    agencies, then their former names (prefetched), whatever their number."""
    names = []
    for agency in Agency.objects.prefetch_related("former_names"):
        names += [agency.name, agency.short_name, *agency.alias_list]
        for former in agency.former_names.all():
            if on_date is None or on_date <= former.used_until:
                names += [former.name, former.short_name]
    return [n for n in names if n]
