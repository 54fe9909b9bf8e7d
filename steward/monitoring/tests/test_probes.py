"""The active checks against real servers on loopback that the tests start."""

from __future__ import annotations

import asyncio
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest

from steward.monitoring.probes import BadTarget, Network, Outcome, Target, host_port, probe_all
from steward.monitoring.tests.servers import (
    Authority,
    Reply,
    closed_port,
    dns_server,
    http_server,
    open_port,
    rdap_domain,
    tls_server,
)

PAGE = "<html><body><h1>Welcome to Acme</h1></body></html>"


def run(kind: str, target: str, net: Network | None = None, **expect: Any) -> Outcome:
    timeout = expect.pop("timeout", 5)
    [outcome] = asyncio.run(probe_all([Target(kind, target, timeout, expect)], net))
    return outcome


@pytest.fixture(scope="module")
def site() -> Iterator[str]:
    routes = {
        "/": Reply(200, PAGE, (("Content-Type", "text/html; charset=utf-8"),)),
        "/error": Reply(500, "Internal Server Error"),
        "/missing": Reply(404, "Not Found"),
        "/slow": Reply(200, PAGE, delay=0.4),
        "/stuck": Reply(200, PAGE, delay=3),
        "/moved": Reply(302, "", (("Location", "/"),)),
        "/loop": Reply(302, "", (("Location", "/loop"),)),
        "/maintenance": Reply(200, "<h1>Down for maintenance</h1>"),
    }
    with http_server(routes) as base:
        yield base


def test_it_passes_a_page_that_answers_200(site: str) -> None:
    outcome = run("http", f"{site}/")
    assert outcome.ok
    assert outcome.detail.startswith("HTTP 200 in ") and outcome.detail.endswith(" ms")
    assert outcome.duration_ms is not None
    assert abs(outcome.at - datetime.now(UTC)) < timedelta(seconds=10)


def test_it_fails_a_page_that_answers_500(site: str) -> None:
    outcome = run("http", f"{site}/error")
    assert not outcome.ok
    assert outcome.detail.startswith("HTTP 500 in ")


def test_it_takes_the_status_codes_it_is_told_to_expect(site: str) -> None:
    assert run("http", f"{site}/missing", status=[404]).ok
    outcome = run("http", f"{site}/", status=[201, 204])
    assert not outcome.ok
    assert outcome.detail.endswith(", expected 201, 204")


def test_it_fails_a_page_without_its_keyword(site: str) -> None:
    assert run("http", f"{site}/", contains="Welcome").ok
    outcome = run("http", f"{site}/maintenance", contains="Welcome")
    assert not outcome.ok
    assert outcome.detail == 'keyword "Welcome" not found'


def test_it_fails_a_page_with_a_keyword_that_must_not_be_there(site: str) -> None:
    assert run("http", f"{site}/", not_contains="maintenance").ok
    outcome = run("http", f"{site}/maintenance", not_contains="maintenance")
    assert not outcome.ok
    assert outcome.detail == 'unwanted keyword "maintenance" found'


def test_it_fails_a_page_slower_than_its_limit(site: str) -> None:
    outcome = run("http", f"{site}/slow", max_ms=100)
    assert not outcome.ok
    assert outcome.detail.endswith(", slower than 100 ms")
    assert outcome.duration_ms is not None and outcome.duration_ms >= 400
    assert run("http", f"{site}/slow", max_ms=30_000).ok


def test_it_gives_up_on_a_page_after_the_timeout(site: str) -> None:
    outcome = run("http", f"{site}/stuck", timeout=1)
    assert not outcome.ok
    assert outcome.detail == "timed out after 1 s"
    assert outcome.duration_ms is None


def test_it_follows_redirects_unless_told_not_to(site: str) -> None:
    followed = run("http", f"{site}/moved", contains="Welcome")
    assert followed.ok and followed.detail.startswith("HTTP 200 ")
    kept = run("http", f"{site}/moved", follow_redirects=False)
    assert kept.ok and kept.detail.startswith("HTTP 302 ")
    assert not run("http", f"{site}/moved", follow_redirects=False, status=[200]).ok


def test_it_fails_a_redirect_loop(site: str) -> None:
    outcome = run("http", f"{site}/loop")
    assert not outcome.ok
    assert outcome.detail == "too many redirects"


def test_it_uses_the_method_it_is_told(site: str) -> None:
    assert run("http", f"{site}/", method="HEAD").ok
    # A HEAD has no body to find a keyword in.
    assert not run("http", f"{site}/", method="HEAD", contains="Welcome").ok


def test_it_fails_a_site_nothing_listens_on() -> None:
    outcome = run("http", f"http://127.0.0.1:{closed_port()}/")
    assert not outcome.ok
    assert outcome.detail == "connection refused"


def test_it_passes_an_open_tcp_port_and_fails_a_closed_one() -> None:
    with open_port() as port:
        outcome = run("tcp", f"127.0.0.1:{port}")
    assert outcome.ok
    assert outcome.detail.startswith(f"port {port} open, connected in ")
    closed = run("tcp", f"127.0.0.1:{closed_port()}")
    assert not closed.ok
    assert closed.detail == "connection refused"


def test_it_fails_a_tcp_target_without_a_port() -> None:
    outcome = run("tcp", "127.0.0.1")
    assert not outcome.ok
    assert outcome.detail == "target 127.0.0.1 is not host:port"


@pytest.fixture(scope="module")
def authority() -> Authority:
    return Authority()


def test_it_warns_of_a_certificate_close_to_its_end(authority: Authority) -> None:
    expires = datetime.now(UTC) + timedelta(days=3)
    net = Network(ssl_context=authority.client_context())
    with tls_server(authority, "127.0.0.1", expires) as port:
        soon = run("tls", f"127.0.0.1:{port}", net)
        later = run("tls", f"127.0.0.1:{port}", net, days_left=2)
    day = f"{expires.day} {expires:%b %Y}"
    assert not soon.ok
    assert soon.detail == f"certificate expires in 3 days ({day})"
    assert later.ok
    assert later.detail == soon.detail


def test_it_fails_a_certificate_made_for_another_host(authority: Authority) -> None:
    net = Network(ssl_context=authority.client_context())
    far = datetime.now(UTC) + timedelta(days=90)
    with tls_server(authority, "other.example", far) as port:
        outcome = run("tls", f"127.0.0.1:{port}", net)
    assert not outcome.ok
    assert outcome.detail == "certificate is not valid for this host name"


def test_it_fails_a_certificate_it_cannot_trust(authority: Authority) -> None:
    far = datetime.now(UTC) + timedelta(days=90)
    stranger = Network(ssl_context=Authority().client_context())
    with tls_server(authority, "127.0.0.1", far) as port:
        outcome = run("tls", f"127.0.0.1:{port}", stranger)
        trusted = run("tls", f"127.0.0.1:{port}", Network(ssl_context=authority.client_context()))
    assert not outcome.ok
    assert outcome.detail.startswith("certificate is not trusted (")
    assert trusted.ok


def test_it_fails_an_expired_certificate(authority: Authority) -> None:
    net = Network(ssl_context=authority.client_context())
    with tls_server(authority, "127.0.0.1", datetime.now(UTC) - timedelta(days=1)) as port:
        outcome = run("tls", f"127.0.0.1:{port}", net)
    assert not outcome.ok
    assert outcome.detail == "certificate has expired"


def test_it_checks_an_https_page_through_the_same_trust(authority: Authority) -> None:
    far = datetime.now(UTC) + timedelta(days=90)
    with tls_server(authority, "127.0.0.1", far) as port:
        # The TLS stub speaks no HTTP: what matters is that the handshake is refused
        # by a probe that does not trust the CA.
        outcome = run("http", f"https://127.0.0.1:{port}/", Network())
    assert not outcome.ok
    assert outcome.detail.startswith("certificate is not trusted (")


@pytest.fixture(scope="module")
def nameserver() -> Iterator[Network]:
    records = {"www.acme.example": ["192.0.2.10", "192.0.2.11"]}
    with dns_server(records) as address:
        yield Network(nameservers=(address,))


def test_it_passes_a_name_that_resolves(nameserver: Network) -> None:
    outcome = run("dns", "www.acme.example", nameserver)
    assert outcome.ok
    assert outcome.detail == "www.acme.example resolves to 192.0.2.10, 192.0.2.11"


def test_it_fails_a_name_that_resolves_to_an_address_not_expected(nameserver: Network) -> None:
    assert run("dns", "www.acme.example", nameserver, values=["192.0.2.11", "192.0.2.10"]).ok
    outcome = run("dns", "www.acme.example", nameserver, values=["192.0.2.10"])
    assert not outcome.ok
    assert outcome.detail == (
        "www.acme.example resolves to 192.0.2.10, 192.0.2.11, expected 192.0.2.10"
    )


def test_it_fails_a_name_that_does_not_exist(nameserver: Network) -> None:
    outcome = run("dns", "gone.acme.example", nameserver)
    assert not outcome.ok
    assert outcome.detail == "gone.acme.example does not exist"


@pytest.fixture(scope="module")
def registry() -> Iterator[tuple[Network, datetime]]:
    soon = datetime.now(UTC) + timedelta(days=10, hours=1)
    routes = {
        "/domain/acme.example": rdap_domain("acme.example", soon),
        "/domain/globex.example": rdap_domain("globex.example", soon + timedelta(days=355)),
        "/domain/lapsed.example": rdap_domain("lapsed.example", soon - timedelta(days=20)),
    }
    with http_server(routes) as base:
        yield Network(rdap_base=base), soon


def test_it_warns_of_a_domain_close_to_its_expiry(registry: tuple[Network, datetime]) -> None:
    net, soon = registry
    outcome = run("domain", "acme.example", net)
    assert not outcome.ok
    assert outcome.detail == f"registration expires in 10 days ({soon.day} {soon:%b %Y})"
    assert run("domain", "acme.example", net, days_left=7).ok
    assert run("domain", "globex.example", net).ok


def test_it_fails_a_lapsed_domain_and_one_the_registry_does_not_know(
    registry: tuple[Network, datetime],
) -> None:
    net, _soon = registry
    lapsed = run("domain", "lapsed.example", net)
    assert not lapsed.ok
    assert lapsed.detail.startswith("registration expired on ")
    unknown = run("domain", "initech.example", net)
    assert not unknown.ok
    assert unknown.detail == "the registry does not know initech.example"


def test_it_runs_many_checks_at_once_each_with_its_own_outcome(site: str) -> None:
    targets = [
        Target("http", f"{site}/", 5, {}),
        Target("http", f"{site}/error", 5, {}),
        Target("tcp", f"127.0.0.1:{closed_port()}", 5, {}),
    ] * 20
    outcomes = asyncio.run(probe_all(targets, concurrency=8))
    assert [o.ok for o in outcomes] == [True, False, False] * 20


@pytest.mark.parametrize(
    ("target", "default", "expected"),
    [
        ("shop.acme.example:8443", None, ("shop.acme.example", 8443)),
        ("[2001:db8::1]:443", None, ("2001:db8::1", 443)),
        ("shop.acme.example", 443, ("shop.acme.example", 443)),
        ("2001:db8::1", 443, ("2001:db8::1", 443)),
    ],
)
def test_it_reads_host_and_port_as_written(
    target: str, default: int | None, expected: tuple[str, int]
) -> None:
    assert host_port(target, default) == expected


@pytest.mark.parametrize("target", ["shop.acme.example:0", "shop.acme.example:https", ":443"])
def test_it_refuses_a_target_without_a_usable_port(target: str) -> None:
    with pytest.raises(BadTarget):
        host_port(target)
