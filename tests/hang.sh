#!/bin/sh
# hang.sh: inputs that once made a command spin forever, each under timeout
# so that a hang fails the test instead of the suite. A law whose E was
# about 1e16 put the difference map's levels where one contour step is
# below a double's precision (model/contour.c; tests/unit/test_contour.c
# drives that loop directly). The loader now refuses such an E, and the
# laws it accepts at its edges must draw and end.
. "$(dirname "$0")/lib.sh"

# ends NAME CMD...: exit 0 with output within 20 s
ends() {
	name=$1
	shift
	timeout 20 "$ISOFLOP" "$@" >"$tmp/out" 2>"$tmp/err"
	rc=$?
	if [ "$rc" = 0 ] && [ -s "$tmp/out" ]; then
		ok "$name"
	else
		no "$name" "exit $rc$([ "$rc" = 124 ] && echo ': still running after 20 s')" \
			"stderr: $(head -c 300 "$tmp/err")"
	fi
}

# the law that hung: refused where it is written, at once
sed -e "s/^id: .*/id: huge-e/" -e "s/^  E: .*/  E: 1e16/" presets/laws/hoffmann2022.yaml >"$tmp/huge-e.yaml"
timeout 20 "$ISOFLOP" plot contour --preset "$tmp/huge-e.yaml" --law huge-e --compare hoffmann2022 \
	--delta >"$tmp/out" 2>"$tmp/err"
rc=$?
want="$tmp/huge-e.yaml:12:6: 'E' must lie in [0.001, 20] nats per token, not 1e16"
if [ "$rc" = 2 ] && [ "$(cat "$tmp/err")" = "$want" ]; then
	ok "a law with E = 1e16 is refused at its line, not drawn for ever"
else
	no "E = 1e16" "exit $rc$([ "$rc" = 124 ] && echo ': still running after 20 s')" \
		"stderr: $(head -c 300 "$tmp/err")" "want:   $want"
fi

# the steepest and largest terms the loader takes (A = B = 1e18, exponents
# 0.01: losses of 1e17), against a law of a few nats and against itself
for e in 1.69 20; do
	sed -e "s/^id: .*/id: steep/" -e "s/^  E: .*/  E: $e/" -e 's/^  A: .*/  A: 1e18/' \
		-e 's/^  B: .*/  B: 1e18/' -e 's/^  alpha: .*/  alpha: 0.01/' -e 's/^  beta: .*/  beta: 0.01/' \
		presets/laws/hoffmann2022.yaml >"$tmp/steep.yaml"
	ends "plot contour --delta, a law at the loader's edges (E = $e) against hoffmann2022" \
		plot contour --preset "$tmp/steep.yaml" --law steep --compare hoffmann2022 --delta
	ends "and the other way round (E = $e)" \
		plot contour --preset "$tmp/steep.yaml" --law hoffmann2022 --compare steep --delta
	ends "and the explorer's first frame on it (E = $e)" --dump --preset "$tmp/steep.yaml" --law steep
done
echo "1..$n"
