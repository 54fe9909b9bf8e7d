#!/usr/bin/env python3
"""Check a Steward access log (audit.jsonl from an exit pack), offline.

    python verify_audit.py audit.jsonl --key <the provider's public key, hex>

Each line of audit.jsonl is a JSON object. Lines of "type": "entry" are the log's entries in
order (seq, at, actor, action, object, reason, prev_hash, hash); each entry's hash is SHA-256
over the canonical encoding of its fields and the previous entry's hash, so an entry that was
changed, removed or moved no longer matches. Lines of "type": "checkpoint" are the chain's head
at a sequence number, signed with the provider's Ed25519 key (the key printed in the pack's
README and in the checkpoint mails the client received).

Exit status: 0 when the log is whole, 1 when it is not (the first entry at fault is named),
2 when the file cannot be read. Needs Python 3.9+ and `cryptography` (pip install cryptography).

This script repeats steward/vault/audit.py's `canonical` and `check_rows`; the two are kept the
same by a test."""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from typing import Any

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

GENESIS = "0" * 64
ENTRY_FIELDS = ("org", "seq", "at", "actor", "action", "object", "reason", "prev_hash", "hash")
CHECKPOINT_FIELDS = ("org", "seq", "head", "public_key", "signature")


def canonical(
    org: int, seq: int, at: str, actor: str, action: str, obj: str, reason: str, prev: str
) -> bytes:
    """The bytes an entry's hash covers: a JSON array in a fixed order, UTF-8, no spaces."""
    return json.dumps(
        [org, seq, at, actor, action, obj, reason, prev], ensure_ascii=False, separators=(",", ":")
    ).encode()


def chain_hash(
    org: int, seq: int, at: str, actor: str, action: str, obj: str, reason: str, prev: str
) -> str:
    return hashlib.sha256(canonical(org, seq, at, actor, action, obj, reason, prev)).hexdigest()


def checkpoint_message(org: int, seq: int, head: str) -> bytes:
    return json.dumps(["steward-audit-checkpoint", org, seq, head], separators=(",", ":")).encode()


class Verdict:
    def __init__(
        self, ok: bool, entries: int, first_bad: int | None, checkpoints: int, problem: str = ""
    ) -> None:
        self.ok = ok
        self.entries = entries
        self.first_bad = first_bad
        self.checkpoints = checkpoints
        self.problem = problem


def check(
    org: int, entries: list[dict[str, Any]], marks: list[dict[str, Any]], trusted: str = ""
) -> Verdict:
    """Walk the chain: each entry's sequence follows the last, its prev_hash is the last hash,
    its hash is its own; then each checkpoint's head is the chain's hash at its sequence and
    its signature is good (by `trusted`'s key, if given)."""
    prev, expected, hashes = GENESIS, 1, {}
    count = 0
    for e in entries:
        count += 1
        seq = e["seq"]
        if seq != expected:
            bad = min(seq, expected)
            return Verdict(False, count, bad, 0, f"entry {expected} is missing or out of order")
        if e["prev_hash"] != prev:
            return Verdict(False, count, seq, 0, f"entry {seq} does not follow entry {seq - 1}")
        digest = chain_hash(
            org, seq, e["at"], e["actor"], e["action"], e["object"], e["reason"], e["prev_hash"]
        )
        if digest != e["hash"]:
            return Verdict(False, count, seq, 0, f"entry {seq} was changed")
        hashes[seq] = e["hash"]
        prev, expected = e["hash"], seq + 1
    signed = 0
    for m in marks:
        signed += 1
        seq, head = m["seq"], m["head"]
        if seq >= expected:
            return Verdict(
                False, count, expected, signed, f"the chain ends before checkpoint {seq}"
            )
        if hashes.get(seq) != head:
            return Verdict(False, count, seq, signed, f"checkpoint {seq} does not match")
        if trusted and m["public_key"] != trusted:
            return Verdict(False, count, seq, signed, f"checkpoint {seq} is signed by another key")
        try:
            Ed25519PublicKey.from_public_bytes(bytes.fromhex(m["public_key"])).verify(
                bytes.fromhex(m["signature"]), checkpoint_message(org, seq, head)
            )
        except (InvalidSignature, ValueError, TypeError):
            return Verdict(False, count, seq, signed, f"checkpoint {seq}'s signature is forged")
    return Verdict(True, count, None, signed)


class Unreadable(Exception):
    pass


def read(path: str) -> tuple[int | None, list[dict[str, Any]], list[dict[str, Any]]]:
    """(organization, entries, checkpoints) of an audit.jsonl file, as written."""
    org: int | None = None
    entries: list[dict[str, Any]] = []
    marks: list[dict[str, Any]] = []
    with open(path, encoding="utf-8") as lines:
        for number, line in enumerate(lines, 1):
            if not line.strip():
                continue
            try:
                row = json.loads(line)
            except ValueError as error:
                raise Unreadable(f"line {number} is not JSON: {error}") from None
            if not isinstance(row, dict):
                raise Unreadable(f"line {number} is not a JSON object")
            kind = row.get("type")
            fields = ENTRY_FIELDS if kind == "entry" else CHECKPOINT_FIELDS
            if kind not in ("entry", "checkpoint"):
                raise Unreadable(f'line {number}: "type" is neither "entry" nor "checkpoint"')
            missing = [f for f in fields if f not in row]
            if missing:
                raise Unreadable(f"line {number} lacks {', '.join(missing)}")
            if org is None:
                org = row["org"]
            elif row["org"] != org:
                raise Unreadable(f"line {number} belongs to another organization's log")
            (entries if kind == "entry" else marks).append(row)
    return org, entries, marks


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Check a Steward access log (audit.jsonl).")
    parser.add_argument("log", help="the audit.jsonl file of the exit pack")
    parser.add_argument(
        "--key",
        default="",
        help="the provider's checkpoint public key (hex); checkpoints signed by another key fail",
    )
    args = parser.parse_args(argv)
    try:
        org, entries, marks = read(args.log)
    except (OSError, UnicodeDecodeError, Unreadable) as error:
        print(f"cannot read {args.log}: {error}", file=sys.stderr)
        return 2
    if org is None:
        print("the log is empty: nothing to check")
        return 0
    verdict = check(org, entries, marks, args.key.strip().lower())
    if not verdict.ok:
        print(f"NOT OK: {verdict.problem} (first bad entry: {verdict.first_bad})")
        return 1
    print(f"OK: {verdict.entries} entries, {verdict.checkpoints} signed checkpoints")
    if not args.key:
        print(
            "note: without --key the signatures were checked against the key in the file; "
            "give the key from your checkpoint mails to know they are the provider's"
        )
    elif not marks:
        print("note: the log has no signed checkpoint yet")
    return 0


if __name__ == "__main__":
    sys.exit(main())
