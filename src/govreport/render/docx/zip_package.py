"""The .docx container written directly, so that the parts every report shares (the template's styles,
theme, settings, font table …) are deflated once per process instead of once per report.

The archive is an ordinary one: each member deflated (raw, at the given level), dated 1980-01-01 00:00 as
``zipfile`` dates a member given that date, no extra fields, no comment, names in ASCII. The same members
always give the same bytes. Word, WPS, LibreOffice, python-docx and ``zipfile`` read it like any other.
"""

from __future__ import annotations

import struct
import zlib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

_DOS_DATE = (0 << 9) | (1 << 5) | 1  # 1980-01-01
_DOS_TIME = 0
_VERSION = 20  # 2.0: deflate
_DEFLATE = 8


@dataclass(frozen=True)
class Packed:
    """A member's content, deflated: its CRC-32 and size before compression, and the raw deflate stream."""

    crc: int
    size: int
    data: bytes


def pack(data: bytes, level: int) -> Packed:
    compressor = zlib.compressobj(level, zlib.DEFLATED, -15)
    return Packed(zlib.crc32(data), len(data), compressor.compress(data) + compressor.flush())


@lru_cache(maxsize=64)
def pack_shared(data: bytes, level: int) -> Packed:
    """``pack`` for content that recurs in every report: deflated the first time only."""
    return pack(data, level)


def archive(members: Iterable[tuple[str, Packed]]) -> bytes:
    """The zip archive of ``members`` (name, packed content), in order."""
    out, central, count = bytearray(), bytearray(), 0
    for name, packed in members:
        raw = name.encode("ascii")
        sizes = (packed.crc, len(packed.data), packed.size, len(raw))
        central += struct.pack(
            "<IHHHHHHIIIHHHHHII",
            0x02014B50,
            _VERSION,
            _VERSION,
            0,
            _DEFLATE,
            _DOS_TIME,
            _DOS_DATE,
            *sizes,
            0,  # extra field
            0,  # comment
            0,  # disk
            0,  # internal attributes
            0,  # external attributes
            len(out),
        )
        central += raw
        out += struct.pack("<IHHHHHIIIHH", 0x04034B50, _VERSION, 0, _DEFLATE, _DOS_TIME, _DOS_DATE, *sizes, 0)
        out += raw
        out += packed.data
        count += 1
    end = struct.pack("<IHHHHIIH", 0x06054B50, 0, 0, count, count, len(central), len(out), 0)
    return bytes(out + central + end)
