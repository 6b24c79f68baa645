#!/usr/bin/env python3
# Part of nplusone-tidy, under the Apache License v2.0 with LLVM Exceptions.
# SPDX-License-Identifier: Apache-2.0 WITH LLVM-exception
"""The nplusone-tidy performance benchmark.

Times the tool on a set of translation units three ways in one run, the
runs interleaved and repeated:

  baseline     -checks=-*,<baseline check>    parse, Sema, AST traversal
  nplusone     baseline + nplusone-*          what our module adds
  performance  baseline + performance-*       clang-tidy's own module

and once more with --enable-check-profile for the nplusone and performance
configurations, for the per-check time (User+System) of each module.

    python3 bench/run-benchmark.py                 # full run, 5 repetitions
    python3 bench/run-benchmark.py --quick         # smoke run: 1 rep, small inputs
    python3 bench/run-benchmark.py --tool build/llvm-19/bin/nplusone-tidy \\
        --reps 7 --json out.json --markdown out.md

Only the standard library is used. See bench/README.md and
docs/performance.md.
"""

import argparse
import datetime
import glob
import hashlib
import json
import math
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import generate  # noqa: E402  (bench/generate.py, next to this file)

# `-checks=-*` alone does not measure anything: clang-tidy stops with "no
# checks enabled" before parsing. The baseline therefore enables one check
# that only watches #include directives (no AST matchers, negligible work),
# so that clang-tidy parses the file and walks the AST like in any real run.
DEFAULT_BASELINE_CHECK = "portability-restrict-system-includes"

CONFIGS = ["baseline", "nplusone", "performance"]
PROFILED = ["nplusone", "performance"]
MODULE_PREFIX = {"nplusone": "nplusone-", "performance": "performance-"}


def checks_for(config, baseline_check):
    base = f"-*,{baseline_check}"
    return base if config == "baseline" else f"{base},{MODULE_PREFIX[config]}*"


# ---------------------------------------------------------------------------
# Inputs


def qt5_include_dir():
    for d in sorted(glob.glob("/usr/include/*/qt5")) + ["/usr/include/qt5"]:
        if os.path.isdir(os.path.join(d, "QtSql")):
            return d
    return None


def real_inputs(quick):
    """The hand-written services in bench/inputs/ and the repo's examples.

    Each entry names the headers it needs and the Debian packages that
    provide them, so a missing library skips one input, not the run."""
    qt = qt5_include_dir() or "/usr/include/x86_64-linux-gnu/qt5"
    std = ["-std=c++17"]
    inputs = [
        dict(name="pqxx_service", path="bench/inputs/pqxx_service.cpp",
             flags=std, headers=["/usr/include/pqxx/pqxx"],
             packages=["libpqxx-dev", "libpq-dev"]),
        dict(name="sqlite_service", path="bench/inputs/sqlite_service.cpp",
             flags=std, headers=["/usr/include/sqlite3.h"],
             packages=["libsqlite3-dev"]),
        # Qt 5 is built with -reduce-relocations: its headers insist on -fPIC.
        dict(name="qtsql_service", path="bench/inputs/qtsql_service.cpp",
             flags=std + ["-fPIC", "-I" + qt, "-I" + qt + "/QtCore",
                          "-I" + qt + "/QtSql"],
             headers=[qt + "/QtSql/QSqlQuery"], packages=["qtbase5-dev"]),
        # Debian's SOCI is configured with Boost support: it needs Boost's
        # headers too.
        dict(name="soci_service", path="bench/inputs/soci_service.cpp",
             flags=std + ["-I/usr/include/soci"],
             headers=["/usr/include/soci/soci.h",
                      "/usr/include/boost/fusion/algorithm/iteration/"
                      "for_each.hpp"],
             packages=["libsoci-dev", "libboost-dev"]),
        dict(name="poco_service", path="bench/inputs/poco_service.cpp",
             flags=std, headers=["/usr/include/Poco/Data/Session.h"],
             packages=["libpoco-dev"]),
    ]
    for path in sorted(glob.glob(os.path.join(REPO, "examples", "*.cpp"))):
        rel = os.path.relpath(path, REPO)
        inputs.append(dict(name="examples/" + os.path.basename(path),
                           path=rel, flags=std + ["-Iexamples"],
                           headers=["/usr/include/sqlite3.h"],
                           packages=["libsqlite3-dev"]))
    if quick:
        keep = {"pqxx_service", "sqlite_service", "examples/orders_nplusone.cpp"}
        inputs = [i for i in inputs if i["name"] in keep]
    for i in inputs:
        i.update(kind="real", tool_args=[])
    return inputs


def generated_inputs(quick):
    out = []
    for u in generate.generate(os.path.join(HERE, "generated"), quick):
        out.append(dict(name=u["name"], path=os.path.relpath(u["path"], REPO),
                        flags=["-std=c++17"], headers=["/usr/include/pqxx/pqxx"],
                        packages=["libpqxx-dev", "libpq-dev"], kind="generated",
                        series=u["series"], size=u["size"], unit=u["unit"],
                        count=u["count"], tool_args=u["tool_args"]))
    return out


# ---------------------------------------------------------------------------
# Packages and the tool


def dpkg_installed(pkg):
    try:
        r = subprocess.run(["dpkg-query", "-W", "-f=${Status}", pkg],
                           capture_output=True, text=True)
    except FileNotFoundError:
        return None  # not a Debian system: cannot tell
    return r.returncode == 0 and "ok installed" in r.stdout


def ensure_packages(packages, allow_install):
    """Installs missing Debian packages: as root with apt-get, through sudo
    otherwise; without either (or with --no-install) prints the command."""
    missing = [p for p in dict.fromkeys(packages) if dpkg_installed(p) is False]
    if not missing:
        return
    cmd = "apt-get update && apt-get install -y " + " ".join(missing)
    if not allow_install:
        print(f"bench: missing packages (not installing): {cmd}", file=sys.stderr)
        return
    if os.geteuid() == 0:
        apt = ["apt-get"]
    elif shutil.which("sudo"):
        apt = ["sudo", "apt-get"]
    else:
        print(f"bench: missing packages; as root run: {cmd}", file=sys.stderr)
        return
    print(f"bench: installing {' '.join(missing)}", file=sys.stderr)
    env = dict(os.environ, DEBIAN_FRONTEND="noninteractive")
    subprocess.run(apt + ["update", "-qq"], env=env)
    r = subprocess.run(apt + ["install", "-y", "-qq", "--no-install-recommends"]
                       + missing, env=env)
    if r.returncode != 0:
        print(f"bench: installing failed; run: {cmd}", file=sys.stderr)


def find_built_tool():
    """The newest build/llvm-N/bin/nplusone-tidy, else any other build's
    (sanitizer builds are skipped: their timings mean nothing)."""
    versioned = []
    for path in glob.glob(os.path.join(REPO, "build", "*", "bin", "nplusone-tidy")):
        m = re.fullmatch(r"llvm-(\d+)", os.path.basename(os.path.dirname(
            os.path.dirname(path))))
        if m:
            versioned.append((int(m.group(1)), path))
    if versioned:
        return max(versioned)[1]
    others = [p for p in glob.glob(os.path.join(REPO, "build", "*", "bin",
                                                "nplusone-tidy"))
              if "san" not in os.path.basename(os.path.dirname(
                  os.path.dirname(p)))]
    return max(others, key=os.path.getmtime) if others else None


def snapshot_tool(tool):
    """Copies the tool into a private directory and returns the copy's path
    and its SHA-256. A full run takes minutes, during which a rebuild may
    replace or remove the original; every run must use the same binary.
    Debian's LLVM finds its resource headers by absolute path, so the copy
    behaves like the original; a lib/clang next to a self-built LLVM is
    linked along."""
    tmp = tempfile.mkdtemp(prefix="nplusone-bench-")
    os.makedirs(os.path.join(tmp, "bin"))
    copy = os.path.join(tmp, "bin", os.path.basename(tool))
    shutil.copy2(tool, copy)
    resources = os.path.join(os.path.dirname(os.path.dirname(tool)), "lib", "clang")
    if os.path.isdir(resources):
        os.makedirs(os.path.join(tmp, "lib"))
        os.symlink(resources, os.path.join(tmp, "lib", "clang"))
    with open(copy, "rb") as f:
        digest = hashlib.sha256(f.read()).hexdigest()
    return tmp, copy, digest


def resolve_tool(arg, allow_install):
    if arg:
        tool = os.path.abspath(arg)
        if not os.access(tool, os.X_OK):
            sys.exit(f"bench: {arg} is not an executable")
        return tool
    tool = find_built_tool()
    if tool:
        return tool
    print("bench: no built nplusone-tidy under build/; building one with "
          "utils/lib/common.sh", file=sys.stderr)
    script = ('source utils/lib/common.sh && '
              'v=$(nplusone_newest_llvm || echo 19) && ')
    if allow_install:
        script += ('nplusone_ensure_packages $(nplusone_base_packages) '
                   '$(nplusone_llvm_packages "$v") && ')
    script += 'nplusone_build "$v" "$NPLUSONE_ROOT/build/llvm-$v"'
    if subprocess.run(["bash", "-c", script], cwd=REPO).returncode != 0:
        sys.exit("bench: building nplusone-tidy failed")
    tool = find_built_tool()
    if not tool:
        sys.exit("bench: the build produced no nplusone-tidy")
    return tool


# ---------------------------------------------------------------------------
# Running and measuring


def run_once(cmd):
    """Runs one child; returns wall time, the child's own CPU time and peak
    RSS (from os.wait4, so nothing else is counted), exit code and output."""
    with tempfile.TemporaryFile() as out:
        start = time.perf_counter()
        proc = subprocess.Popen(cmd, cwd=REPO, stdin=subprocess.DEVNULL,
                                stdout=out, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)
        out.seek(0)
        text = out.read().decode(errors="replace")
    return dict(wall=wall, cpu=usage.ru_utime + usage.ru_stime,
                maxrss_kb=usage.ru_maxrss, rc=proc.returncode, output=text)


def tool_command(tool, tu, checks, profile_dir=None):
    # An explicit --config keeps any .clang-tidy file around the inputs out.
    config = [a for a in tu["tool_args"] if a.startswith("--config=")] or [
        "--config={}"]
    cmd = [tool, f"-checks={checks}"] + config
    cmd += [a for a in tu["tool_args"] if not a.startswith("--config=")]
    if profile_dir:
        cmd += ["--enable-check-profile", f"--store-check-profile={profile_dir}"]
    return cmd + [tu["path"], "--"] + tu["flags"]


TABLE_ROW = re.compile(r"^\s*(.*?)\s+(\S+)\s*$")


def parse_profile_table(text):
    """Fallback for the "clang-tidy checks profiling" table on stderr: maps
    each check to its User+System seconds. Columns are read from the header,
    since LLVM omits the System column when it is all zero."""
    result = {}
    lines = text.splitlines()
    for i, line in enumerate(lines):
        if "clang-tidy checks profiling" not in line:
            continue
        header_at = next((j for j in range(i, len(lines))
                          if "--- Name ---" in lines[j]), None)
        if header_at is None:
            break
        cols = re.findall(r"-{2,}\s*([A-Za-z+ ]+?)\s*-{2,}", lines[header_at])
        for row in lines[header_at + 1:]:
            nums = re.findall(r"(\d+\.\d+)\s+\(\s*[\d.]+%\)", row)
            if not nums:
                break
            name = row.rsplit(")", 1)[-1].strip()
            values = dict(zip(cols, map(float, nums)))
            if "User+System" in values:
                secs = values["User+System"]
            else:
                secs = values.get("User Time", 0.0) + values.get("System Time", 0.0)
            if name != "Total":
                result[name] = secs
        break
    return result


def read_profile(profile_dir, output):
    """Per-check User+System seconds of one profiled run: from the JSON file
    of --store-check-profile (full precision), else from the table."""
    files = glob.glob(os.path.join(profile_dir, "*.json"))
    if files:
        with open(files[0]) as f:
            prof = json.load(f)["profile"]
        per_check = {}
        for key, value in prof.items():
            m = re.fullmatch(r"time\.clang-tidy\.(.+)\.(user|sys)", key)
            if m:
                per_check[m.group(1)] = per_check.get(m.group(1), 0.0) + value
        return per_check
    return parse_profile_table(output)


def module_seconds(per_check, prefix):
    return sum(v for k, v in per_check.items() if k.startswith(prefix))


def first_errors(output, limit=3):
    errs = [l for l in output.splitlines() if ": error:" in l or
            l.startswith("Error")]
    return "\n    ".join(errs[:limit]) or output.strip()[-400:]


def validate(tool, tu, baseline_check):
    """Untimed warm-up (page cache, dynamic loader) that also checks the
    input compiles and counts our findings."""
    r = run_once(tool_command(tool, tu, checks_for("nplusone", baseline_check)))
    if r["rc"] != 0 or re.search(r": error:", r["output"]):
        return None, first_errors(r["output"])
    return len(re.findall(r": warning: .*\[nplusone-", r["output"])), None


def measure(tool, tus, reps, baseline_check, progress):
    """The interleaved schedule: every repetition visits every input and, for
    each, runs all configurations back to back, rotating their order so no
    configuration always runs first (cold caches) or last."""
    for tu in tus:
        tu["samples"] = {c: [] for c in CONFIGS}
        tu["profile_samples"] = {c: [] for c in PROFILED}
    total = reps * len(tus) * (len(CONFIGS) + len(PROFILED))
    done = 0
    for rep in range(reps):
        for idx, tu in enumerate(tus):
            shift = (rep + idx) % len(CONFIGS)
            order = CONFIGS[shift:] + CONFIGS[:shift]
            prof_order = PROFILED if (rep + idx) % 2 == 0 else PROFILED[::-1]
            for config in order:
                r = run_once(tool_command(tool, tu,
                                          checks_for(config, baseline_check)))
                if r["rc"] != 0:
                    sys.exit(f"bench: {tu['name']} failed under {config}:\n    "
                             + first_errors(r["output"]))
                tu["samples"][config].append(
                    dict(wall=r["wall"], cpu=r["cpu"], maxrss_kb=r["maxrss_kb"]))
                done += 1
            for config in prof_order:
                with tempfile.TemporaryDirectory() as pdir:
                    r = run_once(tool_command(tool, tu,
                                              checks_for(config, baseline_check),
                                              pdir))
                    if r["rc"] != 0:
                        sys.exit(f"bench: {tu['name']} failed under {config} "
                                 "(profiled):\n    " + first_errors(r["output"]))
                    per_check = read_profile(pdir, r["output"])
                mod = module_seconds(per_check, MODULE_PREFIX[config])
                tu["profile_samples"][config].append(
                    dict(module=mod, run_cpu=r["cpu"], wall=r["wall"],
                         per_check=per_check))
                done += 1
            progress(done, total, rep, tu)


# ---------------------------------------------------------------------------
# Statistics


def median(xs):
    return statistics.median(xs) if xs else float("nan")


def pct(num, den):
    return 100.0 * num / den if den else float("nan")


def paired_overhead(config, baseline):
    """Median over repetitions of (config - baseline) / baseline, each
    repetition's runs taken together. The runs of one repetition ran back to
    back under the same machine conditions, so on a shared or throttled
    machine the paired ratio is far steadier than a ratio of medians (which
    may come from different repetitions)."""
    return median([pct(c - b, b) for c, b in zip(config, baseline)])


def summarize_tu(tu):
    s = {}
    for c in CONFIGS:
        s[c] = {k: median([x[k] for x in tu["samples"][c]])
                for k in ("wall", "cpu", "maxrss_kb")}
    base = s["baseline"]
    for c in PROFILED:
        for k in ("wall", "cpu"):
            s[c][f"overhead_{k}_pct"] = paired_overhead(
                [x[k] for x in tu["samples"][c]],
                [x[k] for x in tu["samples"]["baseline"]])
        s[c]["rss_delta_kb"] = s[c]["maxrss_kb"] - base["maxrss_kb"]
        ps = tu["profile_samples"][c]
        s[c]["profile_s"] = median([p["module"] for p in ps])
        # The share is taken within each profiled run (module time over that
        # run's own CPU time), then the median over repetitions.
        s[c]["profile_share_pct"] = median([pct(p["module"], p["run_cpu"])
                                            for p in ps])
    ps = tu["profile_samples"]["nplusone"]
    names = sorted({k for p in ps for k in p["per_check"]
                    if k.startswith("nplusone-")})
    s["nplusone"]["per_check_s"] = {
        n: median([p["per_check"].get(n, 0.0) for p in ps]) for n in names}
    s["profile_ratio"] = (s["nplusone"]["profile_s"] /
                          s["performance"]["profile_s"]
                          if s["performance"]["profile_s"] else float("nan"))
    return s


def summarize_total(tus, reps):
    """Totals per repetition (sum over inputs of that repetition's runs),
    then the median over repetitions: the interleaving makes the inputs of
    one repetition share the same machine conditions."""
    t = {}
    per_rep = {}
    for c in CONFIGS:
        t[c] = {}
        for k in ("wall", "cpu"):
            per_rep[c, k] = [sum(tu["samples"][c][r][k] for tu in tus)
                             for r in range(reps)]
            t[c][k] = median(per_rep[c, k])
        t[c]["maxrss_kb"] = max(tu["summary"][c]["maxrss_kb"] for tu in tus)
    for c in PROFILED:
        for k in ("wall", "cpu"):
            t[c][f"overhead_{k}_pct"] = paired_overhead(per_rep[c, k],
                                                        per_rep["baseline", k])
        t[c]["rss_delta_kb"] = max(tu["summary"][c]["rss_delta_kb"] for tu in tus)
        mods = [sum(tu["profile_samples"][c][r]["module"] for tu in tus)
                for r in range(reps)]
        runs = [sum(tu["profile_samples"][c][r]["run_cpu"] for tu in tus)
                for r in range(reps)]
        t[c]["profile_s"] = median(mods)
        t[c]["profile_share_pct"] = median([pct(m, r) for m, r in zip(mods, runs)])
    t["profile_ratio"] = (t["nplusone"]["profile_s"] / t["performance"]["profile_s"]
                          if t["performance"]["profile_s"] else float("nan"))
    return t


def summarize_module_checks(tus, reps):
    """Each nplusone-* check's profiled time summed over the inputs, per
    repetition, then the median: which check the module's cost comes from."""
    names = sorted({k for tu in tus for p in tu["profile_samples"]["nplusone"]
                    for k in p["per_check"] if k.startswith("nplusone-")})
    run_cpu = median([sum(tu["profile_samples"]["nplusone"][r]["run_cpu"]
                          for tu in tus) for r in range(reps)])
    rows = []
    for name in names:
        secs = median([sum(tu["profile_samples"]["nplusone"][r]["per_check"]
                           .get(name, 0.0) for tu in tus) for r in range(reps)])
        rows.append(dict(check=name, profile_s=secs,
                         share_of_run_pct=pct(secs, run_cpu)))
    rows.sort(key=lambda r: -r["profile_s"])
    return rows


def linear_fit(points):
    """Least-squares line through (x, y) points: slope and intercept."""
    n = len(points)
    mx = sum(x for x, _ in points) / n
    my = sum(y for _, y in points) / n
    sxx = sum((x - mx) ** 2 for x, _ in points)
    slope = sum((x - mx) * (y - my) for x, y in points) / sxx if sxx else 0.0
    return slope, my - slope * mx


def summarize_series(tus):
    """For each generated series: our module's profiled time against size,
    minus the zero point (headers only), per counted item and per step, and
    the same per check."""
    base = next((tu for tu in tus if tu.get("series") == "base"), None)
    base_sum = base["summary"]["nplusone"] if base else None
    base_s = base_sum["profile_s"] if base else 0.0
    series = {}
    for name in ("funcs", "nest", "chain"):
        pts = sorted((tu for tu in tus if tu.get("series") == name),
                     key=lambda tu: tu["size"])
        if not pts:
            continue
        rows = []
        prev = (0, base_s)
        for tu in pts:
            n = tu["summary"]["nplusone"]
            t = n["profile_s"]
            delta = t - base_s
            per_check = {c: v - (base_sum["per_check_s"].get(c, 0.0)
                                 if base else 0.0)
                         for c, v in n["per_check_s"].items()}
            rows.append(dict(name=tu["name"], size=tu["size"], unit=tu["unit"],
                             count=tu["count"], profile_s=t, over_base_s=delta,
                             per_item_us=1e6 * delta / tu["count"],
                             step_per_item_us=1e6 * (t - prev[1]) /
                             (tu["count"] - prev[0]),
                             per_check_over_base_s=per_check,
                             wall_over_baseline_s=n["wall"]
                             - tu["summary"]["baseline"]["wall"]))
            prev = (tu["count"], t)
        # Exponent of (time over the zero point) against size between the
        # smallest and largest unit: 1 is linear, 2 quadratic, below 1 means
        # a fixed cost dominates.
        first, last = rows[0], rows[-1]
        exponent = float("nan")
        if len(rows) > 1 and first["over_base_s"] > 0 and last["over_base_s"] > 0:
            exponent = (math.log(last["over_base_s"] / first["over_base_s"]) /
                        math.log(last["count"] / first["count"]))
        points = ([(0, base_s)] if base else []) + [
            (r["count"], r["profile_s"]) for r in rows]
        slope, intercept = linear_fit(points) if len(points) > 1 else (
            float("nan"), float("nan"))
        series[name] = dict(base_profile_s=base_s, has_base=base is not None,
                            rows=rows, growth_exponent=exponent,
                            fit_us_per_item=1e6 * slope,
                            fit_intercept_ms=1e3 * intercept)
    return series


# ---------------------------------------------------------------------------
# Machine and reporting


def machine_info(tool):
    info = {"nproc": os.cpu_count(), "python": platform.python_version(),
            "kernel": platform.release()}
    try:
        with open("/proc/cpuinfo") as f:
            m = re.search(r"^model name\s*:\s*(.+)$", f.read(), re.M)
            info["cpu"] = m.group(1).strip() if m else platform.processor()
    except OSError:
        info["cpu"] = platform.processor()
    try:
        with open("/proc/meminfo") as f:
            m = re.search(r"^MemTotal:\s*(\d+) kB", f.read(), re.M)
            info["ram_gib"] = round(int(m.group(1)) / 1048576, 1) if m else None
    except OSError:
        info["ram_gib"] = None
    try:
        with open("/etc/os-release") as f:
            m = re.search(r'^PRETTY_NAME="?([^"\n]+)', f.read(), re.M)
            info["os"] = m.group(1) if m else platform.system()
    except OSError:
        info["os"] = platform.system()
    v = subprocess.run([tool, "--version"], capture_output=True, text=True).stdout
    m = re.search(r"LLVM version (\S+)", v)
    info["llvm"] = m.group(1) if m else v.strip().splitlines()[0] if v else "?"
    return info


def loadavg():
    try:
        with open("/proc/loadavg") as f:
            return " ".join(f.read().split()[:3])
    except OSError:
        return "?"


def fmt_pct(x):
    return "n/a" if math.isnan(x) else f"{x:+.1f}%"


def fmt_ratio(x):
    return "n/a" if math.isnan(x) else f"{x:.2f}x"


def render_tables(result, markdown):
    """The report as text (aligned columns) or markdown (pipe tables)."""
    out = []

    def table(headers, rows, align):
        if markdown:
            out.append("| " + " | ".join(headers) + " |")
            out.append("|" + "|".join(":--" if a == "<" else "--:" for a in align) + "|")
            for r in rows:
                out.append("| " + " | ".join(r) + " |")
        else:
            widths = [max(len(h), *(len(r[i]) for r in rows)) if rows else len(h)
                      for i, h in enumerate(headers)]
            line = lambda cells: "  ".join(  # noqa: E731
                c.ljust(w) if a == "<" else c.rjust(w)
                for c, w, a in zip(cells, widths, align))
            out.append(line(headers))
            out.append("  ".join("-" * w for w in widths))
            out.extend(line(r) for r in rows)
        out.append("")

    def heading(text):
        out.append(f"### {text}" if markdown else f"== {text}")
        out.append("")

    heading("Wall time: medians of %d interleaved runs; overhead over the "
            "baseline (median of the per-repetition ratios); peak RSS"
            % result["reps"])
    named = [(tu["name"], str(tu["findings"]), tu["summary"])
             for tu in result["inputs"]]
    named.append(("TOTAL", str(sum(tu["findings"] for tu in result["inputs"])),
                  result["total"]))

    def overhead_ratio(s):
        o, p = s["nplusone"]["overhead_wall_pct"], s["performance"]["overhead_wall_pct"]
        return fmt_ratio(o / p) if p > 0 and o >= 0 else "n/a"

    rows = [[name, findings, f"{s['baseline']['wall']:.3f}",
             f"{s['nplusone']['wall']:.3f}", f"{s['performance']['wall']:.3f}",
             fmt_pct(s["nplusone"]["overhead_wall_pct"]),
             fmt_pct(s["performance"]["overhead_wall_pct"]), overhead_ratio(s),
             f"{s['baseline']['maxrss_kb'] / 1024:.0f}",
             f"{s['nplusone']['rss_delta_kb'] / 1024:+.1f}",
             f"{s['performance']['rss_delta_kb'] / 1024:+.1f}"]
            for name, findings, s in named]
    table(["input", "findings", "baseline s", "nplusone s", "perf s",
           "ours over", "perf over", "ours/perf", "RSS MB", "ours +MB",
           "perf +MB"], rows, ["<"] + [">"] * 10)
    t = result["total"]
    out.append(
        f"Total CPU time (children's user+sys) over the baseline: nplusone "
        f"{fmt_pct(t['nplusone']['overhead_cpu_pct'])}, performance "
        f"{fmt_pct(t['performance']['overhead_cpu_pct'])}.")
    out.append("")

    heading("Check profile (--enable-check-profile, User+System, medians): "
            "module time and its share of the run's CPU time")
    rows = [[name, f"{1e3 * s['nplusone']['profile_s']:.1f}",
             f"{s['nplusone']['profile_share_pct']:.2f}%",
             f"{1e3 * s['performance']['profile_s']:.1f}",
             f"{s['performance']['profile_share_pct']:.2f}%",
             fmt_ratio(s["profile_ratio"])] for name, _, s in named]
    table(["input", "nplusone ms", "nplusone share", "perf ms", "perf share",
           "ours/perf"], rows, ["<"] + [">"] * 5)

    if result.get("module_checks"):
        heading("nplusone-* per check (profiled User+System, summed over the "
                "inputs, median of the repetitions)")
        total = sum(r["profile_s"] for r in result["module_checks"])
        rows = [[r["check"], f"{1e3 * r['profile_s']:.1f}",
                 f"{pct(r['profile_s'], total):.0f}%",
                 f"{r['share_of_run_pct']:.2f}%"]
                for r in result["module_checks"]]
        table(["check", "ms", "of module", "of run CPU"], rows,
              ["<", ">", ">", ">"])

    for name, s in result["series"].items():
        zero = (f"zero point gen_base: {1e3 * s['base_profile_s']:.2f} ms"
                if s["has_base"] else "no zero point: gen_base was not run")
        heading(f"Series '{name}': nplusone-* profiled time against size "
                f"({zero})")
        headers = ["input", "size", "items", "ours prof ms", "over base ms",
                   "per item us", "step per item us", "wall ours-base s"]
        rows = [[r["name"], str(r["size"]), f"{r['count']} {r['unit']}",
                 f"{1e3 * r['profile_s']:.2f}", f"{1e3 * r['over_base_s']:.2f}",
                 f"{r['per_item_us']:.1f}", f"{r['step_per_item_us']:.1f}",
                 f"{r['wall_over_baseline_s']:+.3f}"] for r in s["rows"]]
        table(headers, rows, ["<"] + [">"] * 7)
        checks = sorted({c for r in s["rows"] for c in r["per_check_over_base_s"]})
        if len(checks) > 1:
            out.append("per check, ms over the zero point:")
            out.append("")
            table(["input"] + [c[len("nplusone-"):] for c in checks],
                  [[r["name"]] + [f"{1e3 * r['per_check_over_base_s'].get(c, 0):.1f}"
                                  for c in checks] for r in s["rows"]],
                  ["<"] + [">"] * len(checks))
        e = s["growth_exponent"]
        out.append("least-squares line through the zero point and the series: "
                   f"{s['fit_intercept_ms']:.1f} ms + {s['fit_us_per_item']:.1f} "
                   f"us per {s['rows'][0]['unit'].rstrip('s')}; growth exponent "
                   "(smallest to largest): " + ("n/a" if math.isnan(e) else f"{e:.2f}")
                   + " (1 = linear, <1 = fixed cost dominates)")
        out.append("")

    if result["skipped"]:
        heading("Skipped inputs")
        for s in result["skipped"]:
            out.append(f"- {s['name']}: {s['reason']}")
        out.append("")
    return "\n".join(out)


def main():
    ap = argparse.ArgumentParser(
        description="Times nplusone-tidy against a parse-only baseline and "
        "clang-tidy's performance-* module.")
    ap.add_argument("--tool", help="nplusone-tidy to run (default: newest "
                    "build/llvm-*/bin/nplusone-tidy, built if there is none)")
    ap.add_argument("--reps", type=int, default=None,
                    help="repetitions (default 5; 1 with --quick)")
    ap.add_argument("--quick", action="store_true",
                    help="smoke run: 1 repetition, small inputs only")
    ap.add_argument("--only", metavar="REGEX",
                    help="only the inputs whose name matches REGEX")
    ap.add_argument("--json", metavar="FILE",
                    default=os.path.join(HERE, "results", "latest.json"),
                    help="machine-readable results (default: "
                    "bench/results/latest.json)")
    ap.add_argument("--markdown", metavar="FILE", help="also write the "
                    "tables as markdown")
    ap.add_argument("--no-install", action="store_true",
                    help="never run apt-get; report missing packages instead")
    ap.add_argument("--baseline-check", default=DEFAULT_BASELINE_CHECK,
                    help="the near-free check that makes the baseline parse "
                    f"(default {DEFAULT_BASELINE_CHECK})")
    ap.add_argument("--report", metavar="JSON", help="measure nothing: print "
                    "the tables of an earlier run's JSON (summaries are "
                    "recomputed from its raw samples)")
    args = ap.parse_args()
    if args.report:
        report_only(args)
        return
    reps = args.reps or (1 if args.quick else 5)
    if reps < 1:
        ap.error("--reps must be at least 1")

    original_tool = resolve_tool(args.tool, not args.no_install)
    snapshot_dir, tool, tool_sha256 = snapshot_tool(original_tool)
    try:
        run(args, reps, original_tool, tool, tool_sha256)
    finally:
        shutil.rmtree(snapshot_dir, ignore_errors=True)


def summarize(result, tus, reps):
    for tu in tus:
        tu["summary"] = summarize_tu(tu)
    result["total"] = summarize_total(tus, reps)
    result["series"] = summarize_series(tus)
    result["module_checks"] = summarize_module_checks(tus, reps)


def report_only(args):
    with open(args.report) as f:
        result = json.load(f)
    summarize(result, result["inputs"], result["reps"])
    print(render_tables(result, markdown=False))
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(render_tables(result, markdown=True))
        print(f"markdown: {args.markdown}")


def run(args, reps, original_tool, tool, tool_sha256):
    tus = real_inputs(args.quick) + generated_inputs(args.quick)
    if args.only:
        tus = [tu for tu in tus if re.search(args.only, tu["name"])]
    ensure_packages([p for tu in tus for p in tu["packages"]],
                    not args.no_install)

    skipped, ready = [], []
    for tu in tus:
        absent = [h for h in tu["headers"] if not os.path.exists(h)]
        if absent:
            skipped.append(dict(name=tu["name"], reason="headers not found: "
                                + ", ".join(absent) + " (package "
                                + " ".join(tu["packages"]) + ")"))
            continue
        findings, error = validate(tool, tu, args.baseline_check)
        if error is not None:
            skipped.append(dict(name=tu["name"],
                                reason="does not compile:\n    " + error))
            continue
        tu["findings"] = findings
        ready.append(tu)
    for s in skipped:
        print(f"bench: skipping {s['name']}: {s['reason']}", file=sys.stderr)
    if not ready:
        sys.exit("bench: no input could be run")

    info = machine_info(tool)
    # Read-only: which sources the inputs and this script came from.
    head = subprocess.run(["git", "-C", REPO, "rev-parse", "--short", "HEAD"],
                          capture_output=True, text=True).stdout.strip()
    dirty = bool(subprocess.run(["git", "-C", REPO, "status", "--porcelain",
                                 "--untracked-files=no"],
                                capture_output=True, text=True).stdout.strip())
    listed = subprocess.run([tool, "-checks=-*,nplusone-*", "--list-checks"],
                            capture_output=True, text=True).stdout
    module_checks = re.findall(r"^\s+(nplusone-\S+)$", listed, re.M)
    shown = (os.path.relpath(original_tool, REPO)
             if original_tool.startswith(REPO + os.sep) else original_tool)
    print(f"bench: {shown}"
          f" (LLVM {info['llvm']}), {len(ready)} inputs, {reps} repetitions, "
          f"{info['nproc']} cores, load {loadavg()}", file=sys.stderr)
    load_before = loadavg()
    started = time.time()

    rep_loads = []

    def progress(done, total, rep, tu):
        if tu is ready[-1]:
            rep_loads.append(loadavg())
        if sys.stderr.isatty():
            print(f"\rbench: {done}/{total} runs (rep {rep + 1}, {tu['name']})"
                  + " " * 20, end="", file=sys.stderr, flush=True)
        elif tu is ready[-1]:
            print(f"bench: repetition {rep + 1}/{reps} done "
                  f"({time.time() - started:.0f} s, load {rep_loads[-1]})",
                  file=sys.stderr, flush=True)

    measure(tool, ready, reps, args.baseline_check, progress)
    if sys.stderr.isatty():
        print(file=sys.stderr)

    argv = [os.path.relpath(sys.argv[0], REPO) if os.path.isabs(sys.argv[0])
            else sys.argv[0]] + sys.argv[1:]
    result = dict(
        command="python3 " + " ".join(argv),
        date=datetime.datetime.now().astimezone().isoformat(timespec="seconds"),
        repo_head=head or None, repo_modified=dirty, tool=original_tool,
        tool_sha256=tool_sha256, tool_module_checks=module_checks, machine=info, reps=reps,
        quick=args.quick, loadavg_per_rep=rep_loads,
        baseline_checks=checks_for("baseline", args.baseline_check),
        configs={c: checks_for(c, args.baseline_check) for c in CONFIGS},
        loadavg_before=load_before, loadavg_after=loadavg(),
        duration_s=round(time.time() - started, 1),
        skipped=skipped)
    summarize(result, ready, reps)
    result["inputs"] = [{k: v for k, v in tu.items()
                         if k not in ("headers", "packages")} for tu in ready]

    print(render_tables(result, markdown=False))
    print(f"machine: {info['nproc']} x {info['cpu']}, {info['ram_gib']} GiB, "
          f"{info['os']}, LLVM {info['llvm']}; load {load_before} -> "
          f"{result['loadavg_after']}; {result['duration_s']} s")
    if args.json:
        os.makedirs(os.path.dirname(os.path.abspath(args.json)), exist_ok=True)
        with open(args.json, "w") as f:
            json.dump(result, f, indent=1)
        print(f"results: {args.json}")
    if args.markdown:
        with open(args.markdown, "w") as f:
            f.write(render_tables(result, markdown=True))
        print(f"markdown: {args.markdown}")


if __name__ == "__main__":
    main()
