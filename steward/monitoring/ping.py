"""The ping endpoint, URL-compatible with healthchecks: a job's script written for it works
here by changing the host. No sign-in: the check's secret UUID is the credential."""

from __future__ import annotations

import uuid

from django.http import HttpRequest, HttpResponse
from django.views.decorators.csrf import csrf_exempt

from steward.monitoring import actions
from steward.monitoring.models import BODY_LIMIT, PingKind

METHODS = ("GET", "POST", "HEAD")


def _answer(text: str, status: int = 200) -> HttpResponse:
    response = HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")
    # As healthchecks: a browser page (a status widget, a web job) may ping too.
    response["Access-Control-Allow-Origin"] = "*"
    return response


@csrf_exempt
def ping(request: HttpRequest, code: uuid.UUID | str, action: str = "") -> HttpResponse:
    if request.method not in METHODS:
        response = _answer("method not allowed", 405)
        response["Allow"] = ", ".join(METHODS)
        return response
    exit_status: int | None = None
    if action == "":
        kind = PingKind.SUCCESS
    elif action in ("start", "fail", "log"):
        kind = {"start": PingKind.START, "fail": PingKind.FAIL, "log": PingKind.LOG}[action]
    elif action.isdigit() and int(action) <= 255:
        exit_status = int(action)
        kind = PingKind.SUCCESS if exit_status == 0 else PingKind.FAIL
    else:
        return _answer("invalid url format", 400)
    # The first 100 kB of the body, read from the stream: a larger log is cut, not refused.
    body = request.read(BODY_LIMIT) if request.method == "POST" else b""
    incoming = actions.PingIn(
        kind=kind,
        exit_status=exit_status,
        body=body.decode("utf-8", errors="replace"),
        method=request.method or "",
        remote_addr=request.META.get("REMOTE_ADDR", ""),
    )
    if not actions.ping(uuid.UUID(str(code)), incoming):
        return _answer("not found", 404)
    return _answer("OK")
