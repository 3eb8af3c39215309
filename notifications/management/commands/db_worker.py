"""``manage.py db_worker``: django-tasks-db's worker (the mail worker: deploy/systemd/plan-tracker-notifications.service,
deploy/stack, the deadline-day benchmark), unchanged, but started as a program (``manage.py db_worker …``) its
collector freezes what the warm worker holds after its 1st, 100th and 1,000th task (``plan_tracker.gc_warm``, as the
gunicorn workers do after their requests; README "The journey's CPU, session 17"). ``call_command("db_worker")`` (the
tests' ``testing.worker.run_worker``) runs it as before, without freezing the calling process.

It overrides django-tasks-db's command of the same name: ``notifications`` stands before ``django_tasks_db`` in
INSTALLED_APPS (Django takes a command from the first app that has it)."""

from django_tasks_db.management.commands.db_worker import Command as WorkerCommand

from plan_tracker import gc_warm


class Command(WorkerCommand):
    def run_from_argv(self, argv):
        gc_warm.install_for_tasks()
        return super().run_from_argv(argv)
