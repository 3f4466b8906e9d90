#!/bin/sh
# rplot.sh: the review's fixes to plot compute and timeline: a
# data-constrained law's floor with U unique tokens (Muennighoff et al.
# 2023, arXiv:2305.16264, Eq. 5-7, the datablations README's fitted
# constants) computed here by hand, a legend that keys every drawn line or
# says how many it leaves out, and the data wall's interval inside the
# timeline's window.
. "$(dirname "$0")/lib.sh"

near() { awk -v g="$1" -v w="$2" -v t="$3" 'BEGIN { r = g / w - 1; exit !(r <= t && -r <= t) }'; }

# D' -> U (1 + R_D*), N' -> U_N (1 + R_N*), U_N = (A/B)^(1/alpha) U with alpha = beta
floor=$(awk 'BEGIN { e = exp(0.6254804); a = exp(6.255414); b = exp(7.3049974)
	al = 0.3526596; u = 1e10; un = (a / b) ^ (1 / al) * u
	printf "%.10g", e + a / (un * (1 + 5.309743)) ^ al + b / (u * (1 + 15.387756)) ^ al }')
run plot compute --law muennighoff2023 --unique-tokens 1e10 --compute 1e24 --format csv
got=$(printf '%s\n' "$out" | awk -F, 'NR == 2 { print $6 }')
if [ "$rc" = 0 ] && [ -n "$got" ] && near "$got" "$floor" 1e-6; then
	ok "floor with 1e10 unique tokens is the saturated loss ($floor), not E"
else
	no "floor with 1e10 unique tokens is the saturated loss" "got '$got', want $floor" "$err"
fi

# the readout's "reducible left" is L*(1e22) - floor, the floor done by hand
run plot compute --law muennighoff2023 --unique-tokens 1e10 --compute 1e22 --format csv
loss=$(printf '%s\n' "$out" | awk -F, 'NR == 2 { print $3 }')
left=$(awk -v l="$loss" -v f="$floor" 'BEGIN { printf "%.3f", l - f }')
run plot compute --law muennighoff2023 --unique-tokens 1e10 --compute 1e22
case $(printf '%s\n' "$out" | tail -n 1) in
*"of the $left reducible left)") ok "the share at 1e22 counts from the real floor ($left left)" ;;
*) no "the share at 1e22 counts from the real floor ($left left)" "$out" "$err" ;;
esac

run plot compute --law muennighoff2023 --unique-tokens 1e10 --compute 1e26
case $out in
*nan*) no "no nan% at the floor" "$out" ;;
*"at the floor"*) ok "the readout at the floor says so" ;;
*) no "the readout at the floor says so" "$out" "$err" ;;
esac

# every law and model in 40 columns: three rows cannot key them all, so the
# legend counts the rest
run plot compute --law all --model all --width 40 --height 14
legend=$(printf '%s\n' "$out" | tail -n 3)
case $legend in
*"more"*) ok "a legend too long for its rows ends '+N more'" ;;
*) no "a legend too long for its rows ends '+N more'" "$legend" ;;
esac

# the wall's interval, whose ends the legend prints, is on the picture: '[' and ']'
run timeline --width 80 --height 24
row=$(printf '%s\n' "$out" | grep '= data wall =')
case $row in
*"["*"|"*"]"*) ok "the data wall's interval ends inside the window" ;;
*) no "the data wall's interval ends inside the window" "$row" "$err" ;;
esac

echo "1..$n"
