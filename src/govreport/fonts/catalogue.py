"""Where font files are looked for: explicit folders, the platform's font folders, and fontconfig.

Folders come from a parameter or ``GOVREPORT_FONT_DIRS`` (os.pathsep-separated) first, then — unless the
system search is switched off (parameter, or ``GOVREPORT_SYSTEM_FONTS=0``) — Windows ``%WINDIR%\\Fonts``,
macOS ``/System/Library/Fonts`` … and Linux ``/usr/share/fonts`` …, plus ``fc-list`` where present.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from .files import FONT_SUFFIXES, faces_in

DIRS_ENV = "GOVREPORT_FONT_DIRS"
SYSTEM_ENV = "GOVREPORT_SYSTEM_FONTS"


@dataclass(frozen=True)
class Catalogue:
    """Font files found, in search order, with the family names known without opening them."""

    paths: tuple[Path, ...]
    names: dict[Path, frozenset[str]]

    def by_file(self, filenames: Iterable[str]) -> list[Path]:
        wanted = {f.lower() for f in filenames}
        return [p for p in self.paths if p.name.lower() in wanted]

    def by_name(self, names: Iterable[str]) -> list[Path]:
        wanted = {n.lower() for n in names}
        return [p for p in self.paths if self.names.get(p, frozenset()) & wanted]


def system_search_enabled(system: bool | None = None) -> bool:
    if system is not None:
        return system
    return os.environ.get(SYSTEM_ENV, "1").strip() not in ("0", "no", "false", "off")


def explicit_dirs(dirs: Iterable[str | Path] | None = None) -> list[Path]:
    if dirs is not None:
        return [Path(d).expanduser() for d in dirs]
    value = os.environ.get(DIRS_ENV, "")
    return [Path(d).expanduser() for d in value.split(os.pathsep) if d.strip()]


def system_dirs() -> list[Path]:
    home = Path.home()
    if sys.platform.startswith("win"):
        windir = Path(os.environ.get("WINDIR", r"C:\Windows"))
        local = Path(os.environ.get("LOCALAPPDATA", home / "AppData" / "Local"))
        return [windir / "Fonts", local / "Microsoft" / "Windows" / "Fonts"]
    if sys.platform == "darwin":
        return [
            Path("/System/Library/Fonts"),
            Path("/System/Library/AssetsV2"),
            Path("/Library/Fonts"),
            home / "Library" / "Fonts",
        ]
    return [
        Path("/usr/share/fonts"),
        Path("/usr/local/share/fonts"),
        home / ".local" / "share" / "fonts",
        home / ".fonts",
    ]


def catalogue(dirs: Iterable[str | Path] | None = None, system: bool | None = None) -> Catalogue:
    """Every font file under the search folders. Files in explicit folders are opened to learn their
    names (these folders are small); system files are named by fontconfig where it is installed."""
    roots = explicit_dirs(dirs)
    names: dict[Path, frozenset[str]] = {}
    paths = list(_scan(tuple(roots)))
    for path in paths:
        names[path] = frozenset(n for face in faces_in(path) for n in face.names)
    if system_search_enabled(system):
        fc = _fontconfig()
        for path, fams in fc:
            names[path] = names.get(path, frozenset()) | fams
        paths += [p for p, _ in fc] + list(_scan(tuple(system_dirs())))
    return Catalogue(tuple(dict.fromkeys(paths)), names)


@lru_cache(maxsize=8)
def _scan(roots: tuple[Path, ...]) -> tuple[Path, ...]:
    found = []
    for root in roots:
        if not root.is_dir():
            continue
        for folder, subdirs, files in os.walk(root):
            subdirs.sort()
            found += [Path(folder) / f for f in sorted(files) if f.lower().endswith(FONT_SUFFIXES)]
    return tuple(found)


def _decode_fc_list(raw: bytes) -> str:
    lines = []
    for line in raw.split(b"\n"):
        file, _, names = line.partition(b"\t")
        lines.append(os.fsdecode(file) + ("\t" + names.decode("utf-8", "replace") if names else ""))
    return "\n".join(lines)


@lru_cache(maxsize=1)
def _fontconfig() -> tuple[tuple[Path, frozenset[str]], ...]:
    """Fonts with Chinese coverage as fontconfig lists them: (file, family names)."""
    exe = shutil.which("fc-list")
    if exe is None:
        return ()
    try:
        out = subprocess.run(
            [exe, "--format", "%{file}\t%{family}\t%{postscriptname}\n", ":lang=zh"],
            capture_output=True,
            timeout=20,
            check=False,
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    # fontconfig writes UTF-8 whatever the locale (LC_ALL=C included); file names are bytes, decoded
    # the way Python decodes the file system's names so that they open again
    out = _decode_fc_list(out)
    merged: dict[Path, set[str]] = {}
    for line in sorted(out.splitlines()):
        parts = line.split("\t")
        if len(parts) < 2 or not parts[0].lower().endswith(FONT_SUFFIXES):
            continue
        fams = {n.strip().lower() for p in parts[1:] for n in p.split(",") if n.strip()}
        merged.setdefault(Path(parts[0]), set()).update(fams)
    return tuple((p, frozenset(n)) for p, n in merged.items())
