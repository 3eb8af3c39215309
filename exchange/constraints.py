"""Model validation in Python: the check and unique constraints a row must meet, without a query per
row. Django's Model.full_clean() asks the database for each (“SELECT 1 WHERE …” per check
constraint, “SELECT 1 … LIMIT 1” per unique constraint and per foreign key): 5 statements a task row.
"""

import functools
import operator

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db.models import CheckConstraint, F, Model, Q, UniqueConstraint
from django.db.models.constants import LOOKUP_SEP


class NotInPython(Exception):
    """A condition this module cannot evaluate itself: Django's own (database) check is used for it."""


class RefersToExcluded(Exception):
    """The condition uses a field that already has an error; Django skips such a constraint too."""


_COMPARISONS = {
    "exact": operator.eq, "gt": operator.gt, "gte": operator.ge, "lt": operator.lt, "lte": operator.le,
}


def _column(opts, name):
    """(field name, attname) of one of the model's own columns; ``pk`` too."""
    if name == "pk":
        return "pk", "pk"
    try:
        field = opts.get_field(name)
    except FieldDoesNotExist:
        raise NotInPython from None
    if not field.concrete or field.many_to_many or getattr(field, "generated", False):
        raise NotInPython
    return field.name, field.attname


def _compile_lookup(opts, lookup, rhs, refs):
    name, _sep, op = lookup.partition(LOOKUP_SEP)
    op = op or "exact"
    name, attname = _column(opts, name)
    refs.add(name)
    rhs_attname = None
    if isinstance(rhs, F):
        rhs_name, rhs_attname = _column(opts, rhs.name)
        refs.add(rhs_name)
    elif isinstance(rhs, Model):
        rhs = rhs.pk
    elif hasattr(rhs, "resolve_expression"):
        raise NotInPython
    if op == "isnull":
        if rhs_attname is not None or not isinstance(rhs, bool):
            raise NotInPython
        return lambda instance: (getattr(instance, attname) is None) == rhs
    if op not in _COMPARISONS:
        raise NotInPython  # another lookup, a transform or a related field's column
    compare = _COMPARISONS[op]

    def holds(instance):
        value = getattr(instance, attname)
        other = rhs if rhs_attname is None else getattr(instance, rhs_attname)
        if op == "exact" and other is None:
            return value is None  # Django turns “= None” into IS NULL
        if value is None or other is None:
            return None  # SQL: a comparison with NULL is unknown
        try:
            return bool(compare(value, other))
        except TypeError:
            raise NotInPython from None

    return holds


def _compile_q(q, opts, refs):
    if not isinstance(q, Q) or q.connector not in (Q.AND, Q.OR):
        raise NotInPython
    parts = []
    for child in q.children:
        if isinstance(child, Q):
            parts.append(_compile_q(child, opts, refs))
        elif isinstance(child, tuple) and len(child) == 2:
            parts.append(_compile_lookup(opts, child[0], child[1], refs))
        else:
            raise NotInPython
    decisive = q.connector == Q.OR  # OR: one True decides; AND: one False does
    negated = q.negated

    def holds(instance):
        unknown = False
        for part in parts:
            value = part(instance)
            if value is decisive:
                return (not decisive) if negated else decisive
            if value is None:
                unknown = True
        if unknown:
            return None  # NOT unknown is unknown too
        return decisive if negated else not decisive

    return holds


def compile_condition(q, model):
    """A function ``(instance, exclude=()) -> True, False or None`` telling whether an instance of
    ``model`` meets the condition ``q`` by SQL's rules (None: unknown, as with NULL).

    Knows AND/OR/NOT of lookups exact, gt, gte, lt, lte and isnull on the model's own columns,
    compared with constants, ``F("other_field")`` or model instances. Raises ``NotInPython`` (now,
    or when two values cannot be compared) for anything else. Like Django's check, a condition that
    uses a field in ``exclude`` (one with an error already) is not evaluated: the function raises
    ``RefersToExcluded``."""
    refs = set()
    holds = _compile_q(q, model._meta, refs)

    def condition(instance, exclude=()):
        if exclude and not refs.isdisjoint(exclude):
            raise RefersToExcluded
        return holds(instance)

    return condition


def _python_condition(q, model):
    """``compile_condition(q, model)``, or None when the condition is not for Python."""
    try:
        return compile_condition(q, model)
    except NotInPython:
        return None


class _UniqueRule:
    """One set of columns the database keeps unique, optionally only for rows meeting ``condition``."""

    def __init__(self, model_class, names, condition=None, constraint=None):
        self.model_class = model_class
        self.names = tuple(names)
        self.attnames = tuple(model_class._meta.get_field(name).attname for name in names)
        self.condition = condition
        # None: no condition, or one that Django must check (constraint.validate(), a query per row).
        self.holds = None if condition is None else _python_condition(condition, model_class)
        self.constraint = constraint

    def error(self, instance):
        """Django's own message for a clash with a row already in the database."""
        constraint = self.constraint
        if constraint is not None and (
            constraint.condition is not None
            or constraint.violation_error_message != constraint.default_violation_error_message
        ):
            error = ValidationError(constraint.get_violation_error_message(), code=constraint.violation_error_code)
        else:
            error = instance.unique_error_message(self.model_class, self.names)
        key = self.names[0] if len(self.names) == 1 and error.code == "unique" else NON_FIELD_ERRORS
        return key, error


@functools.cache
def model_rules(model):
    """(unique rules, [(model, other constraint, its Python condition or None)], whether Django's
    validate_unique() is still needed for unique_for_date and friends)."""
    rules, checks, by_django = [], [], False
    for model_class in (model, *model._meta.all_parents):
        opts = model_class._meta
        for field in opts.local_fields:
            if field.unique and not field.primary_key:
                rules.append(_UniqueRule(model_class, [field.name]))
            if getattr(field, "unique_for_date", None) or getattr(field, "unique_for_year", None) or getattr(
                field, "unique_for_month", None
            ):
                by_django = True
        rules.extend(_UniqueRule(model_class, names) for names in opts.unique_together)
        for constraint in opts.constraints:
            if isinstance(constraint, CheckConstraint):
                checks.append((model_class, constraint, _python_condition(constraint.condition, model_class)))
            elif isinstance(constraint, UniqueConstraint):
                if (
                    constraint.fields
                    and not constraint.expressions
                    and constraint.nulls_distinct is not False
                    and not any(opts.get_field(name).generated for name in constraint.fields)
                ):
                    rules.append(_UniqueRule(model_class, constraint.fields, constraint.condition, constraint))
                else:
                    checks.append((model_class, constraint, None))  # Django's validate(), a query per row
    return rules, checks, by_django
