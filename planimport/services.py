"""Writing what was read: the plan, its sections, tasks, assignments and responsibilities, in one transaction, with
the agencies and groups the admin chose or allowed to be created. Nothing is written before ``write_plan``; a refusal
(``ImportRefused``) leaves the database as it was."""

import re

from django.db import transaction
from django.utils.translation import gettext
from simple_history.utils import bulk_create_with_history

from plan_tracker import cache

from agencies.models import Agency, AgencyGroup
from plan_tracker.text import fold
from tasks.models import Assignment, Plan, Responsibility, Section, Task, all_agency_kinds

from .matching import Matcher, note_for, slug_for
from .names import group_keys, split_names

# Who must report, from the bodies the reporting rule names ("Các sở, ban, ngành, UBND các huyện, thành phố").
OBLIGED_BY_GROUP = {
    "departments": ["department", "office", "police"], "districts": ["district", "commune"],
    "communes": ["commune"], "press": ["press"], "units": ["department", "office"],
}
DB_KIND = {"other": Task.Timeframe.ONGOING, "none": Task.Timeframe.ONGOING}


class ImportRefused(ValueError):
    """The plan cannot be written as read; the message says why, for the person importing."""


def plan_code(parsed):
    parts = [parsed.number.replace("/", "-"), str(parsed.date.year) if parsed.date else "", parsed.place]
    return re.sub(r"[^a-z0-9]+", "-", fold(" ".join(p for p in parts if p)))[:64].strip("-")


def written_names(parsed):
    """Every agency or group name the plan's tasks and reporting rule write, once each, in order."""
    seen = {}
    for task in parsed.tasks:
        for name in [*task.lead, *task.coordinators]:
            seen.setdefault(name, None)
    for name in parsed.reporting.to:
        seen.setdefault(name, None)
    return list(seen)


def check_readable(parsed):
    if not parsed.tasks:
        raise ImportRefused(gettext(
            "Không tìm thấy nhiệm vụ nào trong văn bản: cần các mục đánh số có dòng “Chủ trì: …”, một bảng có cột "
            "“Cơ quan chủ trì”, hoặc câu “Giao … chủ trì”."))
    if not parsed.date:
        raise ImportRefused(gettext("Không đọc được ngày ban hành của văn bản (dòng “…, ngày … tháng … năm …”)."))
    if not parsed.number:
        raise ImportRefused(gettext("Không đọc được số, ký hiệu của văn bản (dòng “Số: …/KH-…”)."))


def write_plan(parsed, choices=None, new_kinds=None, user=None):
    """Write ``parsed`` (a ``parser.ParsedPlan``). ``choices``: {written name: agency id} for ambiguous names (or to
    override a match); ``new_kinds``: {written name: Agency.Kind} for agencies to create. Every row keeps its history
    (who: ``user``). Returns the Plan."""
    check_readable(parsed)
    choices, new_kinds = choices or {}, new_kinds or {}
    with transaction.atomic():
        code = plan_code(parsed)
        if Plan.objects.filter(code=code).exists():
            raise ImportRefused(gettext("Kế hoạch %(number)s (mã %(code)s) đã có: không nhập lại.")
                                % {"number": parsed.number, "code": code})
        matcher = Matcher(parsed.date, parsed.place)
        taken = set(Agency.objects.values_list("code", flat=True))
        taken_groups = set(AgencyGroup.objects.values_list("code", flat=True))
        chosen = {a.pk: a for a in Agency.objects.filter(pk__in=[v for v in choices.values() if v])}
        agency_of, groups_of = {}, {}

        def resolve(name):
            if name in agency_of or name in groups_of:
                return
            m = matcher.match(name)
            if m.kind == "group":
                out = []
                for group, key in m.groups:
                    if group is None:
                        group = AgencyGroup.objects.create(code=slug_for(matcher.group_name(key, name), taken_groups),
                                                           name=matcher.group_name(key, name))
                        matcher.groups[key] = group
                    out.append(group)
                groups_of[name] = out
            elif m.kind == "agency":
                if choices.get(name):
                    agency_of[name] = chosen[int(choices[name])]
                elif m.status == "matched":
                    agency_of[name] = m.agency
                elif m.status == "ambiguous":
                    raise ImportRefused(gettext("Chọn cơ quan cho tên “%(name)s”: có nhiều cơ quan trùng tên.")
                                        % {"name": name})
                else:
                    agency_of[name] = Agency.objects.create(
                        code=slug_for(name, taken), name=name, kind=new_kinds.get(name) or m.guessed_kind)

        for name in written_names(parsed):
            resolve(name)
        issuer = matcher.match(parsed.issuer).agency if parsed.issuer else None
        rep = parsed.reporting
        recipient = next((agency_of.get(n) for n in rep.to if agency_of.get(n)), None)
        plan = Plan.objects.create(
            code=code, number=parsed.number, document_type=parsed.document_type or "Kế hoạch", issuer=issuer,
            issuer_name=parsed.issuer, place=parsed.place, issue_date=parsed.date, title=parsed.title,
            signer_name=parsed.signer_name, signer_capacity=parsed.signer_capacity, legal_basis=parsed.legal_basis,
            purpose=parsed.purpose, requirements=parsed.requirements, funding=parsed.funding,
            start_year=parsed.date.year, report_due_day=(rep.due_day if rep.period == "yearly" and rep.due_month else 15),
            report_due_month=(rep.due_month if rep.period == "yearly" and rep.due_month else 11),
            report_recipient=recipient, report_onward_to=rep.onward[:255], reporting_text=rep.text,
            obliged_kinds=obliged_kinds(rep.text), closing_text=parsed.closing_text,
            recipients_text=parsed.recipients_text,
        )
        sections = {}
        for s in parsed.sections:
            sections[s.code] = Section.objects.create(
                plan=plan, parent=sections.get(s.parent), code=s.code, number=s.number, title=s.title or s.number,
                text=s.text, order=s.order)
        fallback = None
        tasks = []
        for t in parsed.tasks:
            section = sections.get(t.section)
            if section is None:
                if fallback is None:
                    fallback = Section.objects.create(plan=plan, code="NV", number="",
                                                      title=gettext("Nhiệm vụ"), order=len(sections) + 1)
                section = fallback
            tf = t.timeframe
            task = Task(plan=plan, section=section, number=t.number[:16], title=t.title, content=t.content,
                        target_quantity=t.target_quantity, target_unit=t.target_unit[:100],
                        target_per_year=t.target_per_year, target_text=t.target_text,
                        timeframe_kind=DB_KIND.get(tf.kind, tf.kind), start_date=tf.start, end_date=tf.end,
                        due_date=tf.due, timeframe_text=tf.text[:255], order=t.order)
            task.prepare()
            tasks.append(task)
        bulk_create_with_history(tasks, Task, default_user=user)
        assignments = []
        for task, t in zip(tasks, parsed.tasks):
            for role, names in ((Assignment.Role.LEAD, t.lead), (Assignment.Role.COORDINATOR, t.coordinators)):
                order, seen = 0, set()
                for name in names:
                    for kwargs in _assignees(name, agency_of, groups_of):
                        ident = (kwargs.get("agency"), kwargs.get("group"), kwargs.get("related_text", ""))
                        if ident in seen:
                            continue
                        seen.add(ident)
                        order += 1
                        a = Assignment(task=task, role=role, order=order, **kwargs)
                        a.prepare()
                        assignments.append(a)
        bulk_create_with_history(assignments, Assignment, default_user=user)
        # bulk_create sends no post_save: what was cached from the plans goes (reports/cache.py).
        cache.bump(cache.EVERYTHING)
        for r in parsed.responsibilities:
            resp = Responsibility.objects.create(plan=plan, number=r.number, heading=r.heading[:255], text=r.text,
                                                 order=r.order)
            agencies, groups = [], []
            for name in split_names(re.sub(r"^(?i:đề nghị)\s+", "", r.heading)):
                m = matcher.match(name)
                if m.kind == "group":
                    groups += [g for g, _k in m.groups if g is not None]
                elif m.kind == "agency" and (m.agency or agency_of.get(name)):
                    agencies.append(agency_of.get(name) or m.agency)
            resp.agencies.set(agencies)
            resp.groups.set(groups)
        return plan


def _assignees(name, agency_of, groups_of):
    if name in agency_of:
        return [{"agency": agency_of[name]}]
    if name in groups_of:
        groups = groups_of[name]
        return [{"group": g, "note": (name if len(groups) > 1 else note_for(name, g))[:255]} for g in groups]
    return [{"related_text": name[:255]}]


def obliged_kinds(reporting_text):
    """The kinds of agencies the reporting rule obliges, from the groups it names before "báo cáo"; every kind
    when it names none."""
    subject = re.split(r"(?i)\bbáo cáo\b", reporting_text or "", maxsplit=1)[0]
    kinds = []
    for name in split_names(subject):
        for key in group_keys(name):
            for kind in OBLIGED_BY_GROUP.get(key, []):
                if kind not in kinds:
                    kinds.append(kind)
    return kinds or all_agency_kinds()
