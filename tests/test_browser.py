"""The web UI in a real browser: Debian chromium driven by Playwright, against a real ``saidwhat serve``
over a store filled by a real ``saidwhat ingest`` of the seed article and this suite's own articles.

Screenshots go to build/screenshots/ (kept as CI artifacts). Outside CI the tests skip when chromium
(/usr/bin/chromium, or $SAIDWHAT_CHROMIUM) is not installed; in CI (CI=true) a missing chromium is a
failure.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from tests.conftest import ROOT
from tests.serve_support import (
    FEATURE_ARTICLE,
    SEED_RECORD,
    TEST_ARTICLES,
    XSS_ARTICLE,
    XSS_IMG,
    XSS_SCRIPT,
    ingest_with_cli,
    running_server,
    write_jsonl,
)

pytestmark = pytest.mark.browser

CHROMIUM = Path(os.environ.get("SAIDWHAT_CHROMIUM", "/usr/bin/chromium"))
# Flags verified for Debian's chromium as root in a container (SETUP-NOTES section 1).
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync", "--no-first-run"]
SCREENSHOTS = ROOT / "build" / "screenshots"
VIEWPORT = {"width": 1280, "height": 900}


@pytest.fixture(scope="module")
def chromium():
    if not CHROMIUM.exists():
        if os.environ.get("CI", "").lower() in ("true", "1", "yes"):
            pytest.fail(f"{CHROMIUM} is missing in CI: .ci/run installs it (apt-get install chromium)")
        pytest.skip(f"{CHROMIUM} is not installed (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture(scope="module")
def server(tmp_path_factory) -> str:
    work = tmp_path_factory.mktemp("browser")
    db = work / "ui.duckdb"
    ingest_with_cli(write_jsonl(work / "articles.jsonl", [SEED_RECORD, *TEST_ARTICLES]), db)
    with running_server(db) as base:
        yield base


@pytest.fixture
def page(chromium):
    context = chromium.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(15_000)
    dialogs: list[str] = []
    errors: list[str] = []
    page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.dialogs, page.errors = dialogs, errors
    yield page
    context.close()


def screenshot(page, name: str, *, full_page: bool = True) -> Path:
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=full_page)
    return path


def test_seed_article_shows_hamdans_quote_with_its_speaker(page, server):
    page.goto(f"{server}/ui/articles/hamas-blinken")
    quote = page.locator("#article-text .hl.role-content", has_text="His statements are misleading").first
    quote.wait_for()
    assert page.locator("#article-text .hl.role-cue").count() > 0
    assert page.locator("#article-text .hl.role-source").count() > 0
    quote.click()
    popover = page.locator("#popover")
    popover.wait_for(state="visible")
    assert "His statements are misleading" in popover.inner_text()
    speaker = popover.locator(".speaker a.entity").first
    assert "Hamdan" in speaker.inner_text()
    # Every piece of the clicked statement lights up together.
    assert page.locator("#article-text .hl.active").count() >= 1
    screenshot(page, "article-page")
    screenshot(page, "article-page-viewport", full_page=False)  # the README's picture (docs/img/article-page.png)

    speaker.click()
    page.wait_for_url(re.compile(r"/ui/entities/"))
    assert "Hamdan" in page.locator("h1").inner_text()
    aliases = page.locator("ul.aliases li").all_inner_texts()
    assert "Hamadan" in aliases, aliases
    assert page.locator(".statements-table tbody tr").count() >= 2
    screenshot(page, "speaker-page")
    assert not page.errors


# An interrupted quote ("…," says Ruiz, "…") and a quote running over three paragraphs.
@pytest.mark.parametrize("article_id", ["reef-survey", "grid-battery"])
def test_discontinuous_quote_lights_up_as_one_statement(page, server, article_id):
    article = page.request.get(f"{server}/articles/{article_id}").json()
    split = [s for s in article["statements"] if len(s["content"]["spans"]) > 1]
    assert split, "the article has a quote in several pieces"
    page.goto(f"{server}/ui/articles/{article_id}")
    for statement in split:
        pieces = page.locator(f"#article-text .hl.role-content[data-statements~='{statement['id']}']")
        pieces.first.hover()
        active = "".join(page.locator("#article-text .hl.active").all_text_contents())
        for start, end in statement["content"]["spans"]:
            assert article["text"][start:end] in active
    # Linking to a statement selects it.
    target = split[0]["id"]
    page.goto(f"{server}/ui/articles/{article_id}#statement-{target}")
    page.locator(f"#statement-{target}.selected").wait_for()
    assert page.locator(f"#article-text .hl.active[data-statements~='{target}']").count() >= 2


def test_search_by_speech_act_accuse_finds_blinken(page, server):
    page.goto(f"{server}/ui/search")
    page.select_option("select[name=speech_act]", "ACCUSE")
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"/ui/search\?speech_act=ACCUSE$"))  # empty filters stay out of the URL
    rows = page.locator(".statements-table tbody tr")
    assert rows.count() >= 1
    assert all(act == "ACCUSE" for act in page.locator(".statements-table .act").all_inner_texts())
    accusation = page.locator(".statements-table tbody tr", has_text="Blinken").filter(has_text="backing out")
    assert accusation.count() >= 1, page.locator(".statements-table").inner_text()
    screenshot(page, "search-accuse")
    # The row links back to the statement in its article.
    accusation.first.locator("a[href*='/ui/articles/']").click()
    page.wait_for_url(re.compile(r"/ui/articles/hamas-blinken"))


def test_search_by_an_alias_finds_the_speakers_statements(page, server):
    page.goto(f"{server}/ui/search")
    page.fill("input[name=speaker]", "Hamadan")  # the article's misspelling of Hamdan
    page.get_by_role("button", name="Search").click()
    page.wait_for_url(re.compile(r"speaker=Hamadan"))
    speakers = page.locator(".statements-table tbody tr td:nth-child(2)").all_inner_texts()
    assert len(speakers) >= 3 and all("Hamdan" in name for name in speakers), speakers


def test_injected_markup_in_quotes_shows_literally_and_never_runs(page, server):
    page.goto(f"{server}/ui/articles/xss-probe")
    text = page.locator("#article-text")
    shown = text.inner_text()
    assert XSS_SCRIPT in shown and XSS_IMG in shown
    assert page.locator("main script, main img").count() == 0
    assert page.locator("h1").inner_text() == XSS_ARTICLE["title"]
    for piece in page.locator("#article-text .hl.role-content").all():
        piece.click()
        page.locator("#popover").wait_for(state="visible")
        assert page.locator("#popover script, #popover img").count() == 0
        page.keyboard.press("Escape")
        page.locator("#popover").wait_for(state="hidden")
    assert page.locator("a[href^='javascript:']").count() == 0
    screenshot(page, "xss-article")
    assert not page.dialogs, f"injected script ran: {page.dialogs}"
    assert not page.errors


def test_paste_box_analyses_text_on_the_spot(page, server):
    page.goto(f"{server}/ui/analyse")
    page.fill("#paste-text", FEATURE_ARTICLE["text"])
    page.fill("input[name=published]", FEATURE_ARTICLE["published"])
    page.click("#analyse-button")
    page.locator("#article-text").wait_for()
    assert page.locator("#article-text").inner_text().strip() == FEATURE_ARTICLE["text"].strip()
    cards = page.locator(".statements .card")
    assert cards.count() >= 2
    assert "Ruiz" in page.locator(".statements").inner_text()
    page.locator("#article-text .hl.role-content").first.click()
    page.locator("#popover").wait_for(state="visible")
    screenshot(page, "paste-box")

    page.goto(f"{server}/ui/analyse")
    page.fill("#paste-text", XSS_ARTICLE["text"])
    page.click("#analyse-button")
    page.locator("#article-text").wait_for()
    assert XSS_SCRIPT in page.locator("#article-text").inner_text()
    assert not page.dialogs and not page.errors


def test_graph_and_home_pages_link_to_entities(page, server):
    page.goto(f"{server}/ui/")
    assert page.locator("table.rows tbody tr").count() == 1 + len(TEST_ARTICLES)
    page.goto(f"{server}/ui/graph")
    screenshot(page, "graph")
    nodes = page.locator("svg.graph a.node")
    if nodes.count() == 0:
        assert "No statements" in page.locator("main").inner_text()
        return
    assert page.locator("svg.graph g.edges path").count() >= 1
    name = nodes.first.locator("text").text_content()
    nodes.first.click()
    page.wait_for_url(re.compile(r"/ui/entities/"))
    assert name in page.locator("h1").inner_text()
    assert not page.errors
