"""Did the receiving server verify the From domain? Authentication-Results (RFC 8601) read
and judged; pure, no database.

Anyone can write an Authentication-Results header into the mail they send. Only the header
the receiving server added is evidence: the topmost one carrying its authserv-id (a server
adds its own above what the message brought with it).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_PAIR = re.compile(r'([^\s=;]+)\s*=\s*("(?:[^"\\]|\\.)*"|[^\s;]*)')


@dataclass(frozen=True)
class Result:
    method: str  # dkim, spf, dmarc ...
    result: str  # pass, fail, none ...
    props: dict[str, str] = field(default_factory=dict)  # header.d, smtp.mailfrom ...

    def __str__(self) -> str:
        return f"{self.method}={self.result}"


@dataclass(frozen=True)
class Results:
    authserv_id: str
    results: list[Result]


@dataclass(frozen=True)
class Verdict:
    found: bool  # a header from the trusted server was there
    passed: bool
    summary: str  # "dmarc=fail, spf=softfail": what that server said


def _uncomment(value: str) -> str:
    """The header without its (comments), which may nest; quoted strings are kept."""
    out: list[str] = []
    depth, quoted, escaped = 0, False, False
    for ch in value:
        if escaped:
            escaped = False
            if not depth:
                out.append(ch)
        elif ch == "\\":
            escaped = True
            if not depth:
                out.append(ch)
        elif quoted:
            quoted = ch != '"'
            out.append(ch)
        elif ch == "(":
            depth += 1
        elif ch == ")" and depth:
            depth -= 1
            if not depth:
                out.append(" ")
        elif not depth:
            quoted = ch == '"'
            out.append(ch)
    return "".join(out)


def _split(value: str) -> list[str]:
    """Split on the semicolons outside quoted strings."""
    parts: list[str] = []
    current: list[str] = []
    quoted, escaped = False, False
    for ch in value:
        if escaped:
            escaped = False
        elif ch == "\\":
            escaped = True
        elif ch == '"':
            quoted = not quoted
        elif ch == ";" and not quoted:
            parts.append("".join(current))
            current = []
            continue
        current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts]


def parse(value: str) -> Results | None:
    """One header's authserv-id and results; None when it has no authserv-id."""
    first, *resinfo = _split(_uncomment(value))
    words = first.split()
    if not words or "=" in words[0]:
        return None
    results = []
    for spec in resinfo:
        pairs = [(k.lower(), v.strip('"').strip()) for k, v in _PAIR.findall(spec)]
        if not pairs:
            continue
        (method, result), props = pairs[0], dict(pairs[1:])
        results.append(Result(method.split("/")[0], result.lower(), props))
    return Results(words[0].lower(), results)


def _domain(value: str) -> str:
    return value.rpartition("@")[2].strip().strip(".").lower()


def aligned(domain: str, from_domain: str) -> bool:
    """Relaxed alignment as DMARC means it, without a public suffix list: the same domain,
    or one a subdomain of the other (never a bare top-level domain)."""
    if not domain or not from_domain or "." not in domain or "." not in from_domain:
        return False
    return (
        domain == from_domain
        or from_domain.endswith("." + domain)
        or domain.endswith("." + from_domain)
    )


def passes(results: list[Result], from_domain: str) -> bool:
    """dmarc=pass for the From domain; or, with no DMARC verdict, an aligned dkim=pass or
    spf=pass. A DMARC verdict other than pass is final: it already weighed DKIM and SPF."""
    dmarc = [r for r in results if r.method == "dmarc" and r.result != "none"]
    if dmarc:
        return any(
            r.result == "pass" and _domain(r.props.get("header.from", from_domain)) == from_domain
            for r in dmarc
        )
    for r in results:
        if r.result != "pass":
            continue
        if r.method == "dkim" and aligned(_domain(r.props.get("header.d", "")), from_domain):
            return True
        if r.method == "spf" and aligned(_domain(r.props.get("smtp.mailfrom", "")), from_domain):
            return True
    return False


def verdict(headers: list[str], from_domain: str, authserv_id: str) -> Verdict:
    """Judge the topmost header (`headers` in message order) of the server `authserv_id`;
    headers of any other server are ignored, wherever they are."""
    wanted = authserv_id.strip().lower()
    for value in headers:
        found = parse(value)
        if found is None or found.authserv_id != wanted:
            continue
        summary = ", ".join(str(r) for r in found.results) or "none"
        return Verdict(True, passes(found.results, from_domain.lower()), summary)
    return Verdict(False, False, "")
