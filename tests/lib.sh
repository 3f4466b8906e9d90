# lib.sh: what the test scripts of the binary share; sourced, not run.
# The binary under test in $ISOFLOP, the source tree as the working
# directory, a scratch directory $tmp removed on exit (a script that needs
# more cleanup sets its own trap, removing $tmp too), a HOME and
# XDG_CONFIG_HOME inside it so that no test reads or writes the user's
# presets, no COLUMNS from the caller's shell, ok/no to print TAP lines numbered by $n,
# and run/expect_error/said_error for the commands' one-line errors.
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
