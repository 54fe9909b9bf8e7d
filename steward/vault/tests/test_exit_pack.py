"""The exit pack as a client (or their next provider) receives it: the zip through the API, its
KeePass file opened with pykeepass and with Debian's keepassxc-cli, its audit log checked by
the shipped verifier in a subprocess; who may take it; the export audited first."""

from __future__ import annotations

import csv
import io
import json
import shutil
import subprocess
import sys
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pyotp
import pytest
from django.test import Client
from django.utils import translation
from django.utils.translation import gettext
from pykeepass import PyKeePass  # type: ignore[import-untyped]

from steward.accounts.models import Organization, Role
from steward.desk import actions as desk_actions
from steward.test import World, api_client, covers, make_ticket, make_user, post_json, world
from steward.vault import audit, crypto, exitpack
from steward.vault.models import (
    Asset,
    AuditEntry,
    Credential,
    Document,
    Holder,
    Vendor,
)

pytestmark = pytest.mark.django_db

PASSWORD = "a long exit password 7"
ROUTE = "POST /api/v1/organizations/{org_id}/exit-pack"
KEEPASSXC = shutil.which("keepassxc-cli") or "/usr/bin/keepassxc-cli"


def url(org_id: int) -> str:
    return f"/api/v1/organizations/{org_id}/exit-pack"


def credential(org: Organization, name: str, **kw: object) -> Credential:
    secret = str(kw.pop("secret", f"{name} secret"))
    totp = str(kw.pop("totp", ""))
    notes = str(kw.pop("notes", ""))
    made = Credential.objects.create(organization=org, name=name, **kw)
    crypto.seal_credential(made, secret=secret, totp=totp, notes=notes)
    made.save()
    return made


def stocked(w: World) -> dict[str, Credential]:
    """Acme with a vendor the provider holds, one the client holds, an asset, documents,
    credentials under each, a ticket with a message, and an audit log with a checkpoint."""
    org = w.acme
    registrar = Vendor.objects.create(
        organization=org, name="Gandi", kind="registrar", account_holder=Holder.PROVIDER
    )
    Vendor.objects.create(organization=org, name="Microsoft 365", kind="email")
    router = Asset.objects.create(organization=org, name="Office router", kind="network")
    Document.objects.create(organization=org, title="Network notes", body="VLAN 10: office")
    Document.objects.create(organization=org, title="Network notes", body="second one")
    made = {
        "dns": credential(
            org,
            "Gandi login",
            username="acme-ops",
            secret="s3cret-δ-密码",
            url="https://gandi.net",
            notes="recovery codes in the safe",
            totp="JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP",
            vendor=registrar,
        ),
        "router": credential(org, "Router admin", username="admin", asset=router),
        "wifi": credential(org, "Guest wifi", secret="guest-pass"),
    }
    made["router"].last_revealed_at = made["router"].changed_at + timedelta(hours=1)
    made["router"].save()
    ticket = make_ticket(w.acme, title="Printer jams")
    desk_actions.post_message(ticket, w.tech, "Cleared the tray.", public=True)
    audit.append(org, "reveal", w.tech, "credential:1 Router admin", "fixing the VPN")
    audit.append(org, "rotate", w.tech, "credential:1 Router admin")
    audit.checkpoint(org)
    # Another tenant's rows must not travel.
    credential(w.globex, "Globex secret", secret="globex-only")
    return made


def take(client: Client, org_id: int, password: str = PASSWORD) -> zipfile.ZipFile:
    response = post_json(client, url(org_id), {"password": password})
    assert response.status_code == 200, response.content
    assert response["Content-Type"] == "application/zip"
    assert response.streaming
    return zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))


def extract(pack: zipfile.ZipFile, into: Path) -> Path:
    pack.extractall(into)
    return into


@pytest.fixture
def w() -> World:
    return world()


@covers(ROUTE, kinds=("login", "tenancy", "role"))
def test_only_client_admins_and_provider_admins_take_it(w: World) -> None:
    assert Client().post(url(w.acme.pk), {}, content_type="application/json").status_code == 401
    for user in (w.tech, w.manager, w.acme_user):
        assert (
            post_json(api_client(user), url(w.acme.pk), {"password": PASSWORD}).status_code == 403
        )
    globex_admin = make_user(Role.CLIENT_ADMIN, w.globex)
    assert (
        post_json(api_client(globex_admin), url(w.acme.pk), {"password": PASSWORD}).status_code
        == 404
    )
    assert (
        post_json(api_client(w.acme_user), url(w.globex.pk), {"password": PASSWORD}).status_code
        == 404
    )
    assert not AuditEntry.objects.filter(action="export").exists()
    assert take(api_client(w.admin), w.acme.pk).testzip() is None
    assert take(api_client(w.acme_admin), w.acme.pk).testzip() is None


def test_a_short_password_is_refused_by_name_and_nothing_is_logged(w: World) -> None:
    response = post_json(api_client(w.acme_admin), url(w.acme.pk), {"password": "too short"})
    assert response.status_code == 422
    assert response.json()["field"] == "password"
    assert post_json(api_client(w.acme_admin), url(w.acme.pk), {}).json()["field"] == "password"
    assert not AuditEntry.objects.filter(organization=w.acme).exists()


def test_the_export_is_audited_before_the_pack_is_returned_and_is_in_it(w: World) -> None:
    stocked(w)
    response = post_json(api_client(w.acme_admin), url(w.acme.pk), {"password": PASSWORD})
    # Written before a byte of the pack is read.
    export = AuditEntry.objects.get(organization=w.acme, action="export")
    assert export.actor == w.acme_admin
    pack = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
    lines = [json.loads(line) for line in pack.read("audit.jsonl").decode().splitlines()]
    assert [line["action"] for line in lines if line["type"] == "entry"][-1] == "export"
    assert "attachment" in response["Content-Disposition"]


def test_the_vault_opens_with_the_chosen_password_and_holds_every_credential(
    w: World, tmp_path: Path
) -> None:
    made = stocked(w)
    pack = take(api_client(w.acme_admin), w.acme.pk)
    (tmp_path / "vault.kdbx").write_bytes(pack.read("vault.kdbx"))
    kp = PyKeePass(str(tmp_path / "vault.kdbx"), PASSWORD)
    assert kp.version == (4, 0)
    assert kp.database_name == f"{w.acme.name} — Steward exit pack"
    entries = {e.title: e for e in kp.entries}
    assert set(entries) == {"Gandi login", "Router admin", "Guest wifi"}
    gandi = entries["Gandi login"]
    assert (gandi.username, gandi.password, gandi.url, gandi.notes) == (
        "acme-ops",
        "s3cret-δ-密码",
        "https://gandi.net",
        "recovery codes in the safe",
    )
    assert gandi.otp.startswith("otpauth://totp/")
    parsed = pyotp.parse_uri(gandi.otp)
    assert isinstance(parsed, pyotp.TOTP)
    assert parsed.now() == pyotp.TOTP("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").now()
    assert gandi.group.path == ["Vendors", "Gandi"]
    assert entries["Router admin"].group.path == ["Assets", "Office router"]
    assert entries["Router admin"].password == made["router"].name + " secret"
    assert entries["Guest wifi"].group.path == ["Other"]
    assert "globex" not in str(pack.namelist()) and b"globex-only" not in pack.read("vault.kdbx")
    with pytest.raises(Exception, match="(?i)credentials"):
        PyKeePass(str(tmp_path / "vault.kdbx"), "the wrong password!")


def test_each_pack_is_a_database_of_its_own(w: World, tmp_path: Path) -> None:
    # pykeepass's template would give every file the same root UUID, name and creation date.
    stocked(w)
    roots = set()
    for n in range(2):
        (tmp_path / f"{n}.kdbx").write_bytes(
            take(api_client(w.admin), w.acme.pk).read("vault.kdbx")
        )
        kp = PyKeePass(str(tmp_path / f"{n}.kdbx"), PASSWORD)
        roots.add(kp.root_group.uuid)
        assert kp.root_group.ctime.year == datetime.now(UTC).year
    assert len(roots) == 2


def test_keepassxc_opens_the_vault(w: World, tmp_path: Path) -> None:
    # Missing, it is a failure, not a skip: `make test` installs it (scripts/system-deps).
    assert Path(KEEPASSXC).exists(), f"{KEEPASSXC} is missing: run scripts/system-deps"
    stocked(w)
    path = tmp_path / "vault.kdbx"
    path.write_bytes(take(api_client(w.acme_admin), w.acme.pk).read("vault.kdbx"))

    def cli(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [KEEPASSXC, *args], input=PASSWORD + "\n", capture_output=True, text=True, timeout=60
        )

    listed = cli("ls", "-R", "-f", str(path))
    assert listed.returncode == 0, listed.stderr
    assert "Vendors/Gandi/Gandi login" in listed.stdout.splitlines()
    assert "Other/Guest wifi" in listed.stdout.splitlines()
    shown = cli(
        "show", "-s", "-a", "Password", "-a", "UserName", str(path), "Vendors/Gandi/Gandi login"
    )
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.splitlines() == ["s3cret-δ-密码", "acme-ops"]
    code = cli("show", "-t", str(path), "Vendors/Gandi/Gandi login")
    assert code.returncode == 0, code.stderr
    assert code.stdout.strip() in {
        pyotp.TOTP("JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP").at(datetime.now(UTC) + timedelta(seconds=s))
        for s in (-30, 0, 30)
    }


def test_the_verifier_passes_the_untouched_log_and_names_an_edited_entry(
    w: World, tmp_path: Path
) -> None:
    stocked(w)
    folder = extract(take(api_client(w.acme_admin), w.acme.pk), tmp_path)
    key = audit.public_key_hex()

    def verify(*extra: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [
                sys.executable,
                "-I",
                str(folder / "verify_audit.py"),
                str(folder / "audit.jsonl"),
                *extra,
            ],
            capture_output=True,
            text=True,
            timeout=60,
            cwd=folder,
        )

    good = verify("--key", key)
    assert good.returncode == 0, good.stdout + good.stderr
    assert good.stdout.startswith("OK: 3 entries, 1 signed checkpoints")
    lines = (folder / "audit.jsonl").read_text().splitlines()
    edited = json.loads(lines[0])
    edited["reason"] = "routine check"
    (folder / "audit.jsonl").write_text("\n".join([json.dumps(edited), *lines[1:]]) + "\n")
    bad = verify("--key", key)
    assert bad.returncode == 1
    assert "entry 1 was changed" in bad.stdout
    # A line removed is named too.
    (folder / "audit.jsonl").write_text("\n".join([lines[0], *lines[2:]]) + "\n")
    gone = verify("--key", key)
    assert gone.returncode == 1 and "entry 2 is missing" in gone.stdout
    # The untouched log against another provider's key: refused.
    (folder / "audit.jsonl").write_text("\n".join(lines) + "\n")
    other = verify("--key", "00" * 32)
    assert other.returncode == 1 and "signed by another key" in other.stdout


def test_the_rest_of_the_pack(w: World) -> None:
    stocked(w)
    pack = take(api_client(w.acme_admin), w.acme.pk)
    names = set(pack.namelist())
    assert {
        "vault.kdbx",
        "assets.csv",
        "vendors.csv",
        "documents/network-notes.md",
        "documents/network-notes-2.md",
        "tickets.json",
        "agreements.json",
        "audit.jsonl",
        "verify_audit.py",
        "README.md",
    } == names
    vendors = list(csv.DictReader(io.StringIO(pack.read("vendors.csv").decode())))
    assert [(v["name"], v["account_holder"]) for v in vendors] == [
        ("Gandi", "provider"),
        ("Microsoft 365", "client"),
    ]
    assets = list(csv.DictReader(io.StringIO(pack.read("assets.csv").decode())))
    assert [a["name"] for a in assets] == ["Office router"]
    assert pack.read("documents/network-notes.md").decode().startswith("# Network notes\n\nVLAN 10")
    tickets = json.loads(pack.read("tickets.json"))
    assert [t["title"] for t in tickets] == ["Printer jams"]
    assert "Cleared the tray." in [m["body"] for m in tickets[0]["messages"]]
    assert "created" in [e["kind"] for e in tickets[0]["events"]]
    agreements = json.loads(pack.read("agreements.json"))
    assert agreements[0]["name"].startswith("Managed services") and agreements[0]["versions"]
    readme = pack.read("README.md").decode()
    assert "KeePassXC" in readme and f"--key {audit.public_key_hex()}" in readme
    # The accounts to take over first: the one the provider holds, the password seen.
    take_over = readme.split("## Take over these accounts first")[1]
    assert "**Gandi**" in take_over and "**Router admin**" in take_over
    assert "Guest wifi" not in take_over and "Microsoft 365" not in take_over
    assert pack.read("verify_audit.py") == Path(exitpack.VERIFIER).read_bytes()


def test_a_chinese_clients_readme_is_in_chinese_with_english_alongside(w: World) -> None:
    admin = make_user(Role.CLIENT_ADMIN, w.globex)
    readme = take(api_client(admin), w.globex.pk).read("README.md").decode()
    head, english = readme.split("\n---\n")
    assert english.strip().startswith(f"# Exit pack of {w.globex.name}\n")
    with translation.override("zh-hans"):
        title = gettext("Exit pack of %(org)s") % {"org": w.globex.name}
    assert head.startswith(f"# {title}\n")
    assert "verify_audit.py audit.jsonl --key" in head


def test_no_pack_leaves_when_the_export_cannot_be_logged(
    w: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    stocked(w)
    opened: list[int] = []

    def broken(*args: object, **kw: object) -> None:
        raise RuntimeError("the audit chain cannot be written")

    monkeypatch.setattr(audit, "append", broken)

    def spy(*args: object, **kw: object) -> dict[str, str]:
        opened.append(1)
        return {}

    monkeypatch.setattr(exitpack, "open_credential", spy)
    client = api_client(w.acme_admin)
    client.raise_request_exception = False
    response = post_json(client, url(w.acme.pk), {"password": PASSWORD})
    assert response.status_code == 500
    assert response["Content-Type"].startswith("application/json")
    assert "cannot be written" not in response.content.decode()
    assert not getattr(response, "streaming", False)
    assert opened == []  # not a secret was decrypted
