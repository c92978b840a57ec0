"""One typed settings object, read from GOVGRAPH_* environment variables."""
from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from pydantic import Field
from pydantic_settings import BaseSettings, SettingsConfigDict


class Settings(BaseSettings):
    """govgraph's settings. Every field can be set as GOVGRAPH_<NAME>."""

    model_config = SettingsConfigDict(env_prefix="GOVGRAPH_", extra="ignore")

    data: Path = Field(Path("govgraph-data"), description="data directory holding the store")
    overrides: Path | None = Field(None, description="identity overrides file (same / different pairs)")
    spacy_model: str | None = Field(None, description="an installed spaCy pipeline (name or path) to use for names in "
                                    "prose instead of the shipped one; implies ner")
    ner: bool = Field(True, description="also find people in running prose with the spaCy NER (the shipped model "
                      "in extract/model, or spacy_model); on because it raised person F1 on unseen layouts")
    ner_orgs: bool = Field(False, description="also take organisations from the NER; off because it lowered "
                           "organisation precision on the keyed papers")
    host: str = Field("127.0.0.1", description="address the API listens on")
    port: int = Field(8000, description="port the API listens on")
    query_timeout: float = Field(10.0, gt=0, description="seconds a SPARQL query may take, counted from its arrival "
                                 "(waiting for a worker counts)")
    request_timeout: float = Field(30.0, gt=0, description="seconds any other request that reads the store may take, "
                                   "counted from its arrival")
    client_concurrency: int = Field(4, ge=1, description="requests one client address may have in flight; more are "
                                    "answered 429")
    workers: int = Field(2, ge=1, description="worker processes for SPARQL queries, and as many for the other "
                         "requests that read the store")
    row_cap: int = Field(10_000, description="most rows a SPARQL query returns")
    file_timeout: float = Field(120.0, gt=0, description="seconds a build may spend reading and extracting one file; "
                                "past that the file is reported as failed and the batch goes on")
    file_facts: int = Field(10_000, ge=1, description="most facts one file may yield; a file yielding more is "
                            "reported as failed (nothing of it is stored)")
    review: bool = Field(False, description="serve the review pages (/ui/review): reviewers record decisions "
                         "(merge, split, reject, confirm, rename) from the web UI")
    review_token: str | None = Field(None, description="the token a review form must carry; without one, only "
                                     "requests from this machine (loopback) may record decisions")
    build_workers: int = Field(2, ge=0, description="processes a build reads and extracts files in; 0 reads them in "
                               "the build's own process (extractors registered in it run; no time budget)")

    def budget(self) -> "Budget":
        """What each file of a build may cost (api.extract_pool)."""
        from api.extract_pool import Budget

        return Budget(timeout=self.file_timeout, max_facts=self.file_facts, workers=self.build_workers)

    def extract_settings(self) -> dict[str, object]:
        """The settings extraction reads, as a plain dict (extract does not import api)."""
        out: dict[str, object] = {}
        if self.overrides:
            out["overrides"] = str(self.overrides)
        if self.spacy_model:
            out["spacy_model"] = self.spacy_model
        if self.ner or self.spacy_model:
            out["ner"] = True
        if self.ner_orgs:
            out["ner_orgs"] = True
        return out


@lru_cache
def get_settings() -> Settings:
    return Settings()
