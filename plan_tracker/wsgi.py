"""
WSGI config for plan_tracker project.

It exposes the WSGI callable as a module-level variable named ``application``.

For more information on this file, see
https://docs.djangoproject.com/en/5.2/howto/deployment/wsgi/
"""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault('DJANGO_SETTINGS_MODULE', 'plan_tracker.settings')

application = get_wsgi_application()

# The server's processes only: the collector stops walking what the warm process holds for good (issue #18).
from plan_tracker import gc_warm  # noqa: E402

gc_warm.install()
