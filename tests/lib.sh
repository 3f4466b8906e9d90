# lib.sh: what the test scripts of the binary share; sourced, not run.
# The binary under test in $ISOFLOP, the source tree as the working
# directory, a scratch directory $tmp removed on exit (a script that needs
# more cleanup sets its own trap, removing $tmp too), a HOME and
# XDG_CONFIG_HOME inside it so that no test reads or writes the user's
# presets, no COLUMNS from the caller's shell, ok/no to print TAP lines numbered by $n,
# and run/expect_error/said_error for the commands' one-line errors; T,
# note_panes and end_tmux for the scripts that drive the explorer in tmux.
set -u
: "${ISOFLOP:?set ISOFLOP to the binary under test}"
cd "$(dirname "$0")/.." || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export HOME="$tmp/home" XDG_CONFIG_HOME="$tmp/config"
unset COLUMNS # text tables keep within it when set (a test sets it itself)
mkdir -p "$HOME"
n=0

ok() {
	n=$((n + 1))
	echo "ok $n - $1"
}

# no NAME [DETAIL...]: a failure, each detail line after it as a TAP comment
no() {
	n=$((n + 1))
	echo "not ok $n - $1"
	shift
	for l in "$@"; do printf '%s\n' "$l" | sed 's/^/#   /'; done
}

# run CMD...: the binary's stdout in $out, stderr in $err, status in $rc
run() {
	"$ISOFLOP" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	out=$(cat "$tmp/out")
	err=$(cat "$tmp/err")
}

# said_error NAME MESSAGE: the last command ($rc, $err) exited 2 with exactly
# MESSAGE as the one line on stderr
said_error() {
	lines=$(printf '%s\n' "$err" | wc -l)
	if [ "$rc" = 2 ] && [ "$err" = "$2" ] && [ "$lines" = 1 ]; then
		ok "$1"
	else
		no "$1" "exit $rc (want 2)" "stderr: $err" "want:   $2"
	fi
}

# expect_error NAME MESSAGE CMD...: run CMD: exit 2, exactly MESSAGE as the one
# line on stderr, nothing on stdout
expect_error() {
	name=$1 msg=$2
	shift 2
	run "$@"
	lines=$(printf '%s\n' "$err" | wc -l)
	if [ "$rc" = 2 ] && [ "$err" = "$msg" ] && [ -z "$out" ] && [ "$lines" = 1 ]; then
		ok "$name"
	else
		no "$name" "exit $rc (want 2)" "stderr: $err" "want:   $msg" "stdout: $out"
	fi
}

# The scripts that drive the explorer in tmux (e2e.sh, same.sh) run a server
# of their own: T is tmux on their own socket. Nothing they start may outlive
# them, and nothing else is touched (a parallel run of the suite has
# explorers of its own): note_panes notes the processes under each pane, pid
# and start time (so that a reused pid is never taken for one of theirs),
# before a session goes; end_tmux, on exit, ends the server, then kills by
# pid each noted process still running (a sanitizer's exit-time leak check
# can hang on a dead pty).
T() { tmux -L "isoflop-$(basename "$0" .sh)-$$" -f /dev/null "$@"; }

# screen [SESSION]: the text of a tmux session's pane (session e unless named)
screen() { T capture-pane -p -t "${1:-e}"; }

# wait_for REGEX [SECONDS]: poll session e's screen until a line matches (20 s
# unless given); 1 if none did
wait_for() {
	i=0
	while [ "$i" -lt "$((${2:-20} * 10))" ]; do
		screen | grep -Eq -- "$1" && return 0
		sleep 0.1
		i=$((i + 1))
	done
	return 1
}

# below PID...: the processes under PID, all the way down
below() {
	for p in "$@"; do
		for c in $(pgrep -P "$p"); do
			echo "$c"
			below "$c"
		done
	done
}

# started PID: "PID START", START its start time (field 22 of /proc/PID/stat)
started() { sed 's/^.*) //' "/proc/$1/stat" 2>/dev/null | awk -v p="$1" '{ print p, $20 }'; }

# note_panes: note the processes under every pane of the server
note_panes() {
	for pane in $(T list-panes -a -F '#{pane_pid}' 2>/dev/null); do
		for p in $pane $(below "$pane"); do started "$p"; done
	done >>"$tmp/ours"
}

# end_tmux: end the server and every noted process that is still the same
end_tmux() {
	note_panes
	T kill-server 2>/dev/null
	sleep 0.2
	sort -u "$tmp/ours" | while read -r p start; do
		[ "$(started "$p")" = "$p $start" ] && kill -KILL "$p" 2>/dev/null
	done
}

# one_line_screen TEXT: a golden 80x24 screen (for vterm_screen) showing TEXT
# on its first row and nothing else
one_line_screen() {
	echo "$1"
	i=1
	while [ "$i" -lt 24 ]; do
		echo
		i=$((i + 1))
	done
}
