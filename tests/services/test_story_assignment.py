"""Which stored story an article joins: the engine's grouping, whatever the order the articles came in
(four reports of one ferry accident, one of which ties the grounding to the rescue)."""

from __future__ import annotations

from tests.canon import canonical_check, canonical_stored
from tests.conftest import empty_database
from tests.factories import article

AGROUND = article(
    "aground",
    source="Wire Service",
    text="A ferry carrying 212 passengers ran aground near Port Avel on Tuesday, the harbour authority said. "
    "The vessel was travelling from Lund Island.",
)
AGROUND_TOO = article(
    "aground-too",
    source="Coast News",
    url="https://coastnews.example/ferry",
    text="A ferry with 212 passengers struck rocks near Port Avel on Tuesday, the harbour authority said.",
)
RESCUE = article(
    "rescue",
    source="Bay Radio",
    url="https://bayradio.example/rescue",
    text="Coast guard boats rescued 198 people from the cold water on Tuesday, the coast guard said. "
    "Divers searched the bay until dark.",
)
BOTH = article(
    "both",
    source="Harbour Daily",
    url="https://harbourdaily.example/ferry",
    text="The ferry that ran aground near Port Avel on Tuesday had 212 passengers on board, the harbour "
    "authority said. Coast guard boats rescued 198 people from the cold water.",
)


def test_the_stored_stories_do_not_depend_on_the_order_the_articles_came_in(
    make_client, migrated_url, tmp_path
):
    articles = [AGROUND, AGROUND_TOO, RESCUE, BOTH]
    expected = canonical_check(make_client(), articles)
    assert expected["findings"]
    for n, order in enumerate(([0, 1, 2, 3], [2, 3, 1, 0], [0, 2, 3, 1], [3, 2, 1, 0])):
        folder = tmp_path / str(n)
        folder.mkdir()
        client = make_client(database_url=empty_database(migrated_url, folder))
        assert canonical_stored(client, [articles[i] for i in order]) == expected, order
