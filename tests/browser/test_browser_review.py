"""Reviewers correct the graph from the web UI, in real headless Chromium over real HTTP and a real store:
every decision kind from the entity and fact review pages, a conflicting decision, the token."""
from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import quote

import httpx
import pytest
from vis_sample import CAROL, CARERS, build_store

from graph.ids import entity_iri

pytestmark = pytest.mark.browser

TOKEN = "s3cret-review-token"
BOB = entity_iri("person", "Bob Jones")
EVE = entity_iri("person", "Eve Green")
DAN = entity_iri("person", "Dan Brown")
COUNCIL = entity_iri("organisation", "Wexcombe Council")
PUBLIC_HEALTH = entity_iri("organisation", "Public Health")


@pytest.fixture(scope="module")
def review_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A server with the review pages on and a token, over its own copy of the sample store."""
    import uvicorn

    from api.main import create_app
    from api.settings import Settings

    data = tmp_path_factory.mktemp("review-store") / "data"
    build_store(data).close()
    with socket.socket() as sock:  # a free port (not conftest's helper: several test folders have a conftest)
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    app = create_app(Settings(data=data, review=True, review_token=TOKEN, workers=1))
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 60
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("uvicorn did not start")
        time.sleep(0.05)
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    thread.join(timeout=10)


@pytest.fixture()
def page(browser: object, review_url: str) -> Iterator[object]:
    context = browser.new_context(viewport={"width": 1400, "height": 1000})
    page = context.new_page()
    page.set_default_timeout(180_000)  # a decision rebuilds the derived graphs: slow on a busy machine
    yield page
    context.close()


def entity_page(page, base: str, iri: str) -> None:
    page.goto(f"{base}/ui/review/entity?id={quote(iri, safe='')}")


def submit(form, why: str = "", token: str = TOKEN, **fields: str) -> None:
    """Fill a decision form (its visible fields, the reason, the reviewer and the token) and send it."""
    for name, value in fields.items():
        form.locator(f"input[name={name}]:not([type=hidden])").fill(value)
    form.locator("input[name=why]").fill(why)
    form.locator("input[name=by]").fill("browser reviewer")
    form.locator("input[name=token]").fill(token)
    with form.page.expect_navigation():
        form.locator("button").click()


def done(page) -> str:
    return page.locator("#done").inner_text()


def test_review_pages_are_off_by_default(base_url: str) -> None:
    assert httpx.get(f"{base_url}/ui/review", timeout=60).status_code == 404
    person = httpx.get(f"{base_url}/ui/person?id={quote(CAROL, safe='')}", timeout=60)
    assert person.status_code == 200 and "review-link" not in person.text


def test_rename_from_the_entity_page(page, review_url: str) -> None:
    page.goto(f"{review_url}/ui/person?id={quote(CAROL, safe='')}")
    page.locator("#review-link").click()
    page.wait_for_selector("form[data-kind=rename]")
    submit(page.locator("form[data-kind=rename]"), why="full name in the paper", value="Caroline White")
    assert "applied" in done(page)
    assert page.locator("#entity-label").inner_text() == "Caroline White"
    page.goto(f"{review_url}/ui/person?id={quote(CAROL, safe='')}")
    assert page.locator("h1").inner_text() == "Caroline White"


def test_reject_a_fact_then_confirm_it_on_the_fact_page(page, review_url: str) -> None:
    page.goto(f"{review_url}/ui/person?id={quote(BOB, safe='')}")
    assert page.locator("#memberships tr").count() == 3  # header and two listings
    entity_page(page, review_url, BOB)
    row = page.locator("#facts tr", has_text="membership").first
    fact_href = row.locator("a").first.get_attribute("href")
    submit(row.locator("form[data-kind=reject]"), why="not on the board that year")
    assert "applied" in done(page)
    page.goto(f"{review_url}/ui/person?id={quote(BOB, safe='')}")
    assert page.locator("#memberships tr").count() == 2
    # the rejected fact stays reachable with its decision
    page.goto(review_url + fact_href)
    page.wait_for_selector("#rejected")
    assert "not on the board that year" in page.locator("#decisions").inner_text()
    submit(page.locator("form[data-kind=confirm]"), why="checked again: it is right")
    assert page.url.startswith(review_url + fact_href)
    assert "applied" in done(page)
    statuses = page.locator("#decisions tr[data-status]").evaluate_all("rows => rows.map(r => r.dataset.status)")
    assert statuses == ["superseded", "applied"]
    assert page.locator("#rejected").count() == 0
    page.goto(f"{review_url}/ui/person?id={quote(BOB, safe='')}")
    assert page.locator("#memberships tr").count() == 3


def test_merge_two_people_then_split_them(page, review_url: str) -> None:
    entity_page(page, review_url, EVE)
    submit(page.locator("form[data-kind=merge]"), why="same person", target="person/dan-brown")
    assert "joined in one identity" in done(page)
    assert "person/dan-brown" in page.locator("#cluster").inner_text()
    submit(page.locator("#cluster form[data-kind=split]"), why="different people after all")
    assert "kept apart" in done(page)
    assert page.locator("#cluster").count() == 0


def test_merge_two_organisations(page, review_url: str) -> None:
    entity_page(page, review_url, COUNCIL)
    submit(page.locator("form[data-kind=merge]"), why="the same team", target="organisation/public-health")
    assert "restated" in done(page)
    page.goto(f"{review_url}/ui?q=public+health")
    names = page.locator("#results").inner_text()
    assert "Wexcombe Council" in names and "\tPublic Health\t" not in names


def test_reject_an_entity_that_is_not_one(page, review_url: str) -> None:
    plan_link = f"#results a[href*='{quote(CARERS, safe='')}']"
    page.goto(f"{review_url}/ui?q=carers")
    assert page.locator(plan_link).count() == 1
    entity_page(page, review_url, CARERS)
    submit(page.locator("form[data-kind=reject]").first, why="a heading, not a plan")
    assert "applied" in done(page)
    page.goto(f"{review_url}/ui?q=carers")
    assert page.locator(plan_link).count() == 0


def test_a_form_without_the_token_is_refused(page, review_url: str) -> None:
    page.goto(f"{review_url}/ui/review")
    before = page.locator("#decisions tr[data-status]").count()
    entity_page(page, review_url, CAROL)
    form = page.locator("form[data-kind=confirm]").first
    form.locator("input[name=token]").fill("wrong")
    with page.expect_navigation():
        form.locator("button").click()
    assert "token" in page.content()
    page.goto(f"{review_url}/ui/review")
    assert page.locator("#decisions tr[data-status]").count() == before
