"""`steward vault verify ORG_CODE | --all`, `steward vault rotate-key [--reencrypt ORG_CODE]`."""

from __future__ import annotations

from argparse import ArgumentParser
from typing import Any

from django.core.management.base import BaseCommand, CommandError

from steward.accounts.models import Organization
from steward.vault import audit, keys


class Command(BaseCommand):
    help = "The vault's keys and audit chains: verify a chain, rotate the master or data keys."

    def add_arguments(self, parser: ArgumentParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        verify = sub.add_parser(
            "verify", help="Check an organization's audit chain against its checkpoints."
        )
        verify.add_argument("code", nargs="?", metavar="ORG_CODE")
        verify.add_argument("--all", action="store_true", help="Every organization.")
        rotate = sub.add_parser(
            "rotate-key",
            help="Re-wrap every data key under MASTER_KEY (the old master keys listed in "
            "OLD_MASTER_KEYS), and re-seal the mailbox secrets and MFA seeds; or, with "
            "--reencrypt, re-encrypt one organization under a new data key.",
        )
        rotate.add_argument("--reencrypt", metavar="ORG_CODE")
        rotate.add_argument("--batch", type=int, default=500, help="Credentials per transaction.")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "verify":
            self.verify(options["code"], options["all"])
        elif options["reencrypt"]:
            self.reencrypt(options["reencrypt"], options["batch"])
        else:
            self.rotate()

    def _org(self, code: str) -> Organization:
        org = Organization.objects.filter(code__iexact=code).first()
        if org is None:
            raise CommandError(f"No organization with the code {code}.")
        return org

    def verify(self, code: str | None, every: bool) -> None:
        if bool(code) == every:
            raise CommandError("Name one organization (ORG_CODE) or give --all.")
        orgs = list(Organization.objects.order_by("code")) if every else [self._org(code or "")]
        bad = 0
        for org in orgs:
            verdict = audit.verify(org)
            prefix = f"{org.code}: " if every else ""
            if verdict.ok:
                self.stdout.write(
                    f"{prefix}ok: {verdict.entries} entries, {verdict.checkpoints} checkpoints"
                )
            else:
                bad += 1
                self.stdout.write(
                    f"{prefix}BAD at entry {verdict.first_bad}: {verdict.problem} "
                    f"({verdict.entries} entries read, {verdict.checkpoints} checkpoints)"
                )
        if bad:
            raise CommandError(f"{bad} audit chain(s) do not verify.", returncode=1)

    def rotate(self) -> None:
        done = keys.rewrap_all()
        for row in done.moved:
            self.stdout.write(
                f"re-wrapped data key v{row.version} of {row.organization.code} "
                f"(was under master key {row.master})"
            )
        self.stdout.write(
            f"{len(done.moved)} data key(s) re-wrapped, {done.current} already under the current "
            f"master key, {len(done.failed)} not re-wrapped"
        )
        small = keys.reseal_small_secrets()
        self.stdout.write(
            f"{small.mailbox_secrets} mailbox secret(s) and {small.mfa_secrets} MFA secret(s) "
            "re-sealed under the current master key"
        )
        for _row, why in done.failed:
            self.stderr.write(f"not re-wrapped: {why}")
        for what in small.failed:
            self.stderr.write(f"not re-sealed (no configured master key opens it): {what}")
        if done.failed or small.failed:
            raise CommandError(
                f"{len(done.failed) + len(small.failed)} key(s) or secret(s) could not be "
                "opened: add their master key to OLD_MASTER_KEYS and run again.",
                returncode=1,
            )

    def reencrypt(self, code: str, batch: int) -> None:
        if batch < 1:
            raise CommandError("--batch must be at least 1.")
        org = self._org(code)
        done = keys.reencrypt(
            org,
            batch=batch,
            after_batch=lambda n: self.stdout.write(f"batch {n} committed"),
        )
        how = "resumed" if done.resumed else "started"
        self.stdout.write(
            f"{org.code}: {how} re-encryption under data key v{done.version}: "
            f"{done.credentials} credential(s) re-encrypted in {done.batches} batch(es); "
            + (
                f"{done.behind} still being moved by another run"
                if done.behind
                else f"every credential is now under v{done.version}"
            )
        )
