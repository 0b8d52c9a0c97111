"""The two-moment comparison as a Vega-Lite spec: per domain a dot for each moment and a rule between
them, on the 1-5 scale, domains top to bottom in instrument order. Pure: rows in, a dict out.

The two moments differ in shape as well as colour (WCAG 1.4.1): an open circle for the earlier, a
filled diamond for the later one. Domains without a score at either moment get no dot; the table
beside the chart says why.
"""

from collections.abc import Sequence

from stuurman.charts import BLUE, GREY, LIGHT

from .history import Row


def comparison_spec(rows: Sequence[Row], before_label: str, after_label: str, scale=(1, 5)) -> dict:
    low, high = scale
    labels = [row.name for row in rows]
    points = [
        {"leefgebied": row.name, "moment": label, "score": score}
        for row in rows
        for label, score in ((before_label, row.before), (after_label, row.after))
        if score is not None
    ]
    spans = [
        {"leefgebied": row.name, "van": row.before, "tot": row.after}
        for row in rows
        if row.before is not None and row.after is not None
    ]
    y = {
        "field": "leefgebied",
        "type": "nominal",
        "sort": labels,
        "scale": {"domain": labels},
        "title": None,
        "axis": {"labelLimit": 320},
    }
    x = {
        "field": "score",
        "type": "quantitative",
        "scale": {"domain": [low, high], "nice": False, "padding": 8},
        "axis": {"values": list(range(low, high + 1)), "format": "d", "title": "score"},
    }
    moments = {"domain": [before_label, after_label]}
    return {
        "width": 260,
        "height": {"step": 30},
        "layer": [
            {
                "data": {"values": spans},
                "mark": {"type": "rule", "color": LIGHT, "strokeWidth": 2},
                "encoding": {"y": y, "x": {**x, "field": "van"}, "x2": {"field": "tot"}},
            },
            {
                "data": {"values": points},
                "mark": {"type": "point", "strokeWidth": 2.5, "opacity": 1},
                "encoding": {
                    "y": y,
                    "x": x,
                    "shape": {
                        "field": "moment",
                        "scale": {**moments, "range": ["circle", "diamond"]},
                        "legend": {"title": None, "orient": "bottom", "direction": "horizontal"},
                    },
                    "color": {"field": "moment", "scale": {**moments, "range": [GREY, BLUE]}},
                    "fill": {"field": "moment", "scale": {**moments, "range": ["white", BLUE]}},
                    # The open circle is larger, so an unchanged score shows both marks, one inside the other.
                    "size": {"field": "moment", "scale": {**moments, "range": [260, 110]}},
                },
            },
        ],
    }
