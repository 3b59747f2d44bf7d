"""Server-rendered HTML pages under /ui (Jinja2, autoescaped; a little JS for the statement popover)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from urllib.parse import parse_qs, urlencode

import jinja2
from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from starlette.concurrency import run_in_threadpool

from saidwhat.models import SpeechAct
from saidwhat.serve.analysis import analyse
from saidwhat.serve.api import client_address
from saidwhat.serve.errors import ApiError
from saidwhat.serve.queries import StatementFilter, StoreReader
from saidwhat.serve.schemas import ExtractRequest
from saidwhat.serve.views import article_view, graph_layout, safe_http_url

TEMPLATES = Path(__file__).parent / "templates"
PAGE_SIZE = 50
SEARCH_FIELDS = ("speaker", "target", "outlet", "speech_act", "since", "until", "q")

templates = Jinja2Templates(
    env=jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES), autoescape=True, undefined=jinja2.StrictUndefined
    )
)
templates.env.globals["speech_acts"] = [act.value for act in SpeechAct]
templates.env.filters["safe_url"] = safe_http_url

router = APIRouter(prefix="/ui", include_in_schema=False)


class PageError(Exception):
    """A page that cannot be shown: rendered as an HTML error page with this status."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status
        self.message = message


def render(request: Request, name: str, status: int = 200, **context) -> HTMLResponse:
    return templates.TemplateResponse(request, name, {"title": None, **context}, status_code=status)


def _reader(request: Request) -> StoreReader:
    reader = request.app.state.reader
    if reader is None:
        raise PageError(503, "This server runs without a database: only “Analyse text” works. "
                             "Start it with `saidwhat serve --db PATH` to browse stored articles.")
    return reader


def _offset(request: Request) -> int:
    value = request.query_params.get("offset", "0")
    return int(value) if value.isdigit() and len(value) < 9 else 0


@router.get("/", response_class=HTMLResponse)
def home(request: Request) -> Response:
    reader = request.app.state.reader
    if reader is None:
        return RedirectResponse("/ui/analyse", status_code=303)
    offset = _offset(request)
    total, articles = reader.list_articles(PAGE_SIZE, offset)
    return render(request, "home.html", title="Articles", articles=articles, total=total, offset=offset,
                  page_size=PAGE_SIZE, stats=reader.stats())


@router.get("/articles/{article_id}", response_class=HTMLResponse)
def article_page(article_id: str, request: Request) -> HTMLResponse:
    reader = _reader(request)
    article = reader.article(article_id)
    if article is None:
        raise PageError(404, f"There is no article with id “{article_id}”.")
    view = article_view(article, reader.global_entity_ids(article_id))
    return render(request, "article.html", title=article.title or article.id, view=view)


@router.get("/entities/{entity_id}", response_class=HTMLResponse)
def entity_page(entity_id: str, request: Request) -> HTMLResponse:
    entity = _reader(request).entity(entity_id)
    if entity is None:
        raise PageError(404, f"There is no entity with id “{entity_id}”.")
    return render(request, "entity.html", title=entity["name"], entity=entity)


@router.get("/search", response_class=HTMLResponse)
def search_page(request: Request) -> HTMLResponse:
    reader = _reader(request)
    form = {name: request.query_params.get(name, "").strip()[:200] for name in SEARCH_FIELDS}
    problems: list[str] = []
    since, until = _date(form["since"], "since", problems), _date(form["until"], "until", problems)
    speech_act = form["speech_act"].upper()
    if speech_act and speech_act not in SpeechAct.__members__:
        problems.append(f"“{form['speech_act']}” is not a speech act; pick one from the list.")
        speech_act = ""
    where = StatementFilter(
        speaker=form["speaker"] or None, target=form["target"] or None, outlet=form["outlet"] or None,
        speech_act=speech_act or None, since=since, until=until, q=form["q"] or None,
    )
    offset = _offset(request)
    total, rows = reader.statements(where, PAGE_SIZE, offset)
    query = {name: value for name, value in form.items() if value}
    return render(
        request, "search.html", title="Search statements", form=form, problems=problems, rows=rows, total=total,
        offset=offset, page_size=PAGE_SIZE, outlets=reader.outlets(),
        previous_query=urlencode({**query, "offset": max(0, offset - PAGE_SIZE)}),
        next_query=urlencode({**query, "offset": offset + PAGE_SIZE}),
    )


def _date(value: str, name: str, problems: list[str]) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        problems.append(f"{name}: “{value}” is not a date; use YYYY-MM-DD.")
        return None


@router.get("/graph", response_class=HTMLResponse)
def graph_page(request: Request) -> HTMLResponse:
    graph = _reader(request).graph(limit=150, min_count=1)
    return render(request, "graph.html", title="Who talks about whom", layout=graph_layout(graph))


@router.get("/analyse", response_class=HTMLResponse)
def analyse_form(request: Request) -> HTMLResponse:
    return render(request, "analyse.html", title="Analyse text", form={"text": "", "published": ""}, error=None)


@router.post("/analyse", response_class=HTMLResponse)
async def analyse_submit(request: Request) -> HTMLResponse:
    # A plain urlencoded form (no multipart dependency); the body size limit already applied.
    fields = parse_qs((await request.body()).decode("utf-8", "replace"), keep_blank_values=True)
    form = {name: fields.get(name, [""])[0] for name in ("text", "published")}
    problems: list[str] = []
    published = _date(form["published"].strip(), "published", problems)
    if not form["text"].strip():
        problems.append("Paste the text of an article first.")
    if problems:
        return render(request, "analyse.html", 422, title="Analyse text", form=form, error=" ".join(problems))
    body = ExtractRequest(text=form["text"], published=published)
    state = request.app.state
    try:  # in a worker thread: extraction is CPU-bound and must not block the event loop
        article = await run_in_threadpool(lambda: analyse(body, settings=state.settings, limiter=state.limiter,
                                                   client=client_address(request)))
    except ApiError as exc:
        return render(request, "analyse.html", exc.status, title="Analyse text", form=form, error=exc.message)
    return render(request, "article.html", title="Analysis", view=article_view(article), form=form)
