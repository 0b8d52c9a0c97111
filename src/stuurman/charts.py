"""Charts as Vega-Lite specs, rendered to SVG on the server with vl-convert (ADR 0008).

vl-convert carries Vega, Vega-Lite and a JavaScript engine inside its wheel: no Node, no CDN, no
script in the page, and the same SVG can go into a PDF. Rendering never fetches anything: data is
always inline and external URLs are refused. Nothing is cached: the specs hold personal data.
"""

import vl_convert

VEGA_LITE = "6.4"  # pinned with vl-convert-python in requirements.lock
SCHEMA = "https://vega.github.io/schema/vega-lite/v6.json"

# The look of the page (stuurman.css): black text, the blue of the site, lines with 3:1 contrast or more.
BLUE = "#24578f"  # 7.4:1 on white
GREY = "#595959"  # 7:1 on white
LIGHT = "#767676"  # 4.5:1 on white, for grid and rules
CONFIG = {
    "font": "sans-serif",
    "background": "white",
    "view": {"stroke": None},
    "axis": {
        "labelColor": "#000",
        "titleColor": "#000",
        "labelFontSize": 14,
        "titleFontSize": 14,
        "titleFontWeight": "normal",
        "domainColor": LIGHT,
        "tickColor": LIGHT,
        "gridColor": "#d9d9d9",
    },
    "legend": {"labelColor": "#000", "labelFontSize": 14, "titleColor": "#000", "symbolSize": 130},
    # The page gives the text alternative; the SVG's own English ARIA labels would contradict it.
    "aria": False,
}


def svg(spec: dict) -> str:
    """The chart as an SVG document."""
    full = {"$schema": SCHEMA, "config": CONFIG, **spec}
    return vl_convert.vegalite_to_svg(
        full, vl_version=VEGA_LITE, allowed_base_urls=[], format_locale="nl-NL", time_format_locale="nl-NL"
    )
