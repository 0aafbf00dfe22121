"""Throughput and memory of govreport on many workbooks, against the LibreOffice pipeline.

    .venv/bin/python benchmarks/run.py --n 2000 --lo-n 100 --jobs 2

Measures, in one run:
1. check-only throughput (``govreport check DIR --jobs J``), workbooks per second;
2. full build throughput (.docx + PDF, ``govreport build DIR --jobs J``), reports per second;
3. peak memory: the largest resident set of any process of each run (parent or worker);
4. the LibreOffice pipeline on the first ``--lo-n`` reports: ``govreport build --only docx`` then one
   ``soffice --headless --convert-to pdf`` over all of them, against ``govreport build`` of the same files.
   LibreOffice gets a warm profile first (one untimed conversion), as on a user's machine; both sides
   include their own process start-up. soffice may stop part-way through a long file list and still
   exit 0, so the converted PDFs are counted and it is compared per converted report as well as in
   total. 100 reports take LibreOffice ~25 s: long enough that neither side's start-up dominates. Our
   build of the same reports takes ~1.5-2 s and is timed ``--repeat`` times, half right before and half
   right after the pipeline (median), since the VM's speed swings within a minute would otherwise decide
   a single short run.
Each command runs as a child process, so its peak memory is read from ``RUSAGE_CHILDREN``.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from synthetic import make_workbook

GOVREPORT = [sys.executable, "-m", "govreport"]
# What the rounds measure and compare with LibreOffice: the .docx and the PDF (build also writes the portal
# page by default since round 6; `--only` keeps the figures comparable).
DOCX_PDF = ["--only", "docx,pdf"]


ENV = dict(os.environ)


def installed_like(work: Path) -> None:
    """Children run as an installed govreport does: Python's compiled bytecode cached (pip compiles it at
    install time; PYTHONDONTWRITEBYTECODE, set in some sandboxes, would recompile every module in every
    run). The cache goes to the work folder, not into the source tree."""
    ENV.pop("PYTHONDONTWRITEBYTECODE", None)
    ENV["PYTHONPYCACHEPREFIX"] = str(work / "pycache")


def timed(cmd: list[str], **kwargs: object) -> tuple[float, float, int]:
    """Run ``cmd`` in a fresh child; return (seconds, peak MB of the child and its workers, exit code).

    The peak is measured by a wrapper process so that runs don't mix their maxima."""
    wrapper = (
        "import resource,subprocess,sys,time,json;t=time.perf_counter();"
        "rc=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL).returncode;"
        "s=time.perf_counter()-t;m=resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss/1024;"
        "print(json.dumps([s,m,rc]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True, env=ENV, **kwargs
    )  # type: ignore[call-overload]
    seconds, mb, rc = json.loads(out.stdout)
    return seconds, mb, rc


def generate(folder: Path, n: int, broken: int) -> list[Path]:
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        paths.append(make_workbook(folder / f"town-{i:05d}.xlsx", i, broken=i < broken))
    return paths


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=2000, help="synthetic workbooks (valid ones)")
    parser.add_argument("--broken", type=int, default=5, help="of which broken (one rule error each)")
    parser.add_argument("--lo-n", type=int, default=100, help="reports for the LibreOffice comparison")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument(
        "--repeat",
        type=int,
        default=4,
        help="runs of our build of the --lo-n reports (half before, half after)",
    )
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the results here as JSON too")
    args = parser.parse_args()

    work = args.workdir or Path(tempfile.mkdtemp(prefix="govreport-bench-"))
    books = work / "books"
    t0 = time.perf_counter()
    paths = generate(books, args.n, args.broken)
    gen_s = time.perf_counter() - t0
    results: dict[str, object] = {
        "machine": f"{platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}",
        "n": args.n,
        "broken": args.broken,
        "jobs": args.jobs,
        "generate_seconds": round(gen_s, 1),
    }
    jobs = ["--jobs", str(args.jobs)]
    # As on a user's machine after the first run: bytecode compiled, fonts' parsed metrics cached
    # (~/.cache/govreport). Like LibreOffice's profile initialisation below, this run is not counted.
    installed_like(work)
    s_first, _, _ = timed([*GOVREPORT, "build", str(paths[-1]), "-o", str(work / "first"), *DOCX_PDF, *jobs])
    results["govreport_first_run_seconds_not_counted"] = round(s_first, 2)

    s, mb, rc = timed(
        [*GOVREPORT, "check", str(books), *jobs, "--format", "json", "-o", str(work / "check.json")]
    )
    results["check"] = {
        "seconds": round(s, 2),
        "per_second": round(args.n / s, 1),
        "peak_mb": round(mb),
        "exit": rc,
    }

    out = work / "out"
    s, mb, rc = timed(
        [
            *GOVREPORT,
            "build",
            str(books),
            "-o",
            str(out),
            *DOCX_PDF,
            *jobs,
            "--summary",
            str(work / "summary.csv"),
        ]
    )
    built = len(list(out.glob("*.pdf")))
    build_seconds = s
    results["build"] = {
        "seconds": round(s, 2),
        "per_second": round(built / s, 1),
        "peak_mb": round(mb),
        "exit": rc,
        "pdf_built": built,
        "docx_built": len(list(out.glob("*.docx"))),
    }

    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice and args.lo_n:
        subset = work / "subset"
        subset.mkdir(exist_ok=True)
        valid = paths[args.broken :][: args.lo_n]
        for p in valid:
            shutil.copy(p, subset / p.name)
        # Ours takes ~1.5-2 s, short enough for the VM's speed swings (±30 % within a minute) to decide
        # a single run; LibreOffice's ~20 s run averages them out. Ours is timed --repeat times, half
        # right before the LibreOffice pipeline and half right after it, so that both sides are measured
        # under the same conditions; the median counts, and every run is recorded.
        runs: list[float] = []

        def ours(times: int) -> None:
            for _ in range(times):
                out_i = work / f"ours-{len(runs)}"
                runs.append(timed([*GOVREPORT, "build", str(subset), "-o", str(out_i), *DOCX_PDF, *jobs])[0])
                shutil.rmtree(out_i, ignore_errors=True)

        ours((args.repeat + 1) // 2)
        docx_dir = work / "lo-docx"
        s_docx, _, _ = timed([*GOVREPORT, "build", str(subset), "-o", str(docx_dir), "--only", "docx", *jobs])
        profile = Path(tempfile.mkdtemp(prefix="lo-profile-"))
        docs = sorted(str(p) for p in docx_dir.glob("*.docx"))
        # A user's LibreOffice has its profile already: its one-off initialisation is not counted.
        convert = [soffice, f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to", "pdf"]
        s_warm, _, _ = timed([*convert, "--outdir", str(work / "lo-warmup"), docs[0]])
        s_lo, mb_lo, rc_lo = timed([*convert, "--outdir", str(work / "lo-pdf"), *docs])
        ours(args.repeat // 2)
        s_ours = statistics.median(runs)
        n_lo = len(valid)
        converted = len(list((work / "lo-pdf").glob("*.pdf")))
        # soffice may stop early on a long file list and still exit 0 (seen with ~300 files): its time
        # is then per converted file, and the .docx step per report built.
        lo_per_report = s_docx / n_lo + s_lo / max(converted, 1)
        results["libreoffice"] = {
            "reports": n_lo,
            "govreport_build_seconds": round(s_ours, 2),
            "govreport_build_runs": [round(r, 2) for r in runs],
            "docx_then_soffice_seconds": round(s_docx + s_lo, 2),
            "soffice_seconds": round(s_lo, 2),
            "soffice_first_run_seconds_not_counted": round(s_warm, 2),
            "soffice_peak_mb": round(mb_lo),
            "soffice_exit": rc_lo,
            "pdf_converted": converted,
            "pipeline_seconds_per_report": round(lo_per_report, 4),
            "govreport_seconds_per_report": round(s_ours / n_lo, 4),
            # Per converted report (what the pipeline delivered), start-up included on both sides.
            "speedup": round(lo_per_report / (s_ours / n_lo), 1),
            # Both commands' whole times, meaningful only when soffice converted every file.
            "speedup_total": round((s_docx + s_lo) / s_ours, 1) if converted == n_lo else None,
            # Once start-up is spread over a batch: the pipeline's time per report against the full
            # build's time per report over all N workbooks.
            "speedup_per_report_at_n": round(lo_per_report / (build_seconds / built), 1) if built else None,
        }
    print(json.dumps(results, ensure_ascii=False, indent=2))
    if args.json:
        args.json.write_text(json.dumps(results, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
    if not args.workdir:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
