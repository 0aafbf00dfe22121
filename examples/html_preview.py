"""Screenshots of the example's portal page for the README: a desktop browser at the top of the page and
a phone at table 三, scrolled a little sideways in its own box. Debian's chromium, driven by playwright.

Usage: python examples/html_preview.py PAGE.html OUTDIR
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

from playwright.sync_api import sync_playwright


def main(page: Path, outdir: Path) -> None:
    chromium = shutil.which("chromium") or shutil.which("chromium-browser")
    if chromium is None:
        sys.exit("chromium not found (Debian package chromium)")
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=chromium, args=["--no-sandbox", "--disable-gpu"])
        desktop = browser.new_page(viewport={"width": 1280, "height": 1000})
        desktop.goto(page.resolve().as_uri())
        desktop.screenshot(path=str(outdir / "html-desktop.png"))
        phone = browser.new_page(viewport={"width": 390, "height": 844}, device_scale_factor=1)
        phone.goto(page.resolve().as_uri())
        # Table 三 with its box scrolled a little sideways, as a reader swiping it would see it.
        phone.evaluate(
            """() => { const h = document.querySelectorAll('h2')[2];
                       window.scrollTo(0, h.getBoundingClientRect().top + window.scrollY - 12);
                       h.nextElementSibling.scrollLeft = 120; }"""
        )
        phone.screenshot(path=str(outdir / "html-phone.png"))
        browser.close()


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]))
