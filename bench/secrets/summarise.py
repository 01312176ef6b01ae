#!/usr/bin/env python3
"""Turns the raw outputs of bench/secrets/run.sh into bench/out/secrets/summary.md (markdown tables)."""
import json
import os
import re
import sys
from collections import defaultdict

out, labelled = sys.argv[1], sys.argv[2]


def elapsed_and_rss(path):
    text = open(path).read()
    wall = re.search(r"Elapsed \(wall clock\) time.*: (?:(\d+):)?(\d+):([\d.]+)", text)
    hours = int(wall.group(1) or 0)
    seconds = hours * 3600 + int(wall.group(2)) * 60 + float(wall.group(3))
    cpu = float(re.search(r"User time \(seconds\): ([\d.]+)", text).group(1)) + float(re.search(r"System time \(seconds\): ([\d.]+)", text).group(1))
    rss_mb = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", text).group(1)) / 1024
    return seconds, cpu, rss_mb


def row(name, megabytes, files, seconds, cpu, rss):
    return f"| {name} | {files} | {megabytes:.1f} | {seconds:.2f} | {megabytes / seconds:.1f} | {files / seconds:.0f} | {cpu:.2f} | {megabytes / cpu:.1f} | {rss:.0f} |"


tokenize = json.load(open(f"{out}/tokenize.json"))
detect = json.load(open(f"{out}/detect.json"))
embedded = json.load(open(f"{out}/tokenize-embedded.json"))
_, _, embedded_rss = elapsed_and_rss(f"{out}/tokenize-embedded-time.txt")
_, _, tokenize_rss = elapsed_and_rss(f"{out}/tokenize-time.txt")
_, _, detect_rss = elapsed_and_rss(f"{out}/detect-time.txt")
_, tokenize_cpu, _ = elapsed_and_rss(f"{out}/tokenize-time.txt")
_, detect_cpu, _ = elapsed_and_rss(f"{out}/detect-time.txt")
scanner_s, scanner_cpu, scanner_rss = elapsed_and_rss(f"{out}/scanner-time.txt")
sl_s, sl_cpu, sl_rss = elapsed_and_rss(f"{out}/secretlint-time.txt")
sl_start_s, sl_start_cpu, _ = elapsed_and_rss(f"{out}/secretlint-startup-time.txt")
corpus_mb = int(open(f"{out}/corpus-bytes.txt").read()) / 1e6
sample_mb = int(open(f"{out}/secretlint-sample-bytes.txt").read()) / 1e6
sample_files = sum(1 for _ in open(f"{out}/secretlint-sample.txt"))
files = detect["files"]
version = open(f"{out}/secretlint-version.txt").read().strip() if os.path.exists(f"{out}/secretlint-version.txt") else "secretlint"

print("## Throughput\n")
print(f"Corpus: {files} generated flow definitions, {corpus_mb:.0f} MB; {os.cpu_count()} cores; {version} given the first {sample_files} files ({sample_mb:.1f} MB).")
print("In-process rows are the median of five parallel passes after a warm-up, each reading its files (peak memory is the whole process); the CLI and secretlint rows are whole processes, start-up included.\n")
print("| Run | Files | MB | Wall s | MB/s | Files/s | CPU s | MB per CPU s | Peak RSS MB |")
print("| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |")
print(f"| tokenise only (Utf8JsonReader), median pass | {files} | {tokenize['megabytes']:.1f} | {tokenize['seconds']:.2f} | {tokenize['mbPerSecond']:.1f} | {tokenize['filesPerSecond']:.0f} | {tokenize['cpuSeconds']:.2f} | {tokenize['mbPerCpuSecond']:.1f} | {tokenize_rss:.0f} |")
print(f"| tokenise, embedded JSON strings too, median pass | {files} | {embedded['megabytes']:.1f} | {embedded['seconds']:.2f} | {embedded['mbPerSecond']:.1f} | {embedded['filesPerSecond']:.0f} | {embedded['cpuSeconds']:.2f} | {embedded['mbPerCpuSecond']:.1f} | {embedded_rss:.0f} |")
print(f"| SecretDetector.ScanJson, median pass | {files} | {detect['megabytes']:.1f} | {detect['seconds']:.2f} | {detect['mbPerSecond']:.1f} | {detect['filesPerSecond']:.0f} | {detect['cpuSeconds']:.2f} | {detect['mbPerCpuSecond']:.1f} | {detect_rss:.0f} |")
print(row("scanner secrets --format json (process)", corpus_mb, files, scanner_s, scanner_cpu, scanner_rss))
print(row(f"secretlint (process, {sample_files} files)", sample_mb, sample_files, sl_s, sl_cpu, sl_rss))
sl_net = max(sl_s - sl_start_s, 0.001)
print(f"| secretlint minus its 1-file start-up ({sl_start_s:.2f} s) | {sample_files} | {sample_mb:.1f} | {sl_net:.2f} | {sample_mb / sl_net:.1f} | {sample_files / sl_net:.0f} | - | - | - |")
print()
sl_cpu_rate = sample_mb / max(sl_cpu - sl_start_cpu, 0.001)
print(f"* Detection vs tokenising, same files: {detect['seconds'] / tokenize['seconds']:.1f}x the wall time, {detect['cpuSeconds'] / tokenize['cpuSeconds']:.1f}x the CPU time.")
print(f"* Detection vs tokenising including the embedded JSON documents: {detect['seconds'] / embedded['seconds']:.1f}x the wall time, {detect['cpuSeconds'] / embedded['cpuSeconds']:.1f}x the CPU time.")
interleaved = json.load(open(f"{out}/interleaved.json"))


def ratio(r):
    return f"{r['wall']:.2f}x the wall time ({r['wallRange'][0]:.2f}-{r['wallRange'][1]:.2f}), {r['cpu']:.2f}x the CPU time ({r['cpuRange'][0]:.2f}-{r['cpuRange'][1]:.2f})"


print(f"* The same ratios from passes run back to back in one process ({interleaved['rounds']} rounds, median and range of the per-round ratios; "
      "the rows above come from separate processes, which the machine's speed can tilt):")
print(f"  * detection vs tokenising: {ratio(interleaved['detectVsTokenize'])};")
print(f"  * detection vs tokenising with the embedded JSON documents: {ratio(interleaved['detectVsTokenizeEmbedded'])}.")
print(f"* Library vs secretlint (net of its start-up): {detect['mbPerSecond'] / (sample_mb / sl_net):.0f}x the MB/s by wall time, {detect['mbPerCpuSecond'] / sl_cpu_rate:.0f}x per CPU second.")
print(f"* Whole `scanner secrets` process (start-up, JIT, output included) vs whole secretlint process: {(corpus_mb / scanner_s) / (sample_mb / sl_s):.0f}x the MB/s by wall time, {(corpus_mb / scanner_cpu) / (sample_mb / sl_cpu):.0f}x per CPU second.")
print()
memory = {mode: json.load(open(f"{out}/{mode}-in-memory.json")) for mode in ("tokenize", "tokenize-embedded", "detect")}
print("The work alone: every file read into memory first, then passes on one thread (median of five after a warm-up):\n")
print("| Run | MB | s per pass | MB/s | Managed allocation per pass MB |")
print("| --- | ---: | ---: | ---: | ---: |")
for mode, name in (("tokenize", "tokenise only"), ("tokenize-embedded", "tokenise, embedded JSON strings too"), ("detect", "SecretDetector.ScanJson")):
    m = memory[mode]
    print(f"| {name} | {m['megabytes']:.1f} | {m['medianSeconds']:.3f} | {m['mbPerSecond']:.1f} | {m['allocatedMbPerPass']:.1f} |")
print()
print(f"* In memory, one thread: detection is {memory['detect']['medianSeconds'] / memory['tokenize']['medianSeconds']:.1f}x bare tokenising and {memory['detect']['medianSeconds'] / memory['tokenize-embedded']['medianSeconds']:.1f}x tokenising with the embedded documents.")
print(f"* Machine load average during the run: {open('/proc/loadavg').read().split()[0]} (other builds share these cores; wall times are noisy, CPU times less so).")

# ---- recall on the labelled corpus
labels = [json.loads(line) for line in open(f"{labelled}/labels.jsonl")]
sl_messages = defaultdict(list)
for entry in json.load(open(f"{out}/secretlint-labelled.json")):
    rel = "flows/" + os.path.basename(entry["filePath"])
    text = entry.get("sourceContent") or open(entry["filePath"]).read()
    for message in entry["messages"]:
        start, end = message["range"]
        sl_messages[rel].append((message["ruleId"], text[start:end]))
scanner = json.load(open(f"{out}/scanner-labelled.json"))
ours = {(f["file"].split("flows/")[-1], f["jsonPointer"], f["secretType"]) for f in scanner["findings"]}

per_type = defaultdict(lambda: [0, 0, 0])
matched_messages = 0
for label in labels:
    name = label["file"].split("flows/")[-1]
    stats = per_type[label["type"]]
    stats[0] += 1
    value = label["value"]
    if any(len(found) >= 8 and (found in value or value in found) for _, found in sl_messages[label["file"]]):
        stats[1] += 1
    if (name, label["pointer"], label["type"]) in ours:
        stats[2] += 1
total_sl_messages = sum(len(v) for v in sl_messages.values())

print("\n## Planted secrets found on the labelled corpus (300 definitions)\n")
print("| Secret type | Planted | secretlint found | scanner secrets found |")
print("| --- | ---: | ---: | ---: |")
for kind in sorted(per_type):
    planted, by_secretlint, by_us = per_type[kind]
    print(f"| {kind} | {planted} | {by_secretlint} | {by_us} |")
planted = sum(v[0] for v in per_type.values())
print(f"| **all** | {planted} | {sum(v[1] for v in per_type.values())} | {sum(v[2] for v in per_type.values())} |")
print(f"\nsecretlint reported {total_sl_messages} message(s) in total on the labelled corpus; scanner reported {len(scanner['findings'])} finding(s).")
