"""Check that PostgreSQL answers; with --throwaway, print a URL naming a fresh database name.

pytest-django creates `test_<name>` (per xdist worker) from that URL and drops it afterwards,
so every run gets databases of its own and leaves nothing behind.
"""

from __future__ import annotations

import secrets
import sys
from urllib.parse import urlsplit, urlunsplit

import psycopg


def main(argv: list[str]) -> int:
    throwaway = "--throwaway" in argv
    urls = [a for a in argv if not a.startswith("--")]
    url = urls[0] if urls else "postgres://postgres@127.0.0.1:5432/postgres"
    try:
        psycopg.connect(url, connect_timeout=5).close()
    except psycopg.OperationalError as exc:
        print(f"PostgreSQL does not answer at {url}: {exc}".strip(), file=sys.stderr)
        print(
            "Start it (e.g. pg_ctlcluster --skip-systemctl-redirect $(ls /etc/postgresql) "
            "main start) or set PG_URL.",
            file=sys.stderr,
        )
        return 1
    if throwaway:
        parts = urlsplit(url)
        print(urlunsplit(parts._replace(path=f"/steward_{secrets.token_hex(4)}")))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
