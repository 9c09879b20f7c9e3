"""What every end-to-end test does in the browser: open a phone or desktop window, log in, and
check a page (no horizontal overflow, no serious accessibility violation, a screenshot)."""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest

from tests.e2e.conftest import ROOT
from tests.factories import PASSWORD

# The two widths every role's jobs run at: a common Android phone and a common laptop.
VIEWPORTS: dict[str, dict[str, int]] = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1366, "height": 768},
}
AXE_SCRIPT = ROOT / "tests" / "e2e" / "node_modules" / "axe-core" / "axe.min.js"
SCREENS = ROOT / "docs" / "screens"
# Tallest part of a page kept in a screenshot: enough to show each page, small enough for git.
SCREENSHOT_MAX_HEIGHT = {"phone": 2400, "desktop": 1600}
BLOCKING_IMPACTS = ("serious", "critical")


@dataclass(frozen=True)
class MainPage:
    """A page a role uses, checked at each width: ``path`` may name seeded ids ({listing})."""

    role: str  # visitor, seller, buyer, official, admin
    path: str
    name: str  # file name part of the screenshot: docs/screens/<viewport>-<role>-<name>.png
    sections: tuple[str, ...] = ()  # ids of parts further down with a screenshot of their own


def new_page(browser: Any, viewport: str) -> Any:
    """A fresh window (own cookies) of the given width, speaking Indonesian."""
    # bypass_csp: axe-core is injected as an inline script, which the app's CSP rightly forbids.
    context = browser.new_context(viewport=VIEWPORTS[viewport], locale="id-ID", bypass_csp=True,
                                  is_mobile=viewport == "phone", has_touch=viewport == "phone")
    context.set_default_timeout(15_000)
    return context.new_page()


def login(browser: Any, base: str, email: str, viewport: str, password: str = PASSWORD) -> Any:
    """A window of the given width logged in as ``email``."""
    page = new_page(browser, viewport)
    page.goto(f"{base}/auth/login")
    page.fill("#email", email)
    page.fill("#password", password)
    page.click("main form button[type=submit]")
    page.wait_for_load_state()
    assert "/auth/login" not in page.url, f"log-in failed for {email}"
    return page


def horizontal_overflow(page: Any) -> int:
    """How many CSS pixels the page is wider than the window (0 when it fits)."""
    return int(page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth"))


def widest_elements(page: Any, limit: int = 3) -> list[str]:
    """The innermost elements sticking out of the window on the right (to name in a failure)."""
    return page.evaluate("""(limit) => {
      const width = document.documentElement.clientWidth;
      const out = [...document.querySelectorAll('body *')].filter((el) =>
        el.getBoundingClientRect().right > width + 0.5 &&
        ![...el.children].some((child) => child.getBoundingClientRect().right > width + 0.5));
      return out.slice(0, limit).map((el) => el.tagName.toLowerCase() +
        (el.id ? '#' + el.id : '') + (el.className && typeof el.className === 'string' ?
        '.' + el.className.trim().split(/\\s+/).join('.') : '') +
        ' (' + Math.round(el.getBoundingClientRect().right) + ' px)');
    }""", limit)


def accessibility_violations(page: Any) -> list[str]:
    """axe-core's serious and critical violations on the page, one line each."""
    if not AXE_SCRIPT.exists():
        pytest.fail(f"{AXE_SCRIPT.relative_to(ROOT)} is missing: run `make test` "
                    "(or `npm ci --prefix tests/e2e`)")
    if not page.evaluate("typeof window.axe !== 'undefined'"):
        page.add_script_tag(path=str(AXE_SCRIPT))
    violations = page.evaluate(
        "async () => (await axe.run(document, {resultTypes: ['violations']})).violations"
        ".map(v => ({id: v.id, impact: v.impact, help: v.help,"
        " targets: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))")
    return [f"{v['id']} ({v['impact']}): {v['help']} — {', '.join(v['targets'])}"
            for v in violations if v["impact"] in BLOCKING_IMPACTS]


def screenshots_wanted() -> bool:
    """True when the run should (re)write docs/screens/ (SCREENSHOTS=1)."""
    return os.environ.get("SCREENSHOTS", "") not in ("", "0")


def screenshot(page: Any, viewport: str, role: str, name: str, section: str | None = None) -> Path | None:
    """docs/screens/<viewport>-<role>-<name>.png of the page's top (or from the element whose
    id is ``section`` down, named <name>-<section>), when SCREENSHOTS=1."""
    if not screenshots_wanted():
        return None
    SCREENS.mkdir(parents=True, exist_ok=True)
    path = SCREENS / f"{viewport}-{role}-{name}{'-' + section if section else ''}.png"
    top = 0
    if section:
        top = max(0, int(page.evaluate(
            "(id) => document.getElementById(id).getBoundingClientRect().top + window.scrollY",
            section)) - 8)
    width = VIEWPORTS[viewport]["width"]
    height = min(int(page.evaluate("document.documentElement.scrollHeight")) - top,
                 SCREENSHOT_MAX_HEIGHT[viewport])
    page.screenshot(path=str(path), full_page=True, animations="disabled", caret="hide",
                    clip={"x": 0, "y": top, "width": width, "height": height})
    return path


def check_page(page: Any, viewport: str, role: str, name: str, sections: tuple[str, ...] = ()) -> list[str]:
    """Problems of the page as shown now: overflow, serious accessibility violations.

    Writes its screenshot too (when wanted). Returns one line per problem, prefixed by the page.
    """
    where = f"{viewport} {role} {name} ({page.url})"
    problems = []
    overflow = horizontal_overflow(page)
    if overflow > 0:
        problems.append(f"{where}: {overflow} px wider than the {VIEWPORTS[viewport]['width']} px "
                        f"window: {', '.join(widest_elements(page))}")
    problems += [f"{where}: {line}" for line in accessibility_violations(page)]
    screenshot(page, viewport, role, name)
    for section in sections:
        screenshot(page, viewport, role, name, section)
    return problems
