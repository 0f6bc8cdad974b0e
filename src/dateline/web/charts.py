"""Charts as declared Vega-Lite specs, rendered to SVG on the server by vl-convert (no
JavaScript reaches the browser; the pages' CSP stays strict).

Each function takes plain rows and returns (spec, svg); the same rows are the chart's text
alternative, which the page shows as a table. Rendering is cached by spec: a page asked for
again with the same data costs nothing.
"""

from __future__ import annotations

import datetime as dt
import json
from functools import lru_cache

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"
TYPE_COLOURS = {  # one colour per PLOVER type, the same on every chart
    "CONSULT": "#1f77b4", "AGREE": "#2ca02c", "SUPPORT": "#98df8a", "COOPERATE": "#17becf", "AID": "#9467bd",
    "CONCEDE": "#c5b0d5", "RETREAT": "#8c564b", "REQUEST": "#bcbd22", "ACCUSE": "#ff7f0e", "REJECT": "#ffbb78",
    "THREATEN": "#e377c2", "PROTEST": "#7f7f7f", "SANCTION": "#d62728", "MOBILIZE": "#ff9896", "COERCE": "#c49c94",
    "ASSAULT": "#000000",
}
def _colour(rows: list[dict]) -> dict:
    """Colour by type: each type its fixed colour, the legend only the types present."""
    present = [t for t in TYPE_COLOURS if any(r["type"] == t for r in rows)] or list(TYPE_COLOURS)
    return {"field": "type", "type": "nominal", "title": "type",
            "scale": {"domain": present, "range": [TYPE_COLOURS[t] for t in present]}}


_RENDERED: dict[str, str] = {}  # cache key -> SVG (cleared when it grows past 256)


def render(spec: dict, key: str | None = None) -> str:
    """The SVG of a Vega-Lite spec, cached by ``key`` (by default the spec's JSON; the map gives
    its points, so that the world's outlines are not serialised again for every request)."""
    import vl_convert

    key = key or json.dumps(spec, sort_keys=True, default=str)
    svg = _RENDERED.get(key)
    if svg is None:
        svg = vl_convert.vegalite_to_svg(spec)
        if len(_RENDERED) >= 256:
            _RENDERED.clear()
        _RENDERED[key] = svg
    return svg


MAX_WEEKS = 104  # a longer span is drawn by month: weekly bars would be hairlines


def by_period(weeks: list[dict]) -> tuple[str, list[dict]]:
    """("week", the rows) for spans up to MAX_WEEKS, else ("month", the rows summed by month)."""
    days = sorted(r["week"] for r in weeks)
    if not days or (dt.date.fromisoformat(days[-1]) - dt.date.fromisoformat(days[0])).days <= 7 * MAX_WEEKS:
        return "week", [{"period": r["week"], "type": r["type"], "events": r["events"]} for r in weeks]
    months: dict[tuple[str, str], int] = {}
    for r in weeks:
        key = (r["week"][:7] + "-01", r["type"])
        months[key] = months.get(key, 0) + r["events"]
    return "month", [{"period": p, "type": t, "events": n} for (p, t), n in sorted(months.items())]


def weeks_chart(weeks: list[dict], width: int = 640, height: int = 160) -> tuple[dict, str]:
    """Events per week by type (per month over long spans, see ``by_period``): rows of {week
    (ISO date of the Monday), type, events}."""
    period, rows = by_period(weeks)
    spec = {
        "$schema": SCHEMA, "width": width, "height": height, "background": "white",
        "title": f"Event mentions per {period}, by type",
        "data": {"values": rows},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "period", "type": "temporal", "timeUnit": "yearmonthdate",
                  "title": "week (Monday)" if period == "week" else "month",
                  "axis": {"format": "%Y-%m-%d" if period == "week" else "%Y-%m", "labelAngle": -30}},
            "y": {"field": "events", "type": "quantitative", "title": "mentions", "stack": "zero"},
            "color": _colour(rows),
        },
    }
    return spec, render(spec)


@lru_cache(maxsize=1)
def world() -> dict:
    """Country outlines (GeoJSON features) from countryinfo's records."""
    from dateline.coding import country_records

    features = [_clockwise(feature) for row in country_records()
                for feature in (row.get("geoJSON") or {}).get("features") or []]
    return {"type": "FeatureCollection", "features": features}


def _clockwise(feature: dict) -> dict:
    """Rings wound the way Vega's spherical geometry reads them (outer rings clockwise, holes
    counter-clockwise); GeoJSON files often wind them the other way, which Vega reads as the
    whole globe but the country."""
    def area(ring):
        return sum(x0 * y1 - x1 * y0 for (x0, y0, *_), (x1, y1, *_) in zip(ring, ring[1:], strict=False))

    def polygon(rings):
        return [ring if (area(ring) < 0) == (i == 0) else ring[::-1] for i, ring in enumerate(rings)]

    geometry = dict(feature.get("geometry") or {})
    if geometry.get("type") == "Polygon":
        geometry["coordinates"] = polygon(geometry["coordinates"])
    elif geometry.get("type") == "MultiPolygon":
        geometry["coordinates"] = [polygon(p) for p in geometry["coordinates"]]
    return {**feature, "geometry": geometry}


def map_chart(points: list[dict], width: int = 640, height: int = 320) -> tuple[dict, str]:
    """Event places on the world's countries: rows of {place, lat, lon, events}."""
    spec = {
        "$schema": SCHEMA, "width": width, "height": height, "background": "white",
        "title": "Where the events happened",
        "projection": {"type": "equalEarth"},
        "layer": [
            {"data": {"values": world(), "format": {"type": "json", "property": "features"}},
             "mark": {"type": "geoshape", "fill": "#eeeeee", "stroke": "#bbbbbb", "strokeWidth": 0.5}},
            {"data": {"values": points},
             "mark": {"type": "circle", "color": "#d62728", "opacity": 0.7, "stroke": "#7a0000"},
             "encoding": {"longitude": {"field": "lon", "type": "quantitative"},
                          "latitude": {"field": "lat", "type": "quantitative"},
                          "size": {"field": "events", "type": "quantitative", "legend": None,
                                   "scale": {"range": [40, 400], "zero": False}}}},
        ],
    }
    return spec, render(spec, key=json.dumps(["map", points, width, height], sort_keys=True, default=str))


def timeline_chart(rows: list[dict], width: int = 640, height: int = 200) -> tuple[dict, str]:
    """An actor's events over time: rows of {date (ISO), type, status, counterparts}."""
    spec = {
        "$schema": SCHEMA, "width": width, "height": height, "background": "white",
        "title": "Events over time",
        "data": {"values": rows},
        "mark": {"type": "point", "filled": True, "size": 70},
        "encoding": {
            "x": {"field": "date", "type": "temporal", "title": "date", "axis": {"format": "%Y-%m-%d", "labelAngle": -30}},
            "y": {"field": "type", "type": "nominal", "title": None, "sort": list(TYPE_COLOURS)},
            "color": _colour(rows),
            "shape": {"field": "status", "type": "nominal", "title": "status"},
        },
    }
    return spec, render(spec)
