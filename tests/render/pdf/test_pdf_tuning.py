"""reportlab's set-up for many reports per process gives the bytes reportlab itself would."""

from __future__ import annotations

import zlib

import pytest
from reportlab.pdfbase import pdfdoc, ttfonts

from govreport.render.pdf import tuning as pdf_tuning


@pytest.mark.parametrize("text", ["/Name", "abc 123", "\x18x", "é", "\xa0", "中", "", "(a\\b)"])
def test_pdfdoc_encoding_is_reportlabs(text: str) -> None:
    try:
        expected: object = text.encode("extpdfdoc")
    except UnicodeEncodeError:
        expected = UnicodeEncodeError
    try:
        actual: object = pdfdoc.pdfdocEnc(text)
    except UnicodeEncodeError:
        actual = UnicodeEncodeError
    assert actual == expected


@pytest.mark.parametrize("name", ["Type", "FontDescriptor", "F1+0", "a b", "x#y(z)", "中文"])
def test_names_are_escaped_as_reportlab_escapes_them(name: str) -> None:
    assert pdfdoc.PDFName(name) == pdfdoc.PDFName.__wrapped__(name)  # type: ignore[attr-defined]


def test_a_recurring_subsets_to_unicode_map_is_reportlabs() -> None:
    subset = [0, 32, 0x4E2D, 0x6587, 0x3002]
    first = ttfonts.makeToUnicodeCMap("AAAAAA+Test", subset)
    assert ttfonts.makeToUnicodeCMap("AAAAAA+Test", list(subset)) is first  # made once
    assert first == pdf_tuning._make_to_unicode("AAAAAA+Test", subset)


@pytest.mark.parametrize("data", [b"x" * 100, b"subset" * 5000, "cmap " * 500, "page " * 5000])
def test_every_stream_inflates_to_what_was_written(data: str | bytes) -> None:
    raw = data.encode("utf8") if isinstance(data, str) else data
    flate = pdfdoc.PDFZCompress
    assert zlib.decompress(flate.encode(data)) == raw
    assert flate.encode(data) == zlib.compress(raw, pdf_tuning.FLATE_LEVEL)  # again: from the cache, same
