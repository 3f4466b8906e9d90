#!/bin/sh
# total.sh COUNTS...: add up "passed failed" lines and print the suite's one
# closing line; exit 1 when anything failed. With FAILURES=FILE (see run.sh),
# the first failure's diagnostics and every failed test's name are printed
# again just above it, where a CI log's tail shows them.
if [ -n "${FAILURES:-}" ] && [ -s "$FAILURES" ]; then
	echo "# the first failure, as its test printed it:"
	cat "$FAILURES.first" 2>/dev/null
	echo "# failed:"
	cat "$FAILURES"
fi
cat "$@" | awk '{ p += $1; f += $2 } END { printf "%d passed, %d failed\n", p, f; exit (f > 0) }'
