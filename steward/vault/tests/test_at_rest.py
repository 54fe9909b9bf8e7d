"""No plaintext at rest: the database as it lies on disk (the SQLite file, a PostgreSQL dump)
holds every sealed value and none of the secrets, notes or TOTP seeds they seal, before and
after a re-encryption."""

from __future__ import annotations

import os
import shutil
import subprocess
import uuid
from pathlib import Path

import pytest
from django.db import connection

from steward.test import make_org
from steward.vault import crypto, keys
from steward.vault.models import Credential

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def _sqlite_bytes() -> bytes:
    with connection.cursor() as cursor:
        # Whatever the WAL holds goes into the main file first; the file is then read whole,
        # free pages and all, as someone who copied it would.
        cursor.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return Path(connection.settings_dict["NAME"]).read_bytes()


def _pg_dump() -> bytes:
    params = connection.get_connection_params()
    env = {**os.environ, "PGPASSWORD": str(params.get("password") or "")}
    command = ["pg_dump", "--no-owner", "--dbname", connection.settings_dict["NAME"]]
    for flag, key in (("--host", "host"), ("--port", "port"), ("--username", "user")):
        if params.get(key):
            command += [flag, str(params[key])]
    return subprocess.run(command, env=env, check=True, capture_output=True).stdout


def _pg_copy(tmp_path: Path) -> bytes:
    """Every table as COPY writes it: what a dump holds, without pg_dump."""
    dumped = []
    with connection.cursor() as cursor:
        for table in connection.introspection.table_names(cursor):
            copy = f"COPY {connection.ops.quote_name(table)} TO STDOUT"
            with cursor.copy(copy) as rows:
                dumped.append(b"".join(bytes(chunk) for chunk in rows))
    return b"\n".join(dumped)


def stored(tmp_path: Path) -> list[bytes]:
    """What lies at rest, each way it can be read: the SQLite file; on PostgreSQL a pg_dump
    (when pg_dump is installed) and a COPY of every table."""
    if connection.vendor == "sqlite":
        return [_sqlite_bytes()]
    return ([_pg_dump()] if shutil.which("pg_dump") else []) + [_pg_copy(tmp_path)]


def test_no_secret_notes_or_totp_seed_is_in_the_database_only_their_sealed_values(
    tmp_path: Path,
) -> None:
    plaintexts: list[str] = []
    sealed: list[str] = []
    canaries: list[str] = []
    orgs = [make_org("ACME"), make_org("GLBX")]
    for org in orgs:
        for i in range(20):
            canary = f"name-canary-{uuid.uuid4().hex}"
            row = Credential.objects.create(organization=org, name=canary, username=f"u{i}")
            values = {
                "secret": f"secret-{uuid.uuid4().hex}",
                "notes": f"notes-{uuid.uuid4().hex} under the desk",
                "totp": f"TOTP{uuid.uuid4().hex.upper()}",
            }
            crypto.seal_credential(row, **values)
            row.save()
            plaintexts += values.values()
            canaries.append(canary)
            sealed += [row.secret_sealed, row.notes_sealed, row.totp_sealed]

    def scan() -> None:
        for data in stored(tmp_path):
            # The scan sees what is stored: a column written in clear, and every sealed value.
            assert all(canary.encode() in data for canary in canaries)
            missing = [value for value in sealed if value.encode() not in data]
            assert missing == []
            leaked = [text for text in plaintexts if text.encode() in data]
            assert leaked == []

    scan()
    # Re-encrypted under a new data key: the new sealed values are there, still no plaintext.
    keys.reencrypt(orgs[0], batch=7)
    sealed = [
        value
        for row in Credential.objects.all()
        for value in (row.secret_sealed, row.notes_sealed, row.totp_sealed)
    ]
    scan()
