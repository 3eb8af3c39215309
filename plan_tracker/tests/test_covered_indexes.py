"""The indexes of the tables an officer's submission writes (README "PostgreSQL per journey, session 15"): no plain
index on a column that another index of the table leads with (it costs every insert and every non-HOT update, and
serves no read the other does not), every foreign key still the leading column of some index (its lookups and its
cascades stay indexed), and the history tables indexed on what is read from them only (reports.changes: by report
and date; the admin: by the row's id). Read from the database itself, SQLite or PostgreSQL, migrations applied."""

import pytest
from django.db import connection

from notifications.models import Delivery
from reports.models import AgencyReport, IndicatorValue, TaskReport

WRITTEN = [AgencyReport, TaskReport, IndicatorValue, Delivery]
HISTORY_INDEXED = {
    AgencyReport: {"history_id", "id", "history_date", "history_user_id"},
    TaskReport: {"history_id", "id", "history_date", "history_user_id", "report_id"},
    IndicatorValue: {"history_id", "id", "history_date", "history_user_id", "report_id"},
}


def _indexes(model):
    with connection.cursor() as cursor:
        found = connection.introspection.get_constraints(cursor, model._meta.db_table)
    # A unique constraint is an index (SQLite lists a table's UNIQUE (…) apart from its indexes).
    return {name: info for name, info in found.items() if info["index"] or info["unique"] or info["primary_key"]}


@pytest.mark.django_db
@pytest.mark.parametrize("model", WRITTEN + [m.history.model for m in HISTORY_INDEXED], ids=lambda m: m.__name__)
def test_no_plain_index_leads_where_another_index_leads_with_its_column(model):
    indexes = _indexes(model)
    covered = [(name, info["columns"][0]) for name, info in indexes.items()
               if len(info["columns"]) == 1 and not info["unique"] and not info["primary_key"]
               and any(other != name and len(o["columns"]) > 1 and o["columns"][0] == info["columns"][0]
                       for other, o in indexes.items())]
    assert covered == []


@pytest.mark.django_db
@pytest.mark.parametrize("model", WRITTEN, ids=lambda m: m.__name__)
def test_every_foreign_key_leads_an_index(model):
    leading = {info["columns"][0] for info in _indexes(model).values() if info["columns"]}
    keys = {field.column for field in model._meta.concrete_fields if field.many_to_one}
    assert keys and keys <= leading, keys - leading


@pytest.mark.django_db
@pytest.mark.parametrize("model", list(HISTORY_INDEXED), ids=lambda m: m.__name__)
def test_history_tables_index_what_is_read(model):
    columns = set()
    for info in _indexes(model.history.model).values():
        columns.update(info["columns"])
    assert columns == HISTORY_INDEXED[model]
