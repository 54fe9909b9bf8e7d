"""Real mail servers on loopback for the tests: a private Dovecot (IMAP) and an aiosmtpd sink.

Each test session (each xdist worker) starts its own Dovecot from a generated configuration
in a temporary directory, on a free port, so the system's own Dovecot, if any, is never
touched.
"""

from __future__ import annotations

import grp
import imaplib
import os
import pwd
import shutil
import socket
import subprocess
import time
from pathlib import Path

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, Envelope, Session

DOVECOT = "/usr/sbin/dovecot"


def dovecot_binary() -> str | None:
    return shutil.which("dovecot") or (DOVECOT if os.access(DOVECOT, os.X_OK) else None)


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _wait_for(port: int, seconds: float) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                return True
        except OSError:
            time.sleep(0.05)
    return False


class ImapServer:
    def __init__(self, process: subprocess.Popen[bytes], root: Path, port: int) -> None:
        self.process = process
        self.root = root
        self.host = "127.0.0.1"
        self.port = port
        self.user = "help"
        self.password = "imap-test-password"

    def _client(self) -> imaplib.IMAP4:
        client = imaplib.IMAP4(self.host, self.port, timeout=10)
        client.login(self.user, self.password)
        return client

    def append(self, raw: bytes, folder: str = "INBOX") -> None:
        client = self._client()
        try:
            typ, data = client.append(folder, "", imaplib.Time2Internaldate(time.time()), raw)
            assert typ == "OK", data
        finally:
            client.logout()

    def create_folder(self, name: str) -> None:
        client = self._client()
        try:
            client.create(name)
        finally:
            client.logout()

    def messages(self, folder: str = "INBOX") -> list[bytes]:
        client = self._client()
        try:
            typ, _data = client.select(f'"{folder}"', readonly=True)
            if typ != "OK":
                return []
            typ, data = client.uid("SEARCH", "ALL")
            uids = data[0].split() if data and data[0] else []
            out = []
            for uid in uids:
                typ, fetched = client.uid("FETCH", uid, "(BODY.PEEK[])")
                for item in fetched:
                    if isinstance(item, tuple):
                        out.append(bytes(item[1]))
            return out
        finally:
            client.logout()

    def reset(self) -> None:
        """Every folder empty, and only INBOX left."""
        client = self._client()
        try:
            typ, listing = client.list()
            folders = []
            for line in listing or []:
                if isinstance(line, bytes):
                    name = line.decode().rsplit(' "/" ', 1)[-1].strip().strip('"')
                    folders.append(name)
            for name in sorted(folders, key=len, reverse=True):
                if name.upper() == "INBOX":
                    continue
                client.delete(f'"{name}"')
            typ, count = client.select("INBOX")
            if count and count[0] and int(count[0]) > 0:
                client.store("1:*", "+FLAGS.SILENT", r"(\Deleted)")
                client.expunge()
        finally:
            client.logout()

    def stop(self) -> None:
        self.process.terminate()
        try:
            self.process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.process.kill()
        shutil.rmtree(self.root, ignore_errors=True)


def start_imap_server(root: Path, tokeninfo_url: str = "") -> ImapServer:
    """A private Dovecot with one user (`help`), plaintext login on loopback, maildir; with
    `tokeninfo_url`, `help` signs in with XOAUTH2 too, Dovecot asking that URL (a stub OAuth
    provider's) whether the bearer token is good."""
    binary = dovecot_binary()
    if binary is None:
        raise FileNotFoundError("dovecot is not installed (apt-get install dovecot-imapd)")
    root.mkdir(parents=True, exist_ok=True)
    port = free_port()
    if os.geteuid() == 0:
        # As root, Dovecot insists on unprivileged users for its own processes and the mail.
        internal, login = "dovecot", "dovenull"
        mail_user = pwd.getpwnam("dovecot")
    else:
        me = pwd.getpwuid(os.geteuid())
        internal = login = me.pw_name
        mail_user = me
    home = root / "home"
    home.mkdir(exist_ok=True)
    for path in (root, home):
        os.chmod(path, 0o755)
    if os.geteuid() == 0:
        os.chown(home, mail_user.pw_uid, mail_user.pw_gid)
    (root / "users").write_text("help:{PLAIN}imap-test-password::::::\n")
    oauth = ""
    if tokeninfo_url:
        (root / "oauth2.conf.ext").write_text(
            f"tokeninfo_url = {tokeninfo_url}\nusername_attribute = email\n"
        )
        oauth = f"""
passdb {{
  driver = oauth2
  mechanisms = xoauth2 oauthbearer
  args = {root}/oauth2.conf.ext
}}
"""
    config = root / "dovecot.conf"
    config.write_text(
        f"""
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login{" xoauth2 oauthbearer" if tokeninfo_url else ""}
default_internal_user = {internal}
default_internal_group = {grp.getgrgid(pwd.getpwnam(internal).pw_gid).gr_name}
default_login_user = {login}
first_valid_uid = 0
first_valid_gid = 0
mail_location = maildir:~/Maildir
passdb {{
  driver = passwd-file
  mechanisms = plain login
  args = scheme=PLAIN username_format=%u {root}/users
}}
{oauth}userdb {{
  driver = static
  args = uid={mail_user.pw_uid} gid={mail_user.pw_gid} home={home}/%u
}}
namespace inbox {{
  inbox = yes
  separator = /
}}
service imap-login {{
  chroot =
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
"""
    )
    process = subprocess.Popen(
        [binary, "-F", "-c", str(config)], stdout=subprocess.PIPE, stderr=subprocess.STDOUT
    )
    if not _wait_for(port, 10):
        process.kill()
        output = process.stdout.read().decode(errors="replace") if process.stdout else ""
        log = root / "dovecot.log"
        details = log.read_text(errors="replace") if log.exists() else ""
        raise RuntimeError(f"Dovecot did not start on port {port}:\n{output}\n{details}")
    return ImapServer(process, root, port)


class _Collector:
    def __init__(self, sink: SmtpSink) -> None:
        self.sink = sink

    async def handle_DATA(self, server: SMTP, session: Session, envelope: Envelope) -> str:
        content = envelope.original_content or b""
        self.sink.messages.append(
            (str(envelope.mail_from), [str(r) for r in envelope.rcpt_tos], bytes(content))
        )
        return "250 OK"


class SmtpSink:
    """An SMTP server that keeps what it receives; stop() and start() it to play a
    mail server that is down."""

    def __init__(self) -> None:
        self.host = "127.0.0.1"
        self.port = free_port()
        self.messages: list[tuple[str, list[str], bytes]] = []
        self.controller: Controller | None = None

    def start(self) -> None:
        if self.controller is None:
            self.controller = Controller(_Collector(self), hostname=self.host, port=self.port)
            self.controller.start()

    def stop(self) -> None:
        if self.controller is not None:
            self.controller.stop()
            self.controller = None

    def clear(self) -> None:
        self.messages.clear()


def start_smtp_sink() -> SmtpSink:
    sink = SmtpSink()
    sink.start()
    return sink
