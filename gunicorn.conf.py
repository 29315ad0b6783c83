"""Gunicorn settings for production, read by `gunicorn generator.wsgi` from this directory
(docs/deployment.md). Environment variables override the defaults, for one machine or many."""

import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8000")
# Two workers per core is plenty: a request waits on the database or renders a page, and PDFs
# for batches are made by the task worker, not here.
workers = int(os.environ.get("WEB_CONCURRENCY", 2 * (os.cpu_count() or 1)))
# WeasyPrint keeps about 0.24 MB per PDF it renders (notes/performance.md); a single PDF
# download renders in the web worker when it is not cached, so workers are recycled. The jitter
# keeps them from all restarting at the same moment.
max_requests = int(os.environ.get("GUNICORN_MAX_REQUESTS", 500))
max_requests_jitter = max_requests // 10
# A cold PDF of a long statement takes under 2 s; anything near this limit is a fault.
timeout = 30
graceful_timeout = 30
accesslog = "-"
forwarded_allow_ips = os.environ.get("FORWARDED_ALLOW_IPS", "127.0.0.1")
