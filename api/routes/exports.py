"""`/export/{format}`: the whole graph as facts JSONL, RDF, GraphML, GEXF, CSV tables or Popolo JSON."""
from __future__ import annotations

import io
from typing import Literal

from fastapi import APIRouter
from fastapi.responses import Response

from api.deps import StoreDep, StoreRoute
from api.errors import ERROR_RESPONSES
from api.exports import EXPORT_FORMATS, FILE_NAMES, MEDIA_TYPES, export_to

router = APIRouter(route_class=StoreRoute, prefix="/export", tags=["exports"], responses=ERROR_RESPONSES)

ExportFormat = Literal[EXPORT_FORMATS]  # type: ignore[valid-type]


@router.get("/{format}", response_class=Response, summary="Export the whole graph",
            responses={200: {"description": "the export", "content": {m: {} for m in sorted(set(MEDIA_TYPES.values()))}}})
def export(format: ExportFormat, store: StoreDep) -> Response:
    """facts (JSONL), nquads, trig, turtle, jsonld, graphml, gexf, csv (a zip of tables) or popolo (JSON)."""
    buf = io.BytesIO()
    export_to(store, format, buf)
    return Response(buf.getvalue(), media_type=MEDIA_TYPES[format],
                    headers={"Content-Disposition": f'attachment; filename="{FILE_NAMES[format]}"'})
