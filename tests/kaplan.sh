#!/bin/sh
# kaplan.sh: Kaplan et al. 2020 as Kaplan and Chinchilla read it. Table 6 is
# in C_min; at 1e21 FLOPs Hoffmann et al. 2022 (arXiv:2203.15556, App. D.4)
# find "the optimal model size should be 4.68 billion parameters", and the
# tokens are what the budget buys (6ND = C, Kaplan Eq. 6.7). The optimum of
# Eq. 1.5 is isoflop's, and losses below L* ~ 1.7 (§6.3) are said to be where
# the laws break down: the notes under the tables say both.
. "$(dirname "$0")/lib.sh"

# within TOL relative: awk, the numbers as printed in csv
near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(d <= t * w) }'; }

run optimum --law kaplan2020-frontier --compute 1e21 --format csv
row=$(printf '%s\n' "$out" | sed -n 2p)
params=$(printf '%s\n' "$row" | cut -d, -f3)
tokens=$(printf '%s\n' "$row" | cut -d, -f4)
if [ "$rc" = 0 ] && near "$params" 4.68e9 0.01; then
	ok "Table 6 at 1e21 FLOPs: Hoffmann App. D.4's 4.68B parameters"
else
	no "Table 6 at 1e21 FLOPs: Hoffmann App. D.4's 4.68B parameters" "exit $rc" "$out"
fi
spent=$(awk -v n="$params" -v d="$tokens" 'BEGIN { printf "%.6g", 6 * n * d }')
if near "$spent" 1e21 1e-6; then
	ok "its 6ND spends the budget, 1e21"
else
	no "its 6ND spends the budget, 1e21" "6ND = $spent"
fi

run optimum --law kaplan2020-frontier --compute 1e21
case $out in
*"read at C_min = 0.5 C"*) ok "the table says the frontier is read in C_min" ;;
*) no "the table says the frontier is read in C_min" "$out" ;;
esac

run optimum --law kaplan2020 --compute 1e24
case $out in
*"derived by isoflop from Eq. 1.5"*"Loss below 1.7, where Kaplan says the laws break down"*)
	ok "optimum: Eq. 1.5's optimum labelled as isoflop's, its loss below L* as such" ;;
*) no "optimum: Eq. 1.5's optimum labelled as isoflop's, its loss below L* as such" "$out" ;;
esac

run loss --law kaplan2020 --params 1.5B --tokens 30B
case $out in
*"derived by isoflop from Eq. 1.5"*) ok "loss: efficiency against an optimum derived from Eq. 1.5" ;;
*) no "loss: efficiency against an optimum derived from Eq. 1.5" "$out" ;;
esac
case $out in
*"break down"*) no "loss: 2.30 is not below L*, no breakdown note" "$out" ;;
*) ok "loss: 2.30 is not below L*, no breakdown note" ;;
esac

run loss --law hoffmann2022 --params 70B --tokens 1.4T
case $out in
*"Eq. 1.5"* | *"break down"*) no "loss: Chinchilla's own optimum gets no Kaplan note" "$out" ;;
*) ok "loss: Chinchilla's own optimum gets no Kaplan note" ;;
esac

# the explorer's readout says so too, where the point is below Kaplan's 1.7
run --dump --law kaplan2020
case $out in
*"L < 1.7 (~): the law breaks down"*) ok "explorer: the readout says the point is below 1.7" ;;
*) no "explorer readout below 1.7" "$out" ;;
esac
# and gives Table 6's own allocation at Chinchilla's budget (6 x 70B x 1.4T):
# N = 1.3e9 C_min^0.73, C_min = C/2 in PF-days of 8.64e19 FLOPs (Kaplan et
# al. 2020, Table 6 and sec. 5.1)
want=$(awk 'BEGIN { printf "%.0fB", 1.3e9 * (6 * 70e9 * 1.4e12 / 2 / 8.64e19) ^ 0.73 / 1e9 }')
case $out in
*"paper's own (o): N* = $want "*) ok "explorer: the readout gives Table 6's N* = $want beside the derived one" ;;
*) no "explorer readout: Table 6's N* = $want" "$out" ;;
esac
run --dump --law kaplan2020 --params 100M --tokens 10B
case $out in
*"breaks down"*) no "explorer: L = 2.79 gets no breakdown line" "$out" ;;
*) ok "explorer: L = 2.79 gets no breakdown line" ;;
esac

# Kaplan's own frontier (Table 6) is drawn beside the '*' derived from Eq. 1.5
run plot contour --law kaplan2020 --width 100 --height 30
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q 'o kaplan2020-frontier' &&
	[ "$(printf '%s\n' "$out" | head -n 28 | tr -cd o | wc -c)" -ge 10 ]; then
	ok "plot contour --law kaplan2020: Table 6's frontier drawn as o, in the legend"
else
	no "Table 6's frontier on Kaplan's map" "exit $rc" "$out"
fi
run plot contour --law hoffmann2022 --width 100 --height 30
case $out in
*"o kaplan2020-frontier"*) no "hoffmann2022 draws no paper frontier of another law" "$out" ;;
*) ok "hoffmann2022 draws no paper frontier of another law" ;;
esac

# a paper_frontier must name a frontier law of the catalog: checked once all are loaded
sed -e 's/^id: .*/id: my-kaplan/' -e 's/^paper_frontier: .*/paper_frontier: nowhere/' \
	presets/laws/kaplan2020.yaml >"$tmp/nowhere.yaml"
line=$(grep -n '^id:' "$tmp/nowhere.yaml" | cut -d: -f1)
expect_error "--preset: a paper_frontier that names no law is an error" \
	"$tmp/nowhere.yaml:$line:1: paper_frontier 'nowhere' is no law here" presets --preset "$tmp/nowhere.yaml"
sed -e 's/^id: .*/id: my-kaplan/' -e 's/^paper_frontier: .*/paper_frontier: hoffmann2022/' \
	presets/laws/kaplan2020.yaml >"$tmp/not-frontier.yaml"
expect_error "--preset: a paper_frontier that names a loss law is an error" \
	"$tmp/not-frontier.yaml:$line:1: paper_frontier 'hoffmann2022' is not a frontier law" \
	presets --preset "$tmp/not-frontier.yaml"
mkdir -p "$XDG_CONFIG_HOME/isoflop/laws"
cp "$tmp/nowhere.yaml" "$XDG_CONFIG_HOME/isoflop/laws/"
run presets laws
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q "^broken: .*paper_frontier 'nowhere' is no law here" &&
	! printf '%s\n' "$out" | grep -q '^my-kaplan '; then
	ok "a user law whose paper_frontier names no law is listed broken and skipped"
else
	no "a user law with a dangling paper_frontier" "exit $rc" "$out"
fi
rm -rf "$XDG_CONFIG_HOME/isoflop"

echo "1..$n"
