"""gunicorn settings for Plan Tracker (systemd unit plan-tracker@.service, and deploy/stack).

    gunicorn -c deploy/gunicorn.conf.py plan_tracker.wsgi --bind 127.0.0.1:8001
"""

import multiprocessing
import os

# Sync workers, two per core (README "Deadline day": 4 workers on 2 cores).
workers = int(os.environ.get("GUNICORN_WORKERS", 2 * multiprocessing.cpu_count()))
# A request that takes longer is killed (the worker restarts); nginx waits 75 s.
timeout = int(os.environ.get("GUNICORN_TIMEOUT", 60))
# On restart (systemctl restart, deploy/upgrade), requests in hand get this long to finish.
graceful_timeout = 30
# Recycled now and then: a slow leak never grows for weeks. Each new worker costs ~1 core-second (importing the site
# ~0.7 s, its first requests ~0.35 s more: templates, compiled statements, a new database connection's first plans),
# so not on deadline day: 2,500 officers make ~30,000 requests, ~7,500 a worker (at 2,000: ~15 new workers, ~16
# core-s, ~3 % of the day's CPU; README "Deadline day, session 13").
max_requests = 10000
max_requests_jitter = 1000
# nginx on this machine sets X-Forwarded-Proto; trusted from it only.
forwarded_allow_ips = "127.0.0.1"
# Logs to stdout/stderr: the journal under systemd (journalctl -u plan-tracker@8001), files under deploy/stack.
accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
access_log_format = '%(h)s "%(r)s" %(s)s %(B)s %(M)sms "%({x-forwarded-for}i)s"'
