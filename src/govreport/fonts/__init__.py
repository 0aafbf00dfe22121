"""Fonts, resolved in one place for the PDF renderer and ``govreport fonts``.

A typeface role (title, heading, subheading, body, table) maps to a font file on this machine
(:mod:`.resolve`: Windows, macOS and Linux locations, fontconfig, ``--font`` overrides, a Chinese
message naming what to install when nothing fits). :mod:`.catalogue` lists the machine's faces,
:mod:`.files` reads a file's faces and coverage, :mod:`.cache` keeps reportlab's parsed faces between runs.
"""

from .resolve import ROLE_NAMES, ROLES, FontError, FontSet, describe_fonts, parse_overrides, resolve_fonts

__all__ = [
    "ROLES",
    "ROLE_NAMES",
    "FontError",
    "FontSet",
    "describe_fonts",
    "parse_overrides",
    "resolve_fonts",
]
