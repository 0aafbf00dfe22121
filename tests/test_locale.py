"""Without a UTF-8 locale (LC_ALL=C, Python's UTF-8 mode off) nothing ends in a traceback (issue 15)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import need

from govreport.fonts.catalogue import _decode_fc_list

EXAMPLE = Path(__file__).parent.parent / "examples" / "大水泊镇-2022.xlsx"


def test_fontconfig_output_is_read_as_utf8_whatever_the_locale() -> None:
    raw = "/usr/share/fonts/x/simfang.ttf\t仿宋,FangSong\tFangSong\n".encode()
    assert _decode_fc_list(raw).split("\t")[1] == "仿宋,FangSong"


def test_build_under_c_locale_never_ends_in_a_traceback(tmp_path: Path) -> None:
    need(shutil.which("fc-list") is not None, "fontconfig (fc-list)")
    src = tmp_path / "report.xlsx"  # an ASCII name: the shell of a C locale could not have typed it
    shutil.copy(EXAMPLE, src)
    src_dir = Path(__file__).parent.parent / "src"
    env = {**os.environ, "LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONPATH": str(src_dir)}
    done = subprocess.run(
        [sys.executable, "-m", "govreport", "build", str(src), "-o", str(tmp_path / "out")],
        capture_output=True,
        env=env,
        timeout=300,
    )
    output = (done.stdout + done.stderr).decode("utf-8")
    assert "Traceback" not in output
    if done.returncode == 0:  # a file system that takes the Chinese output name as it is
        assert sorted(p.suffix for p in (tmp_path / "out").iterdir()) == [".docx", ".pdf"]
    else:
        assert done.returncode == 1
        assert "不能表示中文文件名" in output and "UTF-8" in output
        assert not (tmp_path / "out").exists() or not any((tmp_path / "out").iterdir())
