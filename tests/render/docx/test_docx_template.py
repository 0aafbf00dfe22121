"""The prepared Word package: built with python-docx once, then read back from the cache folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from govreport.render.docx import template as docx_template
from govreport.render.docx.package import build_template
from govreport.render.docx.skeleton import DRAFT_TOKEN


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    docx_template.template.cache_clear()
    yield tmp_path / "govreport" / "docx"
    docx_template.template.cache_clear()


@pytest.mark.parametrize("draft", [False, True])
def test_the_cached_package_is_the_one_python_docx_builds(cache: Path, draft: bool) -> None:
    first = docx_template.template(draft)  # built, then stored
    assert len(list(cache.iterdir())) == 1
    docx_template.template.cache_clear()
    assert docx_template.template(draft) == first == build_template(draft)
    assert any(DRAFT_TOKEN.encode() in data for _, data in first.members) is draft


def test_a_damaged_entry_is_built_again(cache: Path) -> None:
    docx_template.template(False)
    (entry,) = cache.iterdir()
    entry.write_bytes(b"damaged")
    docx_template.template.cache_clear()
    assert docx_template.template(False) == build_template(False)


def test_a_change_to_the_code_that_shapes_the_package_makes_a_new_entry(
    cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = docx_template._entry(False)
    monkeypatch.setattr(docx_template, "_SOURCES", (*docx_template._SOURCES[:-1], "chart.py"))
    assert docx_template._entry(False) not in (None, before)
