"""A story written for the desk tests (invented places and outlets): a wire story, a station that
republished it word for word, a paper that restates the length in miles and changed the cost, and a blog
whose text carries HTML that must never run."""

from __future__ import annotations

from typing import Any

STORY = "tarnwick-pipeline"
WIRE_TEXT = (
    "TARNWICK, Velmora (CW) — Engineers on Monday finished a gas pipeline that runs about 1,200 kilometers "
    "from Tarnwick to the port of Osk, the energy ministry said. The line cost $3.4 billion and will carry "
    "gas to 410,000 homes, officials said."
)
PAPER_TEXT = (
    "Velmora's longest pipeline is ready. Crews welded the last section on Monday, and gas can now flow "
    "some 1,200 miles from Tarnwick to Osk, according to the energy ministry. The line "
    "cost $4.3 billion and will carry gas to 410,000 homes, officials said."
)
HOSTILE_TEXT = (
    "<script>window.hacked = 1</script>The pipeline from Tarnwick to Osk cost $3.4 billion, the energy "
    'ministry said. <img src="x" onerror="window.hacked = 2"> It will carry gas to 410,000 homes.'
)


def desk_articles(story: str | None = STORY) -> list[dict[str, Any]]:
    """The four articles, as POST /v1/articles bodies."""
    base = {"published_at": "2026-03-02", **({"story": story} if story else {})}
    return [
        {
            **base,
            "id": "cw-pipeline",
            "source": "Coastline Wire",
            "url": "https://coastline-wire.example/tarnwick-pipeline",
            "title": "Tarnwick-Osk pipeline finished",
            "text": WIRE_TEXT,
        },
        {
            **base,
            "id": "hfm-pipeline",
            "source": "Harbour FM",
            "url": "https://harbour-fm.example/news/pipeline",
            "title": "Tarnwick-Osk pipeline finished",
            "text": WIRE_TEXT,
        },
        {
            **base,
            "id": "herald-pipeline",
            "source": "The Osk Herald",
            "url": "https://osk-herald.example/2026/03/02/pipeline",
            "title": "Pipeline to Osk completed",
            "text": PAPER_TEXT,
        },
        {
            **base,
            "id": "blog-pipeline",
            "source": "Night Desk <b>Blog</b>",
            "url": "https://night-desk.example/notes?a=\"><script>window.hacked=4</script>",
            "title": "<script>window.hacked = 3</script>Pipeline notes",
            "text": HOSTILE_TEXT,
        },
    ]


def ingest(client: Any, story: str | None = STORY) -> str:
    """Store the four articles through the API; return their story id."""
    ids = {client.post("/v1/articles", json=body).json()["story_id"] for body in desk_articles(story)}
    assert len(ids) == 1
    return ids.pop()
