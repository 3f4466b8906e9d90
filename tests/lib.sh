# lib.sh: what the test scripts of the binary share; sourced, not run.
# The binary under test in $ISOFLOP, the source tree as the working
# directory, a scratch directory $tmp removed on exit (a script that needs
# more cleanup sets its own trap, removing $tmp too), a HOME and
# XDG_CONFIG_HOME inside it so that no test reads or writes the user's
# presets, no COLUMNS from the caller's shell, and ok/no to print TAP lines numbered by $n.
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
