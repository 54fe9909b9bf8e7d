"""Assets and vendors as CSV: the columns are the API's field names, in the API's order, so a
file exported here imports again (and opens in any spreadsheet)."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Iterable
from datetime import date

from steward.vault.models import Asset, Vendor

ASSET_COLUMNS = (
    "name",
    "kind",
    "make",
    "model",
    "serial",
    "location",
    "user_name",
    "purchased",
    "warranty_ends",
    "os",
    "os_version",
    "last_seen",
    "notes",
    "custom",
)

VENDOR_COLUMNS = (
    "name",
    "kind",
    "account",
    "account_holder",
    "registered_to",
    "support_contact",
    "renews",
    "expires",
    "notes",
)


def _cell(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, sort_keys=True) if value else ""
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    return str(value)


def _write(columns: tuple[str, ...], rows: Iterable[object], org_code: bool = False) -> str:
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(("organization", *columns) if org_code else columns)
    for row in rows:
        cells = [_cell(getattr(row, column)) for column in columns]
        if org_code:
            cells.insert(0, row.organization.code)  # type: ignore[attr-defined]
        writer.writerow(cells)
    return out.getvalue()


def write_assets(assets: Iterable[Asset], org_code: bool = False) -> str:
    """The assets as CSV; `org_code` adds a first column with each one's organization code
    (an export of several organizations). The import reads either form."""
    return _write(ASSET_COLUMNS, assets, org_code)


def write_vendors(vendors: Iterable[Vendor]) -> str:
    return _write(VENDOR_COLUMNS, vendors)
