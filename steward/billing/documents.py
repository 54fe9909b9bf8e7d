"""Invoices as documents: CSV for the client's bookkeeping, PDF (WeasyPrint) to send."""

from __future__ import annotations

import csv
import io
import zoneinfo

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from steward.billing.models import Invoice


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


def invoice_html(invoice: Invoice, language: str) -> str:
    # Dates in the client's own zone, as its other mail and pages show them.
    zone = zoneinfo.ZoneInfo(invoice.organization.timezone)
    with translation.override(language), timezone.override(zone):
        return render_to_string(
            "billing/invoice_pdf.html",
            {
                "invoice": invoice,
                "lines": invoice.lines.prefetch_related("tickets"),
                "provider": settings.SITE_NAME,
                "organization": invoice.organization,
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
