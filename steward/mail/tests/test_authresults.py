"""Authentication-Results read as receiving servers write them, and the pass rule."""

from __future__ import annotations

from steward.mail.authresults import aligned, parse, passes, verdict

# What Gmail, Microsoft 365, rspamd and OpenDMARC put on a message, comments and all.
GMAIL = (
    "mx.google.com;\r\n       dkim=pass header.i=@provider.example header.s=s1 "
    "header.b=Xy12Ab3c;\r\n       spf=pass (google.com: domain of tess@provider.example "
    "designates 192.0.2.25 as permitted sender) smtp.mailfrom=tess@provider.example;\r\n"
    "       dmarc=pass (p=REJECT sp=REJECT dis=NONE) header.from=provider.example"
)
MICROSOFT = (
    "spf=fail (sender IP is 203.0.113.9) smtp.mailfrom=provider.example; dkim=none "
    "(message not signed) header.d=none;dmarc=fail action=oreject header.from=provider.example;"
)


def test_it_reads_the_server_and_each_result() -> None:
    found = parse(GMAIL)
    assert found is not None and found.authserv_id == "mx.google.com"
    assert [(r.method, r.result) for r in found.results] == [
        ("dkim", "pass"),
        ("spf", "pass"),
        ("dmarc", "pass"),
    ]
    assert found.results[1].props["smtp.mailfrom"] == "tess@provider.example"
    assert found.results[2].props["header.from"] == "provider.example"


def test_it_takes_no_result_without_a_server_name() -> None:
    # Microsoft 365's header leaves the authserv-id out: nothing to trust it by.
    assert parse(MICROSOFT) is None
    assert parse("") is None


def test_it_keeps_semicolons_in_comments_and_quotes_out_of_the_way() -> None:
    found = parse(
        'mx.provider.test 1; spf=pass (ok; really) smtp.mailfrom="a;b@provider.example"; '
        "dkim/2=pass (nested (comment; here)) header.d=provider.example; none"
    )
    assert found is not None and found.authserv_id == "mx.provider.test"
    assert [str(r) for r in found.results] == ["spf=pass", "dkim=pass"]
    assert found.results[0].props["smtp.mailfrom"] == "a;b@provider.example"


def test_dmarc_decides_when_it_has_a_verdict() -> None:
    dkim_ok = "mx; dkim=pass header.d=provider.example"
    assert verdict(
        [f"{dkim_ok}; dmarc=pass header.from=provider.example"], "provider.example", "mx"
    ).passed
    assert not verdict(
        [f"{dkim_ok}; dmarc=fail header.from=provider.example"], "provider.example", "mx"
    ).passed
    # A pass for another From domain is no pass for this one.
    assert not verdict(["mx; dmarc=pass header.from=evil.example"], "provider.example", "mx").passed
    # No DMARC record published: the aligned DKIM signature counts.
    assert verdict([f"{dkim_ok}; dmarc=none"], "provider.example", "mx").passed


def test_dkim_or_spf_count_only_for_an_aligned_domain() -> None:
    def ok(results: str, domain: str = "provider.example") -> bool:
        return verdict([f"mx; {results}"], domain, "mx").passed

    assert ok("dkim=pass header.d=provider.example")
    assert ok("dkim=pass header.d=provider.example", "it.provider.example")
    assert not ok("dkim=pass header.d=evil.example")
    assert not ok("dkim=fail header.d=provider.example")
    assert ok("spf=pass smtp.mailfrom=bounces@mail.provider.example")
    assert not ok("spf=pass smtp.mailfrom=tess@provider.example.evil.example")
    assert not ok("spf=softfail smtp.mailfrom=provider.example")
    assert not ok("dkim=pass header.d=example")  # a bare top-level domain aligns with nothing
    assert not aligned("example", "provider.example")


def test_only_the_topmost_header_of_the_trusted_server_counts() -> None:
    ours = "mx.provider.test; dmarc=fail header.from=provider.example"
    forged_above = "evil.example; dmarc=pass header.from=provider.example"
    forged_below = "mx.provider.test; dmarc=pass header.from=provider.example"
    judged = verdict([forged_above, ours, forged_below], "provider.example", "MX.provider.test")
    assert judged.found and not judged.passed and judged.summary == "dmarc=fail"
    assert not verdict([forged_above], "provider.example", "mx.provider.test").found
    assert not passes([], "provider.example")
