"""Accent-free admin search, shared by the domain apps' admins (agencies, tasks, notifications)."""

from functools import reduce
from operator import or_

from django.contrib.admin.utils import lookup_spawns_duplicates
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from plan_tracker.text import fold, nfc


class FoldedSearchMixin:
    """Admin search that ignores accents and case: "so tu phap" and "SỞ TƯ PHÁP" find "Sở Tư pháp".

    Each word of the query must match one of the fields: ``folded_search_fields`` are accent-folded
    columns (``search_text``, maintained on save with ``plan_tracker.text.fold``) matched with
    ``__contains``; ``plain_search_fields`` are matched with ``__icontains``;
    ``exact_search_fields`` must equal the whole query (a task number "6.1").
    """

    folded_search_fields = ("search_text",)
    plain_search_fields = ()
    exact_search_fields = ()
    search_help_text = _("Gõ có dấu hay không dấu, chữ hoa hay thường đều được.")

    def get_search_results(self, request, queryset, search_term):
        words = fold(search_term).split()
        if not words or not (self.folded_search_fields or self.plain_search_fields):
            return queryset, False
        raw_words = nfc(search_term).split()
        q = Q()
        for folded, raw in zip(words, raw_words):
            options = [Q(**{f"{f}__contains": folded}) for f in self.folded_search_fields]
            options += [Q(**{f"{f}__icontains": raw}) for f in self.plain_search_fields]
            q &= reduce(or_, options)
        for f in self.exact_search_fields:
            q |= Q(**{f: nfc(search_term)})
        fields = (*self.folded_search_fields, *self.plain_search_fields, *self.exact_search_fields)
        may_have_duplicates = any(lookup_spawns_duplicates(self.opts, f) for f in fields)
        return queryset.filter(q), may_have_duplicates
