"""Example answers shown in the OpenAPI document (Swagger UI's "Example Value"), one per response model.

They are what the service answers for the request examples of `app.schemas` (the ferry near Port Avel,
212 vs 221 passengers), abridged to the fields a reader needs; `tests/test_openapi.py` validates each one
against its response model, so an example cannot drift from the schema.
"""

from __future__ import annotations

from typing import Any

_SENTENCE_WIRE = (
    "A ferry carrying 212 passengers ran aground near Port Avel on Tuesday, the coast guard said."
)
_SENTENCE_DAILY = (
    "The ferry had 221 passengers on board when it ran aground near Port Avel on Tuesday, "
    "the coast guard said."
)
_WHEN = "2025-05-13T18:06:12.402918Z"


def _frame(counted: str | None, noun: str | None) -> dict[str, Any]:
    return {
        "counted": counted,
        "noun": noun,
        "modifiers": [],
        "action": None,
        "action_word": None,
        "actor": None,
        "place": "port avel",
        "time": "2025-05-13" if counted else None,
        "attribution": "the coast guard",
        "negated": False,
    }


def _count(claim_id: str, article_id: str, start: int, figure: int, sentence: str) -> dict[str, Any]:
    return {
        "id": claim_id,
        "article_id": article_id,
        "start": start,
        "end": start + 14,
        "text": f"{figure} passengers",
        "kind": "count",
        "trend": None,
        "value": {
            "nominal": float(figure),
            "low": float(figure),
            "high": float(figure),
            "unit": "passenger",
            "qualifier": "exact",
            "dimension": "count",
        },
        "context": "body",
        "sentence": sentence,
        "sentence_start": 0,
        "sentence_end": len(sentence),
        "frame": _frame("person", "passenger"),
        "converted": [],
        "conversion_ok": None,
        "is_conversion": False,
    }


def _date(claim_id: str, article_id: str, start: int, sentence: str) -> dict[str, Any]:
    return {
        **_count(claim_id, article_id, start, 0, sentence),
        "end": start + 7,
        "text": "Tuesday",
        "kind": "date",
        "value": {
            "nominal": None,
            "low": 739384.0,
            "high": 739384.0,
            "qualifier": "exact",
            "dimension": "date",
            "iso": "2025-05-13",
        },
        "frame": _frame(None, None),
    }


CLAIMS = [
    _count("wire-1:0", "wire-1", 17, 212, _SENTENCE_WIRE),
    _date("wire-1:1", "wire-1", 62, _SENTENCE_WIRE),
    _count("daily-1:0", "daily-1", 14, 221, _SENTENCE_DAILY),
    _date("daily-1:1", "daily-1", 76, _SENTENCE_DAILY),
]
DISCREPANCY = {
    "id": "f1",
    "type": "discrepancy",
    "claims": ["wire-1:0", "daily-1:0"],
    "reason": "Wire Service: '212 passengers' vs The Daily: '221 passengers'; "
    "fact: person · in port avel · on 2025-05-13",
    "severity": "high",
    "story_id": "story-ferry-port-avel",
    "fact": "person · in port avel · on 2025-05-13",
    "verdict": "value",
    "sides": [["wire-1:0"], ["daily-1:0"]],
    "independent_sources": [1, 1],
    "old_value": None,
    "new_value": None,
}
AGREEMENT = {
    **DISCREPANCY,
    "id": "f2",
    "type": "agreement",
    "claims": ["wire-1:1", "daily-1:1"],
    "reason": "Wire Service, The Daily: 'Tuesday'; fact: date · in port avel",
    "severity": "info",
    "fact": "date · in port avel",
    "verdict": "exact",
    "sides": [["wire-1:1", "daily-1:1"]],
    "independent_sources": [1],
}
CHECK = {
    "articles": [
        {
            "id": "wire-1",
            "source": "Wire Service",
            "url": "https://wire.example/ferry",
            "title": "Ferry runs aground near Port Avel",
            "published_at": "2025-05-13",
            "story_id": "story-ferry-port-avel",
            "claim_count": 3,
        },
        {
            "id": "daily-1",
            "source": "The Daily",
            "url": "https://daily.example/ferry",
            "title": "Ferry strikes rocks off Port Avel",
            "published_at": "2025-05-13T18:05:00Z",
            "story_id": "story-ferry-port-avel",
            "claim_count": 2,
        },
    ],
    "stories": [
        {
            "id": "story-ferry-port-avel",
            "label": "port, avel, ferry, passenger",
            "key_terms": ["port", "avel", "ferry", "passenger", "aground", "coast", "guard"],
            "article_ids": ["wire-1", "daily-1"],
        }
    ],
    "claims": CLAIMS,
    "findings": [DISCREPANCY, AGREEMENT],
}
EXTRACT = {"claims": [{**c, "id": f"c{i}", "article_id": None} for i, c in enumerate(CLAIMS[:2])]}

ARTICLE = {
    "id": "wire-1",
    "url": "https://wire.example/ferry",
    "source": "Wire Service",
    "title": "Ferry runs aground near Port Avel",
    "published_at": "2025-05-13",
    "story_id": "st_3f9a0c1b2d4e",
    "revision": 1,
    "claim_count": 3,
    "created_at": _WHEN,
    "updated_at": _WHEN,
}
ARTICLE_INGESTED = {**ARTICLE, "outcome": "created"}
ARTICLE_LIST = {"items": [ARTICLE], "total": 1}
ARTICLE_DETAIL = {
    **ARTICLE,
    "text": _SENTENCE_WIRE + " Rescuers saved more than 190 people.",
    "revisions": [
        {
            "number": 1,
            "title": ARTICLE["title"],
            "published_at": "2025-05-13",
            "text": _SENTENCE_WIRE + " Rescuers saved more than 190 people.",
            "text_sha256": "5b0e1c9a4f7d2e3b8a6c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4f5a6b7c8d9e0f1a",
            "claim_count": 3,
            "created_at": _WHEN,
        }
    ],
}
CLAIM_LIST = {"items": [{**CLAIMS[0], "id": "wire-1:1:0"}], "total": 3}

STORY = {
    "id": "st_3f9a0c1b2d4e",
    "key": "ferry-port-avel",
    "label": "ferry-port-avel",
    "key_terms": ["port", "avel", "ferry", "passenger"],
    "article_count": 2,
    "findings": {"agreement": 1, "discrepancy": 1, "correction": 0},
    "created_at": _WHEN,
    "updated_at": _WHEN,
}
STORY_LIST = {"items": [STORY], "total": 1}
STORY_DETAIL = {**STORY, "articles": [ARTICLE]}
_STORED_IDS = {"wire-1:0": "wire-1:1:0", "wire-1:1": "wire-1:1:1", "daily-1:0": "daily-1:1:0"}
_STORED_IDS["daily-1:1"] = "daily-1:1:1"


def _stored(finding: dict[str, Any], number: int) -> dict[str, Any]:
    return {
        **finding,
        "id": f"f{number}",
        "story_id": STORY["id"],
        "claims": [_STORED_IDS[c] for c in finding["claims"]],
        "sides": [[_STORED_IDS[c] for c in side] for side in finding["sides"]],
    }


FINDING_LIST = {"items": [_stored(DISCREPANCY, 1)], "total": 1}
STORY_REPORT = {
    "story": STORY,
    "articles": [ARTICLE, {**ARTICLE, "id": "daily-1", "source": "The Daily", "claim_count": 2}],
    "claims": [{**c, "id": _STORED_IDS[c["id"]]} for c in CLAIMS],
    "findings": [_stored(DISCREPANCY, 1), _stored(AGREEMENT, 2)],
    "findings_total": 2,
}

SUBSCRIPTION = {
    "id": "sub_8c2d4e6f0a1b",
    "url": "https://desk.example.com/hooks/tally",
    "events": ["finding.discrepancy", "finding.correction"],
    "active": True,
    "disabled_reason": None,
    "created_at": _WHEN,
    "updated_at": _WHEN,
}
SUBSCRIPTION_CREATED = {**SUBSCRIPTION, "secret": "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"}
SUBSCRIPTION_LIST = {"items": [SUBSCRIPTION], "total": 1}
_EVENT = {
    "type": "finding.discrepancy",
    "timestamp": _WHEN,
    "data": {
        "story_id": STORY["id"],
        "article_id": "daily-1",
        "finding_id": "f1",
        "finding_type": "discrepancy",
        "reason": DISCREPANCY["reason"],
        "severity": "high",
        "links": {
            "story": f"/v1/stories/{STORY['id']}",
            "report": f"/v1/stories/{STORY['id']}/report",
            "article": "/v1/articles/daily-1",
            "finding": f"/v1/stories/{STORY['id']}/report#f1",
        },
    },
}


def event(event_type: str) -> dict[str, Any]:
    """The example body of an outgoing event of `event_type`."""
    if event_type == "story.updated":
        data = {k: v for k, v in _EVENT["data"].items() if k in ("story_id", "article_id")}
        links = {k: v for k, v in _EVENT["data"]["links"].items() if k != "finding"}
        return {**_EVENT, "type": event_type, "data": {**data, "new_findings": 1, "links": links}}
    finding_type = event_type.removeprefix("finding.")
    if finding_type not in ("discrepancy", "correction", "agreement"):
        finding_type = "discrepancy"
    return {**_EVENT, "type": event_type, "data": {**_EVENT["data"], "finding_type": finding_type}}


DELIVERY_LIST = {
    "items": [
        {
            "id": "msg_1a2b3c4d5e6f",
            "event": "finding.discrepancy",
            "status": "delivered",
            "attempts": 2,
            "created_at": _WHEN,
            "next_attempt_at": None,
            "delivered_at": "2025-05-13T18:06:24.118204Z",
            "payload": _EVENT,
            "attempt_log": [
                {
                    "number": 1,
                    "attempted_at": "2025-05-13T18:06:13.001877Z",
                    "status_code": 503,
                    "error": None,
                    "duration_ms": 41,
                    "outcome": "retry",
                },
                {
                    "number": 2,
                    "attempted_at": "2025-05-13T18:06:24.118204Z",
                    "status_code": 200,
                    "error": None,
                    "duration_ms": 37,
                    "outcome": "delivered",
                },
            ],
        }
    ],
    "total": 1,
}
WEBHOOK_ACCEPTED = {
    "webhook_id": "msg_2KWPBgLlAfxdpx2AI54pPJ85f4W",
    "received_at": _WHEN,
    "articles": [
        {"id": "wire-1", "outcome": "created", "processing": "queued", "href": "/v1/articles/wire-1"}
    ],
}
HEALTH = {"status": "ok"}
READINESS = {"status": "ready", "database": "sqlite", "migration": "0004"}
FINDINGS_CSV = (
    "finding_id,type,kind,severity,verdict,reason,values,outlets,copies,old_value,new_value,claims\r\n"
    "f1,discrepancy,count,high,value,\"Wire Service: '212 passengers' vs The Daily: '221 passengers'; fact: "
    'person · in port avel · on 2025-05-13",Wire Service: 212 passengers; The Daily: 221 passengers,'
    "The Daily and Wire Service,The Daily and Wire Service,,,wire-1:1:0 daily-1:1:0\r\n"
)


def _appearance(outlet: str, url: str, headline: str, published: str) -> dict[str, Any]:
    return {
        "@type": "CreativeWork",
        "publisher": {"@type": "Organization", "name": outlet},
        "url": url,
        "headline": headline,
        "datePublished": published,
    }


_WIRE_APPEARANCE = _appearance(
    "Wire Service", "https://wire.example/ferry", "Ferry runs aground near Port Avel", "2025-05-13"
)
CLAIM_REVIEW = {
    "@context": "https://schema.org",
    "@graph": [
        {
            "@type": "ClaimReview",
            "@id": f"https://tally.example/stories/{STORY['id']}#f1",
            "url": f"https://tally.example/stories/{STORY['id']}#f1",
            "claimReviewed": "'212 passengers' (Wire Service) vs '221 passengers' (The Daily)",
            "reviewBody": DISCREPANCY["reason"],
            "itemReviewed": {
                "@type": "Claim",
                "appearance": [
                    _WIRE_APPEARANCE,
                    _appearance(
                        "The Daily",
                        "https://daily.example/ferry",
                        "Ferry strikes rocks off Port Avel",
                        "2025-05-13T18:05:00Z",
                    ),
                ],
                "firstAppearance": _WIRE_APPEARANCE,
                "datePublished": "2025-05-13",
            },
            "reviewRating": {
                "@type": "Rating",
                "alternateName": "Conflicting figures",
                "ratingExplanation": DISCREPANCY["reason"],
            },
            "author": {"@type": "Organization", "name": "Tally", "url": "https://tally.example"},
            "datePublished": "2025-05-13",
        }
    ],
}
WEBHOOK_BODY = {
    "articles": [
        {
            "id": "wire-1",
            "source": "Wire Service",
            "url": "https://wire.example/ferry",
            "title": "Ferry runs aground near Port Avel",
            "published_at": "2025-05-13",
            "story": "ferry-port-avel",
            "text": _SENTENCE_WIRE + " Rescuers saved more than 190 people.",
        }
    ]
}
