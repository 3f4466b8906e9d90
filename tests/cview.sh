#!/bin/sh
# cview.sh: the explorer's compute view (C) end to end in tmux: C opens it
# in the profiles' place with the focus on C, and moving C moves its '@';
# 'r' records the view as `view: compute`, which `tour --dump` plays back.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"


# at_column: the column of the '@' in the compute panel (right of column 50) of the
# panels' 17 rows, or nothing
at_column() {
	screen | head -n 17 | awk '{ i = index(substr($0, 51), "@"); if (i) { print 50 + i; exit } }'
}

if ! command -v tmux >/dev/null 2>&1; then
	no "tmux is installed (make deps installs it)"
	echo "1..$n"
	exit 0
fi
T new-session -d -s keep -x 80 -y 24 'sleep 600'
T new-session -d -s e -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=xterm HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP'"
if wait_for 'Tab:slider' && T send-keys -t e C && wait_for 'loss vs compute' &&
	wait_for '^> C FLOPs'; then
	ok "C opens the compute view with the focus on C"
else
	no "C opens the compute view with the focus on C" "$(screen)"
fi
before=$(at_column)
T send-keys -t e L L L L
i=0
after=$before
while [ "$i" -lt 100 ] && [ "$after" = "$before" ]; do
	sleep 0.1
	after=$(at_column)
	i=$((i + 1))
done
# the profiles' own '@' moves with C too: the view's title must be there
if screen | grep -q 'loss vs compute' && [ -n "$before" ] && [ -n "$after" ] &&
	[ "$after" -gt "$before" ]; then
	ok "moving C right moves the compute view's '@' right ($before -> $after)"
else
	no "moving C right moves the compute view's '@' right ('$before' -> '$after')" "$(screen)"
fi
if screen | grep -q 'next 10x: dL'; then
	ok "the readout says what the next 10x buys"
else
	no "the readout says what the next 10x buys" "$(screen)"
fi

recorded="$XDG_CONFIG_HOME/isoflop/tours/recorded.yaml"
if T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'returns flatten' && T send-keys -t e Enter &&
	wait_for 'step 1 recorded' && grep -q '^ *view: compute$' "$recorded"; then
	ok "r records the compute view as view: compute"
else
	no "r records the compute view as view: compute" "$(screen)" "$(cat "$recorded" 2>&1)"
fi
T send-keys -t e q
run tour --dump recorded "$tmp/slides"
if [ "$rc" = 0 ] && grep -q 'loss vs compute' "$tmp/slides/step-01.txt" &&
	grep -q 'returns flatten' "$tmp/slides/step-01.txt"; then
	ok "tour --dump recorded plays the step back in the compute view"
else
	no "tour --dump recorded plays the step back in the compute view" "exit $rc: $err" \
		"$(cat "$tmp/slides/step-01.txt" 2>&1)"
fi
echo "1..$n"
