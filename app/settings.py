"""Settings the app hands to its services (which read no configuration themselves)."""
from __future__ import annotations

from flask import current_app

from app.services.settings import WorkflowSettings


def workflow() -> WorkflowSettings:
    """This app's workflow time limits and ceilings."""
    return WorkflowSettings.from_config(current_app.config)
