#!/usr/bin/env python3
"""The figures of bench/load.sh's Gatling reports as Markdown: per run, per request, the throughput over the measured
phase and p50/p95/p99; per run the ratio Lối Về / bare engine of completed flows per second, and the audited person
read against the unaudited case read. Reads each report's js/stats.json and the run.json load.sh wrote beside it."""
import json
import pathlib
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/gatling")


def requests(stats):
    for entry in stats.get("contents", {}).values():
        if entry["type"] == "REQUEST":
            yield entry["name"], entry["stats"]
        else:
            yield from requests(entry)


def stats_of(report):
    text = (report / "js" / "stats.json").read_text(encoding="utf-8")
    return dict(requests(json.loads(text)))


def flows_per_second(rows, prefix, seconds):
    """Flows completed in the measured phase: its last request that succeeded, over the phase."""
    last = rows.get(prefix + ": person read (audited)") or rows.get(prefix + ": read variables")
    return last["numberOfRequests"]["ok"] / seconds if last else float("nan")


runs = []
for report in sorted(root.glob("loadsimulation-*")):
    meta = report / "run.json"
    if meta.exists() and (report / "js" / "stats.json").exists():
        runs.append((json.loads(meta.read_text()), report, stats_of(report)))
runs.sort(key=lambda run: (run[0]["nodes"], run[0]["users"]))

print("| nodes | users | request | ok | ko | per second | p50 ms | p95 ms | p99 ms |")
print("|---:|---:|---|---:|---:|---:|---:|---:|---:|")
for meta, report, rows in runs:
    for name, s in rows.items():
        if name.startswith("warm-up"):
            continue
        seconds = meta["readSeconds"] if name.startswith("reads") else meta["seconds"]
        n = s["numberOfRequests"]
        print(f"| {meta['nodes']} | {meta['users']} | {name} | {n['ok']} | {n['ko']} | {n['total'] / seconds:.1f} "
              f"| {s['percentiles1']['ok']} | {s['percentiles3']['ok']} | {s['percentiles4']['ok']} |")

print()
print("| nodes | users | bare engine flows/s | Lối Về flows/s | ratio Lối Về / bare | person read p50 / case read p50 "
      "| p95 / p95 | reads per second, person / case | load average before → after | report |")
print("|---:|---:|---:|---:|---:|---:|---:|---:|---|---|")
for meta, report, rows in runs:
    bare = flows_per_second(rows, "bare", meta["seconds"])
    loive = flows_per_second(rows, "loive", meta["seconds"])
    case = rows.get("reads: case read (unaudited)")
    person = rows.get("reads: person read (audited)")
    reads = "—", "—", "—"
    if case and person:
        reads = (f"{person['percentiles1']['ok'] / max(case['percentiles1']['ok'], 1):.2f}",
                 f"{person['percentiles3']['ok'] / max(case['percentiles3']['ok'], 1):.2f}",
                 f"{person['numberOfRequests']['ok'] / meta['readSeconds']:.1f} / "
                 f"{case['numberOfRequests']['ok'] / meta['readSeconds']:.1f}")
    print(f"| {meta['nodes']} | {meta['users']} | {bare:.1f} | {loive:.1f} | {loive / bare:.2f} | {reads[0]} | {reads[1]} "
          f"| {reads[2]} | {meta['loadBefore']} → {meta['loadAfter']} | {report.name} |")
