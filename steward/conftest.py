"""Suite-wide fixtures."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from django.utils import timezone, translation

from steward.mail.models import forget_directory


@pytest.fixture(autouse=True)
def _reset_locale() -> Iterator[None]:
    # A request in another language leaves it active in the thread; the next test must not
    # inherit Greek or Chinese from the one before it.
    yield
    translation.activate("en")
    timezone.deactivate()


@pytest.fixture(autouse=True)
def _forget_mailboxes() -> None:
    # Mailboxes are cached for a few seconds per process; each test has its own database.
    forget_directory()
