"""next_url: a form's `next` is followed only back into this site."""

from __future__ import annotations

import pytest
from django.test import RequestFactory

from steward.lib.redirects import next_url

OUTSIDE = [
    "https://elsewhere.example/login",
    "//elsewhere.example/login",
    "/\\elsewhere.example",
    "\\\\elsewhere.example",
    "http://testserver.elsewhere.example/",
    "javascript:alert(1)",
    "desk:dashboard",
    " https://elsewhere.example",
    "",
]


@pytest.mark.parametrize("target", OUTSIDE)
def test_it_refuses_anything_but_a_path_on_this_site(target: str) -> None:
    request = RequestFactory().post("/desk/queue/bulk-assign/", {"next": target})
    assert next_url(request, "desk:queue") == "/desk/queue/"


def test_it_follows_a_path_on_this_site() -> None:
    request = RequestFactory().post("/x/", {"next": "/desk/queue/?status=all&priority=P1"})
    assert next_url(request, "desk:queue") == "/desk/queue/?status=all&priority=P1"


def test_it_reads_next_from_the_query_string_too() -> None:
    request = RequestFactory().get("/x/", {"next": "https://elsewhere.example/"})
    assert next_url(request, "/desk/") == "/desk/"
    request = RequestFactory().get("/x/", {"next": "/portal/"})
    assert next_url(request, "/desk/") == "/portal/"
