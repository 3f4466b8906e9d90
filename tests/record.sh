#!/bin/sh
# record.sh: the explorer's 'r' end to end in tmux: two steps recorded with
# captions land in the user's tours/recorded.yaml, which `tour --dump
# recorded` plays; --record refuses a file that is no tour before it starts.
# Then a step in view X (the train x test plane, a slider moved) and one in
# view K (W picks a coverage law) replay to the pictures and sliders they
# were recorded from.
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

# X and K: the picture's title, the slider rows and the readout's rows that a
# tour's frame keeps too, recorded then replayed (the picture's height is the
# tour's less the caption's rows; test_tourfields compares whole frames)
kept='1p; /^[> ] [a-z]/p; /^cheapest for /p; /^coverage [0-9.]* at k/p; /^samples needed/p'
shown() { screen | sed -n "$kept"; }
T kill-session -t e 2>/dev/null
T new-session -d -s e -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP'"
if wait_for 'Tab:slider' && T send-keys -t e X && wait_for '^> train FLOPs' &&
	T send-keys -t e l l && wait_for '^> train FLOPs .* 1\.26e15' && shown >"$tmp/x.want" &&
	T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'the plane, trained longer' && T send-keys -t e Enter &&
	wait_for 'step 3 recorded' &&
	T send-keys -t e W && wait_for 'test-time laws' &&
	T send-keys -t e -l 'brown2024-llama3-8b-m' && T send-keys -t e Enter &&
	wait_for '^> samples k' && T send-keys -t e l &&
	wait_for '^> samples k .* 112$' && shown >"$tmp/k.want" &&
	T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'coverage, sampled more' && T send-keys -t e Enter &&
	wait_for 'step 4 recorded'; then
	ok "r in views X and K: two steps recorded"
else
	no "r in views X and K: two steps recorded" "$(screen)"
fi
T send-keys -t e q
rm -rf "$tmp/slides"
[ -s "$tmp/x.want" ] && [ -s "$tmp/k.want" ] || no "the X and K screens were captured"
run tour --dump recorded "$tmp/slides"
for step in 3:x 4:k; do
	frame="$tmp/slides/step-0${step%:*}.txt"
	sed -n "$kept" "$frame" >"$tmp/got" 2>/dev/null
	if [ "$rc" = 0 ] && cmp -s "$tmp/${step#*:}.want" "$tmp/got"; then
		ok "step ${step%:*} (view ${step#*:}) replays to the sliders and readout recorded"
	else
		no "step ${step%:*} (view ${step#*:}) replays to the sliders and readout recorded" \
			"exit $rc: $err" "$(diff "$tmp/${step#*:}.want" "$tmp/got" 2>&1)" \
			"$(cat "$recorded" 2>&1)"
	fi
done

# the loss-to-error map and 'A': a step records both and the dump replays them
T kill-session -t e 2>/dev/null
T new-session -d -s e -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP' --record '$tmp/ds.yaml' --law hoffmann2022 --model chinchilla --downstream gadre2024"
if wait_for 'Tab:slider' && T send-keys -t e A && wait_for 'contours: loss' &&
	T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'the map, its contours off' && T send-keys -t e Enter &&
	wait_for 'step 1 recorded' && T send-keys -t e A && wait_for 'contours: top-1 error' &&
	T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'and on' && T send-keys -t e Enter && wait_for 'step 2 recorded'; then
	ok "r with --downstream, A off then on: two steps recorded"
else
	no "r with --downstream, A off then on: two steps recorded" "$(screen)"
fi
T send-keys -t e q
rm -rf "$tmp/slides"
run tour --dump "$tmp/ds.yaml" "$tmp/slides"
if [ "$rc" = 0 ] && grep -q 'downstream: "gadre2024"' "$tmp/ds.yaml" &&
	[ "$(grep -c 'contours: loss' "$tmp/ds.yaml")" = 1 ] &&
	! grep -q 'contours: error (derived' "$tmp/slides/step-01.txt" &&
	grep -q 'contours: error (derived' "$tmp/slides/step-02.txt"; then
	ok "the steps carry downstream: and contours:, and replay the map and its contours"
else
	no "the steps carry downstream: and contours:, and replay the map and its contours" \
		"exit $rc: $err" "$(cat "$tmp/ds.yaml" 2>&1)" "$(cat "$tmp/slides/step-01.txt")"
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
