"""The example in matching/README.md runs against the current API."""

from __future__ import annotations

import re
from pathlib import Path
from typing import cast

import pytest

from matching.results import SupplierMatch

README = Path(__file__).resolve().parents[2] / "matching" / "README.md"


def test_the_readme_example_runs_and_proposes_the_caterer(capsys: pytest.CaptureFixture[str]) -> None:
    text = README.read_text("utf-8")
    section = text[text.index("## How the app uses it") :]
    code = re.search(r"```python\n(.*?)```", section, re.S)
    assert code is not None
    namespace: dict[str, object] = {}
    exec(compile(code.group(1), str(README), "exec"), namespace)
    proposed = [m.listing_id for m in cast(list[SupplierMatch], namespace["matches"])]
    assert proposed[0] == 1
    assert 2 not in proposed  # removed from the index
    assert capsys.readouterr().out.startswith("1 ")
