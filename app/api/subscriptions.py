"""Subscriptions to outgoing events, and the log of their deliveries."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Depends, Path, Response

from app.api import examples
from app.api.deps import SessionDep, SettingsDep
from app.api.params import ID_PATTERN, Limit, Offset
from app.api.responses import READ, example, problems
from app.auth import require_write
from app.services import subscriptions as service
from app.webhook_schemas import (
    DeliveryList,
    SubscriptionCreate,
    SubscriptionCreated,
    SubscriptionList,
    SubscriptionOut,
)

router = APIRouter(prefix="/subscriptions", tags=["subscriptions"])

SubscriptionId = Annotated[str, Path(max_length=64, pattern=ID_PATTERN)]


@router.post(
    "",
    operation_id="create_subscription",
    response_model=SubscriptionCreated,
    status_code=201,
    responses={
        **example(examples.SUBSCRIPTION_CREATED, 201),
        **problems(401, 403, 413, 422, types={422: ("validation-error", "refused-target")}),
    },
    dependencies=[Depends(require_write)],
    summary="Subscribe a URL to events",
)
def create_subscription(
    body: SubscriptionCreate, session: SessionDep, settings: SettingsDep, response: Response
) -> SubscriptionCreated:
    """Deliver the chosen events to `url`, signed with `secret` (generated when omitted and shown only in
    this answer). URLs that resolve to private or loopback addresses are refused unless
    `TALLY_WEBHOOK_ALLOW_PRIVATE_TARGETS` is true."""
    created = service.create_subscription(session, body, settings)
    response.headers["Location"] = f"/v1/subscriptions/{created.id}"
    return created


@router.get(
    "",
    operation_id="list_subscriptions",
    response_model=SubscriptionList,
    responses={**example(examples.SUBSCRIPTION_LIST), **problems(*READ)},
    summary="List the subscriptions",
)
def list_subscriptions(session: SessionDep, limit: Limit = 50, offset: Offset = 0) -> SubscriptionList:
    """Subscriptions, newest first (without their secrets)."""
    return service.list_subscriptions(session, limit=limit, offset=offset)


@router.get(
    "/{subscription_id}",
    operation_id="get_subscription",
    response_model=SubscriptionOut,
    responses={**example(examples.SUBSCRIPTION), **problems(*READ, 404)},
    summary="Read one subscription",
)
def get_subscription(subscription_id: SubscriptionId, session: SessionDep) -> SubscriptionOut:
    """One subscription; `active` turns false when its receiver answered 410 Gone."""
    return service.subscription_detail(session, subscription_id)


@router.delete(
    "/{subscription_id}",
    operation_id="delete_subscription",
    status_code=204,
    responses={204: {"description": "Deleted (no body)"}, **problems(401, 403, 404, 422)},
    dependencies=[Depends(require_write)],
    summary="Unsubscribe: delete a subscription",
)
def delete_subscription(subscription_id: SubscriptionId, session: SessionDep) -> Response:
    """Delete the subscription and its pending deliveries."""
    service.delete_subscription(session, subscription_id)
    return Response(status_code=204)


@router.get(
    "/{subscription_id}/deliveries",
    operation_id="list_subscription_deliveries",
    response_model=DeliveryList,
    responses={**example(examples.DELIVERY_LIST), **problems(*READ, 404)},
    summary="List a subscription's deliveries and their attempts",
)
def list_deliveries(
    subscription_id: SubscriptionId, session: SessionDep, limit: Limit = 50, offset: Offset = 0
) -> DeliveryList:
    """The subscription's events, newest first, each with its status and every attempt."""
    return service.list_deliveries(session, subscription_id, limit=limit, offset=offset)
