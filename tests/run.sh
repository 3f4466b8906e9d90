#!/bin/sh
# run.sh COUNTS TEST...: run test programs and scripts that speak TAP, show
# their failures, and append "passed failed" to COUNTS.
#
# A program that exits non-zero without reporting a failed test (a crash, a
# sanitizer or valgrind report) counts as one failure: nothing fails silently.
# With VALGRIND=1, compiled tests run under valgrind. With FAILURES=FILE, the
# names of failed tests are appended to FILE as well, and the first failure
# with its diagnostics is kept in FILE.first.
set -u
counts=$1
shift
total_pass=0
total_fail=0
log=$(mktemp)
trap 'rm -f "$log"' EXIT

for t in "$@"; do
	name=$(basename "$t")
	case "$t" in
	*.sh) runner="sh" ;;
	*)
		runner=""
		if [ "${VALGRIND:-0}" = 1 ]; then
			runner="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite,indirect --show-leak-kinds=definite,indirect"
		fi
		;;
	esac
	CMOCKA_MESSAGE_OUTPUT=TAP $runner "$t" >"$log" 2>&1
	rc=$?
	pass=$(grep -c '^ok ' "$log")
	fail=$(grep -c '^not ok ' "$log")
	if [ "$rc" != 0 ] && [ "$fail" = 0 ]; then
		fail=1
		echo "not ok - $name exited with status $rc without naming a failed test" >>"$log"
	fi
	if [ "$pass" = 0 ] && [ "$fail" = 0 ]; then
		fail=1
		echo "not ok - $name ran no test" >>"$log"
	fi
	if [ "$fail" != 0 ]; then
		# the failures and the lines around them (diagnostics follow a "not ok")
		grep -v '^ok ' "$log" | head -n 60
		# and once more at the end of a long run (tests/total.sh), where a CI
		# log's tail shows them: every name, and what the first one printed
		if [ -n "${FAILURES:-}" ]; then
			grep '^not ok' "$log" | sed "s|^|${LABEL:+$LABEL }$name: |" >>"$FAILURES"
			# a crash's report comes before the line run.sh adds: show the tail then
			if [ -s "$FAILURES.first" ]; then
				:
			elif tail -n 1 "$log" | grep -q "^not ok - $name "; then
				tail -n 14 "$log" >"$FAILURES.first"
			else
				awk '/^(not )?ok/ && n { n = 2 } /^not ok/ && !n { n = 1 }
				     n == 1 && k++ < 14' "$log" >"$FAILURES.first"
			fi
		fi
	fi
	echo "# ${LABEL:+$LABEL }$name: $pass passed, $fail failed"
	total_pass=$((total_pass + pass))
	total_fail=$((total_fail + fail))
done
echo "$total_pass $total_fail" >>"$counts"
