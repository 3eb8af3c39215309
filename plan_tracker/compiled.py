"""Statements compiled once per process, run many times with other values (issue #18).

Django builds and compiles a queryset's SQL at every evaluation: for the officer's hot statements (his report with
its plan, agency and people; its lines with their tasks and sections; its events) that is 1-3 ms of CPU each, more
than PostgreSQL takes to run them, and they run on every request of a deadline-day journey. A ``Statement`` builds its
queryset once per shape with *stand-ins* (values no row has) in place of the values, compiles it, and then runs the
same SQL with the values swapped in, the rows turned into model instances by Django's own iterable (select_related,
annotations and prefetch_related as the queryset's own), without building or compiling it again.

The rule that keeps this correct: ``build`` must only *pass* its arguments into the queryset, never branch on them
(a branch is taken once, for the stand-ins, and would hold for every later value). What may change the SQL's shape
(a list's length) is part of the key: a list argument gets one stand-in per element. A stand-in that does not reach
the SQL as a parameter of its own (dropped by Django, written into the SQL, or wrapped as in a LIKE) is refused when
the statement is compiled, so a misuse fails loudly instead of running a query for the wrong values.
"""

import datetime
import uuid

from django.core.exceptions import EmptyResultSet, FullResultSet
from django.db import connections
from django.db.transaction import TransactionManagementError

#: Integer stand-ins: within a 32-bit column's range (Django drops a lookup whose value is outside its column's
#: range), far from any id. Small-integer columns (a year) need an explicit stand-in (``Statement(stand_ins=...)``).
_INT_STAND_IN = -2_100_000_000
_DATE_STAND_IN = datetime.date(1, 2, 3)
#: A date-time stand-in (an instant no row has; aware, as the project's date-times are): give it in ``stand_ins``.
DATETIME_STAND_IN = datetime.datetime(1, 2, 3, 4, 5, 6, 789_012, tzinfo=datetime.timezone.utc)


def fits(field, value):
    """Whether ``value`` is within ``field``'s integer column's range on its database (Django drops a lookup whose
    value is not: no row matches; a compiled statement would pass it to the database, which refuses it)."""
    from django.db import router

    connection = connections[router.db_for_read(field.model)]
    low, high = connection.ops.integer_field_range(field.get_internal_type())
    return (low is None or value >= low) and (high is None or value <= high)


class Statement:
    """``build(*values)`` -> a queryset, compiled once per shape and run with ``rows(*values)`` (on the database
    the queryset chose when it was compiled: the project has one).

    ``stand_ins``: one value per argument, for an argument whose column cannot take the generated stand-in (a year
    in a small-integer column; a UUID: no UUID is generated); ``None`` at a position means "generate one"."""

    def __init__(self, build, stand_ins=None):
        self.build = build
        self.stand_ins = stand_ins
        self._compiled = {}

    def rows(self, *values):
        """The queryset's rows (a list of instances) for ``values``."""
        shape = tuple(len(v) if isinstance(v, (list, tuple)) else None for v in values)
        compiled = self._compiled.get(shape)
        if compiled is None:
            compiled = self._compiled[shape] = _Compiled(self.build, self._make_stand_ins(shape))
        return compiled.run(values)

    def first(self, *values):
        found = self.rows(*values)
        return found[0] if found else None

    def _make_stand_ins(self, shape):
        counter = iter(range(1_000_000))
        stand_ins = []
        for position, length in enumerate(shape):
            given = self.stand_ins[position] if self.stand_ins else None
            if length is not None:
                stand_ins.append([_INT_STAND_IN - next(counter) for _ in range(length)])
            elif given is not None:
                stand_ins.append(given)
            else:
                stand_ins.append(_INT_STAND_IN - next(counter))
        return stand_ins


class _Compiled:
    def __init__(self, build, stand_ins):
        queryset = build(*stand_ins)
        self.queryset = queryset
        self.alias = queryset.db
        connection = connections[self.alias]
        compiler = queryset.query.get_compiler(using=self.alias)
        try:
            sql, params = compiler.as_sql()
        except (EmptyResultSet, FullResultSet) as dropped:  # a stand-in outside its column's range, an empty list
            raise RuntimeError(f"the statement drops a condition for its stand-ins {stand_ins!r}") from dropped
        self.sql, self.params = sql, tuple(params)
        # What the rows are made from, as the compiler set it up (pre_sql_setup): read-only from here on.
        self.state = (compiler.select, compiler.klass_info, compiler.annotation_col_map, compiler.col_count,
                      compiler.has_extra_select)
        flat = []  # (position, index in a list or None, stand-in as the backend passes it, adapt)
        for position, stand_in in enumerate(stand_ins):
            for index, one in (enumerate(stand_in) if isinstance(stand_in, list) else ((None, stand_in),)):
                if isinstance(one, datetime.datetime):  # an aware instant: as Django passes it (SQLite: UTC text)
                    passed, adapt = connection.ops.adapt_datetimefield_value(one), _instant(connection)
                elif isinstance(one, datetime.date):
                    passed, adapt = connection.ops.adapt_datefield_value(one), connection.ops.adapt_datefield_value
                elif isinstance(one, uuid.UUID):  # a UUID column: the UUID where the database has the type, else hex
                    native = connection.features.has_native_uuid_field
                    passed, adapt = (one, None) if native else (one.hex, _hex)
                elif type(one) is int:
                    passed, adapt = one, None
                else:
                    raise TypeError(f"no stand-in for a {type(one).__name__}")
                if passed not in self.params or str(passed) in sql:
                    raise RuntimeError(f"the compiled statement does not take {one!r} as a parameter: {sql}")
                flat.append((position, index, passed, adapt))
        self.flat = flat
        self._converters = None  # (connection, the expressions, their converters): see ``converters``

    def converters(self, compiler, expressions):
        """``compiler.get_converters(expressions)``, worked out once per connection: the rows' converters depend only on
        the selected expressions (this statement's, fixed at its compilation) and the connection's backend. Django
        works them out at every query (~2-110 us a statement: 30-75 columns each asked for its backend's and its
        field's converters). Any other list of expressions is Django's as before."""
        cached = self._converters
        connection = compiler.connection
        if (cached is not None and cached[0] is connection and len(cached[1]) == len(expressions)
                and all(a is b for a, b in zip(cached[1], expressions))):
            return cached[2]
        found = type(compiler).get_converters(compiler, expressions)
        self._converters = (connection, tuple(expressions), found)
        return found

    def run(self, values):
        connection = connections[self.alias]
        if (self.queryset.query.select_for_update and connection.features.has_select_for_update
                and connection.get_autocommit()):
            # What Django's compiler says (skipped here): a row lock outside a transaction is released at once.
            raise TransactionManagementError("select_for_update cannot be used outside of a transaction.")
        swapped = {}
        for position, index, passed, adapt in self.flat:
            value = values[position] if index is None else values[position][index]
            takes_datetimes = getattr(adapt, "takes_datetimes", False)
            if adapt is not None and isinstance(value, datetime.datetime) and not takes_datetimes:
                raise TypeError("a date statement takes dates, not date-times")  # Django would convert it first
            swapped[passed] = adapt(value) if adapt is not None and value is not None else value
        params = tuple(_swap(p, swapped) for p in self.params)
        sql = self.sql
        select, klass_info, annotation_col_map, col_count, has_extra_select = self.state
        queryset = self.queryset._chain()
        query = queryset.query
        build = type(query).get_compiler

        def get_compiler(using=None, connection=None, elide_empty=True):
            compiler = build(query, using, connection, elide_empty)
            compiler.select, compiler.klass_info, compiler.annotation_col_map = select, klass_info, annotation_col_map
            compiler.col_count, compiler.has_extra_select = col_count, has_extra_select
            compiler.as_sql = lambda with_limits=True, with_col_aliases=False: (sql, params)
            compiler.get_converters = lambda expressions: converters(compiler, expressions)
            return compiler

        converters = self.converters
        query.get_compiler = get_compiler
        return list(queryset)


def set_prefetched(instances, name, rows, queryset):
    """``instances`` (of one model) with their reverse foreign key ``name`` set as Django's prefetch sets it
    (``prefetch_related(Prefetch(name, queryset))``): ``instance.<name>.all()`` makes no query and each row knows its
    instance. ``rows()``: every row of ``name`` the instances may have (more does no harm: a row is given to the
    instance its foreign key names), in the order each instance's list is to keep; called once, and only when some
    instance is not prefetched already (as Django's, a prefetch done already is left as it is). For the rows of a
    statement compiled once (``Statement``): found by what the instances have in common (their report, the agencies
    they were found by), never by a list of the instances' ids, one shape whatever their number."""
    instances = [i for i in instances if name not in getattr(i, "_prefetched_objects_cache", {})]
    if not instances:
        return
    field = getattr(type(instances[0]), name).field  # the rows' foreign key to the instances
    found = {}
    for row in rows():
        found.setdefault(getattr(row, field.attname), []).append(row)
    for instance in instances:
        own = found.get(getattr(instance, field.target_field.attname), [])
        for row in own:
            setattr(row, field.name, instance)
        prefetched = getattr(instance, name)._apply_rel_filters(queryset)
        prefetched._result_cache = own
        prefetched._prefetch_done = True
        instance.__dict__.setdefault("_prefetched_objects_cache", {})[name] = prefetched


def _hex(value):
    return value.hex


def _instant(connection):
    """A date-time statement's value as Django passes an aware instant to ``connection``; a date or a naive date-time
    refused (Django would take a naive one in the current time zone, with a warning: a statement does not guess)."""
    adapt = connection.ops.adapt_datetimefield_value

    def instant(value):
        if not isinstance(value, datetime.datetime) or value.tzinfo is None or value.utcoffset() is None:
            raise TypeError(f"a date-time statement takes aware date-times, not {value!r}")
        return adapt(value)

    instant.takes_datetimes = True
    return instant


_PLAIN = (int, str, datetime.date, datetime.datetime, uuid.UUID)


def _swap(param, swapped):
    # A parameter equal to a stand-in takes the value, in the parameter's own type (psycopg's Int2 for a small
    # integer column on PostgreSQL: the ORM passes the value so).
    if isinstance(param, _PLAIN) and not isinstance(param, bool):
        try:
            value = swapped[param]
        except (KeyError, TypeError):
            return param
        return value if type(param) in _PLAIN or value is None else type(param)(value)
    return param
