"""A migration operation: a foreign key's own index dropped where another index leads with its column (README
"PostgreSQL per journey, session 15"), without Django's ``AlterField`` path, which on PostgreSQL also drops the
foreign key constraint and adds it back (a scan of the whole table under lock, for an index)."""

from django.db import migrations


def _own_indexes(schema_editor, table, column):
    """Names of the plain (not unique, not primary) indexes on ``column`` alone."""
    with schema_editor.connection.cursor() as cursor:
        found = schema_editor.connection.introspection.get_constraints(cursor, table)
    return [name for name, info in found.items()
            if info["index"] and not info["unique"] and not info["primary_key"] and info["columns"] == [column]]


def drop_own_index(app_label, model_name, field_name, field):
    """``AlterField`` to ``field`` (the same field with ``db_index=False``) in the migration state; in the database
    only the field's single-column index dropped (found by introspection), created again if the migration is
    reversed."""

    def forwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        table = model._meta.db_table
        for name in _own_indexes(schema_editor, table, model._meta.get_field(field_name).column):
            schema_editor.execute(schema_editor.sql_delete_index % {
                "name": schema_editor.quote_name(name), "table": schema_editor.quote_name(table)})

    def backwards(apps, schema_editor):
        model = apps.get_model(app_label, model_name)
        column_field = model._meta.get_field(field_name)
        if not _own_indexes(schema_editor, model._meta.db_table, column_field.column):
            schema_editor.execute(schema_editor._create_index_sql(model, fields=[column_field]))

    return migrations.SeparateDatabaseAndState(
        state_operations=[migrations.AlterField(model_name=model_name, name=field_name, field=field)],
        database_operations=[migrations.RunPython(forwards, backwards)],
    )
