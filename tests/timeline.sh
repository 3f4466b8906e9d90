#!/bin/sh
# timeline.sh: `isoflop timeline` against hand computations: the growth a
# year fitted over the shipped models (least squares in awk over `presets
# models`), the cited trend as Epoch AI publishes it, the data-wall year
# from Chinchilla's closed form, and the one-line errors.
. "$(dirname "$0")/lib.sh"

# near GOT WANT TOL: |GOT/WANT - 1| <= TOL
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# field ROW ID COLUMN: one number of timeline's CSV (columns: row,id,basis,year,compute,tokens,growth,low,high,level,law,compute_low,compute_high)
field() { printf '%s\n' "$csv" | awk -F, -v r="$1" -v i="$2" -v c="$3" '$1 == r && $2 == i { print $c }'; }

run timeline --format csv
csv=$out

# The models with a published compute and a release date, as `presets models` lists them:
# year = YYYY + (MM - 1)/12, x = year, y = log10 C; then ordinary least squares
# by hand, and the 90% interval with Student's t (two-sided, 0.95 quantile)
# from a printed table for n - 2 degrees of freedom.
"$ISOFLOP" presets models --format json | awk '
	/"kind": "model"/ {
		if (!match($0, /"compute": [0-9.e+]+/)) next
		c = substr($0, RSTART + 11, RLENGTH - 11) + 0
		if (!match($0, /"released": "[0-9]+-[0-9]+/)) next
		split(substr($0, RSTART + 13, RLENGTH - 13), ym, "-")
		x[++k] = ym[1] + (ym[2] - 1) / 12; y[k] = log(c) / log(10)
	}
	END {
		split("6.313752 2.919986 2.353363 2.131847 2.015048 1.943180 1.894579 1.859548 1.833113 1.812461 1.795885 1.782288", t, " ")
		for (i = 1; i <= k; i++) { mx += x[i] / k; my += y[i] / k }
		for (i = 1; i <= k; i++) { sxx += (x[i] - mx) ^ 2; sxy += (x[i] - mx) * (y[i] - my) }
		b = sxy / sxx
		for (i = 1; i <= k; i++) ss += (y[i] - my - b * (x[i] - mx)) ^ 2
		h = t[k - 2] * sqrt(ss / (k - 2) / sxx)
		printf "%d %.12g %.12g %.12g\n", k, 10 ^ b, 10 ^ (b - h), 10 ^ (b + h)
	}' >"$tmp/hand"
read -r k g lo hi <"$tmp/hand"
nrows=$(printf '%s\n' "$csv" | grep -c '^\(model\|frontier\),')
if [ "$nrows" = "$k" ] && near "$(field growth fitted 7)" "$g" 1e-6 &&
	near "$(field growth fitted 8)" "$lo" 1e-5 && near "$(field growth fitted 9)" "$hi" 1e-5; then
	ok "fitted growth over the $k shipped models with published compute = least squares by hand ($g x a year)"
else
	no "fitted growth by hand" "hand: $k models, $g [$lo, $hi]" "$csv"
fi

# Epoch AI, The training compute of notable AI models is doubling roughly every
# five months (epoch.ai/data-insights/compute-trend-post-2010, June 2024):
# 4.7x a year, 90% CI 4.3x to 5.2x, fitted 2010 to 2024.
if [ "$(field growth epoch2024 7),$(field growth epoch2024 8),$(field growth epoch2024 9),$(field growth epoch2024 10),$(field growth epoch2024 3)" = "4.7,4.3,5.2,0.9,cited" ]; then
	ok "the cited trend is Epoch AI's 4.7x a year [4.3, 5.2] at 90%"
else
	no "the cited trend is Epoch AI's" "$(printf '%s\n' "$csv" | grep '^growth,epoch2024')"
fi

# Wall by hand under hoffmann2022 (Eq. 10: A 406.4, B 410.7, alpha 0.34, beta 0.28)
# and Eq. 4: D_opt = G^-1 (C/6)^b, so D_opt = S at C = 6 (G S)^(1/b),
# G = (alpha A / (beta B))^(1/(alpha+beta)), b = alpha/(alpha+beta). The stock
# is Villalobos et al. 2024's 300T tokens, and the frontier Llama 3.1 405B's
# published 3.8e25 FLOPs (arXiv:2407.21783), released 2024-07 = 2024.5,
# growing at Epoch AI's 4.7x a year.
run timeline --law hoffmann2022 --format csv
csv=$out
set -- $(awk 'BEGIN {
	a = 406.4; b = 410.7; al = 0.34; be = 0.28
	g = (al * a / (be * b)) ^ (1 / (al + be)); e = al / (al + be)
	c = 6 * (g * 3e14) ^ (1 / e)
	printf "%.12g %.12g\n", c, 2024.5 + log(c / 3.8e25) / log(4.7)
}')
if near "$(field wall epoch2024 5)" "$1" 1e-6 && near "$(field wall epoch2024 4)" "$2" 1e-9; then
	ok "the data wall under hoffmann2022 at Epoch AI's trend: C = $1, year $2, by hand"
else
	no "data wall by hand" "hand: C $1 year $2" "$(printf '%s\n' "$csv" | grep '^wall')"
fi

# The frontier the walls are projected from is the largest published compute.
if [ "$(printf '%s\n' "$csv" | grep -c '^frontier,llama3.1-405b,published,2024.5,3.8e+25,')" = 1 ]; then
	ok "walls are projected from the frontier, Llama 3.1 405B's published 3.8e25 in 2024.5"
else
	no "the frontier row" "$csv"
fi

# Text output labels each number derived or cited.
run timeline
if printf '%s\n' "$out" | grep -q '^growth fitted to them (derived' &&
	printf '%s\n' "$out" | grep -q '^growth, epoch2024 (cited)' &&
	printf '%s\n' "$out" | grep -q '^stock of text, villalobos2024 (cited)' &&
	printf '%s\n' "$out" | grep -q '^Tag: model  \. fit .* (derived)  ~ Epoch AI 4.7x/yr (cited)'; then
	ok "text output and legend say which numbers are derived and which cited"
else
	no "derived and cited labels" "$out"
fi

expect_error "unknown stock" \
	"isoflop: --stock: unknown stock 'nope' (known: villalobos2024)" timeline --stock nope
expect_error "unknown trend" \
	"isoflop: --trend: unknown trend 'nope' (known: epoch2024)" timeline --trend nope
expect_error "one law" \
	"isoflop: timeline takes one law: --law ID (isoflop presets laws lists them)" \
	timeline --law all

# Kaplan's frontier grows D as C^0.27: no budget up to 1e35 FLOPs makes 300T tokens optimal.
expect_error "a law whose optimum never reaches the stock" \
	"isoflop: timeline: no compute-optimal run under 'kaplan2020-frontier' trains on the 300T tokens of 'villalobos2024' (outside the law's domain)" \
	timeline --law kaplan2020-frontier

# Two dated models with compute are too few: a binary beside a presets
# directory holding only GPT-3 and PaLM.
mkdir -p "$tmp/few/presets/models"
cp "$ISOFLOP" "$tmp/few/isoflop"
cp -r presets/laws presets/stocks presets/trends presets/accelerators "$tmp/few/presets/"
cp presets/models/gpt3.yaml presets/models/palm.yaml "$tmp/few/presets/models/"
"$tmp/few/isoflop" timeline >"$tmp/out" 2>"$tmp/err"
rc=$? out=$(cat "$tmp/out") err=$(cat "$tmp/err")
said_error "fewer than three dated models with compute" \
	"isoflop: timeline needs at least 3 models with a published compute and a release date; found 2 (each needs compute: and released: in its preset)"

# Villalobos et al. 2024 (arXiv:2211.04325v2), Fig. 1: datasets reach the
# stock in a median year of 2028 (abstract: between 2026 and 2032), at about 4e14
# tokens and 5e28 FLOPs for models trained compute-optimally (their 20
# tokens per parameter, Chinchilla's Approach 1). Under Approach 1's own
# frontier and Epoch AI's trend, the wall's compute for 4e14 tokens should be
# that 5e28 within 15%, and the year of the 300T stock inside their interval.
run optimum --law hoffmann2022-approach1 --tokens 4e14 --format csv
c=$(printf '%s\n' "$out" | awk -F, 'NR == 2 { print $2 }')
if [ "$rc" = 0 ] && awk -v c="$c" 'BEGIN { exit !(c > 5e28 / 1.15 && c < 5e28 * 1.15) }'; then
	ok "Villalobos Fig. 1: 4e14 tokens are compute-optimal near 5e28 FLOPs ($c)"
else
	no "Villalobos Fig. 1: 4e14 tokens near 5e28 FLOPs" "$out"
fi
run timeline --law hoffmann2022-approach1 --format csv
y=$(printf '%s\n' "$out" | awk -F, '$1 == "wall" && $2 == "epoch2024" { print $4 }')
if [ "$rc" = 0 ] && awk -v y="$y" 'BEGIN { exit !(y >= 2026 && y <= 2032) }'; then
	ok "Villalobos Fig. 1: the wall year ($y) within their 2026-2032"
else
	no "Villalobos Fig. 1: the wall year within 2026-2032" "$out"
fi

# a wall row names its law and its compute at the stock's ends: the same C_wall
# solved for 100T and 1000T tokens (optimum --tokens), not a copy of C
run timeline --law hoffmann2022-approach1 --format csv
wall=$(printf '%s\n' "$out" | awk -F, '$1 == "wall" && $2 == "epoch2024"')
lo=$("$ISOFLOP" optimum --law hoffmann2022-approach1 --tokens 100T --format csv | awk -F, 'NR == 2 { print $2 }')
hi=$("$ISOFLOP" optimum --law hoffmann2022-approach1 --tokens 1000T --format csv | awk -F, 'NR == 2 { print $2 }')
if printf '%s\n' "$wall" | awk -F, -v lo="$lo" -v hi="$hi" '{ exit !($11 == "hoffmann2022-approach1" && ($12 - lo) / lo < 1e-6 && (lo - $12) / lo < 1e-6 && ($13 - hi) / hi < 1e-6 && (hi - $13) / hi < 1e-6) }'; then
	ok "a wall row names its law and its compute at the stock's ends"
else
	no "a wall row names its law and its compute at the stock's ends" "$wall" "lo $lo hi $hi"
fi

echo "1..$n"
