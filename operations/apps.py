from django.apps import AppConfig


class OperationsConfig(AppConfig):
    """Running the site: the health check, the evidence storage in the database, backups and restores.
    No page of its own and no admin (hence no verbose name to translate)."""

    name = "operations"
