"""Compare stage: the framed claims of many articles -> stories, aligned facts and findings.

Stories (stories.py, signature.py), wire copies (copies.py), the context of a claim (context.py), claims
aligned into facts (items.py, align.py), verdicts by interval logic (verdicts.py), correction notices and
revisions (corrections.py), all of it for a batch in report.py.
"""
