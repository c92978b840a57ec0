"""govgraph's interfaces: the HTTP API (FastAPI) and the `govgraph` command line."""
