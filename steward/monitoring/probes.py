"""The active checks: one asyncio probe per kind (http, tcp, tls, dns, domain).

Probes never touch the database: the runner hands each one a `Target` (what a probe needs,
taken from a Check) and gets back an `Outcome`. Everything a probe reaches the network
through is in `Network`, the one seam tests replace with loopback servers of their own.
"""

from __future__ import annotations

import asyncio
import errno
import math
import socket
import ssl
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Mapping, Sequence
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from typing import TYPE_CHECKING, Any

import aiohttp
import dns.asyncresolver
import dns.exception
import dns.nameserver
import dns.resolver
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

if TYPE_CHECKING:
    from steward.monitoring.models import Check

# Enough of a page to find a keyword in; a bigger body is not read to its end.
BODY_READ = 1_000_000
DEFAULT_DAYS_LEFT = 14
DAY = timedelta(days=1)


@dataclass(frozen=True)
class Network:
    """What probes reach the network through: production uses the defaults, tests pass
    loopback values (their own CA, a stub name server, a stub RDAP server)."""

    # None: the system's trust store, with host names checked.
    ssl_context: ssl.SSLContext | None = None
    # (ip, port) of the name servers `dns` checks ask; empty: the system's resolv.conf.
    nameservers: tuple[tuple[str, int], ...] = ()
    # RDAP for `domain`: rdap.org redirects each name to its registry's server (IANA's
    # bootstrap), so no bootstrap file needs to be kept fresh here.
    rdap_base: str = "https://rdap.org"
    # Connections open at once, in all and to one host (a client's sites often share one).
    limit: int = 256
    limit_per_host: int = 16
    user_agent: str = "Steward-Monitoring/1.0"

    def tls(self) -> ssl.SSLContext:
        return self.ssl_context or _default_context()


_default: ssl.SSLContext | None = None


def _default_context() -> ssl.SSLContext:
    # Loading the system's CA bundle costs milliseconds: once per process.
    global _default
    if _default is None:
        _default = ssl.create_default_context()
    return _default


@dataclass(frozen=True)
class Target:
    """What a probe needs of a check, so that probes never touch the ORM."""

    kind: str
    target: str
    timeout: float = 10
    expect: Mapping[str, Any] = field(default_factory=dict)

    @classmethod
    def of(cls, check: Check) -> Target:
        return cls(
            kind=check.kind,
            target=check.target,
            timeout=check.timeout or 10,
            expect=dict(check.expect or {}),
        )


@dataclass(frozen=True)
class Outcome:
    """One run of a probe: passed or not, when it started, how long the service took to
    answer (None when it did not), and what was found, in a sentence staff can read."""

    ok: bool
    at: datetime
    duration_ms: int | None
    detail: str


class Session:
    """One run's live connections: a shared aiohttp session and a DNS resolver."""

    def __init__(self, net: Network, http: aiohttp.ClientSession) -> None:
        self.net = net
        self.http = http
        self._resolver: dns.asyncresolver.Resolver | None = None

    def resolver(self) -> dns.asyncresolver.Resolver:
        if self._resolver is None:
            resolver = dns.asyncresolver.Resolver(configure=not self.net.nameservers)
            if self.net.nameservers:
                resolver.nameservers = [
                    dns.nameserver.Do53Nameserver(ip, port) for ip, port in self.net.nameservers
                ]
            self._resolver = resolver
        return self._resolver


@asynccontextmanager
async def session(net: Network | None = None) -> AsyncIterator[Session]:
    net = net or Network()
    connector = aiohttp.TCPConnector(
        limit=net.limit, limit_per_host=net.limit_per_host, ssl=net.tls()
    )
    async with aiohttp.ClientSession(
        connector=connector,
        headers={"User-Agent": net.user_agent},
        # Cookies of one client's site must not travel with another's check.
        cookie_jar=aiohttp.DummyCookieJar(),
    ) as http:
        yield Session(net, http)


async def probe(check: Target, net: Session) -> Outcome:
    """Run one check once, within its timeout; never raises for what the network does."""
    at = datetime.now(UTC)
    started = time.perf_counter()
    run = PROBES.get(check.kind)
    if run is None:
        return Outcome(False, at, None, _("not an active check: %(kind)s") % {"kind": check.kind})
    try:
        async with asyncio.timeout(check.timeout):
            ok, detail, ms = await run(check, net, started)
    except TimeoutError:
        ok, detail, ms = False, _("timed out after %(s)s s") % {"s": _number(check.timeout)}, None
    except BadTarget as exc:
        ok, detail, ms = False, str(exc), None
    # aiohttp's errors are OSErrors too: theirs first.
    except aiohttp.ClientError as exc:
        ok, detail, ms = False, _client_error(exc), None
    except OSError as exc:
        ok, detail, ms = False, _connection_error(exc), None
    return Outcome(ok, at, ms, detail)


async def probe_all(
    checks: Sequence[Target], net: Network | None = None, concurrency: int = 500
) -> list[Outcome]:
    """Run `checks` concurrently through one session; outcomes in the same order."""
    gate = asyncio.Semaphore(concurrency)
    async with session(net) as live:

        async def one(check: Target) -> Outcome:
            async with gate:
                return await probe(check, live)

        return list(await asyncio.gather(*(one(c) for c in checks)))


class BadTarget(ValueError):
    """The target cannot be probed as written (the API refuses it; old rows may not)."""


# (ok, detail, response time in ms or None)
Found = tuple[bool, str, int | None]


def _ms(started: float) -> int:
    return round((time.perf_counter() - started) * 1000)


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def _day(moment: datetime) -> str:
    return date_format(moment.astimezone(UTC), "j M Y")


def _days(left: timedelta) -> int:
    # 2.99 days read as 3, as a person would say it; the pass/fail test uses the exact time.
    return max(math.floor(left / DAY + 0.5), 0)


def _days_left(expect: Mapping[str, Any]) -> int:
    value = expect.get("days_left", DEFAULT_DAYS_LEFT)
    return int(value) if value is not None else DEFAULT_DAYS_LEFT


def _connection_error(exc: OSError) -> str:
    if isinstance(exc, ssl.SSLError):
        return _certificate_error(exc)
    # asyncio's "Connect call failed" is a plain OSError carrying the errno.
    if isinstance(exc, ConnectionRefusedError) or exc.errno == errno.ECONNREFUSED:
        return _("connection refused")
    if isinstance(exc, ConnectionResetError):
        return _("connection reset")
    reason = exc.strerror or str(exc) or type(exc).__name__
    return _("connection failed: %(reason)s") % {"reason": reason}


def _client_error(exc: aiohttp.ClientError) -> str:
    if isinstance(exc, aiohttp.TooManyRedirects):
        return _("too many redirects")
    if isinstance(exc, aiohttp.ClientConnectorCertificateError):
        return _certificate_error(exc.certificate_error)
    if isinstance(exc, aiohttp.ClientConnectorDNSError):
        return _("%(host)s does not resolve") % {"host": exc.host}
    if isinstance(exc, aiohttp.ClientConnectorError):
        return _connection_error(exc.os_error)
    if isinstance(exc, aiohttp.ServerDisconnectedError):
        return _("the server closed the connection without answering")
    return _("connection failed: %(reason)s") % {"reason": str(exc) or type(exc).__name__}


# OpenSSL's verification codes (X509_V_ERR_*) worth a sentence of their own.
_EXPIRED = 10
_HOSTNAME = {62, 64}  # the host name, or the IP address, is not the certificate's
_UNTRUSTED = {2, 18, 19, 20, 21}


def _certificate_error(exc: Exception) -> str:
    if isinstance(exc, ssl.SSLCertVerificationError):
        code = exc.verify_code
        if code == _EXPIRED:
            return _("certificate has expired")
        if code in _HOSTNAME:
            return _("certificate is not valid for this host name")
        if code in _UNTRUSTED:
            return _("certificate is not trusted (%(reason)s)") % {"reason": exc.verify_message}
        return _("certificate is not valid (%(reason)s)") % {"reason": exc.verify_message}
    return _("TLS handshake failed: %(reason)s") % {"reason": str(exc)}


def host_port(target: str, default: int | None = None) -> tuple[str, int]:
    """`host:port`, `[v6]:port`, or just a host when there is a default port."""
    text = target.strip()
    host, sep, port = text.rpartition(":")
    if text.startswith("[") and "]" in text:
        closing = text.index("]")
        host, port = text[1:closing], text[closing + 2 :] if text[closing + 1 :] else ""
        sep = ":" if port else ""
    elif not sep or ":" in host:
        host, port = text, ""
    if not port:
        if default is None:
            raise BadTarget(_("target %(target)s is not host:port") % {"target": target})
        return host, default
    if not port.isdigit() or not 0 < int(port) < 65536 or not host:
        raise BadTarget(_("target %(target)s is not host:port") % {"target": target})
    return host, int(port)


async def _http(check: Target, net: Session, started: float) -> Found:
    expect = check.expect
    method = str(expect.get("method") or "GET").upper()
    follow = bool(expect.get("follow_redirects", True))
    async with net.http.request(
        method,
        check.target,
        allow_redirects=follow,
        timeout=aiohttp.ClientTimeout(total=check.timeout),
    ) as response:
        body = b"" if method == "HEAD" else await response.content.read(BODY_READ)
        ms = _ms(started)
        status = response.status
        charset = response.charset or "utf-8"
    said = _("HTTP %(status)s in %(ms)s ms") % {"status": status, "ms": ms}
    wanted = expect.get("status")
    if wanted:
        if status not in [int(s) for s in wanted]:
            expected = ", ".join(str(s) for s in wanted)
            return (
                False,
                _("%(said)s, expected %(expected)s")
                % {
                    "said": said,
                    "expected": expected,
                },
                ms,
            )
    elif not 200 <= status < 400:
        return False, said, ms
    try:
        text = body.decode(charset, errors="replace")
    except LookupError:  # a charset Python does not know
        text = body.decode("utf-8", errors="replace")
    contains = expect.get("contains")
    if contains and str(contains) not in text:
        return False, _('keyword "%(keyword)s" not found') % {"keyword": contains}, ms
    unwanted = expect.get("not_contains")
    if unwanted and str(unwanted) in text:
        return False, _('unwanted keyword "%(keyword)s" found') % {"keyword": unwanted}, ms
    limit = expect.get("max_ms")
    if limit and ms > int(limit):
        return False, _("%(said)s, slower than %(max)s ms") % {"said": said, "max": limit}, ms
    return True, said, ms


async def _tcp(check: Target, net: Session, started: float) -> Found:
    host, port = host_port(check.target)
    try:
        _reader, writer = await asyncio.open_connection(host, port)
    except socket.gaierror:
        return False, _("%(host)s does not resolve") % {"host": host}, None
    ms = _ms(started)
    writer.close()
    return True, _("port %(port)s open, connected in %(ms)s ms") % {"port": port, "ms": ms}, ms


async def _tls(check: Target, net: Session, started: float) -> Found:
    host, port = host_port(check.target, default=443)
    try:
        _reader, writer = await asyncio.open_connection(
            host, port, ssl=net.net.tls(), server_hostname=host
        )
    except ssl.SSLError as exc:
        return False, _certificate_error(exc), None
    except socket.gaierror:
        return False, _("%(host)s does not resolve") % {"host": host}, None
    ms = _ms(started)
    try:
        cert = writer.get_extra_info("peercert") or {}
    finally:
        writer.close()
    not_after = cert.get("notAfter")
    if not not_after:
        return False, _("the server sent no certificate"), ms
    expires = datetime.fromtimestamp(ssl.cert_time_to_seconds(not_after), UTC)
    left = expires - datetime.now(UTC)
    days = _days(left)
    detail = ngettext(
        "certificate expires in %(days)s day (%(date)s)",
        "certificate expires in %(days)s days (%(date)s)",
        days,
    ) % {"days": days, "date": _day(expires)}
    return left > timedelta(days=_days_left(check.expect)), detail, ms


async def _dns(check: Target, net: Session, started: float) -> Found:
    name = check.target.strip().rstrip(".")
    rdtype = str(check.expect.get("type") or "A").upper()
    try:
        answer = await net.resolver().resolve(name, rdtype, lifetime=check.timeout, search=False)
    except dns.resolver.NXDOMAIN:
        return False, _("%(name)s does not exist") % {"name": name}, _ms(started)
    except dns.resolver.NoAnswer:
        return False, _("%(name)s has no %(type)s record") % {"name": name, "type": rdtype}, None
    except dns.resolver.NoNameservers:
        return False, _("no name server answered for %(name)s") % {"name": name}, None
    except dns.exception.Timeout:
        raise TimeoutError from None
    ms = _ms(started)
    found = sorted({rdata.to_text().rstrip(".") for rdata in answer})
    said = _("%(name)s resolves to %(values)s") % {"name": name, "values": ", ".join(found)}
    wanted = {str(v).strip().rstrip(".") for v in check.expect.get("values") or []}
    # Passes when every address given is one of those expected: a name served round-robin
    # may answer with some of them, never with a stranger's.
    if wanted and not set(found) <= wanted:
        expected = ", ".join(sorted(wanted))
        return (
            False,
            _("%(said)s, expected %(expected)s")
            % {
                "said": said,
                "expected": expected,
            },
            ms,
        )
    return True, said, ms


async def _domain(check: Target, net: Session, started: float) -> Found:
    from whoisit.bootstrap import _BootstrapWrapper  # lazy: it imports requests and httpx
    from whoisit.errors import WhoisItError
    from whoisit.parser import parse

    name = check.target.strip().rstrip(".").lower()
    url = f"{net.net.rdap_base.rstrip('/')}/domain/{name}"
    async with net.http.get(
        url,
        headers={"Accept": "application/rdap+json, application/json"},
        timeout=aiohttp.ClientTimeout(total=check.timeout),
    ) as response:
        ms = _ms(started)
        if response.status == 404:
            return False, _("the registry does not know %(name)s") % {"name": name}, ms
        if response.status != 200:
            return (
                False,
                _("the registry answered HTTP %(status)s") % {"status": response.status},
                ms,
            )
        try:
            raw = await response.json(content_type=None)
        except ValueError:
            raw = None
    try:
        # whoisit's parser only; its bootstrap (an IANA download) is not used: see
        # docs/decisions.md.
        parsed = parse(_BootstrapWrapper(), "domain", name, raw) if isinstance(raw, dict) else {}
    except (WhoisItError, ValueError, TypeError, AttributeError):
        parsed = {}
    if not parsed:
        return False, _("the registry's answer could not be read"), ms
    expires = parsed.get("expiration_date")
    if not isinstance(expires, datetime):
        return False, _("the registry gives no expiration date for %(name)s") % {"name": name}, ms
    if expires.tzinfo is None:
        expires = expires.replace(tzinfo=UTC)
    left = expires - datetime.now(UTC)
    days = _days(left)
    if left <= timedelta(0):
        return False, _("registration expired on %(date)s") % {"date": _day(expires)}, ms
    detail = ngettext(
        "registration expires in %(days)s day (%(date)s)",
        "registration expires in %(days)s days (%(date)s)",
        days,
    ) % {"days": days, "date": _day(expires)}
    return left > timedelta(days=_days_left(check.expect)), detail, ms


PROBES: dict[str, Callable[[Target, Session, float], Awaitable[Found]]] = {
    "http": _http,
    "tcp": _tcp,
    "tls": _tls,
    "dns": _dns,
    "domain": _domain,
}
