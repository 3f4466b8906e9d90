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

# a runs view (--runs FILE --bootstrap N --seed S, a space in the path): the
# tour records runs:, bootstrap: and seed: with the step's law: runs, and
# replays (--tour, tour --dump) with the runs' fit, its band and intervals
# the optimum and its 10-90% interval as the readout shows it, whatever the row's layout
nstar() { grep -o 'N\* = [^ ]* ([^)]*)'; }
mkdir -p "$tmp/my talk"
cp tests/runs/besiroglu-sweeps.csv "$tmp/my talk/my runs.csv"
T kill-session -t e 2>/dev/null
T new-session -d -s e -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP' --runs '$tmp/my talk/my runs.csv' --bootstrap 50 --seed 3 --record '$tmp/my talk/rec.yaml'"
if wait_for 'Tab:slider' && T send-keys -t e Right Right Up && wait_for 'D/N = 12' &&
	screen | nstar >"$tmp/runs.want" &&
	T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'your runs, off the optimum' && T send-keys -t e Enter &&
	wait_for 'step 1 recorded'; then
	ok "r in a runs view: a step recorded"
else
	no "r in a runs view: a step recorded" "$(screen)"
fi
T send-keys -t e q
if grep -q '^runs: "my runs.csv"$' "$tmp/my talk/rec.yaml" &&
	grep -q '^bootstrap: 50$' "$tmp/my talk/rec.yaml" &&
	grep -q '^seed: 3$' "$tmp/my talk/rec.yaml" &&
	grep -q 'law: "runs"' "$tmp/my talk/rec.yaml"; then
	ok "the tour names its runs beside it, its bootstrap and seed"
else
	no "the tour names its runs beside it, its bootstrap and seed" \
		"$(cat "$tmp/my talk/rec.yaml" 2>&1)"
fi
run --tour "$tmp/my talk/rec.yaml" --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | nstar | cmp -s - "$tmp/runs.want" &&
	grep -q '(' "$tmp/runs.want"; then
	ok "--tour plays the step with the runs' fit and its intervals, as recorded"
else
	no "--tour plays the step with the runs' fit and its intervals, as recorded" \
		"exit $rc: $err" "want: $(cat "$tmp/runs.want")" "$out"
fi
rm -rf "$tmp/slides"
run tour --dump "$tmp/my talk/rec.yaml" "$tmp/slides"
if [ "$rc" = 0 ] && nstar <"$tmp/slides/step-01.txt" | cmp -s - "$tmp/runs.want"; then
	ok "tour --dump plays it the same, from any directory"
else
	no "tour --dump plays it the same, from any directory" "exit $rc: $err" \
		"want: $(cat "$tmp/runs.want")" "$(cat "$tmp/slides/step-01.txt" 2>&1)"
fi
# the command line's --runs wins over the tour's runs:, which is then not read
mv "$tmp/my talk/my runs.csv" "$tmp/moved.csv"
expect_error "a tour's runs: file gone: file:line:col, one line" \
	"$tmp/my talk/rec.yaml:3:7: 'runs': $tmp/my talk/my runs.csv: cannot open: No such file or directory" \
	--tour "$tmp/my talk/rec.yaml" --dump
run --tour "$tmp/my talk/rec.yaml" --runs "$tmp/moved.csv" --dump
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'your runs, off the optimum'; then
	ok "--runs FILE plays a tour whose runs: moved"
else
	no "--runs FILE plays a tour whose runs: moved" "exit $rc: $err"
fi
# a step of law runs needs runs; a tour without them takes no step from a runs view
printf 'id: t\ntitle: T\nsteps:\n  - caption: a\n    law: runs\n' >"$tmp/nor.yaml"
expect_error "law runs without runs: says where they are given" \
	"$tmp/nor.yaml:5:10: law 'runs' is the fit of your runs: give the tour 'runs: FILE' (or --runs FILE)" \
	--tour "$tmp/nor.yaml" --dump
printf 'id: t\ntitle: T\nseed: 4\nsteps:\n  - caption: a\n' >"$tmp/seed.yaml"
expect_error "seed: without bootstrap: is refused where written" \
	"$tmp/seed.yaml:3:1: 'seed' seeds the bootstrap: give 'bootstrap: N' too" \
	tour --dump "$tmp/seed.yaml" "$tmp/s2"
# a tour's own bootstrap: is refused where it is written, not as --bootstrap
{
	grep '^#' tests/runs/besiroglu-sweeps.csv
	grep -v '^#' tests/runs/besiroglu-sweeps.csv | awk 'NR == 1 || NR % 9 == 2'
} >"$tmp/few.csv"
printf 'id: t\ntitle: T\nruns: few.csv\nbootstrap: 50\nsteps:\n  - caption: a\n' >"$tmp/few.yaml"
expect_error "a tour's bootstrap: on too few runs: file:line:col, one line" \
	"$tmp/few.yaml:4:12: 'bootstrap: 50' needs 12 runs or more; $tmp/few.csv has 11 (man isoflop: --bootstrap)" \
	tour --dump "$tmp/few.yaml" "$tmp/f2"
expect_error "--bootstrap on too few runs is named as the option" \
	"isoflop: --bootstrap needs 12 runs or more; $tmp/few.csv has 11 (man isoflop: --bootstrap)" \
	--tour "$tmp/few.yaml" --runs "$tmp/few.csv" --bootstrap 50 --dump
# one step: one frame, not "1 frames"
printf 'id: t\ntitle: T\nsteps:\n  - caption: a\n' >"$tmp/one.yaml"
run tour --dump "$tmp/one.yaml" "$tmp/one"
if [ "$rc" = 0 ] && [ "$out" = "1 frame of 'T' in $tmp/one" ]; then
	ok "tour --dump counts one frame in the singular"
else
	no "tour --dump counts one frame in the singular" "exit $rc: $out $err"
fi
# at 80x24 a one-line caption leaves its second row to the readout: the
# comparison's line, which says what the comparison is for, shows
printf 'id: t\ntitle: T\nsteps:\n  - caption: one line\n    law: besiroglu2024\n    compare: hoffmann2022\n' >"$tmp/cmp.yaml"
run --tour "$tmp/cmp.yaml" --dump
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 24 ] &&
	printf '%s\n' "$out" | grep -q '^hoffmann2022 needs .*x the compute for L\* at this C'; then
	ok "a one-line caption at 80x24 keeps the readout's comparison line"
else
	no "a one-line caption at 80x24 keeps the readout's comparison line" "exit $rc: $err" "$out"
fi
# law runsx is a typo, not the fit of runs
printf 'id: t\ntitle: T\nsteps:\n  - caption: a\n    law: runsx\n' >"$tmp/typo.yaml"
expect_error "law runsx: an unknown law, not a runs law" \
	"$tmp/typo.yaml:5:10: unknown law 'runsx' (isoflop presets laws lists them)" \
	--tour "$tmp/typo.yaml" --dump
printf 'id: t\ntitle: T\nsteps:\n  - caption: a\n' >"$tmp/plain.yaml"
cp "$tmp/plain.yaml" "$tmp/plain.want"
T kill-session -t e 2>/dev/null
T new-session -d -s e -x 80 -y 24 \
	"env LC_ALL=C.UTF-8 TERM=xterm NO_COLOR=1 HOME='$HOME' XDG_CONFIG_HOME='$XDG_CONFIG_HOME' '$ISOFLOP' --runs '$tmp/moved.csv' --record '$tmp/plain.yaml'"
if wait_for 'Tab:slider' && T send-keys -t e r && wait_for '^caption: _' &&
	T send-keys -t e -l 'x' && T send-keys -t e Enter &&
	wait_for 'not recorded: .*plays without runs' && cmp -s "$tmp/plain.yaml" "$tmp/plain.want"; then
	ok "a runs view is not recorded into a tour played without runs, which is kept"
else
	no "a runs view is not recorded into a tour played without runs, which is kept" "$(screen)"
fi
T send-keys -t e q
echo "1..$n"
