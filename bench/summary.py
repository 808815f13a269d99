#!/usr/bin/env python3
"""The figures of bench/load.sh's Gatling reports as Markdown: per run, per request, the throughput over the measured
phase and p50/p95/p99; per run the ratio Lối Về / bare engine of completed flows per second, and the audited person
read against the unaudited case read. Reads each report's index.html and the run.json load.sh wrote beside it."""
import html
import json
import pathlib
import re
import sys

root = pathlib.Path(sys.argv[1] if len(sys.argv) > 1 else "target/gatling")


ROW = re.compile(r'class="ellipsed-name">(?P<name>[^<]*)</span>(?P<cells>.*?)</tr>', re.S)
CELL = re.compile(r'<td class="value [a-z]+ col-(\d+)">([^<]*)</td>')
COLUMNS = {2: "total", 3: "ok", 4: "ko", 8: "p50", 10: "p95", 11: "p99"}


def stats_of(report):
    """Per request: counts and percentiles, from the statistics table of the report's index.html (Gatling 3.15
    keeps no stats.json)."""
    rows = {}
    for row in ROW.finditer((report / "index.html").read_text(encoding="utf-8")):
        cells = {int(column): value for column, value in CELL.findall(row.group("cells"))}
        rows[html.unescape(row.group("name"))] = {
            key: float(cells[column].replace(",", "")) for column, key in COLUMNS.items() if column in cells}
    return rows


def flows_per_second(rows, prefix, seconds):
    """Flows completed in the measured phase: its last request that succeeded, over the phase."""
    last = rows.get(prefix + ": person read (audited)") or rows.get(prefix + ": read variables")
    return last["ok"] / seconds if last else float("nan")


runs = []
for report in sorted(root.glob("loadsimulation-*")):
    meta = report / "run.json"
    if meta.exists() and (report / "index.html").exists():
        runs.append((json.loads(meta.read_text()), report, stats_of(report)))
runs.sort(key=lambda run: (run[0]["nodes"], run[0]["users"]))

configs = [(meta, rows) for meta, report, rows in runs]
print("| request: per second · p50 / p95 / p99 ms | "
      + " | ".join(f"{m['nodes']} node{'s' if m['nodes'] > 1 else ''}, {m['users']} users" for m, _ in configs) + " |")
print("|---|" + "---:|" * len(configs))
names = []
for _, rows in configs:
    names += [name for name in rows if name not in names and not name.startswith("warm-up") and name != "All Requests"]
for name in names:
    cells = []
    for meta, rows in configs:
        r = rows.get(name)
        seconds = meta["readSeconds"] if name.startswith("reads") else meta["seconds"]
        cells.append("—" if r is None else f"{r['ok'] / seconds:.1f} · {r['p50']:.0f} / {r['p95']:.0f} / {r['p99']:.0f}"
                     + (f" ({r['ko']:.0f} failed)" if r["ko"] else ""))
    print(f"| {name} | " + " | ".join(cells) + " |")

print()
print("| nodes | users | bare engine flows/s | Lối Về flows/s | ratio Lối Về / bare "
      "| audited person read / unaudited case read, reads alone: p50, p95 | reads alone per second, person / case "
      "| within the flow, audited person read / the unaudited inbox read: p50, p95 | load average before → after | report |")
print("|---:|---:|---:|---:|---:|---|---|---|---|---|")
for meta, report, rows in runs:
    bare = flows_per_second(rows, "bare", meta["seconds"])
    loive = flows_per_second(rows, "loive", meta["seconds"])
    case = rows.get("reads: case read (unaudited)")
    person = rows.get("reads: person read (audited)")
    reads = "—", "—"
    if case and person:
        reads = (f"{person['p50'] / max(case['p50'], 1):.2f}, {person['p95'] / max(case['p95'], 1):.2f}",
                 f"{person['ok'] / meta['readSeconds']:.1f} / {case['ok'] / meta['readSeconds']:.1f}")
    flow = "—"
    in_inbox, in_person = rows.get("loive: inbox, the case's tasks"), rows.get("loive: person read (audited)")
    if in_inbox and in_person:
        flow = f"{in_person['p50'] / max(in_inbox['p50'], 1):.2f}, {in_person['p95'] / max(in_inbox['p95'], 1):.2f}"
    print(f"| {meta['nodes']} | {meta['users']} | {bare:.1f} | {loive:.1f} | {loive / bare:.2f} | {reads[0]} | {reads[1]} "
          f"| {flow} | {meta['loadBefore']} → {meta['loadAfter']} | {report.name} |")
