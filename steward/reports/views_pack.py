"""The pack pages (placeholders until built)."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from steward.accounts.access import client_view, staff_view


@staff_view
def pack(request: HttpRequest, org: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@staff_view
def pack_pdf(request: HttpRequest, org: int) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_pack(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})


@client_view
def portal_pack_pdf(request: HttpRequest) -> HttpResponse:
    return render(request, "reports/placeholder.html", {})
