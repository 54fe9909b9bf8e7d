#!/usr/bin/env python
"""Django's command-line utility; `steward` wraps the same entry point."""

from __future__ import annotations

import sys

from steward.cli import main

if __name__ == "__main__":
    sys.exit(main())
