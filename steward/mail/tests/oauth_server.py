"""A stub OAuth 2 provider on loopback for the tests: a token endpoint that hands out codes'
tokens and refreshes them (rotating the refresh token), and a tokeninfo endpoint that Dovecot's
`oauth2` passdb asks whether a bearer token is good.
"""

from __future__ import annotations

import json
import secrets
import threading
import time
import urllib.parse
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

CLIENT_ID = "steward-test-client"
CLIENT_SECRET = "stub-client-secret"


@dataclass
class OAuthStub:
    host: str = "127.0.0.1"
    port: int = 0
    user: str = "help"
    lifetime: int = 3600
    rotate: bool = True
    codes: dict[str, str] = field(default_factory=dict)  # code -> user
    access: dict[str, tuple[str, float]] = field(default_factory=dict)  # token -> (user, expiry)
    refresh: dict[str, str] = field(default_factory=dict)  # token -> user
    grants: list[dict[str, str]] = field(default_factory=list)  # every token request's form
    server: ThreadingHTTPServer | None = None

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def token_url(self) -> str:
        return self.url + "/token"

    @property
    def authorize_url(self) -> str:
        return self.url + "/authorize"

    @property
    def tokeninfo_url(self) -> str:
        return self.url + "/tokeninfo?access_token="

    def issue_code(self, user: str = "") -> str:
        code = "code-" + secrets.token_urlsafe(8)
        self.codes[code] = user or self.user
        return code

    def issue_tokens(self, user: str = "") -> tuple[str, str]:
        """An access and a refresh token, as if a code had been exchanged."""
        access = "at-" + secrets.token_urlsafe(12)
        self.access[access] = (user or self.user, time.time() + self.lifetime)
        refresh = "rt-" + secrets.token_urlsafe(12)
        self.refresh[refresh] = user or self.user
        return access, refresh

    def expire(self, token: str) -> None:
        user, _expiry = self.access[token]
        self.access[token] = (user, time.time() - 1)

    def revoke_all(self) -> None:
        self.refresh.clear()

    def reset(self) -> None:
        self.codes.clear()
        self.access.clear()
        self.refresh.clear()
        self.grants.clear()
        self.rotate = True

    def refreshes(self) -> int:
        return sum(1 for g in self.grants if g.get("grant_type") == "refresh_token")

    def _token(self, form: dict[str, str]) -> tuple[int, dict[str, Any]]:
        self.grants.append(form)
        if form.get("client_id") != CLIENT_ID or form.get("client_secret") != CLIENT_SECRET:
            return 401, {"error": "invalid_client"}
        grant = form.get("grant_type")
        if grant == "authorization_code":
            user = self.codes.pop(form.get("code", ""), None)
            if user is None:
                return 400, {"error": "invalid_grant", "error_description": "Bad code."}
            access, refresh = self.issue_tokens(user)
            return 200, self._answer(access, refresh)
        if grant == "refresh_token":
            old = form.get("refresh_token", "")
            user = self.refresh.get(old)
            if user is None:
                return 400, {
                    "error": "invalid_grant",
                    "error_description": "Token has been expired or revoked.",
                }
            access, refresh = self.issue_tokens(user)
            if self.rotate:
                del self.refresh[old]
                return 200, self._answer(access, refresh)
            del self.refresh[refresh]
            return 200, self._answer(access, None)
        return 400, {"error": "unsupported_grant_type"}

    def _answer(self, access: str, refresh: str | None) -> dict[str, Any]:
        answer: dict[str, Any] = {
            "access_token": access,
            "token_type": "Bearer",
            "expires_in": self.lifetime,
        }
        if refresh:
            answer["refresh_token"] = refresh
        return answer

    def _tokeninfo(self, token: str) -> tuple[int, dict[str, Any]]:
        user, expiry = self.access.get(token, ("", 0.0))
        if not user or expiry < time.time():
            return 401, {"error": "invalid_token"}
        return 200, {"email": user, "expires_in": int(expiry - time.time())}

    def start(self) -> None:
        stub = self

        class Handler(BaseHTTPRequestHandler):
            def _send(self, status: int, body: dict[str, Any]) -> None:
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def do_POST(self) -> None:
                length = int(self.headers.get("Content-Length") or 0)
                form = dict(urllib.parse.parse_qsl(self.rfile.read(length).decode()))
                if self.path == "/token":
                    self._send(*stub._token(form))
                else:
                    self._send(404, {"error": "not_found"})

            def do_GET(self) -> None:
                url = urllib.parse.urlsplit(self.path)
                query = dict(urllib.parse.parse_qsl(url.query))
                if url.path == "/tokeninfo":
                    token = query.get("access_token", "")
                    bearer = self.headers.get("Authorization", "")
                    if not token and bearer.lower().startswith("bearer "):
                        token = bearer[7:]
                    self._send(*stub._tokeninfo(token))
                else:
                    self._send(404, {"error": "not_found"})

            def log_message(self, format: str, *args: Any) -> None:
                pass

        self.server = ThreadingHTTPServer((self.host, self.port), Handler)
        self.port = self.server.server_address[1]
        threading.Thread(target=self.server.serve_forever, daemon=True).start()

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
