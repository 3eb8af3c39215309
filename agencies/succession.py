"""Who stands for an agency that has ceased to exist: decided here, once (issue #13; DESIGN.md "Agencies change").

An ``AgencyChange`` (merge, split, dissolve) ends its predecessors the day before its effective date. On a date D, an
agency that exists on D stands for itself; one that has ceased to exist by D is replaced, task by task, by the
successors of the change that ended it: the successor a ``tasks.TaskRouting`` names for the task, else the change's
default successor, else every successor of the change; a successor that has itself ceased by D is replaced the same
way (chains of changes). A body dissolved with no successor, or not yet created on D, stands for nobody.

``reports.services.obligations`` asks ``Succession.resolve`` for the bodies that answer on a year's due date;
``apply_change`` is the one way a change is written into the agencies (validity dates, ``Agency.successors``,
former names, the groups a new body joins). The data are read in a fixed number of queries whatever their size:
``Succession.load`` takes two, and the routings map (``tasks.TaskRouting.as_map``) one."""

import datetime

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import AgencyChange, AgencyName


class Succession:
    def __init__(self, ending, successors, routing):
        self._ending = ending  # {agency id: [change, ...]} changes that end the agency
        self._successors = successors  # {change id: [agency, ...]}
        self._routing = routing or {}  # {(change id, task id): successor id}
        self._agencies = {a.pk: a for agencies in successors.values() for a in agencies}

    @classmethod
    def load(cls, routing=None):
        """Every applied change's predecessors and successors: two queries. ``routing``: {(change id, task id):
        successor id} (``tasks.TaskRouting.as_map()``), or None when no task is routed."""
        ending, successors = {}, {}
        rows = (AgencyChange.predecessors.through.objects.filter(agencychange__applied_at__isnull=False)
                .select_related("agencychange__default_successor"))
        for row in rows:
            ending.setdefault(row.agency_id, []).append(row.agencychange)
        rows = (AgencyChange.successors.through.objects.filter(agencychange__applied_at__isnull=False)
                .select_related("agency"))
        for row in rows:
            successors.setdefault(row.agencychange_id, []).append(row.agency)
        return cls(ending, successors, routing)

    def ended_by(self, agency, on):
        """The change that ended ``agency`` by ``on`` (the latest one in force), or None."""
        changes = [c for c in self._ending.get(agency.pk, ()) if c.effective_date <= on]
        return max(changes, key=lambda c: (c.effective_date, c.pk)) if changes else None

    def resolve(self, agency, task_id, on):
        """The agencies existing on ``on`` that answer for ``agency``'s part of task ``task_id``: [agency] while it
        exists; after it has ceased, its successors by the routing, chains followed to any depth (each body walked
        once: a cycle in the data ends the walk); [] for nobody. In the order the changes name them."""
        result, seen, todo = [], set(), [agency]
        while todo:
            body = todo.pop()
            if body.pk in seen:
                continue
            seen.add(body.pk)
            if body.is_active_on(on):
                result.append(body)
                continue
            change = self.ended_by(body, on)
            if change is None:
                continue
            routed = self._routing.get((change.pk, task_id))
            if routed is not None and routed in self._agencies:
                targets = [self._agencies[routed]]
            elif change.default_successor_id:
                targets = [change.default_successor]
            else:
                targets = self._successors.get(change.pk, [])
            todo.extend(reversed(targets))
        return result

    def successor_on(self, agency, on):
        """The one body that answers for ``agency`` as a whole on ``on`` (no task: the default route), or None."""
        found = self.resolve(agency, None, on) if agency is not None else []
        return found[0] if found else None


def check_change(change, routing=()):
    """Messages for what makes ``change`` (saved, with its predecessors and successors) wrong or incomplete;
    ``routing``: [(task, successor)]. Empty when it can be applied."""
    problems = []
    predecessors = list(change.predecessors.all())
    successors = list(change.successors.all())
    if change.kind != AgencyChange.Kind.CREATE and not predecessors:
        problems.append(_("Chưa chọn cơ quan trước thay đổi."))
    if change.kind in (AgencyChange.Kind.MERGE, AgencyChange.Kind.SPLIT, AgencyChange.Kind.CREATE) and not successors:
        problems.append(_("Chưa chọn cơ quan kế thừa."))
    if change.kind == AgencyChange.Kind.RENAME and (len(predecessors) != 1 or not change.new_name.strip()):
        problems.append(_("Đổi tên cần đúng một cơ quan và tên mới."))
    if change.kind == AgencyChange.Kind.SPLIT and len(successors) > 1 and not change.default_successor_id:
        problems.append(_("Chia tách cho nhiều cơ quan cần chỉ định cơ quan nhận các nhiệm vụ còn lại."))
    if change.default_successor_id and change.default_successor_id not in {s.pk for s in successors}:
        problems.append(_("Cơ quan nhận phần còn lại phải là một trong các cơ quan kế thừa."))
    for task, successor in routing:
        if successor.pk not in {s.pk for s in successors}:
            problems.append(_("Nhiệm vụ %(task)s được chuyển cho %(agency)s, không phải cơ quan kế thừa của thay đổi này.")
                            % {"task": task.number, "agency": successor})
    overlap = {a.pk for a in predecessors} & {a.pk for a in successors}
    if overlap and change.kind != AgencyChange.Kind.RENAME:
        problems.append(_("Một cơ quan không thể vừa chấm dứt vừa kế thừa trong cùng một thay đổi."))
    return problems


@transaction.atomic
def apply_change(change, user=None, routing=()):
    """Write ``change`` into the agencies, once: the predecessors end the day before its effective date (a rename
    keeps the body and records its former name), the successors are recorded on them, and a body the change creates
    (starting on its date) joins its predecessors' groups. Refused with ValidationError, changing nothing, when
    ``check_change`` finds a problem. Re-applying an applied change does nothing."""
    change = AgencyChange.objects.select_for_update().get(pk=change.pk)
    if change.applied_at is not None:
        return change
    problems = check_change(change, routing)
    if problems:
        raise ValidationError(problems)
    day_before = change.effective_date - datetime.timedelta(days=1)
    predecessors = list(change.predecessors.all())
    successors = list(change.successors.all())
    if change.kind == AgencyChange.Kind.RENAME:
        agency = predecessors[0]
        AgencyName.objects.create(agency=agency, name=agency.name, short_name=agency.short_name,
                                  used_until=day_before, change=change)
        agency.name, agency.short_name = change.new_name, change.new_short_name or agency.short_name
        agency._history_user = user
        agency.save()
    else:
        for agency in predecessors:
            if agency.valid_to is None or agency.valid_to > day_before:
                agency.valid_to = day_before
                agency._history_user = user
                agency.save()
            if successors:
                agency.successors.add(*successors)
        for agency in successors:
            if change.kind == AgencyChange.Kind.CREATE and agency.valid_from is None:
                agency.valid_from = change.effective_date
                agency._history_user = user
                agency.save()
            if agency.valid_from == change.effective_date:  # a new body: it joins its predecessors' groups
                for predecessor in predecessors:
                    for group in predecessor.groups.all():
                        # the group in force on the change's date: a group that has ended by then, its successor
                        group = group.in_force_on(change.effective_date)
                        if group is not None:
                            group.members.add(agency)
    change.applied_at = timezone.now()
    change._history_user = user
    change.save()
    return change
