"""Putting a report's finished files in place, and the temporary folders they are made in.

A report's files are written into a private temporary folder next to their final place. Once built they
replace the old files together: the old ones are moved aside first, and if any cannot be replaced (on
Windows: open in a viewer) every old file is put back. Temporary folders carry the id of the run that
made them; a later run removes those whose run is gone.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import threading
import time
from collections.abc import Collection, Iterable, Iterator, Sequence
from pathlib import Path

TMP_PREFIX = ".govreport-tmp-"


def identity(path: str | Path) -> str:
    """The same string for two spellings of one file (relative, symlinked, different case on a
    case-insensitive file system)."""
    return os.path.normcase(os.path.realpath(path))


def put_in_place(pending: Sequence[tuple[str, str]], protected: Collection[str] = ()) -> str | None:
    """Move every (temporary, final) file into place, all or none; the temporary folder is removed.
    Returns None, or the Chinese reason nothing was replaced (a final path that is an input given by
    the user, one of ``protected``, is never replaced)."""
    for _, final in pending:
        if identity(final) in protected:
            discard(pending)
            return f"{final}：输出文件就是输入的文件，不能覆盖；请换一个输出目录"
    moved: list[tuple[str, str]] = []
    placed: list[str] = []
    current = ""
    try:
        for tmp, final in pending:
            current = final
            if os.path.lexists(final):
                os.replace(final, f"{tmp}.old")
                moved.append((final, f"{tmp}.old"))
        for tmp, final in pending:
            current = final
            os.replace(tmp, final)
            placed.append(final)
    except OSError as exc:
        for final in placed:
            with contextlib.suppress(OSError):
                os.unlink(final)
        for final, old in moved:
            with contextlib.suppress(OSError):
                os.replace(old, final)
        discard(pending)
        return (
            f"{current}：无法替换（{exc.strerror or exc}），可能正被其他程序（PDF阅读器、Word等）打开；"
            "请关闭后重试，原有文件未改动"
        )
    discard(pending)  # the moved-aside old files go with the folder
    return None


@contextlib.contextmanager
def interrupt_deferred() -> Iterator[None]:
    """Ctrl-C waits until the block is done (files being swapped are never left half-replaced), then
    takes effect. Only the main thread can catch signals; elsewhere the block runs as it is."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    caught: list[int] = []
    previous = signal.signal(signal.SIGINT, lambda number, _: caught.append(number))
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)
    if caught:
        raise KeyboardInterrupt


def discard(pending: Sequence[tuple[str, str]]) -> None:
    """Remove the temporary files and their folder."""
    for tmp, _ in pending:
        Path(tmp).unlink(missing_ok=True)
    if pending:
        shutil.rmtree(Path(pending[0][0]).parent, ignore_errors=True)


def remove_temporaries(outdirs: Iterable[str], run: int) -> None:
    """The temporary folders run ``run`` (the process that started a batch, and its workers) made."""
    for outdir in outdirs:
        for folder in _temporaries(outdir):
            if _run_of(folder) == run:
                shutil.rmtree(folder, ignore_errors=True)


def remove_stale_temporaries(outdirs: Iterable[str], current: int) -> None:
    """Temporary folders an earlier run left behind (killed, power cut): those whose process is gone."""
    for outdir in outdirs:
        for folder in _temporaries(outdir):
            run = _run_of(folder)
            if run is not None and run != current and not _running(run, folder):
                shutil.rmtree(folder, ignore_errors=True)


def _temporaries(outdir: str) -> list[Path]:
    try:
        return [p for p in Path(outdir).glob(f"{TMP_PREFIX}*") if p.is_dir() and not p.is_symlink()]
    except OSError:
        return []


def _run_of(folder: Path) -> int | None:
    head = folder.name[len(TMP_PREFIX) :].split("-", 1)[0]
    return int(head) if head.isdigit() and len(head) < 12 else None


def _running(pid: int, folder: Path) -> bool:
    """Whether the run that made ``folder`` may still be at work. Where a process cannot be probed
    without harm (Windows: os.kill ends it), a folder younger than a day is left alone."""
    if os.name == "nt":
        try:
            return time.time() - folder.stat().st_mtime < 86400
        except OSError:
            return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (OSError, OverflowError):
        return True  # exists, owned by someone else
    return True
