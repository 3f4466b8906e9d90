#!/bin/sh
# same.sh: everything a user sees is byte-identical to what the commit pinned
# in tests/same.baseline printed. The pinned tree is built from git history
# once per checkout (build/baseline-HASH, reused by the sanitizer run) and
# both binaries run side by side here: every plot, explorer --dump frames,
# the explorer's screens after keys (tmux), tour --dump, loss, optimum and
# fit in text, CSV and JSON, the preset listings, --help, the error and
# status of every tests/bad case the pinned tree has, and the bytes per step
# bench/pty_bytes counts. A refactor passes unchanged; a change of output on
# purpose moves the pin. Without git history (a tarball) it skips.
. "$(dirname "$0")/lib.sh"
unset NO_COLOR
root=$(pwd)
pin=$(grep -v '^#' tests/same.baseline | head -n 1)
short=$(printf '%s' "$pin" | cut -c 1-7)
# the tmux server and what runs in its panes end with the test, nothing else (lib.sh)
trap 'end_tmux; rm -rf "$tmp"' EXIT
export ASAN_OPTIONS="${ASAN_OPTIONS:-}:detect_leaks=0"

if ! git -C "$root" rev-parse -q --verify "$pin^{commit}" >/dev/null 2>&1; then
	echo "ok 1 # SKIP no git history: the baseline $short cannot be built here"
	echo "1..1"
	exit 0
fi

# --- the pinned tree, built once per checkout ---------------------------------
# Built plain (the sanitizer run's make variables are not passed down: the
# baseline is the reference, not the binary under test); into a scratch
# directory first, so that an interrupted build is never taken for a built one.
basedir="$root/build/baseline-$pin"
base="$basedir/isoflop"
if [ ! -x "$base" ] || [ ! -x "$basedir/build/pty_bytes" ]; then
	rm -rf "$basedir.new.$$"
	mkdir -p "$basedir.new.$$"
	if git -C "$root" archive "$pin" | tar -x -C "$basedir.new.$$" &&
		env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL -u BUILD -u SAN \
			make -C "$basedir.new.$$" -j2 isoflop build/pty_bytes >"$tmp/build.log" 2>&1; then
		# a run beside this one may have finished first: keep the one in place
		if [ -x "$base" ] && [ -x "$basedir/build/pty_bytes" ]; then
			rm -rf "$basedir.new.$$"
		else
			rm -rf "$basedir"
			mv "$basedir.new.$$" "$basedir"
		fi
	else
		rm -rf "$basedir.new.$$"
		no "build the baseline $short" "$(tail -n 20 "$tmp/build.log")"
		echo "1..$n"
		exit 0
	fi
fi
# the binary of the pinned tree reads its own presets, beside it
[ -d "$basedir/presets" ] || no "the baseline has presets beside it"

# outcome BIN ARGS...: all BIN shows for ARGS: stdout, stderr, exit status,
# and every file it wrote under $tmp/o (tour --dump, fit --output); stdin
# from $input. Each binary names its own shipped presets (beside it) as
# <shipped>/, the one thing that may differ.
input=/dev/null
outcome() {
	bin=$1
	shift
	rm -rf "$tmp/o"
	mkdir -p "$tmp/o"
	"$bin" "$@" <"$input" >"$tmp/stdout" 2>"$tmp/stderr"
	rc=$?
	{
		cat "$tmp/stdout"
		echo "--- stderr"
		cat "$tmp/stderr"
		echo "--- exit $rc"
		find "$tmp/o" -mindepth 1 | sort | while read -r f; do
			echo "--- file ${f#"$tmp"/}"
			[ -f "$f" ] && cat "$f"
		done
	} | sed "s|$(dirname "$bin")/presets/|<shipped>/|g"
}

# same NAME ARGS...: the baseline and the binary under test show the same
same() {
	name=$1
	shift
	outcome "$base" "$@" >"$tmp/want"
	outcome "$ISOFLOP" "$@" >"$tmp/got"
	if cmp -s "$tmp/want" "$tmp/got"; then
		ok "same as $short: $name"
	else
		no "differs from $short: $name (isoflop $*)" "$(diff "$tmp/want" "$tmp/got" | head -n 20)"
	fi
}

# plain FILE: a screen captured with -e, its colours and attributes left out
plain() { sed 's/\x1b\[[0-9;]*m//g' "$1"; }

# send SESSION KEYS: tmux key names one by one; click:TAG clicks (SGR mouse,
# press and release) on the first cell of TAG on the screen, click:X,Y on
# column X, row Y (1-based)
send() {
	for key in $2; do
		case "$key" in
		click:*,*) at=${key#click:} ;;
		click:*)
			at=$(T capture-pane -p -t "$1" | awk -v t="${key#click:}" \
				'!at && (i = index($0, t)) { at = i "," NR } END { print at }')
			;;
		*)
			T send-keys -t "$1" "$key"
			continue
			;;
		esac
		if [ -z "$at" ]; then
			echo "no ${key#click:} on the screen of $1"
			return 1
		fi
		x=${at%,*} y=${at#*,}
		T send-keys -t "$1" -l "$(printf '\033[<0;%d;%dM\033[<0;%d;%dm' "$x" "$y" "$x" "$y")"
	done
}

# same_keys SIZE K KEYS: sessions bK (baseline) and tK (under test), once
# both show a first frame (its key hints), get KEYS; then their screens
# must agree twice, 0.5 s apart, the baseline's no longer its first frame
# (20 s at most)
same_keys() {
	i=0
	until T capture-pane -p -t "b$2" | grep -Eq 'Tab:slider|Space:next' &&
		T capture-pane -p -t "t$2" | grep -Eq 'Tab:slider|Space:next'; do
		i=$((i + 1))
		if [ "$i" -ge 200 ]; then
			no "screen $1${4:+ ($4)} after $3: no first frame" "$(T capture-pane -p -t "t$2" | tail -n 5)"
			return
		fi
		sleep 0.1
	done
	T capture-pane -p -e -t "b$2" >"$tmp/first"
	if ! why=$(send "b$2" "$3") || ! why=$(send "t$2" "$3"); then
		no "screen $1${4:+ ($4)} after $3: the keys" "$why"
		return
	fi
	i=0 agreed=0 still=0
	: >"$tmp/prev"
	while [ "$i" -lt 40 ]; do
		sleep 0.5
		T capture-pane -p -e -t "b$2" >"$tmp/want"
		T capture-pane -p -e -t "t$2" >"$tmp/got"
		if ! cmp -s "$tmp/want" "$tmp/first" && cmp -s "$tmp/want" "$tmp/got"; then
			agreed=$((agreed + 1))
			if [ "$agreed" = 2 ]; then
				ok "same as $short: the explorer's screen $1${4:+ ($4)} after keys $3"
				return
			fi
		else
			agreed=0
			# both screens held still for 3 s and differ: no use waiting on
			if cat "$tmp/want" "$tmp/got" | cmp -s - "$tmp/prev"; then
				still=$((still + 1))
			else
				still=0
			fi
			cat "$tmp/want" "$tmp/got" >"$tmp/prev"
			[ "$still" -ge 6 ] && break
		fi
		i=$((i + 1))
	done
	# the text's difference, or the colours' when the text is the same
	if [ "$(plain "$tmp/want")" != "$(plain "$tmp/got")" ]; then
		plain "$tmp/want" >"$tmp/want.txt"
		plain "$tmp/got" >"$tmp/got.txt"
		why=$(diff "$tmp/want.txt" "$tmp/got.txt" | head -n 20)
	else
		why="same text, other colours or attributes:
$(diff "$tmp/want" "$tmp/got" | cat -v | head -n 10)"
	fi
	no "differs from $short: the explorer's screen $1${4:+ ($4)} after keys $3" "$why"
}

laws=$(ls "$basedir/presets/laws" | sed -n 's/\.yaml$//p')
tours=$(ls "$basedir/presets/tours" | sed -n 's/\.yaml$//p')

# --- plot: the map and the profiles of each law, at several sizes --------------
for law in $laws; do
	same "plot contour $law 80x24" plot contour --law "$law"
	same "plot contour $law 40x12, every model" plot contour --law "$law" --width 40 --height 12 --model all
	same "plot contour $law 120x40, colour, a point" plot contour --law "$law" --width 120 --height 40 \
		--color always --model chinchilla --params 70B --tokens 1.4T
	same "plot contour $law 300x100 at a budget" plot contour --law "$law" --width 300 --height 100 --compute 1e24
	same "plot profiles $law 80x24" plot profiles --law "$law"
	same "plot profiles $law 40x12" plot profiles --law "$law" --width 40 --height 12 --compute 1e22
	same "plot profiles $law 120x40, colour" plot profiles --law "$law" --width 120 --height 40 \
		--color always --params 7B
done
same "plot contour: compare and delta, colour" plot contour --compare hoffmann2022 --delta --color always
same "plot contour: a second frontier" plot contour --law hoffmann2022 --frontier kaplan2020-frontier
same "plot contour: compare, no delta" plot contour --compare deepseek2024 --model all
same "plot contour: --compare with --frontier" plot contour --compare deepseek2024 --frontier kaplan2020
same "plot contour: inference frontier" plot contour --inference-tokens 10T --model llama3-8b --width 100 --height 30
same "plot contour: data wall" plot contour --law muennighoff2023 --unique-tokens 25B --compute 1e22 --color always
same "plot contour: a window" plot contour --range 100M:1T,1B:10T --model llama-7b --model pythia-12b
same "plot contour: the smallest" plot contour --width 40 --height 12 --model all --color always
same "plot: too small" plot contour --width 39
same "plot: no kind" plot
# every golden case, against the baseline rather than the stored file
while IFS='|' read -r gname args; do
	case "$gname" in '#'* | '') continue ;; esac
	# shellcheck disable=SC2086 # the arguments are plain words
	same "golden case $(echo "$gname" | tr -d ' ')" $args
done <"$basedir/tests/golden/cases"

# --- the explorer's first frame (--dump): a state per view and start option --
sed -e 's/^id: .*/id: edited/' -e 's/^  E: .*/  E: 1.9/' -e 's/^  alpha: .*/  alpha: 0.31/' \
	"$basedir/presets/laws/besiroglu2024.yaml" >"$tmp/edited.yaml"
while IFS='|' read -r what args; do
	for size in 80x24 120x40; do
		# shellcheck disable=SC2086 # the arguments are plain words
		same "--dump $size: $what" --dump --width "${size%x*}" --height "${size#*x}" $args
	done
done <<EOF
the start|
a picked model|--model gpt3
a mixture of experts|--model deepseek-v3
inference view (i)|--model llama3-8b --inference-tokens 10T
data view (u)|--law muennighoff2023 --unique-tokens 25B --params 7B --tokens 237B
test-time view (t)|--model llama3-8b --inference-tokens 2.4T --larger 14
hardware view (g)|--gpu h100 --gpus 1024 --mfu 0.4 --days 30
hardware view, days follow|--gpu tpu-v5p --gpus 2048 --mfu 0.5
an edited law|--preset $tmp/edited.yaml --law edited
a frontier law|--law hoffmann2022-approach1
kaplan|--law kaplan2020 --compute 1e22
runs|--runs tests/runs/besiroglu-sweeps.csv
a tour's first step|--tour chinchilla-story
unicode and colour|--unicode --color always --model chinchilla
colour, every view|--color always --model llama3-8b --inference-tokens 2.4T --larger 4 --gpu a100 --mfu 0.3 --gpus 64
EOF
same "--dump: at the largest size" --dump --width 300 --height 100 --model all
same "--dump: at the smallest size" --dump --width 40 --height 12

# --- the explorer after keys, in tmux: the views only keys reach -----------------
# Both binaries run side by side, one session each, and get the same keys once
# their first frame is up; the screens (with colours and attributes: -e) must
# agree and hold still. The keys: the views (i u t g, then a and f), law
# editing (e), compare (c) and difference (d), a picked model (p), a law
# switch with a lock and a snap, markers off with the help open, a typed
# value, mouse clicks on a model's tag, the map and a slider's bar, and a
# tour played (steps, back, go to, explore from it). Lines: ARGS|KEYS.
cat >"$tmp/states" <<EOF
|i
|u
|t
|g a f Right
|e Right Right
|c Down Down Enter
|c Down Down Enter d
|p Down Down Down Enter
|w Down Enter x Right o
|m ?
|? j j
|Tab = 2 T Enter
|click:PL
|click:Py Right
|click:20,12
|click:38,18
--model gpt3 --inference-tokens 2.4T --larger 4|t Tab Right
--law muennighoff2023 --unique-tokens 25B|Tab Tab Tab Left Left
--tour chinchilla-story|Space Space
--tour chinchilla-story|Space BSpace g 6 Enter
--tour chinchilla-story|g 8 Enter Escape
EOF
if command -v tmux >/dev/null 2>&1; then
	T new-session -d -s keep 'sleep 3600'
	for size in 80x24 120x40; do
		k=0
		while IFS='|' read -r args keys; do
			k=$((k + 1))
			for side in b t; do
				bin=$base
				[ "$side" = t ] && bin=$ISOFLOP
				T new-session -d -s "$side$k" -x "${size%x*}" -y "${size#*x}" \
					"env TERM=xterm-256color '$bin' $args; echo EXIT=\$?; sleep 600"
			done
		done <"$tmp/states"
		k=0
		while IFS='|' read -r args keys; do
			k=$((k + 1))
			same_keys "$size" "$k" "$keys" "$args"
		done <"$tmp/states"
		note_panes
		for s in $(seq 1 "$k"); do
			T kill-session -t "b$s"
			T kill-session -t "t$s"
		done
	done
else
	no "tmux is installed (make deps installs it): the explorer's screens after keys"
fi

# --- tour --dump of every shipped tour -----------------------------------------
for tour in $tours; do
	same "tour --dump $tour" tour --dump "$tour" "$tmp/o/slides"
done

# --- loss, optimum, test-time: text, CSV and JSON -------------------------------
for format in text csv json; do
	same "loss $format, every law" loss --law all --model gpt3 --format "$format"
	same "loss $format, N and D" loss --params 70B --tokens 1.4T --format "$format"
	same "loss $format, data-constrained" loss --law muennighoff2023 --params 7B --tokens 237B \
		--unique-tokens 25B --format "$format"
	same "optimum $format at a budget" optimum --law all --compute 5.76e23 --format "$format"
	same "optimum $format for a loss" optimum --law all --loss 2.1 --format "$format"
	same "optimum $format, inference" optimum --compute 1e24 --inference-tokens 10T --format "$format"
	same "optimum $format, data-constrained" optimum --law muennighoff2023 --compute 1e22 \
		--unique-tokens 25B --format "$format"
	same "optimum $format --gpu, its budget" optimum --law all --gpu h100 --mfu 0.4 --gpus 1024 \
		--days 30 --format "$format"
	same "optimum $format --gpu, days" optimum --compute 1e24 --gpu a100 --mfu 0.5 --gpus 512 \
		--format "$format"
	same "optimum $format --gpu, count" optimum --law all --loss 2.1 --gpu tpu-v5p --mfu 0.45 \
		--days 14 --format "$format"
	same "test-time $format" test-time --model gpt3 --inference-tokens 1T --format "$format"
done

# --- fit on each run file, seeded -----------------------------------------------
for runs in "$basedir"/tests/runs/*.csv; do
	r=$(basename "$runs" .csv)
	for format in text csv json; do
		same "fit $r $format" fit "$runs" --seed 3 --format "$format"
		same "fit $r --method isoflop $format" fit "$runs" --method isoflop --format "$format"
	done
	same "fit $r: bootstrap" fit "$runs" --bootstrap 20 --seed 7 --format json
	same "fit $r: top left out, another budget" fit "$runs" --exclude-top 5 --at-compute 1e23 --format csv
	same "fit $r: the law as a preset" fit "$runs" --seed 3 --output -
	same "fit $r: the law into a file" fit "$runs" --seed 3 --output "$tmp/o/law.yaml"
	input=$runs
	same "fit $r from standard input" fit - --seed 3
	input=/dev/null
done

# --- listings, help, usage errors -----------------------------------------------
for what in "" laws models accelerators; do
	# shellcheck disable=SC2086 # empty: no argument
	same "presets $what" presets $what
	# shellcheck disable=SC2086
	same "presets $what csv" presets $what --format csv
	# shellcheck disable=SC2086
	same "presets $what json" presets $what --format json
done
# copies: a path under a binary's own presets would read <shipped>/ for one only
mkdir -p "$tmp/mine"
cp -R "$basedir/presets/laws" "$basedir/presets/models" "$basedir/presets/accelerators" "$tmp/mine/"
same "presets: a preset file checked" presets --preset "$tmp/mine/laws/hoffmann2022.yaml"
same "presets: a directory" presets --preset-dir "$tmp/mine"
export COLUMNS=60
same "presets laws within COLUMNS=60" presets laws
unset COLUMNS
same "--help" --help
same "-h" -h
same "--version" --version
same "--keys" --keys
while IFS='|' read -r what args; do
	# shellcheck disable=SC2086 # the arguments are plain words
	same "error: $what" $args
done <<EOF
an unknown command|bogus
an unknown option|--bogus
loss without a point|loss
an unknown law|loss --law nosuch --model gpt3
an unknown model|--dump --model nosuch
a budget out of range|optimum --compute 1e40
a bad number|loss --params 7X --tokens 1T
a bad format|loss --model gpt3 --format xml
an option of another command|presets --compute 1e22
a frontier law's loss|loss --law kaplan2020-frontier --model gpt3
width without --dump|--width 100
start outside the window|--params 100T --tokens 1T --dump
a hardware budget past the window|--gpus 100000000 --days 3650 --mfu 0.5 --dump
M out of range|--dump --larger 200
unknown accelerator|--dump --gpu v100
no such tour|--tour nosuch --dump
a tour sets its own point|--tour chinchilla-story --model gpt3 --dump
tour without --dump|tour chinchilla-story
fit without a file|fit
fit of a missing file|fit /nonexistent/runs.csv
T out of range|--dump --inference-tokens 1e20
EOF

# --- every refused file of the baseline's tests/bad: message and status ---------
# (a case newer than the pin has no baseline answer: tests/bad.sh checks it)
for f in "$basedir"/tests/bad/*.yaml; do
	same "bad preset $(basename "$f" .yaml)" presets --preset "$f"
done
for f in "$basedir"/tests/bad/tours/*.yaml; do
	same "bad tour $(basename "$f" .yaml)" tour --dump "$f" "$tmp/o/slides"
done

# --- make bench's bytes over the wire (the baseline's bench/pty_bytes) -----------
# The same keys give the same bytes; only timing can move a frame's bytes
# into the next key's count (a slow sanitizer build on a loaded machine), so
# the binary under test gets three tries, the fast baseline one.
"$basedir/build/pty_bytes" "$base" >"$tmp/want" 2>&1
try=0
until [ "$try" = 3 ]; do
	try=$((try + 1))
	"$basedir/build/pty_bytes" "$ISOFLOP" >"$tmp/got" 2>&1
	cmp -s "$tmp/want" "$tmp/got" && break
done
if cmp -s "$tmp/want" "$tmp/got"; then
	ok "same as $short: the bytes per frame and per step over a pty (make bench)"
else
	no "differs from $short: the bytes make bench counts (3 tries)" "$(diff "$tmp/want" "$tmp/got")"
fi

echo "1..$n"
