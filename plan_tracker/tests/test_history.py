"""simple-history's ``Model.history`` builds its manager class once (plan_tracker/history.py), and answers as before."""

import datetime
from decimal import Decimal

from django.utils import timezone

from agencies.models import Agency
from plan_tracker import history
from simple_history.manager import HistoryDescriptor, HistoryManager
from testing.factories import make_agency


def test_the_history_manager_class_is_built_once_per_model_kind():
    assert HistoryDescriptor.__get__ is history._get
    assert type(Agency.history) is type(Agency.history)


def test_history_answers_per_model_and_per_object(db):
    first, second = make_agency(), make_agency()
    first.name = "Sở Văn hóa, Thể thao và Du lịch"
    first.save()
    before = timezone.now()
    first.name = "Sở Khoa học và Công nghệ"
    first.save()
    assert isinstance(Agency.history, HistoryManager) and isinstance(first.history, HistoryManager)
    assert first.history.count() == 3 and second.history.count() == 1
    assert Agency.history.filter(id__in=[first.pk, second.pk]).count() == 4
    assert [h.name for h in first.history.all()][:2] == ["Sở Khoa học và Công nghệ", "Sở Văn hóa, Thể thao và Du lịch"]
    assert first.history.most_recent().name == "Sở Khoa học và Công nghệ"
    assert first.history.as_of(before).name == "Sở Văn hóa, Thể thao và Du lịch"
    assert Agency.history.as_of(before + datetime.timedelta(days=1)).filter(pk=first.pk).get().name \
        == "Sở Khoa học và Công nghệ"
    # Each access is a manager of its own object: the class is shared, the instance is not.
    assert first.history.instance == first and second.history.instance == second


def _recorded(model, pks):
    """The latest history row of each of ``pks``, as a user of the history sees it (no id, no instant)."""
    history = model.history.model
    names = [f.attname for f in history.tracked_fields] + ["history_type", "history_user_id", "history_change_reason"]
    latest = {}
    for row in history.objects.filter(id__in=pks).order_by("history_date", "history_id"):
        latest[row.id] = tuple(getattr(row, name) for name in names)
    return [latest[pk] for pk in sorted(pks)]


def test_record_rows_writes_what_simple_historys_bulk_helpers_write(db, django_user_model):
    from simple_history.utils import bulk_update_with_history

    from reports.models import AgencyReport, IndicatorValue, TaskReport
    from testing.factories import fill_report, make_user, open_year, small_plan

    plan, who = small_plan()
    open_year(plan, 2024)
    officer = make_user(django_user_model, "canbo", who["dept"])
    report = AgencyReport.objects.get(plan=plan, year=2024, agency=who["dept"])
    fill_report(report, officer)
    lines = list(TaskReport.objects.filter(report=report).order_by("pk"))
    for n, line in enumerate(lines):
        line.achievements = f"Đã làm “{n}” <b>'x'</b>"
        line.quantity_achieved = n or None
        line.save()
    pks = [line.pk for line in lines]
    bulk_update_with_history(lines, TaskReport, [], default_user=officer)
    expected = _recorded(TaskReport, pks)
    before = timezone.now()
    history.record_rows(TaskReport, pks[::-1], user=officer)
    assert _recorded(TaskReport, pks) == expected
    assert TaskReport.history.filter(id__in=pks, history_date__gte=before).count() == len(pks)
    assert expected[0][-3:] == ("~", officer.pk, None)

    value = IndicatorValue.objects.create(report=report, indicator=plan.indicators.create(code="x", name="X", unit="cái"),
                                          value=Decimal("12.50"))
    IndicatorValue.history.all().delete()
    history.record_rows(IndicatorValue, [value.pk], user=officer, update=False)
    (row,) = IndicatorValue.history.all()
    assert (row.id, row.report_id, row.value, row.history_type, row.history_user_id) == (
        value.pk, report.pk, value.value, "+", officer.pk)
    history.record_rows(IndicatorValue, [], user=officer)
    assert IndicatorValue.history.count() == 1
