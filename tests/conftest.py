"""Shared test set-up.

Tests that need LibreOffice or a Chinese font skip when it is missing, unless GOVREPORT_REQUIRE_TOOLS=1
(set by .ci/run): then a missing tool fails the test, so a skip never hides a gap in CI.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from govreport.fonts import FontError, FontSet, resolve_fonts

sys.path.insert(0, str(Path(__file__).parent))

REQUIRE_TOOLS = os.environ.get("GOVREPORT_REQUIRE_TOOLS") == "1"
_CACHE = tempfile.mkdtemp(prefix="govreport-test-cache-")


def pytest_configure(config: pytest.Config) -> None:
    # The tests' fonts, made-up faces and templates go into a cache folder of their own (inherited by
    # the commands they run), never into the user's ~/.cache/govreport.
    os.environ["XDG_CACHE_HOME"] = _CACHE


def pytest_unconfigure(config: pytest.Config) -> None:
    shutil.rmtree(_CACHE, ignore_errors=True)


def need(condition: bool, what: str) -> None:
    """Skip (locally) or fail (in CI) when a tool the test needs is missing."""
    if condition:
        return
    if REQUIRE_TOOLS:
        pytest.fail(f"{what} is required (GOVREPORT_REQUIRE_TOOLS=1) but missing")
    pytest.skip(f"{what} not available")


@pytest.fixture
def soffice() -> str:
    path = shutil.which("soffice") or shutil.which("libreoffice")
    need(path is not None, "LibreOffice (soffice)")
    assert path is not None
    return path


def convert(soffice: str, src: Path, outdir: Path, fmt: str = "pdf") -> Path:
    """``src`` converted by LibreOffice (headless, a profile of its own in ``outdir``) into ``outdir``."""
    profile = outdir / "lo-profile"
    command = [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", fmt]
    subprocess.run(
        [*command, "--outdir", str(outdir), str(src)],
        check=True,
        capture_output=True,
        timeout=180,
    )
    out = outdir / f"{src.stem}.{fmt.split(':')[0]}"  # "docx:MS Word 2007 XML" names a filter
    need(out.exists(), f"LibreOffice converting {src.suffix} to {fmt}")
    return out


def system_fonts() -> FontSet:
    """This machine's Chinese fonts for the PDF; skips locally, fails in CI when there are none."""
    try:
        found = resolve_fonts()
    except FontError:
        found = None
    need(found is not None, "a Chinese TrueType font (fonts-arphic-uming …)")
    assert found is not None
    return found


@pytest.fixture(scope="session")
def fonts() -> FontSet:
    return system_fonts()
