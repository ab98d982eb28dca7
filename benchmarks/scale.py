"""Throughput and memory of ``warledger run``: one core (``--engine local``) against ``--engine dask --workers 2``.

    .venv/bin/python benchmarks/scale.py --articles 20000 --small 5000 --workers 2

Writes a synthetic WARC corpus (``benchmarks/make_corpus.py``, fixed seed) once into ``--corpus``, then runs
``warledger run`` as a separate process for each engine on a small subset of the files and on all of them, and
reads each run's ``summary.json``: documents/s of the extraction stage (workers warming up included, cluster start
and planning excluded), documents/s over the whole command, and the peak resident memory of every worker process
(VmHWM). Memory that stays flat from the small to the large corpus shows that workers stream their partitions.
The machine's load average is recorded before and after each run, because other work on it slows the figures.
Prints one JSON object per run and a table at the end.
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from make_corpus import make_corpus  # noqa: E402


def corpus_files(folder: Path, *, articles: int, per_file: int, seed: int) -> list[str]:
    """The corpus's WARC files, written unless a marker says this exact corpus is already there."""
    marker = folder / ".corpus.json"  # hidden: a run over the folder walks past it
    wanted = {"articles": articles, "per_file": per_file, "seed": seed}
    if not marker.exists() or json.loads(marker.read_text())["spec"] != wanted:
        shutil.rmtree(folder, ignore_errors=True)
        started = time.perf_counter()
        written = make_corpus(folder, articles=articles, per_file=per_file, seed=seed)
        info = {"spec": wanted, "pages": sum(f.pages for f in written), "foreign": sum(f.foreign for f in written),
                "bytes": sum(Path(f.path).stat().st_size for f in written),
                "mean_words_english": round(sum(f.words for f in written) / max(1, sum(f.pages - f.foreign
                                                                                        for f in written))),
                "seconds": round(time.perf_counter() - started, 1)}
        marker.write_text(json.dumps(info, indent=2))
    print(f"corpus: {marker.read_text()}", file=sys.stderr)
    return sorted(str(p) for p in folder.glob("crawl-*.warc.gz"))


def one_run(files: list[str], *, engine: str, workers: int, partition_size: int, db: bool) -> dict[str, Any]:
    """Run ``warledger run`` in a fresh process and return its summary with the load around it."""
    with tempfile.TemporaryDirectory(prefix="warledger-bench-") as scratch:
        out = Path(scratch) / "out"
        argv = [sys.executable, "-m", "warledger.cli", "run", *files, "--engine", engine, "--out", str(out),
                "--partition-size", str(partition_size)]
        argv += ["--db", str(Path(scratch) / "bench.duckdb")] if db else ["--no-db"]
        if engine == "dask":
            argv += ["--workers", str(workers)]
        load_before = os.getloadavg()
        started = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, check=False)
        wall = time.perf_counter() - started
        if done.returncode not in (0, 1):
            raise SystemExit(f"warledger run failed ({done.returncode}):\n{done.stderr}")
        summary = json.loads((out / "summary.json").read_text())
    return {
        "engine": engine,
        "workers": summary["workers"],
        "documents": summary["documents"],
        "extracted": summary["extracted"],
        "incidents": summary["incidents"],
        "extract_seconds": round(summary["extract_seconds"], 1),
        "docs_per_s": round(summary["documents_per_second"], 2),
        "command_seconds": round(wall, 1),
        "docs_per_s_command": round(summary["documents"] / wall, 2),
        "docs_per_cpu_s": round(summary["documents_per_cpu_second"], 2),
        "cpu_seconds": sorted(summary["cpu_seconds"].values()),
        "peak_rss_mb": sorted(round(v / 2**20) for v in summary["peak_rss"].values()),
        "load_before": [round(x, 2) for x in load_before],
        "load_after": [round(x, 2) for x in os.getloadavg()],
        "command": "warledger " + " ".join(argv[3:]),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=20_000, help="pages in the large corpus (default 20000)")
    parser.add_argument("--small", type=int, default=5_000, help="pages in the small subset (default 5000)")
    parser.add_argument("--per-file", type=int, default=1_000, help="pages per WARC file (default 1000)")
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--partition-size", type=int, default=250)
    parser.add_argument("--corpus", type=Path, default=Path(tempfile.gettempdir()) / "warledger-scale-corpus")
    parser.add_argument("--engines", default="local,dask", help="comma-separated (default local,dask)")
    parser.add_argument("--sizes", default="small,large", help="comma-separated (default small,large)")
    parser.add_argument("--repeat", type=int, default=1, help="run every size and engine this many times, "
                        "alternating engines so that changes in the machine's load hit both (default 1)")
    parser.add_argument("--db", action="store_true", help="also load the database (and fuse) in each run")
    args = parser.parse_args(argv)
    if args.small % args.per_file:
        parser.error("--small must be a multiple of --per-file (the small corpus is the first files)")
    files = corpus_files(args.corpus, articles=args.articles, per_file=args.per_file, seed=args.seed)
    subsets = {"small": files[: args.small // args.per_file], "large": files}
    results = []
    for round_ in range(1, args.repeat + 1):
        for size in args.sizes.split(","):
            for engine in args.engines.split(","):
                result = {"round": round_, "size": size, **one_run(subsets[size], engine=engine, workers=args.workers,
                                                                   partition_size=args.partition_size, db=args.db)}
                print(json.dumps(result), flush=True)
                results.append(result)
    header = f"{'round':5} {'size':6} {'engine':6} {'docs':>6} {'docs/s':>7} {'cmd docs/s':>10} {'docs/cpu-s':>10}"
    print(f"\n{header} {'peak RSS MB':>12} load before/after")
    for r in results:
        print(f"{r['round']:<5} {r['size']:6} {r['engine']:6} {r['documents']:>6} {r['docs_per_s']:>7} "
              f"{r['docs_per_s_command']:>10} {r['docs_per_cpu_s']:>10} {'/'.join(map(str, r['peak_rss_mb'])):>12} "
              f"{r['load_before'][0]}/{r['load_after'][0]}")
    by = {(r["round"], r["size"], r["engine"]): r for r in results}
    for round_, size, engine in sorted(by):
        if engine == "dask" and (round_, size, "local") in by:
            ratio = by[(round_, size, "dask")]["docs_per_s"] / by[(round_, size, "local")]["docs_per_s"]
            print(f"round {round_}, {size}: dask/local = {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    sys.exit(main())
