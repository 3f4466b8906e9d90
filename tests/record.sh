#!/bin/sh
# record.sh: the explorer's 'r' end to end in tmux: two steps recorded with
# captions land in the user's tours/recorded.yaml, which `tour --dump
# recorded` plays; --record refuses a file that is no tour before it starts.
. "$(dirname "$0")/lib.sh"
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"


T new-session -d -s keep -x 80 -y 24 'sleep 600'
T new-session -d -s e -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=xterm HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP'"
recorded="$XDG_CONFIG_HOME/isoflop/tours/recorded.yaml"
if wait_for 'Tab:slider' &&
	T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'Chinchilla, as shipped' && T send-keys -t e Enter &&
	wait_for 'step 1 recorded' &&
	T send-keys -t e m p Enter r && wait_for '^caption: _' &&
	T send-keys -t e -l 'the first model, no markers' && T send-keys -t e Enter &&
	wait_for 'step 2 recorded'; then
	ok "r, a caption and Enter, twice: two steps recorded"
else
	no "r, a caption and Enter, twice: two steps recorded" "$(screen)"
fi
T send-keys -t e q
run tour --dump recorded "$tmp/slides"
if [ "$rc" = 0 ] && grep -q 'Chinchilla, as shipped' "$tmp/slides/step-01.txt" &&
	grep -q 'the first model, no markers' "$tmp/slides/step-02.txt"; then
	ok "tour --dump recorded plays both steps with their captions"
else
	no "tour --dump recorded plays both steps with their captions" "exit $rc: $err" \
		"$(cat "$recorded" 2>&1)"
fi

printf 'id: x\ntitle: no steps\n' >"$tmp/broken.yaml"
expect_error "--record refuses a file that is no tour" \
	"$tmp/broken.yaml:1:1: missing required key 'steps' in the tour" \
	--record "$tmp/broken.yaml" --dump
expect_error "--record refuses a directory" \
	"isoflop: --record $tmp is not a regular file: name a tour file" --record "$tmp" --dump
expect_error "--record needs its directory" \
	"isoflop: --record $tmp/no/t.yaml: no directory $tmp/no to make it in" \
	--record "$tmp/no/t.yaml" --dump
echo "1..$n"
