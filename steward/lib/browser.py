"""How Steward drives Debian's Chromium: the browser tests and scripts/screenshots.py."""

from __future__ import annotations

CHROMIUM = "/usr/bin/chromium"
# Headless, and without the background connections this machine's closed network refuses.
CHROMIUM_ARGS = [
    "--headless=new",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
