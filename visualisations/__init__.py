"""Views of the graph: plain rows → view graphs → self-contained HTML (pyvis networks, SVG timelines, heatmaps).

Nothing here imports rdflib, the store or the API: views take plain rows. Reading
them from a store is the API's job (api/view_queries.py, api/view_export.py).
"""
from visualisations.views import NETWORK_VIEWS, VIEW_NAMES, UnknownView, ViewParams, ViewRows, render_view

__all__ = ["render_view", "ViewParams", "ViewRows", "UnknownView", "VIEW_NAMES", "NETWORK_VIEWS"]
