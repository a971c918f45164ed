#!/usr/bin/env bash
# The HTML report in a real browser: renders the fixtures' report (and one with a hostile article
# added) in headless Chromium, Debian's `chromium` package, and checks the page after load:
# no console message (a page without script logs nothing unless something was refused), the
# contradictions section first, one folded section per event whose matrix has a row per field and
# a column per document of that event (as the JSON report says), the member-count verdicts of the
# fixtures' two meetings, and the hostile article's script not run. Takes a screenshot of the
# fixtures' report and checks that it is not empty; the tracked docs/report.png is rewritten
# only when asked.
#
#   scripts/browser-test.sh                      install Chromium if missing (as root), then test
#   scripts/browser-test.sh --update-screenshot  the same, and save the screenshot to
#                                                docs/report.png (or to $SCREENSHOT)
#   scripts/browser-test.sh --install            only install Chromium (for CI set-up)
#
# Environment: RECONCILE_BIN, the binary to use (default: built with cargo); SCREENSHOT, where
# to save the screenshot (setting it asks for it, as --update-screenshot does).
# Chromium is never downloaded from anywhere but Debian's archive.
set -euo pipefail
cd "$(dirname "$0")/.."

find_chromium() {
    command -v chromium || command -v chromium-browser || true
}

install_chromium() {
    if [[ -n "$(find_chromium)" ]]; then
        return 0
    fi
    if [[ "$(id -u)" == 0 ]] && command -v apt-get >/dev/null; then
        echo "browser-test: installing Debian's chromium package" >&2
        apt-get update -q >&2
        # fonts-noto-core carries Noto Naskh/Sans Arabic, so the screenshot shows real Arabic.
        DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium fonts-noto-core >&2
    fi
}

update=0
if [[ $# -gt 1 ]]; then
    echo "browser-test: one option at most (--install, --update-screenshot)" >&2
    exit 2
fi
case "${1:-}" in
    "") ;;
    --install) install_chromium; exit 0 ;;
    --update-screenshot) update=1 ;;
    *) echo "browser-test: unknown option $1 (--install, --update-screenshot)" >&2; exit 2 ;;
esac
install_chromium
CHROMIUM="$(find_chromium)"
if [[ -z "$CHROMIUM" ]]; then
    # 77: skipped, not passed (the convention of automake and meson).
    echo "browser-test: SKIPPED, chromium is not installed (run as root, or apt-get install chromium)" >&2
    exit 77
fi
command -v python3 >/dev/null || { echo "browser-test: python3 is needed for the checks" >&2; exit 2; }

BIN="${RECONCILE_BIN:-}"
if [[ -z "$BIN" ]]; then
    cargo build -q
    BIN="$(cargo metadata --format-version 1 --no-deps |
        python3 -c 'import json,sys; print(json.load(sys.stdin)["target_directory"])')/debug/reconcile"
fi
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
# Where the screenshot is saved: nowhere but the scratch folder unless asked.
if [[ -n "${SCREENSHOT:-}" ]]; then
    update=1
fi
SAVE="${SCREENSHOT:-docs/report.png}"
case "$SAVE" in /*) ;; *) SAVE="$PWD/$SAVE" ;; esac
SHOT="$WORK/report.png"
mkdir -p "$WORK/hostile"
cp fixtures/*.txt "$WORK/hostile/"
# A hostile article: markup and script in its title and body, quotes, and a right-to-left
# override (U+202E) that would reverse the text after it if it were let act. Its file name
# carries markup too.
python3 - "$WORK/hostile/005_<b>hostile\"'.txt" <<'EOF'
import sys
text = (
    "<script>document.title='pwned'</script> تقرير عن اجتماع التحالف\n"
    "استضافت الرياض اجتماعاً للتحالف الدولي \u202e<script>document.body.setAttribute('data-pwned','1')</script>"
    " وقال المتحدث \"نعم\" & 'لا' </textarea></pre><img src=x onerror=\"document.title='pwned'\">.\n"
    "<style>body{display:none}</style>\u2066نص معزول\u2069 في نهاية الخبر.\n"
)
open(sys.argv[1], "w", encoding="utf-8").write(text)
EOF

render() { # DIR NAME: the html and json reports of DIR (exit 1 only means conflicts were found)
    local status=0
    "$BIN" "$1" --format html >"$WORK/$2.html" 2>"$WORK/$2.stderr" || status=$?
    [[ $status -le 1 ]] || { cat "$WORK/$2.stderr" >&2; exit 1; }
    status=0
    "$BIN" "$1" --format json >"$WORK/$2.json" 2>/dev/null || status=$?
    [[ $status -le 1 ]] || exit 1
}

chromium_run() { # LOG ARGS...: headless Chromium with a fresh profile and no network chatter
    local log="$1"
    shift
    local profile
    profile="$(mktemp -d "$WORK/profile.XXXXXX")"
    timeout 120 "$CHROMIUM" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
        --disable-background-networking --disable-component-update --disable-sync \
        --user-data-dir="$profile" --enable-logging=stderr --v=0 "$@" 2>"$log"
}

failures=0
for name in fixtures hostile; do
    # The fixtures from the project root, so that the page (and the screenshot) shows their
    # paths as a user would see them.
    if [[ $name == fixtures ]]; then render fixtures "$name"; else render "$WORK/$name" "$name"; fi
    chromium_run "$WORK/$name.log" --dump-dom "file://$WORK/$name.html" >"$WORK/$name.dom.html"
    if ! python3 - "$WORK/$name.dom.html" "$WORK/$name.json" "$WORK/$name.log" "$name" <<'EOF'
import json, re, sys
from html.parser import HTMLParser

dom_path, json_path, log_path, name = sys.argv[1:5]
dom = open(dom_path, encoding="utf-8").read()
report = json.load(open(json_path, encoding="utf-8"))
log = open(log_path, encoding="utf-8", errors="replace").read()
problems = []

class Page(HTMLParser):
    def __init__(self):
        super().__init__()
        self.stack, self.title, self.scripts, self.imgs = [], "", 0, 0
        self.body_attrs, self.sections, self.contradictions = {}, [], 0
        # event id -> {"details": n, "columns": [...], "rows": {field: (verdict, {doc: verdict})}}
        self.events = {}
        self.event = None
        self.in_matrix = False
        self.row = None
    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        classes = (a.get("class") or "").split()
        self.stack.append(tag)
        if tag == "script": self.scripts += 1
        if tag == "img": self.imgs += 1
        if tag == "body": self.body_attrs = a
        if tag == "section" and a.get("id"): self.sections.append(a["id"])
        if tag == "article" and "contradiction" in classes: self.contradictions += 1
        if tag == "details" and "event" in classes:
            self.event = a.get("data-event")
            e = self.events.setdefault(self.event, {"details": 0, "columns": [], "rows": {}})
            e["details"] += 1
        if self.event is None: return
        e = self.events[self.event]
        if tag == "table" and "matrix" in classes: self.in_matrix = True
        if not self.in_matrix: return
        if tag == "th" and "doc-head" in classes: e["columns"].append(a.get("data-doc"))
        if tag == "tr" and a.get("data-field"):
            self.row = a["data-field"]
            e["rows"][self.row] = (a.get("data-verdict"), {})
        if tag == "td" and self.row and a.get("data-doc") is not None:
            e["rows"][self.row][1][a["data-doc"]] = a.get("data-verdict")
    def handle_endtag(self, tag):
        if self.stack: self.stack.pop()
        if tag == "table": self.in_matrix = False
        if tag == "tr": self.row = None
        if tag == "details": self.event = None
    def handle_data(self, data):
        if self.stack and self.stack[-1] == "title": self.title += data

page = Page()
page.feed(dom)

for line in log.splitlines():
    if ":CONSOLE" in line or "Uncaught" in line or "Refused to" in line:
        problems.append("console: " + line.strip())

if not page.sections or page.sections[0] != "contradictions":
    problems.append(f"the page does not lead with the contradictions: sections {page.sections}")
if page.contradictions != len(report["contradictions"]):
    problems.append(f"{page.contradictions} contradictions shown, {len(report['contradictions'])} in the report")
events = {e["id"]: e for e in report["events"]}
if sorted(page.events) != sorted(events):
    problems.append(f"event sections {sorted(page.events)} != events {sorted(events)}")
for eid, event in events.items():
    shown = page.events.get(eid)
    if not shown: continue
    if shown["details"] != 1:
        problems.append(f"{eid}: {shown['details']} folded sections")
    docs = event["documents"]
    if shown["columns"] != docs:
        problems.append(f"{eid}: matrix columns {shown['columns']} != documents {docs}")
    fields = [f["field"] for f in event["fields"]]
    if list(shown["rows"]) != fields:
        problems.append(f"{eid}: matrix rows {list(shown['rows'])} != fields {fields}")
    for f in event["fields"]:
        verdict, cells = shown["rows"].get(f["field"], (None, {}))
        if verdict != f["verdict"]:
            problems.append(f"{eid} {f['field']}: verdict {verdict!r}, not {f['verdict']!r}")
        if list(cells) != docs:
            problems.append(f"{eid} {f['field']}: cells for {list(cells)}")
        for d in f.get("silent", []):
            if cells.get(d) != "silent":
                problems.append(f"{eid} {f['field']} {d}: {cells.get(d)!r}, not silent")

def member_cells(eid):
    return [v for v in page.events.get(eid, {"rows": {}})["rows"].get("member_count", (None, {}))[1].values()]
if name == "fixtures":
    if member_cells("E1") != ["agree"] * 3:
        problems.append(f"member count of E1 (90, three reports): {member_cells('E1')}")
    if member_cells("E2") != ["silent", "single"]:
        problems.append(f"member count of E2 (85, one report of two): {member_cells('E2')}")
if "pwned" in page.title or "data-pwned" in page.body_attrs:
    problems.append(f"a hostile script ran (title {page.title!r}, body {page.body_attrs})")
if page.scripts or page.imgs:
    problems.append(f"{page.scripts} script and {page.imgs} img elements in the page")
if name == "hostile":
    if "&lt;script&gt;document.title='pwned'&lt;/script&gt;" not in dom:
        problems.append("the hostile script is not shown as text")
    if "\u202e" in dom or "\u2066" in dom:
        problems.append("a bidi control reached the page unescaped")
    if "U+202E" not in dom:
        problems.append("the bidi override is not shown visibly")

print(f"browser-test {name}: {len(page.events)} events, {page.contradictions} contradictions, title {page.title!r}")
for p in problems:
    print(f"  FAIL {p}")
sys.exit(1 if problems else 0)
EOF
    then
        failures=$((failures + 1))
    fi
done

chromium_run "$WORK/shot.log" --hide-scrollbars --window-size=1400,1800 \
    --screenshot="$SHOT" "file://$WORK/fixtures.html" >/dev/null
[[ -s "$SHOT" ]] || { echo "  FAIL no screenshot"; failures=$((failures + 1)); }

if [[ $failures -gt 0 ]]; then
    echo "browser-test: $failures failed"
    exit 1
fi
if [[ $update == 1 ]]; then
    mkdir -p "$(dirname "$SAVE")"
    cp "$SHOT" "$SAVE"
    echo "browser-test: passed (screenshot saved to $SAVE)"
else
    echo "browser-test: passed (screenshot taken, not saved; --update-screenshot saves it to docs/report.png)"
fi
