"""The verifier shipped in the exit pack agrees with steward/vault/audit.py: the same canonical
bytes, the same verdict on the same chain, untouched or tampered with, and it needs nothing
but the standard library and `cryptography`."""

from __future__ import annotations

import ast
import json
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest

from steward.test import make_org, make_user
from steward.vault import audit, exitpack
from steward.vault import verify_audit as standalone
from steward.vault.models import AuditEntry

pytestmark = pytest.mark.django_db
T0 = datetime(2026, 3, 2, 8, 0, 0, 123456, tzinfo=UTC)


def test_it_imports_only_the_standard_library_and_cryptography() -> None:
    tree = ast.parse(Path(standalone.__file__).read_text())
    roots = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            roots |= {alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, ast.ImportFrom) and node.module:
            roots.add(node.module.split(".")[0])
    assert roots - sys.stdlib_module_names == {"cryptography"}


@pytest.mark.parametrize(
    "fields",
    [
        (
            1,
            1,
            "2026-03-02T08:00:00.000000Z",
            "Ada <ada@x.example>",
            "reveal",
            "credential:1",
            "",
            "0" * 64,
        ),
        (
            7,
            99,
            "2026-03-02T08:00:00.123456Z",
            "张伟 <z@x.cn>",
            "export",
            "organization:7 Βήτα",
            'a "quoted"\nreason\\',
            "f" * 64,
        ),
        (2, 3, "", "", "", "", "\u2028\x00\t", ""),
    ],
)
def test_the_canonical_bytes_are_the_same(
    fields: tuple[int, int, str, str, str, str, str, str],
) -> None:
    assert standalone.canonical(*fields) == audit.canonical(*fields)
    assert standalone.chain_hash(*fields) == audit.chain_hash(*fields)
    assert standalone.checkpoint_message(
        fields[0], fields[1], fields[7]
    ) == audit.checkpoint_message(fields[0], fields[1], fields[7])


def _lines(org_id: int) -> list[dict[str, object]]:
    org = AuditEntry.objects.filter(organization_id=org_id).first()
    assert org is not None
    return [json.loads(line) for line in exitpack.audit_jsonl(org.organization)]


def _both(org_id: int, lines: list[dict[str, object]], trusted: str = "") -> tuple[Any, Any]:
    entries = [x for x in lines if x["type"] == "entry"]
    marks = [x for x in lines if x["type"] == "checkpoint"]
    mine = standalone.check(org_id, entries, marks, trusted)
    rows = [
        (
            e["seq"],
            datetime.strptime(str(e["at"]), "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC),
            e["actor"],
            e["action"],
            e["object"],
            e["reason"],
            e["prev_hash"],
            e["hash"],
        )
        for e in entries
    ]
    theirs = audit.check_rows(
        org_id,
        rows,  # type: ignore[arg-type]
        [(m["seq"], m["head"], m["public_key"], m["signature"]) for m in marks],  # type: ignore[misc]
        trusted,
    )
    return (mine.ok, mine.entries, mine.first_bad, mine.checkpoints, mine.problem), (
        theirs.ok,
        theirs.entries,
        theirs.first_bad,
        theirs.checkpoints,
        theirs.problem,
    )


def test_the_verdicts_are_the_same_untouched_and_tampered() -> None:
    org = make_org("VRFY", name="Βήτα 张")
    tech = make_user("technician", name="Τάσος Ζ")
    for n in range(8):
        audit.append(
            org,
            "reveal",
            tech,
            f"credential:{n} Ρούτερ",
            f"reason {n} 原因",
            at=T0 + timedelta(minutes=n),
        )
        if n in (3, 7):
            audit.checkpoint(org)
    lines = _lines(org.pk)
    key = audit.public_key_hex()
    mine, theirs = _both(org.pk, lines, key)
    assert mine == theirs == (True, 8, None, 2, "")

    def variant(change: object) -> list[dict[str, object]]:
        copy = [dict(x) for x in lines]
        change(copy)  # type: ignore[operator]
        return copy

    tampered = {
        "edited": variant(lambda c: c[2].update(reason="nothing to see")),
        "deleted": variant(lambda c: c.pop(4)),
        "reordered": variant(lambda c: c.insert(5, c.pop(4))),
        "truncated": variant(lambda c: [c.pop(5) for _ in range(3)]),
        "forged": variant(lambda c: c[-1].update(signature="00" * 64)),
        "hash redone": variant(
            lambda c: c[0].update(
                actor="Nobody",
                hash=audit.chain_hash(
                    org.pk,
                    1,
                    str(c[0]["at"]),
                    "Nobody",
                    "reveal",
                    str(c[0]["object"]),
                    str(c[0]["reason"]),
                    "0" * 64,
                ),
            )
        ),
    }
    for name, changed in tampered.items():
        mine, theirs = _both(org.pk, changed, key)
        assert mine == theirs, name
        assert mine[0] is False, name
    # Another key than the one the client trusts.
    mine, theirs = _both(org.pk, lines, "11" * 32)
    assert mine == theirs and mine[0] is False
