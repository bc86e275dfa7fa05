"""The engine's work counter (app/engine/budget.py): it stops work that runs out of budget, and it shows that
the work grows at most linearly with the input for every hostile family of text (issue 12, item 1).

Work is counted in engine steps (characters of sentences read, by extraction and again for each claim
framed) and in claims, never in seconds.
"""

from __future__ import annotations

import threading
import time
from datetime import date

import pytest

from app.engine import ArticleText, check_articles, extract_claims
from app.engine.budget import Budget, WorkStopped, charge

FAMILIES = {
    "unpunctuated": "and 5 drones flew over the city ",
    "numbers only": "12 345 6789 0.5 77 ",
    "dates only": "May 16, 2024 and 3 June 2023, ",
    "cyrillic": "Россия выпустила 653 дрона по Киеву в воскресенье ",
    "arabic": "أطلقت روسيا 653 طائرة مسيرة على كييف يوم الأحد ",
    "emoji": "🚀 5 🛰️ 12 drones 🔥 ",
    "news": "A ferry carrying 212 passengers ran aground on Tuesday. Rescuers saved 190 people. ",
}
SIZES = (2_000, 4_000, 8_000)
SLACK = 1.15  # doubling the input may cost up to 2.3 times the work (a sentence cut at another place)


def work(text: str) -> Budget:
    budget = Budget()
    with budget.active():
        extract_claims(text, date(2025, 5, 16))
    return budget


@pytest.mark.parametrize("family", sorted(FAMILIES))
def test_doubling_a_hostile_text_at_most_doubles_the_work(family):
    unit = FAMILIES[family]
    budgets = [work((unit * (size // len(unit) + 1))[:size]) for size in SIZES]
    for small, large in zip(budgets, budgets[1:], strict=False):
        assert small.steps > 0
        assert large.steps <= 2 * SLACK * small.steps, (family, [b.steps for b in budgets])
        assert large.claims <= 2 * SLACK * max(small.claims, 1), (family, [b.claims for b in budgets])


def test_doubling_the_articles_of_a_check_at_most_doubles_the_work():
    def check(count: int) -> Budget:
        budget = Budget()
        text = FAMILIES["news"] * 3
        articles = [ArticleText(f"a{i}", f"S{i}", text, date(2025, 5, 13)) for i in range(count)]
        with budget.active():
            check_articles(articles)
        return budget

    small, large = check(10), check(20)
    assert large.steps <= 2 * SLACK * small.steps


def test_outside_a_budget_nothing_is_counted_or_stopped():
    charge(steps=10**9, claims=10**9)  # no active budget: a no-op


def test_a_claim_limit_stops_extraction():
    budget = Budget(max_claims=2)
    with budget.active(), pytest.raises(WorkStopped) as stopped:
        extract_claims(FAMILIES["numbers only"] * 10)
    assert stopped.value.reason == "claims" and budget.claims > 2


def test_a_limit_per_text_counts_each_text_afresh():
    budget = Budget(max_text_claims=3)
    with budget.active():
        for _ in range(3):
            extract_claims("Rescuers saved 12 people and 3 dogs.")  # 2 claims each, 6 in all
        with pytest.raises(WorkStopped) as stopped:
            extract_claims("12 people, 3 dogs, 4 cats and 5 horses.")
    assert stopped.value.reason == "text-claims"


def test_a_passed_deadline_stops_at_the_first_check():
    budget = Budget(deadline=time.monotonic() - 1)
    with budget.active(), pytest.raises(WorkStopped) as stopped:
        extract_claims(FAMILIES["news"])
    assert stopped.value.reason == "deadline"


def test_cancel_from_another_thread_stops_the_work_at_its_next_check():
    budget = Budget()
    outcome: list[str] = []
    started = threading.Event()

    def run() -> None:
        with budget.active():
            started.set()
            try:
                while True:
                    extract_claims(FAMILIES["news"])
            except WorkStopped as exc:
                outcome.append(exc.reason)

    thread = threading.Thread(target=run)
    thread.start()
    started.wait()
    budget.cancel("the client disconnected")
    thread.join(60)
    assert outcome == ["cancelled"]
