"""New rows written in bulk: PostgreSQL's COPY there, ``bulk_create`` elsewhere.

``bulk_create`` on PostgreSQL sends each column as an array literal that psycopg quotes
in Python, which costs a generated archive about as much as making its text. COPY sends
the rows as they are, and the primary keys are taken from the table's sequence first, so
the objects have them for the rows that point at them.

Rows are what a save would store (each field's ``pre_save`` and database value), without
signals, as ``bulk_create`` writes them. A field whose value methods are Django's own for a
text, number or boolean column stores the attribute as it is (those methods return it
unchanged), which spares a generated archive some fifty calls per row.
"""

from __future__ import annotations

import operator
from collections.abc import Sequence

from django.db import connections, models, router
from django.db.models import Field, Model
from psycopg import sql

# Fields whose pre_save and database value are the attribute itself when it has the
# column's type (a str, an int, a bool or None), and the methods that would change it.
PLAIN = (
    models.CharField,
    models.TextField,
    models.BooleanField,
    models.IntegerField,
    models.BigIntegerField,
    models.SmallIntegerField,
    models.PositiveIntegerField,
    models.PositiveBigIntegerField,
    models.PositiveSmallIntegerField,
    models.AutoField,
    models.BigAutoField,
    models.ForeignKey,
)
VALUE_METHODS = ("pre_save", "get_db_prep_save", "get_db_prep_value", "get_prep_value", "to_python")


def insert(model: type[Model], objects: Sequence[Model]) -> None:
    """Write ``objects``, new rows of ``model``, and set their primary keys."""
    if not objects:
        return
    using = router.db_for_write(model)
    connection = connections[using]
    if connection.vendor != "postgresql":
        model.objects.using(using).bulk_create(objects)
        return
    meta = model._meta
    with connection.cursor() as cursor:
        if any(obj.pk is None for obj in objects):
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)",
                [meta.db_table, meta.pk.column, len(objects)],
            )
            for obj, (pk,) in zip(objects, cursor.fetchall(), strict=True):
                obj.pk = pk
        # Columns stored as they are first, read in one call; then those a field converts.
        fields = [field for field in meta.concrete_fields if not field.generated]
        plain = [field for field in fields if _as_it_is(field)]
        converted = [field for field in fields if field not in plain]
        statement = sql.SQL("COPY {} ({}) FROM STDIN").format(
            sql.Identifier(meta.db_table),
            sql.SQL(", ").join(sql.Identifier(field.column) for field in plain + converted),
        )
        read = operator.attrgetter(*(field.attname for field in plain))
        if len(plain) == 1:  # attrgetter returns a tuple for two names or more
            read = (lambda get: lambda obj: (get(obj),))(read)
        with cursor.copy(statement) as copy:
            for obj in objects:
                copy.write_row(
                    (
                        *read(obj),
                        *(
                            field.get_db_prep_save(field.pre_save(obj, True), connection)
                            for field in converted
                        ),
                    )
                )
    for obj in objects:
        obj._state.adding, obj._state.db = False, using


def _as_it_is(field: Field) -> bool:
    """Whether ``field`` stores its attribute unchanged (a plain text, number or boolean)."""
    cls = type(field)
    return any(
        all(getattr(cls, method) is getattr(plain, method) for method in VALUE_METHODS)
        for plain in PLAIN
    ) and (not field.is_relation or type(field.target_field) in PLAIN)
