"""django-simple-history's ``Model.history``, without a new manager class at every access.

``HistoryDescriptor.__get__`` calls ``HistoryManager.from_queryset(HistoricalQuerySet)`` at every access: a new class
(~0.1 ms, each queryset method copied onto it), three to six times a report save (the save's own reads and every
``post_save`` that records a history row). ``install()`` makes it build that class once per (manager, queryset)
pair; the manager returned is otherwise the same (issue #18)."""

from simple_history.manager import HistoryDescriptor

_classes = {}


def _get(self, instance, owner):
    key = (self.manager_class, self.queryset_class)
    manager_class = _classes.get(key)
    if manager_class is None:
        manager_class = _classes[key] = self.manager_class.from_queryset(self.queryset_class)
    return manager_class(self.model, instance)


def install():
    HistoryDescriptor.__get__ = _get
