"""The demo's own web site on loopback, so that its HTTP and TLS checks work offline.

`steward demo` serves it from threads of its own process: plain HTTP on one port (any path
ending in `/health` answers 200 with `KEYWORD`) and the same over TLS on the next, with a
certificate made at start-up by a throw-away certificate authority. The authority's
certificate is written beside the demo database (`CA_FILE`), where `trust()` reads it: the
worker's probes trust it through the probes' network seam (`network()`), so the TLS check
passes as it would against a real site, and nothing else trusts it.
"""

from __future__ import annotations

import ipaddress
import ssl
import tempfile
import threading
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID
from django.conf import settings

from steward.monitoring.probes import Network

HOST = "127.0.0.1"
KEYWORD = "all systems operational"
# A certificate renewed at each start, valid as long as a public CA's (Let's Encrypt: 90 days).
VALID = timedelta(days=90)


def ca_file() -> Path:
    return settings.DATA_DIR / "demo-target-ca.pem"


@dataclass(frozen=True)
class Certificates:
    ca_pem: bytes
    cert_pem: bytes
    key_pem: bytes


def make_certificates(now: datetime | None = None, valid: timedelta = VALID) -> Certificates:
    """A certificate authority and a certificate it signed for 127.0.0.1 and localhost."""
    now = now or datetime.now(UTC)
    ca_key = ec.generate_private_key(ec.SECP256R1())
    ca_name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "Steward demo CA")])
    ca = (
        x509.CertificateBuilder()
        .subject_name(ca_name)
        .issuer_name(ca_name)
        .public_key(ca_key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + valid + timedelta(days=1))
        .add_extension(x509.BasicConstraints(ca=True, path_length=0), critical=True)
        .add_extension(
            x509.KeyUsage(
                digital_signature=True,
                content_commitment=False,
                key_encipherment=False,
                data_encipherment=False,
                key_agreement=False,
                key_cert_sign=True,
                crl_sign=True,
                encipher_only=False,
                decipher_only=False,
            ),
            critical=True,
        )
        .add_extension(x509.SubjectKeyIdentifier.from_public_key(ca_key.public_key()), False)
        .sign(ca_key, hashes.SHA256())
    )
    key = ec.generate_private_key(ec.SECP256R1())
    cert = (
        x509.CertificateBuilder()
        .subject_name(x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "localhost")]))
        .issuer_name(ca_name)
        .public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - timedelta(hours=1))
        .not_valid_after(now + valid)
        .add_extension(
            x509.SubjectAlternativeName(
                [x509.DNSName("localhost"), x509.IPAddress(ipaddress.ip_address(HOST))]
            ),
            critical=False,
        )
        .add_extension(x509.BasicConstraints(ca=False, path_length=None), critical=True)
        .add_extension(x509.ExtendedKeyUsage([x509.OID_SERVER_AUTH]), critical=False)
        .add_extension(
            x509.AuthorityKeyIdentifier.from_issuer_public_key(ca_key.public_key()), False
        )
        .sign(ca_key, hashes.SHA256())
    )
    return Certificates(
        ca_pem=ca.public_bytes(serialization.Encoding.PEM),
        cert_pem=cert.public_bytes(serialization.Encoding.PEM),
        key_pem=key.private_bytes(
            serialization.Encoding.PEM,
            serialization.PrivateFormat.PKCS8,
            serialization.NoEncryption(),
        ),
    )


class _Handler(BaseHTTPRequestHandler):
    server_version = "SiteDemo/1.0"

    def do_GET(self) -> None:
        path = self.path.split("?", 1)[0]
        if path.rstrip("/").endswith("/health") or path == "/":
            body = f"<html><body><h1>OK</h1><p>{KEYWORD}</p></body></html>\n".encode()
            self.send_response(200)
        else:
            body = b"not found\n"
            self.send_response(404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    do_HEAD = do_GET

    def log_message(self, format: str, *args: object) -> None:
        pass  # One line per probe would drown the demo's own output.


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass  # A probe that hangs up after the TLS handshake is no error here.


class DemoTarget:
    """The two servers and their threads; `stop()` shuts both."""

    def __init__(self, http_port: int, tls_port: int) -> None:
        self.http_port = http_port
        self.tls_port = tls_port
        self._servers: list[_Server] = []

    def start(self, now: datetime | None = None) -> DemoTarget:
        certs = make_certificates(now)
        plain = _Server((HOST, self.http_port), _Handler)
        secure = _Server((HOST, self.tls_port), _Handler)
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        # load_cert_chain reads files only: the key lives in a private temporary directory
        # for the moment it takes.
        with tempfile.TemporaryDirectory() as tmp:
            chain, key = Path(tmp) / "cert.pem", Path(tmp) / "key.pem"
            chain.write_bytes(certs.cert_pem)
            key.write_bytes(certs.key_pem)
            context.load_cert_chain(chain, key)
        # The handshake on first read, in the request's thread: a client that connects and
        # says nothing holds its own thread, not the accepting one.
        secure.socket = context.wrap_socket(
            secure.socket, server_side=True, do_handshake_on_connect=False
        )
        path = ca_file()
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(certs.ca_pem)
        for server in (plain, secure):
            threading.Thread(target=server.serve_forever, daemon=True).start()
            self._servers.append(server)
        # A port of 0 asked for a free one: what was given.
        self.http_port = plain.server_address[1]
        self.tls_port = secure.server_address[1]
        return self

    def stop(self) -> None:
        for server in self._servers:
            server.shutdown()
            server.server_close()
        self._servers.clear()


def trust() -> ssl.SSLContext | None:
    """In demo mode, the system's trust store plus the demo target's authority: what the
    worker's probes pass to the network seam (`probes.Network(ssl_context=...)`). None
    elsewhere, or before the demo target first started."""
    path = ca_file()
    if not settings.DEMO or not path.exists():
        return None
    context = ssl.create_default_context()
    context.load_verify_locations(cafile=str(path))
    return context


def network() -> Network | None:
    """The probes' network in demo mode: trusting the demo target's authority as well as the
    system's (None elsewhere: the default). What the worker's probe loop passes to
    `runner.run_due(net=...)`; read once, as the loop starts."""
    context = trust()
    return Network(ssl_context=context) if context is not None else None
