"""No admin pages for billing's rows: time, quotes and invoices change only through their
workflows (an issued invoice is frozen; corrections are credit notes), never by editing rows."""

from __future__ import annotations
