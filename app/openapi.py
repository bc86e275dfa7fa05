"""Print the app's OpenAPI document as YAML: `python -m app.openapi > openapi.yaml` (`make openapi`)."""

from __future__ import annotations

import json
from typing import Any

from app.config import Settings
from app.main import create_app


def openapi_document() -> dict[str, Any]:
    """The OpenAPI document the app serves, as plain JSON data (settings do not change it)."""
    app = create_app(Settings(_env_file=None, database_url="sqlite://"))  # type: ignore[call-arg]
    return json.loads(json.dumps(app.openapi()))


def openapi_yaml() -> str:
    """`openapi_document()` as YAML, keys in the app's order."""
    import yaml

    return yaml.safe_dump(openapi_document(), sort_keys=False, allow_unicode=True, width=110)


if __name__ == "__main__":
    print(openapi_yaml(), end="")
