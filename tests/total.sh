#!/bin/sh
# total.sh COUNTS...: add up "passed failed" lines and print the suite's one
# closing line; exit 1 when anything failed.
cat "$@" | awk '{ p += $1; f += $2 } END { printf "%d passed, %d failed\n", p, f; exit (f > 0) }'
