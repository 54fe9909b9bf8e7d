"""Settings for bench/pings.py: Steward's own, plus a bare ping view to compare with."""

from __future__ import annotations

from steward.settings import *  # noqa: F403

ROOT_URLCONF = "bench.urls_pings"
