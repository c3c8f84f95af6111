"""gunicorn's configuration, read automatically when gunicorn starts from this directory
(``gunicorn shop.wsgi``), or given with ``-c gunicorn.conf.py``.

On start it refuses (exit 1) to run several workers with ``DEBUG`` off on a per-process cache:
each worker would keep its own login and password-reset throttles and catalogue version
(``shop.shared_cache``). Set ``CACHE_URL=redis://…`` as docs/deploy.md says.

The worker count and the rest come from the command line or ``GUNICORN_CMD_ARGS``
(``WEB_CONCURRENCY`` sets the default worker count, as gunicorn's own default does).
"""

import os

wsgi_app = "shop.wsgi"


def on_starting(server):
    """Before the master binds or forks: read the Django settings and apply the rule."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "shop.settings")
    from shop.shared_cache import several_workers_refusal

    refusal = several_workers_refusal(workers=server.cfg.workers)
    if refusal:
        raise RuntimeError(refusal)  # gunicorn prints "Error: …" and exits with status 1
