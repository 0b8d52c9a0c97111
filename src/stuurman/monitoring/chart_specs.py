"""The monitor's charts as Vega-Lite specs (rendered by stuurman.charts, ADR 0008). Pure: a report
Chart in, a dict out. Only display values go in: a hidden cell has no number, so it gets no bar, only
its text ("< 10", "verborgen") where the bar would start.

The two periods differ in fill as well as colour (WCAG 1.4.1): the chosen period a filled blue bar,
the previous one an open bar with a grey outline. The ZRM chart has one panel per outcome instead, so
it needs no colour at all.
"""

from stuurman.charts import BLUE, GREY

from .report import Chart


def _points(chart: Chart) -> list[dict]:
    points = []
    for label, values in chart.rows:
        for series, value in zip(chart.series, values, strict=True):
            points.append(
                {
                    "rij": label,
                    "reeks": series,
                    "waarde": float(value.number) if value.number is not None else 0,
                    "tekst": value.text,
                }
            )
    return points


def spec(chart: Chart) -> dict:
    labels = [label for label, _ in chart.rows]
    y = {"field": "rij", "type": "nominal", "sort": labels, "title": None, "axis": {"labelLimit": 260}}
    x = {
        "field": "waarde",
        "type": "quantitative",
        "title": chart.unit,
        "axis": {"format": "~s", "tickCount": 4},
    }
    if chart.kind == "facets":
        return {
            "data": {"values": _points(chart)},
            "facet": {
                "column": {
                    "field": "reeks",
                    "type": "nominal",
                    "sort": list(chart.series),
                    "title": None,
                    "header": {"labelFontSize": 14, "labelColor": "#000"},
                }
            },
            "spec": {
                "width": 150,
                "height": {"step": 22},
                "layer": [
                    {"mark": {"type": "bar", "color": BLUE}, "encoding": {"y": y, "x": x}},
                    {
                        "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "color": "#000"},
                        "encoding": {"y": y, "x": x, "text": {"field": "tekst"}},
                    },
                ],
            },
        }
    series = {"domain": list(chart.series)}
    return {
        "data": {"values": _points(chart)},
        "width": 320,
        "height": {"step": 18},
        "encoding": {"y": y, "yOffset": {"field": "reeks", "sort": list(chart.series)}},
        "layer": [
            {
                "mark": {"type": "bar", "strokeWidth": 1.5},
                "encoding": {
                    "x": x,
                    "fill": {
                        "field": "reeks",
                        "scale": {**series, "range": [BLUE, "white"]},
                        "legend": {"title": None, "orient": "bottom", "direction": "horizontal"},
                    },
                    "stroke": {"field": "reeks", "scale": {**series, "range": [BLUE, GREY]}, "legend": None},
                },
            },
            {
                "mark": {"type": "text", "align": "left", "dx": 4, "fontSize": 12, "color": "#000"},
                "encoding": {"x": x, "text": {"field": "tekst"}},
            },
        ],
    }
