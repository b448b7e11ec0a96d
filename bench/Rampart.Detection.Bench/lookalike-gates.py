#!/usr/bin/env python3
"""Lookalike gates of issue #9, side by side with dnstwist.

Builds a feed of random names plus each attack class for every default brand, the permutation
class taken from dnstwist's own fuzzer (the Debian package's module, no DNS), runs `rampart hunt --all`
over it and prints recall per class and hosts/s for Rampart and dnstwist; then the flagged fraction
of ../shared/data/phishing/umbrella-top-100k.txt with the shipped allowlists on.

    python3 bench/Rampart.Detection.Bench/lookalike-gates.py [--big N] [--misses FILE]
    # --big N: N lines for the throughput run; --misses FILE: every missed name (and false positive), by class

Needs a Release build of src/Rampart (dotnet build src/Rampart -c Release) and the Debian package
dnstwist. Prints "skipped: ../shared absent" when the shared data is missing.
"""
import csv, io, os, random, subprocess, sys, time

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHARED = os.path.abspath(os.path.join(ROOT, "..", "shared", "data"))
RAMPART = os.path.join(ROOT, "src", "Rampart", "bin", "Release", "net10.0", "rampart")
BRANDS = ["microsoft.com", "microsoftonline.com", "outlook.com", "hotmail.com", "live.com", "office365.com", "office.com",
          "onedrive.com", "sharepoint.com", "google.com", "gmail.com", "yahoo.com", "apple.com", "icloud.com",
          "naver.com", "daum.net", "hanmail.net", "kakao.com"]
# Generic names (live, office, outlook, apple) are words too: Rampart flags them only next to
# account wording, so the combosquat class uses such wording for them.
WORDS = ["login", "signin", "verify", "secure", "account", "support", "365", "update", "security", "auth", "mail",
         "webmail", "password", "reset", "portal", "helpdesk", "billing", "service", "recovery", "session"]
TLDS = ["com", "net", "org", "info", "xyz", "top", "online", "site", "co", "io", "biz", "us", "club", "live", "shop", "app"]
CONFUSABLE = {"a": "а", "e": "е", "o": "о", "p": "р", "c": "с", "x": "х", "y": "у", "i": "і", "j": "ј", "s": "ѕ",
              "d": "ԁ", "h": "һ", "l": "ӏ", "n": "ո", "g": "ɡ", "k": "κ", "m": "м", "r": "г", "t": "τ", "u": "υ", "v": "ν", "w": "ѡ"}


def run_hunt(path, extra=()):
    start = time.perf_counter()
    out = subprocess.run([RAMPART, "--data", "/tmp/rampart-gates", "hunt", path, "--format", "csv", *extra],
                         capture_output=True, text=True, check=False)
    elapsed = time.perf_counter() - start
    rows = list(csv.DictReader(io.StringIO(out.stdout)))
    return rows, elapsed, out.stderr.strip().splitlines()[-1] if out.stderr.strip() else ""


def to_ascii(name):
    try:
        return name.encode("idna").decode("ascii")
    except UnicodeError:
        return ".".join("xn--" + l.encode("punycode").decode() if any(ord(c) > 127 for c in l) else l for l in name.split("."))


def typo(label, rnd):
    i = rnd.randrange(len(label))
    kind = rnd.choice(["omit", "insert", "replace", "swap", "repeat"])
    letters = "abcdefghijklmnopqrstuvwxyz"
    if kind == "omit":
        return label[:i] + label[i + 1:]
    if kind == "insert":
        return label[:i] + rnd.choice(letters) + label[i:]
    if kind == "replace":
        return label[:i] + rnd.choice([c for c in letters if c != label[i]]) + label[i + 1:]
    if kind == "swap" and i + 1 < len(label) and label[i] != label[i + 1]:
        return label[:i] + label[i + 1] + label[i] + label[i + 2:]
    return label[:i] + label[i] + label[i:]


def main():
    if not os.path.isdir(SHARED):
        print("skipped: ../shared absent")
        return 0
    if not os.path.exists(RAMPART):
        print(f"build first: dotnet build src/Rampart -c Release ({RAMPART} missing)")
        return 1
    big = int(sys.argv[sys.argv.index("--big") + 1]) if "--big" in sys.argv else 0
    rnd = random.Random(20261129)
    feed = []  # (class, name)

    # dnstwist's own fuzzer, from the Debian package, without its DNS lookups (its csv/json output
    # resolves every name; offline that waits for time-outs). The list is the same as --format list.
    sys.path.append("/usr/lib/python3/dist-packages")
    try:
        import dnstwist
        have_dnstwist = True
    except ImportError:
        have_dnstwist = False
    dnstwist_names, dnstwist_seconds = 0, 0.0
    twist_brand = {}  # feed index -> the brand dnstwist permuted
    if have_dnstwist:
        for brand in BRANDS:
            start = time.perf_counter()
            fuzzer = dnstwist.Fuzzer(brand)
            fuzzer.generate()
            dnstwist_seconds += time.perf_counter() - start
            for row in fuzzer.domains:
                if row["fuzzer"] != "*original":
                    twist_brand[len(feed)] = brand
                    feed.append(("dnstwist:" + row["fuzzer"], to_ascii(row["domain"])))
                    dnstwist_names += 1
    else:
        print("note: dnstwist not installed (apt-get install dnstwist); permutation class skipped")

    for brand in BRANDS:
        label, tld = brand.split(".", 1)
        for _ in range(40):
            w1, w2 = rnd.sample(WORDS, 2)
            t = rnd.choice(TLDS)
            feed.append(("combosquat", rnd.choice([f"{label}-{w1}.{t}", f"{w1}-{label}.{t}", f"{label}{w1}.{t}",
                                                   f"{w1}-{label}-{w2}.{t}", f"my-{label}-{w1}.{t}"])))
            host = "".join(rnd.choice("abcdefghijklmnopqrstuvwxyz") for _ in range(rnd.randint(5, 10)))
            feed.append(("brand-as-subdomain", rnd.choice([f"{w1}.{label}.{tld}.{host}.net", f"{label}.{tld}.{host}.com",
                                                           f"{label}-{w1}.{host}.com", f"{w1}-{label}.{host}.xyz",
                                                           f"{label}.{tld}-{w1}.{host}.info"])))
            chars = list(label)
            positions = [i for i, c in enumerate(chars) if c in CONFUSABLE]
            for i in rnd.sample(positions, min(len(positions), rnd.randint(1, 2))):
                chars[i] = CONFUSABLE[chars[i]]
            feed.append(("mixed-script homoglyph", to_ascii("".join(chars) + "." + tld)))
            feed.append(("typo + tld swap", typo(label, rnd) + "." + rnd.choice([t for t in TLDS if t != tld])))
    for _ in range(20000):
        depth = rnd.choice([2, 2, 3, 3, 3, 4, 5])
        labels = ["".join(rnd.choice("abcdefghijklmnopqrstuvwxyz0123456789") for _ in range(rnd.randint(3, 14))) for _ in range(depth - 1)]
        feed.append(("random", ".".join(labels + [rnd.choice(["com", "net", "org", "de", "io", "co.uk", "jp", "co.kr"])])))

    path = "/tmp/rampart-gates-feed.txt"
    with open(path, "w") as f:
        f.write("\n".join(n for _, n in feed) + "\n")
    rows, elapsed, summary = run_hunt(path, ["--all"])
    by_line = {int(r["line"]): r for r in rows}
    stats = {}
    per_brand = {}
    for i, (cls, name) in enumerate(feed, start=1):
        row = by_line.get(i)
        level = row["level"] if row else "missing"
        if i - 1 in twist_brand and level != "allowlisted":
            b = per_brand.setdefault(twist_brand[i - 1], [0, 0])
            b[0] += 1
            b[1] += level in ("suspicious", "malicious")
        s = stats.setdefault(cls, {"n": 0, "flagged": 0, "excluded": 0, "missed": []})
        if cls.startswith("dnstwist") and level == "allowlisted":
            s["excluded"] += 1
            continue
        s["n"] += 1
        if level in ("suspicious", "malicious"):
            s["flagged"] += 1
        else:
            s["missed"].append(name)

    print(f"feed: {len(feed)} names, {len(BRANDS)} default brand domains")
    print(f"{'class':32} {'names':>7} {'excluded':>8} {'flagged':>8} {'recall':>7}  examples missed")
    total_twist = {"n": 0, "flagged": 0}
    for cls in sorted(stats):
        s = stats[cls]
        recall = 100.0 * s["flagged"] / s["n"] if s["n"] else 0.0
        label = "flagged (false positives)" if cls == "random" else ""
        print(f"{cls:32} {s['n']:7} {s['excluded']:8} {s['flagged']:8} {recall:6.2f}%  {label}{' '.join(s['missed'][:4])}")
        if cls.startswith("dnstwist"):
            total_twist["n"] += s["n"]
            total_twist["flagged"] += s["flagged"]
    if "--misses" in sys.argv:
        with open(sys.argv[sys.argv.index("--misses") + 1], "w") as f:
            for cls in sorted(stats):
                f.writelines(f"{cls}\t{name}\n" for name in stats[cls]["missed"])
    if total_twist["n"]:
        print(f"{'dnstwist permutations, all':32} {total_twist['n']:7} {'':8} {total_twist['flagged']:8} {100.0 * total_twist['flagged'] / total_twist['n']:6.2f}%")
    if per_brand:
        worst = min(per_brand.items(), key=lambda kv: kv[1][1] / kv[1][0])
        print("dnstwist recall per brand (gate ≥99% each): " + " ".join(f"{b} {100.0 * f / n:.2f}%" for b, (n, f) in per_brand.items()))
        print(f"  lowest: {worst[0]} {100.0 * worst[1][1] / worst[1][0]:.2f}%")
    print(f"rampart hunt --all over the feed: {len(feed) / elapsed:,.0f} hosts/s wall clock incl. start-up ({summary})")
    if have_dnstwist:
        print(f"dnstwist generating its permutations: {dnstwist_names / dnstwist_seconds:,.0f} hosts/s ({dnstwist_names} names in {dnstwist_seconds:.1f} s)")

    umbrella = os.path.join(SHARED, "phishing", "umbrella-top-100k.txt")
    rows, elapsed, summary = run_hunt(umbrella)
    flagged = [r for r in rows if r["level"] in ("suspicious", "malicious")]
    with open(umbrella) as f:
        total = sum(1 for line in f if line.strip())
    print(f"umbrella top-100k: {len(flagged)} of {total} flagged suspicious or worse = {100.0 * len(flagged) / total:.3f}% (gate ≤0.05%)")
    registrable = sorted({r["name"].split(".", r["name"].count(".") - 1)[-1] for r in flagged})
    print(f"  distinct parent domains among them: {len(registrable)}: {' '.join(registrable[:30])}")

    if big:
        path = "/tmp/rampart-gates-big.txt"
        with open(path, "w") as f:
            for i in range(big):
                if i % 100 == 0:
                    f.write(feed[rnd.randrange(len(feed))][1] + "\n")
                else:
                    f.write(f"{rnd.getrandbits(40):x}{i}.example{i % 7}.com\n")
        start = time.perf_counter()
        out = subprocess.run([RAMPART, "--data", "/tmp/rampart-gates", "hunt", path], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
        elapsed = time.perf_counter() - start
        print(f"rampart hunt on {big:,} lines: {elapsed:.1f} s wall clock ({big / elapsed:,.0f} lines/s); {out.stderr.strip().splitlines()[-1]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
