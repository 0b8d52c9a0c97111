"""Default deny: a view that does not declare its access policy fails the suite, not a privacy audit."""

from django.urls import URLPattern, URLResolver, get_resolver

from stuurman.privacy.declarations import POLICIES, no_personal_data


def walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def undeclared(patterns):
    return [route for route, view in walk(patterns) if getattr(view, "access_policy", None) not in POLICIES]


def test_every_url_declares_a_known_access_policy():
    routes = list(walk(get_resolver().url_patterns))
    assert len(routes) > 20, "the walk must see the whole URL tree, admin included"
    assert undeclared(get_resolver().url_patterns) == []


def test_the_walk_catches_a_view_without_a_declaration():
    """The guard itself: a new page that forgets its policy is reported."""
    from django.urls import path

    def forgotten(request):
        raise AssertionError("never called")

    declared = no_personal_data(lambda request: None)
    patterns = [path("ok/", declared), path("nieuw/", forgotten)]
    assert undeclared(patterns) == ["nieuw/"]
