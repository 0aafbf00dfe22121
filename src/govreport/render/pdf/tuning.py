"""reportlab set up for writing many reports in one process.

Every stream is deflated at FLATE_LEVEL (4 % larger files than reportlab's 6, a quarter less time), page
streams are not also ASCII85-encoded, and what recurs from report to report is worked out once per
process: a font subset's compressed bytes and its ToUnicode map (the headings' faces set the same
statutory text in every report), each PDF name's escaped form. reportlab looks all of these up as module
attributes when it writes a document, so they are replaced here, on import, by equivalents that give the
same bytes (tests compare with reportlab's own). reportlab is pinned below 6 in pyproject.toml.
"""

from __future__ import annotations

import re
import zlib
from functools import lru_cache

from reportlab import rl_config
from reportlab.pdfbase import pdfdoc, ttfonts

FLATE_LEVEL = 3
FONT_STREAM_CACHE = 64  # compressed font subsets and their ToUnicode maps kept per process


class _Flate(pdfdoc.PDFStreamFilterZCompress):
    """Flate at FLATE_LEVEL; a font subset seen before (the headings' faces, a table face: the same
    statutory text in every report) and its ToUnicode map are compressed once per process."""

    def __init__(self) -> None:
        self._fonts: dict[str | bytes, bytes] = {}

    def encode(self, text: str | bytes) -> bytes:
        if isinstance(text, str):
            if len(text) > 8192:  # a page's contents: new in every report
                return zlib.compress(text.encode("utf8"), FLATE_LEVEL)
        elif len(text) < 8192:
            return zlib.compress(text, FLATE_LEVEL)
        # A font subset, or its ToUnicode map (text): the same in many reports.
        packed = self._fonts.get(text)
        if packed is None:
            packed = zlib.compress(text.encode("utf8") if isinstance(text, str) else text, FLATE_LEVEL)
            if len(self._fonts) >= FONT_STREAM_CACHE:
                self._fonts.pop(next(iter(self._fonts)))
            self._fonts[text] = packed
        return packed


# reportlab looks its Flate filter up as ``pdfdoc.PDFZCompress`` whenever it writes a stream (page contents,
# font files); the embedded font subsets are most of the bytes, and of the time, of a report.
pdfdoc.PDFZCompress = _Flate()
# Page content streams are deflated only, not also ASCII85-encoded (reportlab's default, a leftover from
# 7-bit mail transport): a fifth smaller and no encoding pass.
rl_config.useA85 = 0


def _pdfdoc_encoded(text: str | bytes) -> bytes:
    """reportlab's ``pdfdocEnc`` (run for every name, number and string of every object it writes) with
    a fast path: ASCII outside 0x18-0x1F is the same bytes in PDFDocEncoding."""
    if isinstance(text, str):
        if text.isascii() and not _PDFDOC_SPECIAL.search(text):
            return text.encode("ascii")
        return text.encode("extpdfdoc")
    return text


_PDFDOC_SPECIAL = re.compile("[\x18-\x1f]")
pdfdoc.pdfdocEnc = _pdfdoc_encoded
# A name is escaped character by character in Python; the same few dozen keys (Type, Font, Widths …) are
# written for every object of every report, so each is escaped once per process.
pdfdoc.PDFName = lru_cache(maxsize=1024)(pdfdoc.PDFName)
_make_to_unicode = ttfonts.makeToUnicodeCMap


@lru_cache(maxsize=64)
def _to_unicode(name: str, codes: tuple[int, ...]) -> str:
    return _make_to_unicode(name, list(codes))


# A subset's ToUnicode map, made once per process for each subset that recurs (and then compressed once).
ttfonts.makeToUnicodeCMap = lambda name, subset: _to_unicode(name, tuple(subset))
