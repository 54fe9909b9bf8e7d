"""Fixtures: a private Dovecot and an SMTP sink per test session (per xdist worker)."""

from __future__ import annotations

import tempfile
from collections.abc import Iterator
from pathlib import Path

import pytest

from steward.mail.tests.oauth_server import OAuthStub
from steward.mail.tests.servers import (
    ImapServer,
    SmtpSink,
    dovecot_binary,
    start_imap_server,
    start_smtp_sink,
)


@pytest.fixture(scope="session")
def _oauth_session() -> Iterator[OAuthStub]:
    stub = OAuthStub()
    stub.start()
    yield stub
    stub.stop()


@pytest.fixture
def oauth_stub(_oauth_session: OAuthStub) -> OAuthStub:
    _oauth_session.reset()
    return _oauth_session


@pytest.fixture(scope="session")
def _imap_session(_oauth_session: OAuthStub) -> Iterator[ImapServer]:
    if dovecot_binary() is None:
        pytest.skip(
            "DOVECOT IS NOT INSTALLED: the IMAP tests need a real server. "
            "Install it with `apt-get install dovecot-imapd` (make test and .ci/run do this "
            "when they run as root)."
        )
    server = start_imap_server(
        Path(tempfile.mkdtemp(prefix="steward-dovecot-")), _oauth_session.tokeninfo_url
    )
    yield server
    server.stop()


@pytest.fixture
def imap_server(_imap_session: ImapServer) -> ImapServer:
    _imap_session.reset()
    return _imap_session


@pytest.fixture(scope="session")
def _smtp_session() -> Iterator[SmtpSink]:
    sink = start_smtp_sink()
    yield sink
    sink.stop()


@pytest.fixture
def smtp_sink(_smtp_session: SmtpSink) -> Iterator[SmtpSink]:
    _smtp_session.clear()
    _smtp_session.start()
    yield _smtp_session
    _smtp_session.start()  # A test that played "server down" leaves it running again.
