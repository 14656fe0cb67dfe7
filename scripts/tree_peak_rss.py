#!/usr/bin/env python3
"""Runs a command and measures the peak RSS of the JVMs of its process tree, for Spark's local-cluster
masters, whose executors are separate JVMs started by the driver (short helpers such as rm are left out).

Every INTERVAL seconds (default 0.25) it walks the command's descendants in /proc and keeps, for each
process, the last VmHWM it read (the kernel's high-water mark of that process's resident set, which only
grows, so the last reading before the process exits is its peak up to one interval). peak_rss_mb is the
sum of those peaks over the tree: an upper bound of the tree's simultaneous RSS (the driver and the
executors need not peak at the same moment). Also the wall time.

usage: scripts/tree_peak_rss.py OUT.json [--interval S] -- COMMAND [ARGS...]
Writes OUT.json ({"process_seconds", "peak_rss_mb", "processes": [{"pid", "name", "peak_rss_mb"}, ...]});
exits with the command's exit status.
"""
import json, os, subprocess, sys, time

args = sys.argv[1:]
if len(args) < 3 or "--" not in args:
    sys.exit(__doc__)
split = args.index("--")
out, options, command = args[0], args[1:split], args[split + 1:]
interval = float(options[options.index("--interval") + 1]) if "--interval" in options else 0.25
if not command:
    sys.exit("tree_peak_rss.py: no command after --")


def children_of():
    """Maps each live pid to its children's pids, from /proc/PID/stat."""
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    stat = f.read()
            except OSError:
                continue  # gone meanwhile
            ppid = int(stat[stat.rindex(")") + 2:].split()[1])  # the name may hold spaces and parentheses
            children.setdefault(ppid, []).append(int(entry))
    return children


def sample(root, peaks):
    children, todo = children_of(), [root]
    while todo:
        pid = todo.pop()
        todo.extend(children.get(pid, []))
        try:
            with open(f"/proc/{pid}/status") as f:
                status = dict(line.split(":", 1) for line in f if ":" in line)
        except OSError:
            continue
        if "VmHWM" in status and status["Name"].strip() == "java":  # the JVMs; zombies have no VmHWM
            kb = int(status["VmHWM"].split()[0])
            name = "driver" if pid == root else "java"
            try:
                with open(f"/proc/{pid}/cmdline", "rb") as f:
                    if b"CoarseGrainedExecutorBackend" in f.read():
                        name = "executor"
            except OSError:
                pass
            peaks[pid] = (name, max(kb, peaks.get(pid, ("", 0))[1]))


started = time.monotonic()
process = subprocess.Popen(command)
peaks = {}
while process.poll() is None:
    sample(process.pid, peaks)
    time.sleep(interval)
seconds = time.monotonic() - started
processes = [{"pid": pid, "name": name, "peak_rss_mb": round(kb / 1024)} for pid, (name, kb) in sorted(peaks.items())]
with open(out, "w") as f:
    json.dump({"process_seconds": round(seconds, 1), "peak_rss_mb": round(sum(kb for _, kb in peaks.values()) / 1024),
               "processes": processes}, f)
    f.write("\n")
sys.exit(process.returncode)
