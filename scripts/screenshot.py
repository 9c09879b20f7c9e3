"""Screenshots of pages of a running Pasar Padu, in headless Debian Chromium (no download).

Usage: python scripts/screenshot.py BASE_URL OUT_DIR PATH[@NAME] ... [--mobile] [--login EMAIL:PASSWORD]
"""

from __future__ import annotations

import argparse
from pathlib import Path

from playwright.sync_api import sync_playwright

CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--no-first-run",
    "--disable-component-update",
    "--disable-sync",
]


def main() -> None:
    """Open each path and save a full-page PNG."""
    parser = argparse.ArgumentParser()
    parser.add_argument("base")
    parser.add_argument("out")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--mobile", action="store_true")
    parser.add_argument("--login")
    args = parser.parse_args()
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        viewport = {"width": 390, "height": 844} if args.mobile else {"width": 1280, "height": 900}
        page = browser.new_page(viewport=viewport)
        if args.login:
            email, password = args.login.split(":", 1)
            page.goto(args.base + "/auth/login")
            page.fill("#email", email)
            page.fill("#password", password)
            page.click("form button[type=submit] >> nth=-1")
        for item in args.paths:
            path, _, name = item.rpartition("@") if "@" in item else (item, "", "")
            page.goto(args.base + path)
            target = out / f"{name or path.strip('/').replace('/', '_') or 'home'}.png"
            page.screenshot(path=str(target), full_page=True)
            print(target)
        browser.close()


if __name__ == "__main__":
    main()
