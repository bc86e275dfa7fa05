"""What routes are handed: a database session and the app's settings (FastAPI dependencies).

    def list_stories(session: SessionDep, settings: SettingsDep) -> StoryList: ...
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Annotated

from fastapi import Depends, Request
from sqlmodel import Session

from app.config import Settings


def get_session(request: Request) -> Iterator[Session]:
    """One session per request on the app's database; what the route does not commit is rolled back."""
    with Session(request.app.state.database, expire_on_commit=False) as session:
        yield session


def get_app_settings(request: Request) -> Settings:
    """The settings the app was built with (`create_app(settings)`), not re-read from the environment."""
    return request.app.state.settings


SessionDep = Annotated[Session, Depends(get_session)]
SettingsDep = Annotated[Settings, Depends(get_app_settings)]
