"""Reports read other apps' rows and keep none of their own yet."""

from __future__ import annotations
