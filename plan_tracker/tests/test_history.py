"""simple-history's ``Model.history`` builds its manager class once (plan_tracker/history.py), and answers as before."""

import datetime

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
