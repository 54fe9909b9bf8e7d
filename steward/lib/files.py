"""Names of files people send us, and the one way a stored file is handed back."""

from __future__ import annotations

import re
import unicodedata
from typing import Any
from urllib.parse import quote

from django.http import FileResponse

# Longest extension kept whole when a name is shortened ("tar.gz" is two; ".docx" one).
_MAX_EXTENSION = 16


def shorten_name(name: str, max_bytes: int, max_chars: int | None = None) -> str:
    """`name` cut to at most `max_bytes` of UTF-8 (and `max_chars` characters), keeping its
    extension and whole characters: file systems count bytes (255 per name), databases count
    characters, and a name cut inside a character or without its extension is no use."""
    max_chars = max_chars or max_bytes
    if len(name.encode()) <= max_bytes and len(name) <= max_chars:
        return name
    stem, dot, ext = name.rpartition(".")
    if not dot or not stem or len(ext.encode()) > _MAX_EXTENSION:
        stem, ext = name, ""
    suffix = f".{ext}" if ext else ""
    room_bytes = max_bytes - len(suffix.encode())
    room_chars = max_chars - len(suffix)
    # "ignore" drops the half of a multi-byte character the cut left at the end.
    kept = stem[:room_chars].encode()[:room_bytes].decode("utf-8", "ignore")
    return kept + suffix


def disk_name(name: str) -> str:
    """A file name safe on any file system: letters, digits, '-', '_' and '.', short."""
    cleaned = re.sub(r"[^-\w.]", "_", unicodedata.normalize("NFC", name.strip()))
    return shorten_name(cleaned.strip("._") or "file", 100)


def content_disposition(name: str) -> str:
    """`attachment` with the name twice (RFC 6266): an ASCII stand-in for old clients and
    the exact name, percent-encoded UTF-8, for everyone else."""
    fallback = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    fallback = re.sub(r'[^\x20-\x7e]|["\\%]', "_", fallback).strip() or "download"
    return f"attachment; filename=\"{fallback}\"; filename*=UTF-8''{quote(name, safe='')}"


def download(file: Any, name: str, content_type: str) -> FileResponse:
    """A stored file as a download: never shown inline, never sniffed into HTML."""
    response = FileResponse(file, content_type=content_type or "application/octet-stream")
    response["Content-Disposition"] = content_disposition(name)
    response["X-Content-Type-Options"] = "nosniff"
    return response
