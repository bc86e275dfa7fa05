"""Reading /metrics the way Prometheus does (its own parser), to compare two scrapes.

before = scrape(url); ...; assert scrape(url).delta(before, "tally_retries_total", kind="race") == 1
"""

from __future__ import annotations

from dataclasses import dataclass

import httpx
from prometheus_client.parser import text_string_to_metric_families


@dataclass(frozen=True)
class Scrape:
    samples: list[tuple[str, dict[str, str], float]]

    def value(self, name: str, **labels: str) -> float:
        """The sum of the samples called `name` whose labels include `labels`."""
        return sum(v for n, ls, v in self.samples if n == name and labels.items() <= ls.items())

    def delta(self, before: Scrape, name: str, **labels: str) -> float:
        return self.value(name, **labels) - before.value(name, **labels)


def parse(text: str) -> Scrape:
    return Scrape(
        [(s.name, dict(s.labels), s.value) for f in text_string_to_metric_families(text) for s in f.samples]
    )


def scrape(base_url: str, **headers: str) -> Scrape:
    """GET /metrics of a running server, parsed (fails unless it answers 200 in the text format)."""
    response = httpx.get(f"{base_url}/metrics", headers=headers, timeout=30)
    assert response.status_code == 200, response.text
    assert response.headers["content-type"].startswith("text/plain")
    return parse(response.text)
