"""Refusals that happen before a view answers: a form too large to read is a short answer,
and anything under /api/ answers JSON."""

from __future__ import annotations

from collections.abc import Callable

from django.core.exceptions import RequestDataTooBig, TooManyFieldsSent, TooManyFilesSent
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy


class RequestTooLargeMiddleware:
    """Reads a page's form data first, so that a form over DATA_UPLOAD_MAX_MEMORY_SIZE (or
    with too many fields) is a plain 413 (400) rather than a 400 with a traceback, which is
    what Django shows when DEBUG is on, as in the demo. The API answers its own (JSON) 413,
    and must read its bodies itself: the mail relay's can be larger than any form. Pings keep
    the first 100 kB of whatever a job sends, however large."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if request.method == "POST" and not request.path.startswith(("/api/", "/ping/")):
            try:
                request.POST  # noqa: B018 - parsed here, where a refusal can be answered.
            except RequestDataTooBig:
                return _plain(_("This form is larger than the site accepts."), 413)
            except (TooManyFieldsSent, TooManyFilesSent):
                return _plain(_("This form has more fields than the site accepts."), 400)
        return self.get_response(request)


def _plain(text: str, status: int) -> HttpResponse:
    return HttpResponse(text, status=status, content_type="text/plain; charset=utf-8")


class ApiJsonErrorsMiddleware:
    """Every error under /api/ is `{"detail": ..., "field": ...}`, whoever answered it: the
    API's routes already do, but ninja's 405 for a wrong method is plain text, and Django's
    own refusals (a CSRF failure, a bad Host, a crash) are HTML pages."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            not request.path.startswith("/api/")
            or response.status_code < 400
            or response.get("Content-Type", "").startswith("application/json")
        ):
            return response
        detail = str(_API_ERRORS.get(response.status_code, response.reason_phrase))
        if response.status_code == 405 and response.has_header("Allow"):
            detail = _("Method %(method)s is not allowed here; use %(allowed)s.") % {
                "method": request.method,
                "allowed": response["Allow"],
            }
        answer = JsonResponse({"detail": detail, "field": ""}, status=response.status_code)
        for header in ("Allow", "WWW-Authenticate", "Retry-After"):
            if response.has_header(header):
                answer[header] = response[header]
        return answer


_API_ERRORS = {
    400: gettext_lazy("Bad request."),
    401: gettext_lazy("Sign in or send 'Authorization: Bearer <token>'."),
    403: gettext_lazy("Your role does not allow this."),
    404: gettext_lazy("Not found."),
    413: gettext_lazy("The request body is too large."),
    500: gettext_lazy("Something went wrong on our side. It has been logged; please try again."),
}
