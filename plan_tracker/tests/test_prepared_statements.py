"""PostgreSQL plans a query once per connection, not once per request (settings.py, README "Performance").

The year's completion rules compile to a dozen nested subqueries that PostgreSQL took 40-150 ms to plan at every
request. With psycopg 3's server-side binding, a query run a second time on a connection is prepared, and with
plan_cache_mode=force_generic_plan its plan is kept: the third run is not planned again.
"""

import pytest
from django.db import connection

from plan_tracker.tests.test_settings import _run_django
from tasks.models import Task

pytestmark = pytest.mark.django_db


def _plans(marker):
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT generic_plans, custom_plans FROM pg_prepared_statements WHERE statement LIKE %s",
            [f"%{marker}%"],
        )
        return cursor.fetchall()


def test_a_query_run_again_on_a_connection_is_prepared_and_planned_once():
    if connection.vendor != "postgresql":
        pytest.skip("prepared statements are PostgreSQL's")
    connection.ensure_connection()
    for title in ["Một", "Hai", "Ba", "Bốn"]:  # a parameter that changes, as a year or an agency does per request
        list(Task.objects.filter(title__startswith=title, target_text="prepared-statement-probe").values_list("id"))
    # Four runs: the first unprepared, then prepared once and planned once (a generic plan), reused twice.
    plans = _plans('"tasks_task"."target_text" = $')
    assert plans == [(3, 0)], plans


def test_prepared_statements_can_be_switched_off_for_a_pooler():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='plan_tracker.settings'; django.setup();"
        "from django.db import connection as c; o = c.settings_dict['OPTIONS'];"
        "print(o.get('server_side_binding'), o.get('prepare_threshold'), 'plan_cache_mode' in o['options'])"
    )
    url = "postgres://postgres@127.0.0.1:5432/unused"
    on = _run_django(code, DATABASE_URL=url, DEBUG="true")
    off = _run_django(code, DATABASE_URL=url, DEBUG="true", DB_PREPARED_STATEMENTS="false")
    assert on.returncode == 0 and off.returncode == 0, on.stderr + off.stderr
    assert on.stdout.split() == ["True", "1", "True"]
    assert off.stdout.split() == ["None", "None", "False"]


def test_a_plan_cache_mode_of_the_database_url_wins():
    code = (
        "import django, os; os.environ['DJANGO_SETTINGS_MODULE']='plan_tracker.settings'; django.setup();"
        "from django.db import connection as c; print(c.settings_dict['OPTIONS']['options'])"
    )
    url = "postgres://postgres@127.0.0.1:5432/unused"
    own = _run_django(code, DATABASE_URL=url + "?options=-c%20plan_cache_mode%3Dauto%20-c%20jit%3Don", DEBUG="true")
    ours = _run_django(code, DATABASE_URL=url + "?options=-c%20jit%3Don", DEBUG="true")
    assert own.returncode == 0 and ours.returncode == 0, own.stderr + ours.stderr
    assert own.stdout.split() == ["-c", "plan_cache_mode=auto", "-c", "jit=on"]
    assert ours.stdout.split() == ["-c", "jit=on", "-c", "plan_cache_mode=force_generic_plan"]
