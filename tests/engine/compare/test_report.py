"""check_articles end to end: stories, copies, findings with reasons (articles written for these tests)."""

from datetime import date

from app.engine import ArticleText, check_articles

WIRE = (
    "VALMORA (Wire) — Russia fired 472 drones at Valmora overnight, the regional governor Anna Petrak "
    "said on Sunday, in the largest attack on the port city this year. Air defence units shot down 430 "
    "drones over the Valmora district, Petrak said. Firefighters battled blazes at the Valmora grain "
    "terminal until dawn, and the harbour authority suspended all shipping while divers checked the quays."
)
STATION = WIRE.replace("VALMORA (Wire) —", "VALMORA —") + " Stay with Channel 9 for updates."
PAPER = (
    "Valmora's governor Anna Petrak said air defence units shot down 430 drones over the Valmora district "
    "after Russia fired 472 drones at the port overnight. The grain terminal in Valmora burned until "
    "morning and the harbour authority halted shipping."
)
DESK = WIRE.replace("472", "427")
OTHER = (
    "ORSK LAKE — Russia fired 472 drones at the Orsk lake dams in a raid that flooded three villages, the "
    "emergency service said. Engineers from Orsk began pumping water out of the flooded cellars."
)
D = date(2025, 8, 10)


def arts(*pairs):
    return [ArticleText(id=i, source=i.capitalize(), text=t, published_at=d) for i, t, d in pairs]


def test_report_finds_a_transposed_figure():
    report = check_articles(arts(("wire", WIRE, D), ("desk", DESK, D)))
    found = [f for f in report.findings if f.type == "discrepancy"]
    assert len(found) == 1
    refs = {(r.article_id, report.claims[r.article_id][r.index].value.low) for r in found[0].claims}
    assert refs == {("wire", 472), ("desk", 427)}
    assert "Wire: " in found[0].reason and "Desk: " in found[0].reason


def test_equal_figures_of_two_sources_agree():
    report = check_articles(arts(("wire", WIRE, D), ("paper", PAPER, D)))
    agreed = {report.claims[r.article_id][r.index].value.low for f in report.findings if f.type == "agreement"
              for r in f.claims}
    assert {472, 430} <= agreed
    assert not [f for f in report.findings if f.type == "discrepancy"]


def test_wire_copy_counts_as_one_independent_source():
    report = check_articles(arts(("wire", WIRE, D), ("station", STATION, D), ("paper", PAPER, D),
                                 ("desk", DESK, D)))
    found = [f for f in report.findings if f.type == "discrepancy"]
    assert len(found) == 1
    sides = {tuple(sorted(r.article_id for r in side)): n
             for side, n in zip(found[0].sides, found[0].independent_sources, strict=True)}
    assert sides == {("paper", "station", "wire"): 2, ("desk",): 1}


def test_articles_of_different_stories_are_never_compared():
    report = check_articles(arts(("wire", WIRE, D), ("other", OTHER, date(2025, 9, 30))))
    assert len(report.stories) == 2
    for f in report.findings:
        assert len({r.article_id for r in f.claims}) == 1


def test_every_finding_has_a_reason_a_fact_and_claims():
    report = check_articles(arts(("wire", WIRE, D), ("paper", PAPER, D), ("desk", DESK, D)))
    assert report.findings
    for f in report.findings:
        assert f.reason and f.claims and f.fact and f.story_id
        assert "\n" not in f.reason


def test_officials_said_friday_is_not_compared():
    a = "The dam burst on Thursday, May 2, flooding 40 farms, officials said Friday."
    b = "The dam burst on Thursday, May 2, flooding 40 farms, officials said Saturday."
    report = check_articles(arts(("a", a, D), ("b", b, D)))
    assert not [f for f in report.findings if f.type == "discrepancy"]


def test_a_correction_notice_points_at_the_fix_and_flags_a_stale_copy():
    fixed = WIRE + ("\nAn earlier version of this story misstated the number of drones shot down: it "
                    "was 430, not 403.")
    stale = WIRE.replace("430", "403")
    report = check_articles(arts(("wire", fixed, D), ("desk", stale, D)))
    notices = [f for f in report.findings if f.type == "correction" and f.verdict == "notice"]
    stale_flags = [f for f in report.findings if f.type == "correction" and f.verdict == "stale"]
    assert [(f.old_value, f.new_value) for f in notices] == [("403", "430")]
    assert [r.article_id for f in stale_flags for r in f.claims] == ["desk", "wire"]
    # the figures inside the notice are not compared as facts of their own
    for f in report.findings:
        if f.type == "discrepancy":
            for r in f.claims:
                assert report.claims[r.article_id][r.index].start < len(WIRE)
