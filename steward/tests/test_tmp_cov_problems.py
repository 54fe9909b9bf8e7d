import pytest
from steward.tests import test_route_coverage as t
@pytest.mark.django_db
def test_x():
    m = t._missing(t._api_routes()) + t._missing(t._html_routes())
    print("MISSING", [x for x in m if "problem" in x or "recurring" in x])
