"""Files kept in the database (operations.storage.DatabaseStorage): every app server sees the same files, and one
pg_dump backs up the data and the evidence together (README "Running in production")."""

from django.db import models


class StoredFile(models.Model):
    """One file of the database storage: its name (as the FileField stores it), its bytes, size and time."""

    name = models.CharField(max_length=255, unique=True)
    content = models.BinaryField()
    size = models.PositiveBigIntegerField()
    modified_at = models.DateTimeField()

    class Meta:
        default_permissions = ()

    def __str__(self):
        return self.name
