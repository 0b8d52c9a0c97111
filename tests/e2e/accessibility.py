"""axe-core in the page, restricted to the WCAG 2.0 and 2.1 A and AA rules we commit to."""

from axe_playwright_python.sync_playwright import Axe

WCAG_A_AA = {"runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}}

_axe = Axe()


def assert_no_axe_violations(page) -> None:
    results = _axe.run(page, options=WCAG_A_AA)
    assert results.violations_count == 0, f"{page.url}\n{results.generate_report()}"
