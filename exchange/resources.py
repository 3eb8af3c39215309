"""Resources: ``CodeKeyedResource``, the base of the domain apps' resources (rows found by business
code, validated in Python, written row by row or in bulk with history), its instance loader, the
preview's row diffs, and ``import_dataset``/``result_messages`` for imports outside the admin."""

from functools import partial

from diff_match_patch import diff_match_patch
from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ImproperlyConfigured, ValidationError
from django.db import router
from django.utils.encoding import force_str
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from import_export import resources, widgets
from import_export.instance_loaders import ModelInstanceLoader
from import_export.results import RowResult
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from plan_tracker import cache
from plan_tracker.text import fold, nfc

from .constraints import NotInPython, RefersToExcluded, model_rules
from .widgets import BooleanWidget, ChoiceWidget, DateWidget, IntegerWidget, TextWidget, cell_text


def _prepare_for_bulk(instance):
    """Fill what the model's save() computes (NFC text, ``search_text``…) through its ``prepare()``, the
    method save() itself calls, so bulk-written rows equal saved ones. Only models with one are written
    in bulk (``use_bulk``)."""
    instance.prepare()


_DIFF_MARKUP = {diff_match_patch.DIFF_EQUAL: "<span>%s</span>",
                diff_match_patch.DIFF_INSERT: '<ins style="background:#e6ffe6;">%s</ins>'}


def _diff_html(op, text):
    """diff_match_patch's diff_prettyHtml() of a one-piece diff: the same escaping and markup."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\n", "&para;<br>")
    return _DIFF_MARKUP[op] % text


class _RowDiff:
    """A preview row's cells (old and new export texts), turned into the library's HTML diff only
    when the page shows them, and only diffed where they differ. Iterating gives each cell's HTML,
    as the library's ``RowResult.diff`` list does (same markup as its ``Diff.as_html``); ``__html__``
    gives the row's ``<td>`` cells at once (templates/admin/exchange/import.html)."""

    _dmp = diff_match_patch()

    def __init__(self, left, right, new):
        self.left, self.right, self.new = left, right, new

    def __iter__(self):
        for v1, v2 in zip(self.left, self.right):
            v1 = v1 if v1.__class__ is str else force_str(v1)
            v2 = v2 if v2.__class__ is str else force_str(v2)
            if v1 == v2:
                yield mark_safe(_diff_html(diff_match_patch.DIFF_EQUAL, v2) if v2 else "")
            elif self.new:  # the library shows a new row's cells as inserted
                yield mark_safe(_diff_html(diff_match_patch.DIFF_INSERT, v2) if v2 else "")
            else:
                diff = self._dmp.diff_main(v1, v2)
                self._dmp.diff_cleanupSemantic(diff)
                yield mark_safe(self._dmp.diff_prettyHtml(diff))

    def __html__(self):
        return mark_safe("".join([f"<td>{cell}</td>" for cell in self]))

    __str__ = __html__  # the template engine turns a value into str before escaping it


class CodeInstanceLoader(ModelInstanceLoader):
    """Finds the existing objects of a file's rows by their ``import_id_fields`` in one query.

    The library's cached loader handles a single id field only; ours takes several (plan + number).
    Objects are read by the first id field's values, then matched on all of them in Python. A row
    whose ids cannot be resolved (unknown plan…) counts as new: ``import_instance`` then reports the
    unknown code with its row number.
    """

    def __init__(self, resource, dataset=None):
        super().__init__(resource, dataset)
        self.id_fields = [resource.fields[name] for name in resource.get_import_id_fields()]
        self.instances = None

    @staticmethod
    def _norm(value):
        return getattr(value, "pk", value)

    def _row_key(self, row):
        return tuple(self._norm(field.clean(row)) for field in self.id_fields)

    def _instance_key(self, obj):
        key = []
        for field in self.id_fields:
            model_field = obj._meta.get_field(field.attribute)
            key.append(getattr(obj, model_field.attname))
        return tuple(key)

    def _load(self):
        first = self.id_fields[0]
        values = set()
        for row in self.dataset.dict if self.dataset is not None else []:
            if first.column_name not in row:
                continue
            try:
                value = first.clean(row)
            except ValueError:
                continue
            if value not in (None, ""):
                values.add(value)
        qs = self.get_queryset().filter(**{f"{first.attribute}__in": values}) if values else []
        self.instances = {self._instance_key(obj): obj for obj in qs}

    def get_instance(self, row):
        if any(field.column_name not in row for field in self.id_fields):
            return None
        if self.instances is None:
            self._load()
        try:
            return self.instances.get(self._row_key(row))
        except ValueError:
            return None


def _prefix_line(error, line, columns=None):
    """``error`` with “Dòng N: ” in front of each message (N: spreadsheet row, header is row 1), its fields named
    by their columns' headers (``columns``: {model field: header}) as the preview lists them."""

    def prefix(message):
        return gettext("Dòng %(line)s: %(message)s") % {"line": line, "message": message}

    columns = columns or {}
    if hasattr(error, "error_dict"):
        return ValidationError({columns.get(f, f): [prefix(m) for m in msgs] for f, msgs in error.message_dict.items()})
    return ValidationError([prefix(m) for m in error.messages])


def _nul_cells(dataset, limit=20):
    """Messages for the cells holding a NUL character (CSV "\0", XLSX "_x0000_"): PostgreSQL stores no text with
    one, so such a file would pass the preview and fail at confirm (or fail looking its codes up). Refused at once,
    before any row is read, naming each cell (at most ``limit``)."""
    found = []
    columns = ["" if h is None else str(h) for h in dataset.headers or []]
    for index, header in enumerate(columns):
        if "\x00" in header:
            found.append((1, index + 1, header))
    for number, row in enumerate(dataset, start=2):
        for index, cell in enumerate(row):
            if isinstance(cell, str) and "\x00" in cell:
                found.append((number, index + 1, columns[index] if index < len(columns) else ""))
    messages = [
        gettext("Dòng %(line)s, cột “%(column)s”: ô có ký tự NUL (mã 0), không lưu được. Hãy xóa ký tự đó trong tệp.")
        % {"line": line, "column": column.replace("\x00", "") or index}
        for line, index, column in found[:limit]
    ]
    if len(found) > limit:
        messages.append(gettext("… và %(count)s ô khác có ký tự NUL.") % {"count": len(found) - limit})
    return messages


class ImportWriteError(Exception):
    """The database refused a batch of rows that passed validation; the message is for the user."""


class CodeKeyedResource(resources.ModelResource):
    """Base resource: business-code keys, NFC text, d/m/Y dates, Vietnamese row messages.

    Validation is the model's own — field validation, ``clean()``, check constraints, unique
    constraints — but without a query per row: foreign keys the row's widgets read from the
    database are not looked up again, check constraints are evaluated in Python
    (``compile_condition``; Django's query only for a condition it cannot read), and unique
    constraints are checked against the rows
    of the file seen so far plus one read of the existing keys per constraint (the import key itself
    needs no read: the instance loader has found the row that has it). Two rows with the same import
    key are refused, naming both rows.

    Writing: row by row through ``save()`` by default. A resource whose rows have no many-to-many
    cells and never refer to another row of the same file may set ``use_bulk = True`` in Meta: rows
    are then written ``batch_size`` at a time with simple-history's bulk helpers (one history row per
    created or updated object, with the importing user), after running the model's ``prepare()`` (the
    part of its ``save()`` that fills NFC text, ``search_text``…) so that rows are what a save would
    store; and a dry run (the admin's preview) writes nothing at all.
    """

    WIDGETS_MAP = {
        **resources.ModelResource.WIDGETS_MAP,
        "CharField": TextWidget,
        "SlugField": TextWidget,
        "TextField": TextWidget,
        "EmailField": TextWidget,
        "DateField": DateWidget,
        "IntegerField": IntegerWidget,
        "PositiveIntegerField": IntegerWidget,
        "PositiveSmallIntegerField": IntegerWidget,
        "SmallIntegerField": IntegerWidget,
        "BigIntegerField": IntegerWidget,
        "BooleanField": BooleanWidget,
    }

    #: Columns needed besides the ``import_id_fields`` (e.g. the plan a task number belongs to), by field name.
    required_columns = ()

    #: {field name: its column's header}, in Vietnamese for the clerk who reads the file ("Mã cơ quan", not
    #: "code"). Fixed words, whatever the page's language: a file means the same to every reader. On import the
    #: field's name is read too (files written before the headers were Vietnamese), and a header matches without
    #: accents or case ("ma co quan").
    headers = {}

    class Meta:
        skip_unchanged = True
        report_skipped = True
        # Model validation turns bad values into row messages instead of database errors.
        clean_model_instances = True
        instance_loader_class = CodeInstanceLoader
        # No deep copy of each instance and no HTML diff of every cell: unchanged rows are found from
        # a snapshot of the row's values (skip_row), and the preview's cells are diffed only when
        # shown (_RowDiff).
        skip_diff = True
        # Row by row through save() unless a resource opts in (see the class docstring).
        use_bulk = False
        batch_size = 1000

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        if self._meta.use_bulk and any(isinstance(f.widget, widgets.ManyToManyWidget) for f in self.fields.values()):
            raise ImproperlyConfigured(f"{type(self).__name__}: use_bulk cannot write many-to-many cells.")
        if self._meta.use_bulk and not callable(getattr(self._meta.model, "prepare", None)):
            raise ImproperlyConfigured(f"{type(self).__name__}: use_bulk needs {self._meta.model.__name__}.prepare(), "
                                       "the part of save() that fills computed fields.")
        for name, field in self.fields.items():
            if name in self.headers:
                field.column_name = self.headers[name]
        self._column_of_attribute = {f.attribute: f.column_name for f in self.fields.values() if f.attribute}
        self._aliases = {}
        for name, field in self.fields.items():
            for alias in (field.column_name, name):
                self._aliases.setdefault(fold(alias), field.column_name)
        for field in self.fields.values():
            scope_column = getattr(field.widget, "scope_column", None)
            if scope_column is not None:  # a code found within another column's object (a task in its plan)
                field.widget.scope_column = self.column(scope_column)
        self._reset_import_state()

    def column(self, name):
        """The header of the column of field ``name`` (or of a header given in any accepted spelling)."""
        return self._aliases.get(fold(name), name)

    def _reset_import_state(self):
        self._line = None  # the spreadsheet row being imported (the header is row 1)
        self._row_state = None  # (instance, its values before the row, its export texts before the row)
        self._blank_state = None  # the same for a new instance
        self._keys_seen = {}  # import key -> first row that has it
        self._unique_seen = {}  # unique rule -> {key: (row, pk)} for rows of this file
        self._unique_existing = {}  # unique rule -> ({key: pk}, {pk: key}) read from the database
        self._unique_moved = {}  # unique rule -> pks of existing objects this file gives another key

    @classmethod
    def widget_from_django_field(cls, f, default=widgets.Widget):
        if getattr(f, "choices", None):
            return partial(ChoiceWidget, choices=f.choices)
        return super().widget_from_django_field(f, default)

    def get_import_fields(self):
        # Called several times per row by the library; the fields do not change during an import.
        fields = self.__dict__.get("_import_fields")
        if fields is None:
            fields = self._import_fields = super().get_import_fields()
        return fields

    def before_import(self, dataset, **kwargs):
        """Refuse a file whose columns are missing or unknown, before reading any row."""
        self._reset_import_state()
        # Each header as the resource names it: Vietnamese, older machine names and accent-free spellings alike.
        dataset.headers = [self.column(nfc(h)) if isinstance(h, str) and h.strip() else h
                           for h in dataset.headers or []]
        headers = [h for h in dataset.headers if h not in (None, "")]
        known = {field.column_name for field in self.fields.values()}
        required = [self.fields[name].column_name for name in self.get_import_id_fields()]
        required += [self.column(c) for c in self.required_columns if self.column(c) not in required]
        problems = []
        missing = [c for c in required if c not in headers]
        if missing:
            problems.append(gettext("Tệp thiếu cột bắt buộc: %(columns)s.") % {"columns": ", ".join(missing)})
        unknown = [c for c in headers if c not in known]
        if unknown:
            problems.append(
                gettext("Tệp có cột không nhận ra: %(unknown)s. Các cột dùng được: %(known)s.")
                % {"unknown": ", ".join(map(str, unknown)), "known": ", ".join(self.get_export_headers())}
            )
        if len(headers) != len(dataset.headers):
            problems.append(gettext("Có cột không có tiêu đề ở dòng 1."))
        problems += _nul_cells(dataset)
        if problems:
            del dataset[0 : len(dataset)]  # nothing else to check once the columns are wrong
            raise ValueError(" ".join(problems))

    def before_import_row(self, row, **kwargs):
        number = kwargs.get("row_number")
        self._line = None if number is None else number + 1
        self._row_state = None

    def import_row(self, row, instance_loader, **kwargs):
        row_result = super().import_row(row, instance_loader, **kwargs)
        if row_result.validation_error is not None and kwargs.get("row_number") is not None:
            row_result.validation_error = _prefix_line(row_result.validation_error, kwargs["row_number"] + 1,
                                                       columns=self._column_of_attribute)
        return row_result

    def after_init_instance(self, instance, new, row, **kwargs):
        """Remember the instance's values before the row: skip_row() compares with them, and the
        preview shows them (export texts, only read in a dry run)."""
        dry_run = self._is_dry_run(kwargs)
        blank = self._blank_state
        if new and blank is not None and (blank[1] is not None or not dry_run):
            before, texts = blank  # every new instance starts as the same blank model()
        else:
            fields = self.get_import_fields()
            before = [self._current_value(field, instance) for field in fields]
            texts = [field.export(instance) for field in fields] if dry_run else None
            if new and type(self).init_instance is resources.ModelResource.init_instance:
                self._blank_state = (before, texts)
        self._row_state = (instance, before, texts)
        if self._meta.use_bulk and not new and not dry_run and "_import_stored_values" not in instance.__dict__:
            # bulk_update() writes the columns that differ from these (kept from the object's first row)
            stored = {f.attname: getattr(instance, f.attname) for f in instance._meta.concrete_fields}
            instance._import_stored_values = stored

    @staticmethod
    def _current_value(field, instance):
        if isinstance(field.widget, widgets.ManyToManyWidget):
            return [] if instance.pk is None else sorted(obj.pk for obj in field.get_value(instance).all())
        return field.get_value(instance)

    def import_instance(self, instance, row, **kwargs):
        """Also check many-to-many cells now (the library only reads them after saving). A second row
        with the same import key is refused before any of its cells is set: the instance loader hands
        both rows the same object, which the first row may already have queued for writing."""
        duplicate = self._duplicate_key_error(row)
        if duplicate is not None:
            raise ValidationError({NON_FIELD_ERRORS: [duplicate]})
        errors = {}
        try:
            super().import_instance(instance, row, **kwargs)
        except ValidationError as e:
            errors = e.update_error_dict(errors)
        for field in self.get_import_fields():
            if isinstance(field.widget, widgets.ManyToManyWidget) and field.column_name in row and not field.readonly:
                try:
                    field.clean(row, **kwargs)
                except ValueError as e:
                    errors[field.attribute] = [ValidationError(str(e), code="invalid")]
        if errors:
            raise ValidationError(errors)

    def _import_key_fields(self):
        """The model fields of ``import_id_fields`` (None when one is not a field of the model)."""
        if "_key_fields" not in self.__dict__:
            opts = self._meta.model._meta
            try:
                self._key_fields = [opts.get_field(self.fields[name].attribute) for name in self.get_import_id_fields()]
            except FieldDoesNotExist:
                self._key_fields = None
        return self._key_fields

    def _duplicate_key_error(self, row):
        """The error for a row whose import key an earlier row of the file has, else None."""
        if self._line is None or all(value in (None, "") for value in row.values()):
            return None  # outside import_row(), or a blank row inside the table
        try:
            key = tuple(getattr(value, "pk", value) for value in (
                self.fields[name].clean(row) for name in self.get_import_id_fields()
            ))
        except (KeyError, ValueError):
            return None  # a bad key cell: import_instance() reports it
        first = self._keys_seen.setdefault(key, self._line)
        if first == self._line:
            return None
        columns = [*map(self.column, self.required_columns),
                   *(self.fields[name].column_name for name in self.get_import_id_fields())]
        cells = {column: cell_text(row.get(column)) for column in dict.fromkeys(columns)}
        message = gettext("trùng với dòng %(line)s (%(cells)s): mỗi %(model)s chỉ được ghi ở một dòng.") % {
            "line": first,
            "cells": ", ".join(f"{column} “{text}”" for column, text in cells.items() if text),
            "model": self._meta.model._meta.verbose_name,
        }
        return ValidationError(message, code="duplicate_row")

    def skip_row(self, instance, original, row, import_validation_errors=None):
        """A blank row, or a row that changes none of the instance's values (``original`` is not
        used: Meta.skip_diff spares the deep copy, the values before the row are kept instead)."""
        if all(value in (None, "") for value in row.values()):
            return True  # a blank row inside the table
        if not self._meta.skip_unchanged or import_validation_errors:
            return False
        state = self._row_state
        if state is None or state[0] is not instance:
            return False
        for field, before in zip(self.get_import_fields(), state[1]):
            if isinstance(field.widget, widgets.ManyToManyWidget):
                # Their new values are still in the row: they are written after the instance.
                if field.column_name in row and sorted(obj.pk for obj in field.clean(row)) != before:
                    return False
            elif field.get_value(instance) != before:
                return False
        return True

    def after_import_row(self, row, row_result, **kwargs):
        """In a dry run, give the preview its cells: old and new texts, diffed if the page shows them."""
        state, self._row_state = self._row_state, None
        if state is None or state[2] is None or row_result.import_type not in RowResult.valid_import_types:
            return
        after = [field.export(state[0]) for field in self.get_import_fields()]
        row_result.diff = _RowDiff(state[2], after, new=row_result.import_type == RowResult.IMPORT_TYPE_NEW)

    # --- validation -------------------------------------------------------------------------

    def validate_instance(self, instance, import_validation_errors=None, validate_unique=True):
        """``Model.full_clean()``'s checks, in Python where Django would ask the database."""
        errors = {field: list(msgs) for field, msgs in (import_validation_errors or {}).items()}
        duplicate = any(getattr(e, "code", None) == "duplicate_row" for e in errors.get(NON_FIELD_ERRORS, ()))
        if self._meta.clean_model_instances and not duplicate:  # a duplicate row's cells were not read
            exclude = {name for name in errors if name != NON_FIELD_ERRORS}
            try:
                instance.full_clean(
                    exclude=exclude | self._loaded_relations(instance),
                    validate_unique=False,
                    validate_constraints=False,
                )
            except ValidationError as e:
                errors = e.update_error_dict(errors)
            # Like full_clean(): constraints only for the fields that passed validation.
            exclude |= {name for name in errors if name != NON_FIELD_ERRORS}
            if validate_unique:
                self._validate_unique(instance, exclude, errors)
                exclude |= {name for name in errors if name != NON_FIELD_ERRORS}
            self._validate_constraints(instance, exclude, errors)
        if errors:
            raise ValidationError(errors)

    @staticmethod
    def _loaded_relations(instance):
        """Foreign keys whose object was read from the database by this import (a widget, or the
        instance loader's select_related): full_clean() need not query that it exists."""
        names = set()
        for field in instance._meta.concrete_fields:
            if not field.is_relation or field.many_to_many or field.get_limit_choices_to():
                continue
            if not field.is_cached(instance):
                continue
            related = field.get_cached_value(instance)
            if (
                related is not None
                and not related._state.adding
                and getattr(related, field.target_field.attname) == getattr(instance, field.attname)
            ):
                names.add(field.name)
        return names

    def _validate_constraints(self, instance, exclude, errors):
        model = type(instance)
        using = router.db_for_write(model, instance=instance)
        for model_class, constraint, condition in model_rules(model)[1]:
            try:
                if condition is not None:
                    try:
                        holds = condition(instance, exclude)
                    except RefersToExcluded:
                        continue
                    except NotInPython:
                        constraint.validate(model_class, instance, exclude=exclude, using=using)
                        continue
                    if holds is False:  # unknown (NULL) passes, as in the database
                        raise ValidationError(
                            constraint.get_violation_error_message(), code=constraint.violation_error_code
                        )
                else:
                    constraint.validate(model_class, instance, exclude=exclude, using=using)
            except ValidationError as e:
                fields = getattr(constraint, "fields", ())
                if getattr(e, "code", None) == "unique" and len(fields) == 1:
                    errors.setdefault(fields[0], []).append(e)
                else:
                    e.update_error_dict(errors)

    def _is_import_key_rule(self, rule):
        key_fields = self._import_key_fields()
        return (
            key_fields is not None
            and rule.condition is None
            and rule.model_class is self._meta.model
            and set(rule.names) == {f.name for f in key_fields}
        )

    def _existing_keys(self, rule):
        """Keys the database has for ``rule``: one query per rule and import, at its first use."""
        if rule not in self._unique_existing:
            qs = rule.model_class._default_manager.all()
            if rule.condition is not None:
                qs = qs.filter(rule.condition)
            by_key, by_pk = {}, {}
            for pk, *values in qs.values_list("pk", *rule.names).iterator(chunk_size=5000):
                by_key[tuple(values)] = pk
                by_pk[pk] = tuple(values)
            self._unique_existing[rule] = (by_key, by_pk)
        return self._unique_existing[rule]

    def _rule_key(self, rule, instance, exclude):
        """The instance's key under ``rule``, or None when the rule does not apply to it."""
        if any(name in exclude for name in rule.names):
            raise RefersToExcluded
        key = tuple(getattr(instance, attname) for attname in rule.attnames)
        if any(value is None for value in key):
            return None  # NULLs are distinct
        if rule.condition is not None:
            if rule.holds is None:
                raise NotInPython
            if rule.holds(instance, exclude) is not True:
                return None
        return key

    def _validate_unique(self, instance, exclude, errors):
        model = type(instance)
        rules, _checks, date_checks = model_rules(model)
        if date_checks:
            # unique_for_date and friends: Django's own checks (unique fields and unique_together too).
            try:
                instance.validate_unique(exclude=exclude)
            except ValidationError as e:
                e.update_error_dict(errors)
            rules = [rule for rule in rules if rule.constraint is not None]
        for rule in rules:
            if self._is_import_key_rule(rule):
                continue  # the loader found the row that has the key; duplicates in the file: import_instance()
            try:
                key = self._rule_key(rule, instance, exclude)
            except RefersToExcluded:
                continue
            except NotInPython:
                try:
                    rule.constraint.validate(
                        rule.model_class, instance, exclude=exclude, using=router.db_for_write(model, instance=instance)
                    )
                except ValidationError as e:
                    e.update_error_dict(errors)
                continue
            existing, existing_by_pk = self._existing_keys(rule)
            moved = self._unique_moved.setdefault(rule, set())
            if instance.pk is not None and existing_by_pk.get(instance.pk) != key:
                moved.add(instance.pk)  # its old key is free for the rows after this one
            if key is None:
                continue
            seen = self._unique_seen.setdefault(rule, {})
            earlier = seen.get(key)
            if earlier is not None and (earlier[1] is None or earlier[1] != instance.pk):
                cells = []
                for name, value in zip(rule.names, key):
                    field = next((f for f in self.fields.values() if f.attribute == name), None)
                    text = field.export(instance) if field is not None else force_str(value)
                    cells.append(f"{field.column_name if field is not None else name} “{text}”")
                self.add_error(
                    errors,
                    NON_FIELD_ERRORS,
                    gettext("trùng với dòng %(line)s (%(cells)s): mỗi %(model)s chỉ được ghi ở một dòng.")
                    % {"line": earlier[0], "cells": ", ".join(cells), "model": model._meta.verbose_name},
                )
                continue
            seen[key] = (self._line, instance.pk)
            owner = existing.get(key)
            if owner is not None and owner != instance.pk and owner not in moved:
                field_name, error = rule.error(instance)
                errors.setdefault(field_name, []).append(error)

    # --- writing ----------------------------------------------------------------------------

    def before_save_instance(self, instance, row, **kwargs):
        user = kwargs.get("user")
        if user is not None and user.is_authenticated:
            instance._history_user = user  # simple-history: who made this change

    def _write(self, instances, write, dry_run, raise_errors, result):
        try:
            if instances and not dry_run:
                for instance in instances:
                    _prepare_for_bulk(instance)
                write(instances)
                # Bulk writes send no post_save: what was cached from these rows goes (plan_tracker/cache.py).
                cache.bump(cache.EVERYTHING)
        except Exception as e:
            error = ImportWriteError(gettext("Không ghi được vào cơ sở dữ liệu: %(error)s") % {"error": e})
            self.handle_import_error(result, error, raise_errors)
        finally:
            instances.clear()

    def bulk_create(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """New rows of a ``use_bulk`` resource, with their history rows; nothing in a dry run."""
        model = self._meta.model
        self._write(
            self.create_instances,
            lambda objs: bulk_create_with_history(objs, model, batch_size=batch_size),
            dry_run, raise_errors, result,
        )

    def bulk_update(self, using_transactions, dry_run, raise_errors, batch_size=None, result=None):
        """Changed rows of a ``use_bulk`` resource, with their history rows; nothing in a dry run.

        Only the columns that changed are written (computed ones included): Django's bulk_update()
        costs per row and column (a CASE WHEN each), ~200 µs, so a file changing one column of
        10,000 rows writes 2 columns (with ``search_text``) in ~4 s instead of 15 in ~30 s. Rows are
        grouped by the columns they change; every row still gets its history row."""
        model = self._meta.model
        fields = [f for f in model._meta.concrete_fields if not f.primary_key and not f.generated]

        def write(objs):
            groups = {}
            for obj in objs:
                stored = obj.__dict__.pop("_import_stored_values", {})
                changed = tuple(
                    f.name for f in fields if f.attname not in stored or getattr(obj, f.attname) != stored[f.attname]
                )
                groups.setdefault(changed, []).append(obj)
            for changed, group in groups.items():
                bulk_update_with_history(group, model, list(changed), batch_size=batch_size)

        self._write(self.update_instances, write, dry_run, raise_errors, result)

    @staticmethod
    def add_error(errors, field, message):
        errors.setdefault(field, []).append(ValidationError(message, code="invalid"))


def import_dataset(resource, dataset, *, dry_run=False, user=None, **kwargs):
    """Import outside the admin (commands, services): all rows or none, like the admin does."""
    return resource.import_data(
        dataset, dry_run=dry_run, use_transactions=True, rollback_on_validation_errors=True, user=user, **kwargs
    )


def result_messages(result):
    """Every message of an import result, row messages first, for a page or a command's output."""
    out = []
    for row in result.invalid_rows:
        for msgs in row.error_dict.values():
            out.extend(str(m) for m in msgs)
    for row in result.error_rows:
        for e in row.errors:
            out.append(gettext("Dòng %(line)s: %(message)s") % {"line": row.number + 1, "message": e.error})
    out.extend(str(e.error) for e in result.base_errors)
    return out
