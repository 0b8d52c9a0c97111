import pytest


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    """Drive Debian's Chromium: tests never download a browser of their own."""
    return {
        **browser_type_launch_args,
        "executable_path": "/usr/bin/chromium",
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-first-run",
        ],
    }


@pytest.fixture
def demo_region(db):
    """Regio Voorbeeld with its demo users and the De Vries household, but no generated households."""
    from django.utils import timezone

    from stuurman.demo.loader import load_region

    return load_region(timezone.localdate())


@pytest.fixture(autouse=True)
def _no_cached_plan_bodies():
    """Each test starts with no plan body in memory: its keys hold primary keys another test may reuse."""
    from django.core.cache import caches

    caches["plan_pages"].clear()
