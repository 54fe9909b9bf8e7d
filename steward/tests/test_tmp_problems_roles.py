from steward.tests.test_role_access import *  # noqa
from steward.tests import test_role_access as t

MINE = {k for k in t.ALLOWED if "problem" in k or "recurring" in k}


def test_mine(acme):
    wrong = []
    for role in sorted(t.EVERYONE):
        user = t._person(acme.w, role)
        client = t.Client()
        client.force_login(user)
        for name in sorted(n for n in t.pages() if n in MINE):
            allowed = role in t.ALLOWED[name]
            url = t._page_url(name, acme.ids)
            if name in t.HTML_POSTS:
                if allowed:
                    continue
                response = client.post(url, {})
            else:
                response = client.get(url)
            if allowed and response.status_code in (403, 404):
                wrong.append(f"{role} refused {name}: {response.status_code}")
            if not allowed and not t._refused_page(response, role):
                wrong.append(f"{role} got {name}: {response.status_code}")
        api = t.Client(HTTP_AUTHORIZATION=f"Bearer {t.token_for(user)}")
        for route in sorted(r for r in t.api_operations() if r in MINE):
            allowed = role in t.ALLOWED[route]
            if allowed and not route.startswith("GET "):
                continue
            response = t._call_api(api, route, acme.ids, user)
            if allowed and response.status_code in (403, 404):
                wrong.append(f"{role} refused {route}: {response.status_code}")
            if not allowed and not t._refused_api(response):
                wrong.append(f"{role} got {route}: {response.status_code}")
    assert wrong == []
