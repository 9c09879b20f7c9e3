"""Settings the app hands to its services (which read no configuration themselves)."""

from __future__ import annotations

from flask import current_app

from app.services.settings import MatchSettings, WorkflowSettings


def workflow() -> WorkflowSettings:
    """This app's workflow time limits and ceilings."""
    return WorkflowSettings.from_config(current_app.config)


def matching() -> MatchSettings:
    """How this app's matcher proposes suppliers (with the learned scorer, when one won)."""
    return MatchSettings.from_config(current_app.config, current_app.instance_path)
