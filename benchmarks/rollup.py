"""Roll-up (汇总) of many children: wall time, CPU time and peak memory of ``govreport rollup`` and of
``govreport check PARENT --children DIR``, against ``govreport check DIR`` of the same children (the
read-bound baseline), at two sizes so that memory can be seen flat in N.

    .venv/bin/python benchmarks/rollup.py --n 500 --small 100 --jobs 2 --json benchmarks/rollup_results.json

The children are run.py's synthetic town workbooks (valid, consistent, random figures). Each command runs
as a child process (start-up included, as a user pays it); peak memory is the largest resident set of
any of its processes, CPU time the user + system time of all of them (less sensitive than wall time to
other work on a shared machine). The three commands are run in turn ``--repeat`` times; medians count.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from run import ENV, GOVREPORT, generate, installed_like

Timing = tuple[float, float, float, int]  # wall seconds, CPU seconds, peak MB, exit code


def timed(cmd: list[str]) -> Timing:
    """Run ``cmd`` in a fresh child, measured by a wrapper process so that runs don't mix figures."""
    wrapper = (
        "import resource,subprocess,sys,time,json;t=time.perf_counter();"
        "rc=subprocess.run(sys.argv[1:],stdout=subprocess.DEVNULL,stderr=subprocess.DEVNULL).returncode;"
        "s=time.perf_counter()-t;u=resource.getrusage(resource.RUSAGE_CHILDREN);"
        "print(json.dumps([s,u.ru_utime+u.ru_stime,u.ru_maxrss/1024,rc]))"
    )
    out = subprocess.run(
        [sys.executable, "-c", wrapper, *cmd], capture_output=True, text=True, check=True, env=ENV
    )
    return tuple(json.loads(out.stdout))  # type: ignore[return-value]


def measure(children: Path, out: Path, jobs: int, repeat: int) -> dict[str, object]:
    """``check`` of the folder ``children``, ``rollup`` of it into ``out``, ``check out --children``."""
    j = ["--jobs", str(jobs)]
    commands = {
        "check": [*GOVREPORT, "check", str(children), *j, "--format", "json"],
        "rollup": [
            *GOVREPORT,
            "rollup",
            str(children),
            "-o",
            str(out),
            "--name",
            "示例县人民政府",
            "--force",
            *j,
        ],
        "check_children": [*GOVREPORT, "check", str(out), "--children", str(children), *j],
    }
    runs: dict[str, list[Timing]] = {name: [] for name in commands}
    for _ in range(repeat):  # in turn, so that a slow minute of the machine hits all three alike
        for name, cmd in commands.items():
            runs[name].append(timed(cmd))
    n = len(list(children.glob("*.xlsx")))
    result: dict[str, object] = {"n": n}
    for name, times in runs.items():
        codes = {t[3] for t in times}
        assert codes == {0}, f"{name} exited {codes}"
        seconds = statistics.median(t[0] for t in times)
        cpu = statistics.median(t[1] for t in times)
        result[name] = {
            "seconds": round(seconds, 3),
            "runs": [round(t[0], 3) for t in times],
            "children_per_second": round(n / seconds, 1),
            "cpu_seconds": round(cpu, 3),
            "cpu_ms_per_child": round(1000 * cpu / n, 2),
            "peak_mb": round(max(t[2] for t in times), 1),
        }
    return result


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--n", type=int, default=500, help="children of the large roll-up")
    parser.add_argument("--small", type=int, default=100, help="children of the small roll-up (memory in N)")
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--workdir", type=Path, default=None)
    parser.add_argument("--json", type=Path, default=None, help="write the results here as JSON too")
    args = parser.parse_args()
    work = args.workdir or Path(tempfile.mkdtemp(prefix="govreport-rollup-bench-"))
    installed_like(work)
    large, small = work / "large", work / "small"
    if not large.exists():
        generate(large, args.n, broken=0)
    small.mkdir(parents=True, exist_ok=True)
    for path in sorted(large.glob("*.xlsx"))[: args.small]:
        if not (small / path.name).exists():
            (small / path.name).symlink_to(path)
    timed([*GOVREPORT, "check", str(sorted(small.glob("*.xlsx"))[0])])  # bytecode and caches, uncounted
    results = {
        "machine": {
            "python": platform.python_version(),
            "cpus": os.cpu_count(),
            "load_before": os.getloadavg(),
        },
        "jobs": args.jobs,
        "small": measure(small, work / "small.xlsx", args.jobs, args.repeat),
        "large": measure(large, work / "large.xlsx", args.jobs, args.repeat),
    }
    text = json.dumps(results, ensure_ascii=False, indent=2)
    print(text)
    if args.json:
        args.json.write_text(text + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
