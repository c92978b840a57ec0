"""The app as a whole: health, OpenAPI completeness, one error body for every error."""
from __future__ import annotations

import httpx
from fastapi.routing import APIRoute

from api.main import create_app
from api.settings import Settings
from api_support import LiveServer, assert_error

ROUTES = {
    "/health": set(),
    "/documents": {"limit", "offset"},
    "/documents/{doc_id}": {"doc_id", "limit", "offset"},
    "/entities": {"q", "type", "limit", "offset"},
    "/entities/{type}/{key}": {"type", "key"},
    "/entities/{type}/{key}/evidence": {"type", "key"},
    "/bodies": {"q", "kind", "limit", "offset"},
    "/bodies/{key}": {"key"},
    "/bodies/{key}/members": {"key", "as_of"},
    "/bodies/{key}/changes": {"key", "from", "to"},
    "/bodies/{key}/meetings": {"key"},
    "/bodies/{key}/plans": {"key"},
    "/people": {"q", "limit", "offset"},
    "/people/{key}": {"key"},
    "/organisations": {"q", "kind", "limit", "offset"},
    "/organisations/{key}": {"key"},
    "/plans": {"q", "kind", "limit", "offset"},
    "/plans/{key}": {"key"},
    "/principles": {"framework"},
    "/principles/matrix": {"framework", "plan"},
    "/gaps": set(),
    "/sparql": {"query", "format", "default-graph-uri", "named-graph-uri"},
    "/export/{format}": {"format"},
}


def test_health_counts_documents_and_triples(client: httpx.Client) -> None:
    body = client.get("/health").json()
    assert body["status"] == "ok"
    assert body["documents"] == 3
    assert body["triples"] > 500


def test_openapi_lists_every_route_with_its_parameters(client: httpx.Client, data_dir) -> None:
    spec = client.get("/openapi.json").json()
    app = create_app(Settings(data=data_dir))
    for route in app.routes:  # every route the app serves, whoever wrote it
        if isinstance(route, APIRoute) and route.include_in_schema:
            params = {p.alias for p in route.dependant.query_params + route.dependant.path_params}
            params |= {p.alias for d in route.dependant.dependencies for p in d.query_params + d.path_params}
            for method in route.methods:
                operation = spec["paths"][route.path_format][method.lower()]
                assert {p["name"] for p in operation.get("parameters", [])} == params, (method, route.path)
                assert operation.get("summary"), (method, route.path)
    assert set(ROUTES) <= set(spec["paths"])
    for path, expected in ROUTES.items():
        for method, operation in spec["paths"][path].items():
            names = {p["name"] for p in operation.get("parameters", [])}
            if path == "/sparql" and method == "post":
                assert "requestBody" in operation
                names |= {"query"}
            assert names == expected, (method, path, names)
            assert operation.get("summary"), (method, path)


def test_docs_page_is_served(client: httpx.Client) -> None:
    response = client.get("/docs")
    assert response.status_code == 200
    assert "swagger" in response.text.lower()


def test_unknown_route_and_method_use_the_error_body(client: httpx.Client) -> None:
    assert_error(client.get("/no/such/route"), 404, "not_found")
    assert_error(client.delete("/health"), 405)


def test_validation_errors_are_422_with_the_error_body(client: httpx.Client) -> None:
    error = assert_error(client.get("/documents", params={"limit": "many"}), 422, "invalid_parameter")
    assert "limit" in error["message"]
    assert_error(client.get("/bodies/x/members", params={"as_of": "17 June"}), 422, "invalid_parameter")
    assert_error(client.get("/entities/spaceship/x"), 422, "invalid_parameter")


def test_internal_errors_are_500_without_details(data_dir) -> None:
    settings = Settings(data=data_dir)
    app = create_app(settings)

    @app.get("/boom")
    def boom() -> None:
        raise RuntimeError("secret detail")

    with LiveServer(settings, app) as live, httpx.Client(base_url=live.url) as http:
        error = assert_error(http.get("/boom"), 500, "internal_error")
    assert "secret" not in error["message"]
