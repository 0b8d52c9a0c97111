"""Server-side charts: vl-convert renders from its bundled Vega-Lite and never fetches anything."""

import pytest
import vl_convert

from stuurman import charts


def test_the_pinned_vega_lite_is_bundled_in_the_wheel():
    assert charts.VEGA_LITE in vl_convert.get_vegalite_versions()


def test_a_chart_renders_to_svg_in_dutch_number_format():
    svg = charts.svg(
        {
            "data": {"values": [{"x": 1.5, "y": "Financiën"}]},
            "mark": "point",
            "encoding": {"x": {"field": "x", "type": "quantitative"}, "y": {"field": "y", "type": "nominal"}},
        }
    )
    assert svg.startswith("<svg")
    assert ">Financiën</text>" in svg
    assert ">0,2</text>" in svg, "axis labels with a decimal comma (nl-NL)"


def test_external_data_is_refused_so_rendering_never_goes_out():
    with pytest.raises(ValueError, match="not allowed"):
        charts.svg({"data": {"url": "https://example.org/scores.json"}, "mark": "point"})
