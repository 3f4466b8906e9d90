#!/bin/sh
# compute.sh: `plot compute`, loss against compute, against hand
# computations from the presets' constants: the compute-optimal loss L*(C)
# of Chinchilla's Eq. 10 through Eq. 4, what the next 10x buys, and the
# share of the reducible loss left that Eq. 4 makes the same at every C.
. "$(dirname "$0")/lib.sh"

# near GOT WANT TOL: |GOT/WANT - 1| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# Hoffmann et al. 2022, arXiv:2203.15556, Eq. 10 (presets/laws/hoffmann2022.yaml)
# and Eq. 4: N = G (C/6)^a, D = (C/6)^b / G, G = (alpha A / (beta B))^(1/(alpha+beta)).
# chinchilla C COLUMN: L*(C), N*, D*, dL for the next 10x or its share.
chinchilla() {
	awk -v c="$1" -v col="$2" 'function lstar(c,   g, n, d) {
		g = (alpha * A / (beta * B)) ^ (1 / (alpha + beta))
		n = g * (c / 6) ^ (beta / (alpha + beta))
		d = (c / 6) ^ (alpha / (alpha + beta)) / g
		N = n; D = d
		return E + A / n ^ alpha + B / d ^ beta
	}
	BEGIN {
		E = 1.69; A = 406.4; B = 410.7; alpha = 0.34; beta = 0.28
		l = lstar(c); n = N; d = D; l10 = lstar(10 * c)
		v["loss"] = l; v["params"] = n; v["tokens"] = d
		v["gain"] = l - l10; v["share"] = (l - l10) / (l - E)
		printf "%.10g\n", v[col]
	}'
}

# field CSV-LINE K: the Kth comma-separated field
field() { printf '%s\n' "$1" | cut -d, -f"$2"; }

run plot compute --law hoffmann2022 --compute 1e21,1e24 --format csv
if [ "$(printf '%s\n' "$out" | sed -n 1p)" = "law,compute,loss,params,tokens,floor,gain_next_10x,share_of_reducible" ]; then
	ok "the CSV header names its columns"
else
	no "the CSV header names its columns" "$(printf '%s\n' "$out" | sed -n 1p)"
fi
for row in 2:1e21 3:1e24; do
	line=$(printf '%s\n' "$out" | sed -n "${row%%:*}p") c=${row#*:}
	good=yes
	for pair in 3:loss 4:params 5:tokens 7:gain 8:share; do
		got=$(field "$line" "${pair%%:*}") want=$(chinchilla "$c" "${pair#*:}")
		near "$got" "$want" 1e-6 || good="${pair#*:} $got, want $want"
	done
	if [ "$good" = yes ] && [ "$(field "$line" 6)" = 1.69 ]; then
		ok "Eq. 10 through Eq. 4 at $c: L*, N*, D*, E, the next 10x and its share"
	else
		no "Eq. 10 through Eq. 4 at $c" "$line" "$good"
	fi
done

# Eq. 4: the reducible loss falls as C^-a, a = alpha beta / (alpha + beta), so
# every decade takes the same share 1 - 10^-a of what is left: 29.78%.
run plot compute --law hoffmann2022 --compute 1e19:1e29 --format csv
want=$(awk 'BEGIN { printf "%.10g", 1 - 10 ^ -(0.34 * 0.28 / 0.62) }')
bad=$(printf '%s\n' "$out" | sed 1d | while IFS=, read -r _ c _ _ _ _ _ s; do
	near "$s" "$want" 1e-9 || echo "$c: $s"
done)
rows=$(printf '%s\n' "$out" | sed 1d | wc -l)
if [ -z "$bad" ] && [ "$rows" = 11 ]; then
	ok "Eq. 4: the same share a decade, 1 - 10^-a, at each of 11 decades"
else
	no "Eq. 4: the same share a decade" "rows $rows" "$bad" "want $want"
fi

# Kaplan et al. 2020, arXiv:2001.08361, Eq. 1.5 with Table 2's aN = 0.076,
# aD = 0.103: no irreducible term, so the floor is 0 and the share is of the
# whole loss, 1 - 10^-(aN aD / (aN + aD)) at the optimum.
run plot compute --law kaplan2020 --compute 1e22 --format csv
line=$(printf '%s\n' "$out" | sed -n 2p)
want=$(awk 'BEGIN { printf "%.10g", 1 - 10 ^ -(0.076 * 0.103 / 0.179) }')
if near "$(field "$line" 8)" "$want" 1e-5 && [ "$(field "$line" 6)" = 0 ]; then
	ok "Kaplan's Eq. 1.5: no floor, the share of the whole loss"
else
	no "Kaplan's Eq. 1.5: no floor, the share of the whole loss" "$line" "want share $want"
fi

# a frontier law fits N* and D*, no loss: its row has them and nothing else
run plot compute --law kaplan2020-frontier --compute 1e21 --format csv
line=$(printf '%s\n' "$out" | sed -n 2p)
if [ "$rc" = 0 ] && [ -n "$(field "$line" 4)" ] && [ -z "$(field "$line" 3)$(field "$line" 7)" ]; then
	ok "a frontier law's row: N* and D*, no loss"
else
	no "a frontier law's row: N* and D*, no loss" "$line"
fi

# the picture at 80x24: the point, the floor's label, the readout's number
run plot compute --law hoffmann2022 --compute 1e24 --model chinchilla
gain=$(chinchilla 1e24 gain | awk '{ printf "%.4f", $1 }')
share=$(chinchilla 1e24 share | awk '{ printf "%.1f", 100 * $1 }')
lines=$(printf '%s\n' "$out" | wc -l)
if [ "$rc" = 0 ] && [ "$lines" = 24 ] && printf '%s\n' "$out" | grep -q '@' &&
	printf '%s\n' "$out" | grep -q 'E=1.69 irreducible' &&
	printf '%s\n' "$out" | tail -n 1 | grep -q "C=1e24: the next 10x buys dL=$gain ($share% of the"; then
	ok "the picture: '@', the floor E=1.69 and the readout dL=$gain ($share%)"
else
	no "the picture: '@', the floor and the readout" "$out"
fi
if [ "$rc" = 0 ] && printf '%s\n' "$out" | awk 'length > 80 { exit 1 }'; then
	ok "the picture keeps within 80 columns"
else
	no "the picture keeps within 80 columns"
fi

# Muennighoff et al. 2023 with 1B unique tokens: L*(C) stops falling (the
# data wall), the search fails past 1e25, and the picture still draws the
# plateau, where the next 10x buys nothing: L*(C) is at the floor those
# tokens allow, with nothing left above it
run plot compute --law muennighoff2023 --unique-tokens 1B --compute 1e23
if [ "$rc" = 0 ] && printf '%s\n' "$out" | tail -n 1 | grep -q '(at the floor: nothing left)'; then
	ok "the data wall: a plateau at the floor, where the next 10x buys nothing"
else
	no "the data wall: a plateau at the floor, where the next 10x buys nothing" "exit $rc" "$err" "$out"
fi

expect_error "--compute 0" "isoflop: --compute: must be positive: '0' in '0'" \
	plot compute --compute 0
expect_error "--compute -1e24" "isoflop: --compute: must be positive: '-1e24' in '-1e24'" \
	plot compute --compute -1e24
expect_error "an unknown law" "isoflop: unknown law 'nope' (isoflop presets laws lists them)" \
	plot compute --law nope
expect_error "an unknown law after a known one" \
	"isoflop: unknown law 'nope' (isoflop presets laws lists them)" \
	plot compute --law hoffmann2022,nope
expect_error "an unknown model" \
	"isoflop: unknown model 'nope' (isoflop presets models lists them)" \
	plot compute --model nope
expect_error "a frontier law has no line to draw" \
	"isoflop: 'kaplan2020-frontier' is a frontier law: it fits N* and D* but no loss, so no L*(C) to draw (--format csv gives its N* and D*)" \
	plot compute --law kaplan2020-frontier
# the point's '@' on a model's tag: the tag yields whole beside it, never
# a half tag ("@31" for Llama 3.1 405B's L31)
run plot compute --compute 3.79e25 --model llama3.1-405b --width 40 --height 17
row=$(printf '%s\n' "$out" | grep '@')
case "$row" in
*@L31* | *L31@*) ok "a tag under '@' yields whole beside it: $row" ;;
*) no "a tag under '@' yields whole beside it" "$out" ;;
esac

echo "1..$n"
