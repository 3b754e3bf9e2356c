#!/usr/bin/env python3
"""Sustained load against a running demo instance, and its resident memory over time.

Each worker drives complete EMREX transfers as a browser would (entry, login, selection, preview, confirm)
and, in between, malformed requests (oversized forms, thousands of fields, undecodable bodies, huge JSON).
Every few seconds the script prints the service's resident set size (VmRSS of the given process) and the
number of transfers and refusals so far.

    python3 tools/load/sustained_load.py --base http://localhost:8080 --pid <java pid> --minutes 5 --workers 4

Only the standard library; nothing to install.
"""
import argparse
import http.cookiejar
import random
import re
import threading
import time
import urllib.error
import urllib.parse
import urllib.request

TOKEN = re.compile(r'name="csrf-token" value="([^"]+)"')
RESULT = re.compile(r'name="lo" value="(\d+)"')
VERSION = re.compile(r'name="version" value="(\d+)"')


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def opener():
    jar = http.cookiejar.CookieJar()
    return urllib.request.build_opener(urllib.request.HTTPCookieProcessor(jar), NoRedirect())


def call(browser, url, data=None, headers=None):
    request = urllib.request.Request(url, data=data, headers=headers or {})
    try:
        with browser.open(request, timeout=30) as response:
            return response.status, response.headers, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as e:
        body = e.read().decode("utf-8", "replace")
        return e.code, e.headers, body


def form(fields):
    return urllib.parse.urlencode(fields, doseq=True).encode()


def transfer(base):
    browser = opener()
    status, headers, _ = call(browser, base + "/emrex", form({"sessionId": "load-%d" % random.getrandbits(48),
                                                              "returnUrl": base + "/demo-client/return"}))
    if status != 303:
        return "entry %d" % status
    flow = urllib.parse.urljoin(base, headers["Location"]).rsplit("/", 1)[0]
    status, _, page = call(browser, flow + "/login")
    token = TOKEN.search(page).group(1)
    status, _, _ = call(browser, flow + "/login", form({"csrf-token": token, "username": "anna", "password": "demo"}))
    if status != 303:
        return "login %d" % status
    status, _, page = call(browser, flow + "/select")
    token = TOKEN.search(page).group(1)
    results = RESULT.findall(page)
    status, _, _ = call(browser, flow + "/select", form({"csrf-token": token, "lo": results}))
    if status != 303:
        return "select %d" % status
    status, _, page = call(browser, flow + "/preview")
    token = TOKEN.search(page).group(1)
    version = VERSION.search(page).group(1)
    status, _, page = call(browser, flow + "/confirm", form({"csrf-token": token, "version": version}))
    if status != 200 or 'name="elmo"' not in page:
        return "confirm %d" % status
    return None


def malformed(base):
    browser = opener()
    statuses = []
    many = "&".join("f%d=x" % i for i in range(5000)).encode()
    statuses.append(call(browser, base + "/my-results/login/demo", many,
                         {"Content-Type": "application/x-www-form-urlencoded"})[0])
    statuses.append(call(browser, base + "/emrex", b"sessionId=%zz&returnUrl=%", 
                         {"Content-Type": "application/x-www-form-urlencoded"})[0])
    statuses.append(call(browser, base + "/emrex", bytes(random.getrandbits(8) for _ in range(2000)),
                         {"Content-Type": "application/x-www-form-urlencoded"})[0])
    statuses.append(call(browser, base + "/api/verify", b"{" + b'"elmo":"' + b"A" * 3_000_000 + b'"}',
                         {"Content-Type": "application/json"})[0])
    statuses.append(call(browser, base + "/emrex", b"sessionId=" + b"x" * 200_000,
                         {"Content-Type": "application/x-www-form-urlencoded"})[0])
    # 503 is the verifier saying it is busy (ncp.verify.max-concurrent), by design; any other 5xx is a fault.
    return [s for s in statuses if s >= 500 and s != 503]


def rss_mb(pid):
    with open("/proc/%d/status" % pid) as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://localhost:8080")
    parser.add_argument("--pid", type=int, required=True, help="process id of the service's JVM")
    parser.add_argument("--minutes", type=float, default=5)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--report-every", type=float, default=10, help="seconds")
    parser.add_argument("--malformed-every", type=int, default=4,
                        help="every n-th round of a worker sends the malformed requests instead of a transfer (0: never)")
    args = parser.parse_args()

    counts = {"transfers": 0, "failed": 0, "malformed": 0, "server_errors": 0, "connection_errors": 0}
    failures = []
    lock = threading.Lock()
    stop = time.time() + args.minutes * 60

    def work():
        n = 0
        while time.time() < stop:
            n += 1
            bad = args.malformed_every > 0 and n % args.malformed_every == 0
            try:
                if bad:
                    errors = malformed(args.base)
                    with lock:
                        counts["malformed"] += 1
                        counts["server_errors"] += len(errors)
                else:
                    problem = transfer(args.base)
                    with lock:
                        counts["transfers" if problem is None else "failed"] += 1
                        if problem and len(failures) < 10:
                            failures.append(problem)
            except Exception as e:  # a broken connection is counted, the run goes on
                with lock:
                    if bad:
                        counts["connection_errors"] += 1
                    else:
                        counts["failed"] += 1
                        if len(failures) < 10:
                            failures.append(repr(e)[:120])

    threads = [threading.Thread(target=work, daemon=True) for _ in range(args.workers)]
    started = time.time()
    for t in threads:
        t.start()
    peak = 0
    while any(t.is_alive() for t in threads):
        time.sleep(args.report_every)
        rss = rss_mb(args.pid)
        peak = max(peak, rss)
        with lock:
            print("%6.0f s  RSS %6.1f MB  transfers %5d  failed %3d  malformed rounds %4d  5xx %d" % (
                time.time() - started, rss, counts["transfers"], counts["failed"], counts["malformed"],
                counts["server_errors"]), flush=True)
    print("peak RSS %.1f MB; transfers %d (%.1f/s); failed %d %s; malformed rounds %d: 5xx answers %d,"
          " connections broken by the server %d" % (
              peak, counts["transfers"], counts["transfers"] / (time.time() - started), counts["failed"], failures,
              counts["malformed"], counts["server_errors"], counts["connection_errors"]))


if __name__ == "__main__":
    main()
