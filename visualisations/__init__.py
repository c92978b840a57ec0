"""Views of the graph: plain rows → view graphs → self-contained HTML (pyvis networks, SVG timelines, heatmaps).

Nothing here imports rdflib or the store; `export_view` takes any object with
``query(sparql, **bindings)`` and fetches its rows through api/view_queries.py.
"""
from visualisations.export import export_view
from visualisations.views import NETWORK_VIEWS, VIEW_NAMES, UnknownView, ViewParams, ViewRows, render_view

__all__ = ["export_view", "render_view", "ViewParams", "ViewRows", "UnknownView", "VIEW_NAMES", "NETWORK_VIEWS"]
