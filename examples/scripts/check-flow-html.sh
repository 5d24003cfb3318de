#!/usr/bin/env bash
# Checks the recorded-flow HTML page in headless Chromium and takes the screenshots in docs/images.
# Not run by CI (it needs a browser): run it by hand after changing the page
# (scheduler/src/main/resources/dev/frontier/flow/flow.html) or its export (dev.frontier.flow).
#
#   apt-get install chromium          # Debian's package; no browser download
#   examples/scripts/check-flow-html.sh
#
# What it checks, each in a fresh headless Chromium with every host unresolvable (so a page that
# tried to fetch anything would show it): the page draws one arrow per recorded message; the
# actor filter and the time window in the address's fragment hide what they should; clicking
# (the fragment's select=) shows the causal chain. Then it writes
#   docs/images/flow-pingpong.png   the ping-pong example
#   docs/images/flow-bank.png       the buggy bank, the refused transfer's chain highlighted
set -euo pipefail
cd "$(dirname "$0")/../.."
root=$(pwd)
out="$root/examples/target/flow-check"
rm -rf "$out" && mkdir -p "$out"

chromium_run() { # chromium_run ARGS... ; a new empty profile each time, no network
  chromium --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync \
    --host-resolver-rules="MAP * ~NOTFOUND" --user-data-dir="$(mktemp -d)" "$@" 2>/dev/null
}
shown() { # shown URL -> the data-shown attribute of the drawn diagram
  chromium_run --virtual-time-budget=3000 --dump-dom "$1" | grep -o 'data-shown="[0-9]*"' | grep -o '[0-9]*'
}
expect() { # expect WHAT ACTUAL WANTED
  if [ "$2" != "$3" ]; then echo "FAIL: $1: $2, expected $3" >&2; exit 1; fi
  echo "ok: $1: $2"
}

mvn -q -o compile exec:exec -Dexample="pingpong 6 --record=$out/pingpong.html" > "$out/pingpong.out"
mvn -q -o compile exec:exec -Dexample="teller buggy --record=$out/bank.html" > "$out/bank.out"

page="file://$out/pingpong.html"
expect "pingpong: every message drawn" "$(shown "$page")" 6
expect "pingpong: only ping and pong (the send from outside hidden)" "$(shown "$page#actors=ping,pong")" 5
expect "pingpong: time window 0..0 ms keeps the first send" "$(shown "$page#to=0")" 1
bank="file://$out/bank.html"
expect "bank: every message drawn" "$(shown "$bank")" 27
expect "bank: the teller and carol's account" "$(shown "$bank#actors=teller,account-carol")" 5
expect "bank: messages containing 200 (the transfer, its debit, credit and audit entry)" "$(shown "$bank#text=200")" 4
chain=$(chromium_run --virtual-time-budget=3000 --dump-dom "$bank#select=3" | grep -o '<h2>[^<]*</h2>' | head -1)
expect "bank: clicking #3 shows its details" "$chain" "<h2>#3 outside → teller</h2>"

chromium_run --window-size=1000,560 --screenshot="$root/docs/images/flow-pingpong.png" "$page" > /dev/null
chromium_run --window-size=1500,1000 --screenshot="$root/docs/images/flow-bank.png" "$bank#select=3" > /dev/null
echo "screenshots: docs/images/flow-pingpong.png docs/images/flow-bank.png"
