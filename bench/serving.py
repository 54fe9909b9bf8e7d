"""What the served benchmarks share: a throw-away environment and Steward under gunicorn with
2 sync workers on loopback, the set-up the figures in docs/benchmarks.md are measured with."""

from __future__ import annotations

import http.client
import os
import secrets
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def bench_env(settings: str, db: Path, **extra: str) -> dict[str, str]:
    """The environment of a served benchmark: its settings module, its own SQLite file."""
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": settings,
        "DATABASE_URL": f"sqlite:///{db}",
        "DEBUG": "false",
        "SECURE_SSL_REDIRECT": "false",
        "SECRET_KEY": secrets.token_hex(32),
        "ALLOWED_HOSTS": "127.0.0.1",
        "LOG_LEVEL": "ERROR",
        "PYTHONPATH": str(ROOT),
        **extra,
    }


@contextmanager
def gunicorn(env: dict[str, str], port: int) -> Iterator[None]:
    """Steward served on 127.0.0.1:`port` by 2 sync workers, answering once this yields."""
    server = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "steward.wsgi:application",
            "--bind",
            f"127.0.0.1:{port}",
            "--workers",
            "2",
            "--log-level",
            "error",
        ],
        env=env,
        cwd=ROOT,
    )
    try:
        for _ in range(100):
            try:
                http.client.HTTPConnection("127.0.0.1", port, timeout=1).request("GET", "/healthz")
                break
            except OSError:
                time.sleep(0.1)
        yield
    finally:
        server.terminate()
        server.wait()
