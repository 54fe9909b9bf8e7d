"""Invoices as documents: CSV for the client's bookkeeping, PDF (WeasyPrint) to send, UBL
XML (EN 16931) for accounting software, and a month's invoices as one file for the books."""

from __future__ import annotations

import csv
import io
import zoneinfo
from collections.abc import Iterable
from datetime import date
from pathlib import Path

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from steward.billing.invoices import TaxGroup, parties, tax_groups
from steward.billing.models import Invoice, InvoiceQuerySet
from steward.contracts.models import NO_TAX
from steward.lib.money import ZERO


def _filename(invoice: Invoice, ext: str) -> str:
    return f"{invoice.display_number.replace(' ', '-')}.{ext}"


def csv_response(invoice: Invoice) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(
        ["invoice", "period_start", "period_end", "currency", "line", "quantity", "unit",
         "unit_price", "amount", "tickets", "time_entries"]
    )  # fmt: skip
    for line in invoice.lines.prefetch_related("tickets", "time_entries"):
        writer.writerow(
            [
                invoice.display_number,
                invoice.period_start.isoformat(),
                invoice.period_end.isoformat(),
                invoice.currency,
                line.description,
                line.quantity,
                line.unit,
                line.unit_price,
                line.amount,
                " ".join(sorted(t.number for t in line.tickets.all())),
                " ".join(str(e.pk) for e in line.time_entries.all()),
            ]
        )
    writer.writerow([invoice.display_number, "", "", invoice.currency, "Total", "", "", "",
                     invoice.total, "", ""])  # fmt: skip
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv")
    response["Content-Disposition"] = f'attachment; filename="{_filename(invoice, "csv")}"'
    return response


def _logo_url(seller: dict[str, object]) -> str:
    """The provider's logo as a file WeasyPrint reads, if it is there."""
    name = str(seller.get("logo") or "")
    path = (Path(settings.MEDIA_ROOT) / name).resolve() if name else None
    if (
        path is None
        or not path.is_file()
        or Path(settings.MEDIA_ROOT).resolve() not in path.parents
    ):
        return ""
    return path.as_uri()


def invoice_html(invoice: Invoice, language: str) -> str:
    rows = list(invoice.lines.prefetch_related("tickets"))
    seller, buyer = parties(invoice)
    # Dates in the client's own zone, as its other mail and pages show them.
    zone = zoneinfo.ZoneInfo(invoice.organization.timezone)
    with translation.override(language), timezone.override(zone):
        return render_to_string(
            "billing/invoice_pdf.html",
            {
                "invoice": invoice,
                "lines": [row for row in rows if row.kind != "note"],
                "notes": [row.description for row in rows if row.kind == "note"],
                "groups": tax_groups(rows),
                "seller": seller,
                "buyer": buyer,
                "logo": _logo_url(seller),
                "language": language,
            },
        )


def pdf_bytes(invoice: Invoice, language: str | None = None) -> bytes:
    from weasyprint import HTML

    html = invoice_html(invoice, language or invoice.organization.language)
    return HTML(string=html, base_url=str(settings.BASE_DIR)).write_pdf()  # type: ignore[no-any-return]


def pdf_response(invoice: Invoice) -> HttpResponse:
    response = HttpResponse(pdf_bytes(invoice), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{_filename(invoice, "pdf")}"'
    return response


def ubl_response(invoice: Invoice) -> HttpResponse:
    from steward.billing.ubl import ubl_xml

    response = HttpResponse(ubl_xml(invoice), content_type="application/xml")
    response["Content-Disposition"] = f'attachment; filename="{_filename(invoice, "xml")}"'
    return response


PERIOD_COLUMNS = [
    "number", "type", "issue_date", "due_date", "period_start", "period_end", "corrects",
    "client", "client_code", "client_tax_id", "client_country", "currency", "vat_category",
    "vat_rate", "net", "vat", "gross", "vat_note",
]  # fmt: skip


def issued_in(qs: InvoiceQuerySet, month: date) -> InvoiceQuerySet:
    """The invoices and credit notes issued in a month, in number order, ready for export."""
    end = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return (
        qs.issued()
        .filter(issue_date__gte=month, issue_date__lt=end)
        .select_related("credits")
        .prefetch_related("lines")
        .order_by("number")
    )


def period_rows(invoices: Iterable[Invoice]) -> list[list[object]]:
    """One row per invoice and VAT rate: what an accountant imports (amounts signed, a
    credit note negative), with the buyer as it stood on the invoice."""
    rows: list[list[object]] = []
    for invoice in invoices:
        buyer = invoice.buyer
        for group in tax_groups(invoice.lines.all()) or [TaxGroup(NO_TAX, ZERO, ZERO)]:
            rows.append(
                [
                    invoice.display_number,
                    "credit_note" if invoice.is_credit_note else "invoice",
                    invoice.issue_date.isoformat() if invoice.issue_date else "",
                    invoice.due_date.isoformat() if invoice.due_date else "",
                    invoice.period_start.isoformat(),
                    invoice.period_end.isoformat(),
                    invoice.credits.display_number if invoice.credits else "",
                    buyer.get("legal_name", ""),
                    buyer.get("code", ""),
                    buyer.get("tax_id", ""),
                    buyer.get("country", ""),
                    invoice.currency,
                    group.tax.category,
                    group.tax.rate,
                    group.net,
                    group.amount,
                    group.gross,
                    group.tax.note,
                ]
            )
    return rows


def period_csv_response(qs: InvoiceQuerySet, month: date) -> HttpResponse:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(PERIOD_COLUMNS)
    writer.writerows(period_rows(issued_in(qs, month)))
    response = HttpResponse(out.getvalue().encode("utf-8-sig"), content_type="text/csv")
    name = f"invoices-{month:%Y-%m}.csv"
    response["Content-Disposition"] = f'attachment; filename="{name}"'
    return response
