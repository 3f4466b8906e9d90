#!/bin/sh
# cli.sh: the batch commands as a user runs them: exit statuses, one-line
# errors, exact CSV headers, units, and the preset search path.
# lib.sh gives a home of our own: no preset of the person running the tests leaks in
. "$(dirname "$0")/lib.sh"

# expect_exit STATUS NAME CMD...
expect_exit() {
	want=$1 name=$2
	shift 2
	run "$@"
	if [ "$rc" = "$want" ]; then ok "$name"; else no "$name" "exit $rc, want $want" "stderr: $err"; fi
}

# expect_line NAME LINE-NUMBER TEXT CMD...: stdout's line is exactly TEXT
expect_line() {
	name=$1 num=$2 want=$3
	shift 3
	run "$@"
	got=$(printf '%s\n' "$out" | sed -n "${num}p")
	if [ "$rc" = 0 ] && [ "$got" = "$want" ]; then ok "$name"; else no "$name" "exit $rc" "got:  $got" "want: $want" "stderr: $err"; fi
}

# expect_match NAME REGEX CMD...: exit 0 and stdout matches
expect_match() {
	name=$1 re=$2
	shift 2
	run "$@"
	if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -Eq "$re"; then ok "$name"; else no "$name" "exit $rc" "no line matches $re" "stdout: $out" "stderr: $err"; fi
}

# --- help, version, usage -------------------------------------------------
expect_match "--help prints usage" '^usage: isoflop \[--law ID\]' --help
run --help
if [ "$rc" = 0 ] && [ -z "$(printf '%s\n' "$out" | awk 'length($0) > 80')" ]; then ok "--help fits 80 columns (talks over SSH)"; else no "--help is wider than 80 columns" "$(printf '%s\n' "$out" | awk 'length($0) > 80')"; fi
expect_match "--version" '^isoflop [0-9]+\.[0-9]+' --version
expect_error "no command and no terminal: the explorer says why" "isoflop: the explorer needs a terminal; for text output try: isoflop plot contour (or isoflop --help)"
expect_error "explorer: --width without --dump" "isoflop: --width and --height size a --dump; the explorer fills the terminal" --width 100
expect_error "explorer: start outside the window" "isoflop: the start point lies outside the window (N 10M..10T, D 100M..100T)" --params 100T --tokens 1T --dump
# 1e8 H100s for ten years at 50% MFU: 1e8 x 9.89e14 x 0.5 x 3650 x 86400 = 1.56e31 FLOPs
expect_error "explorer: a hardware budget past the window" "isoflop: 1.56e+31 FLOPs put the optimum outside the window (N 10M..10T, D 100M..100T)" --gpus 100000000 --days 3650 --mfu 0.5 --dump
expect_match "--dump prints the first frame" '^> N params .* 70B' --dump
expect_match "--dump starts at a model" '^Chinchilla replication \(Epoch AI refit\): @ GPT-3 175B, L = 2\.0086' --dump --model gpt3 --width 120 --height 40
expect_error "unknown command" "isoflop: unknown command 'frobnicate' (see isoflop --help)" frobnicate
expect_error "a mistyped command: the nearest" "isoflop: unknown command 'lose' (did you mean 'loss'? see isoflop --help)" lose
# two letters swapped are one edit (optimal string alignment), not two: a short
# word's one edit finds it, and the swap beats a substitution of equal Levenshtein cost
expect_error "a command with two letters swapped: the nearest" "isoflop: unknown command 'plna' (did you mean 'plan'? see isoflop --help)" plna
expect_error "an option with two letters swapped: the nearest" "isoflop: unknown option '--bugdet' (did you mean '--budget'? see isoflop --help)" plan --bugdet 1e21
expect_error "unknown option" "isoflop: unknown option '--bogus' (see isoflop --help)" loss --bogus
expect_error "a mistyped option: the nearest" "isoflop: unknown option '--metod' (did you mean '--method'? see isoflop --help)" fit x.csv --metod isoflop
expect_error "option without value" "isoflop: --params needs a value" loss --params
expect_error "bad number" "isoflop: --params: not a number: 'seventy'" loss --params seventy --tokens 1T
expect_error "bad unit" "isoflop: --tokens: unknown unit (use K, M, B or T): '1.4Q'" loss --params 70B --tokens 1.4Q
expect_error "negative number" "isoflop: --tokens: must be positive: '-1T'" loss --params 70B --tokens -1T
expect_error "PF-days only for compute" "isoflop: --tokens: unknown unit (use K, M, B or T): '3pfd'" loss --params 70B --tokens 3pfd
expect_error "bad format" "isoflop: --format: expected text, csv or json, not 'xml'" presets --format xml
expect_error "option of another command" "isoflop: --gpu does not apply to 'loss' (see isoflop --help)" loss --gpu h100
expect_error "loss needs N and D" "isoflop: loss needs --params N and --tokens D, or --model ID" loss --params 70B
expect_error "unknown law" "isoflop: unknown law 'chinchila' (isoflop presets laws lists them)" loss --law chinchila --params 70B --tokens 1T
expect_error "a mistyped law: the nearest id" "isoflop: unknown law 'hofmann2022' (did you mean 'hoffmann2022'? isoflop presets laws lists them)" loss --law hofmann2022 --params 70B --tokens 1T
expect_error "a law id with two letters swapped: that id, not one a substitution away" "isoflop: unknown law 'hoffmann2022-approac2h' (did you mean 'hoffmann2022-approach2'? isoflop presets laws lists them)" optimum --law hoffmann2022-approac2h --compute 1e21
expect_error "a law without its year: the id it begins" "isoflop: --compare: unknown law 'kaplan' (did you mean 'kaplan2020'? isoflop presets laws lists them)" plot contour --compare kaplan
expect_error "frontier has no loss" "isoflop: 'kaplan2020-frontier' is a frontier law: it gives allocations only and has no loss surface (try: isoflop optimum --law kaplan2020-frontier --compute C)" loss --law kaplan2020-frontier --params 1B --tokens 20B
expect_error "frontier has no --loss" "isoflop: 'hoffmann2022-approach1' is a frontier law: it has no loss surface, so --loss means nothing to it (use --compute)" optimum --law hoffmann2022-approach1 --loss 2.0
expect_error "optimum needs C or L" "isoflop: optimum needs one of --compute C, --loss L, --params N or --tokens D" optimum --law hoffmann2022
expect_error "optimum takes one of C, L" "isoflop: optimum needs one of --compute C, --loss L, --params N or --tokens D" optimum --compute 1e23 --loss 2
expect_error "budget out of range" "isoflop: --compute: out of range (FLOPs from 1e10 to 1e35): '1e40'" optimum --compute 1e40
expect_error "loss at or below E" "isoflop: --loss 1.5 is at or below besiroglu2024's irreducible loss E = 1.8172" optimum --loss 1.5
expect_error "unique tokens need a data-constrained law" "isoflop: --unique-tokens needs a data-constrained law such as muennighoff2023; 'hoffmann2022' is additive" loss --law hoffmann2022 --params 1B --tokens 1T --unique-tokens 100B

# --- exact CSV headers ----------------------------------------------------
expect_line "loss CSV header" 1 "law,params,tokens,compute,loss" loss --params 70B --tokens 1.4T --format csv
expect_line "optimum CSV header" 1 "law,compute,params,tokens,tokens_per_param,loss" optimum --compute 1e23 --format csv
expect_line "optimum CSV header with inference" 1 "law,compute,params,tokens,tokens_per_param,loss,inference_tokens,total_flops,savings" optimum --compute 1e23 --inference-tokens 2T --format csv
expect_line "optimum CSV header with unique tokens" 1 "law,compute,params,tokens,tokens_per_param,loss,unique_tokens,epochs" optimum --law muennighoff2023 --compute 1e22 --unique-tokens 25B --format csv
expect_line "presets CSV header" 1 "kind,id,name,params,tokens,compute,source,peak_flops,price,price_source,watts,power_source,stock,stock_low,stock_high,level,growth,growth_low,growth_high,from,to,form,units,task,domain" presets --format csv
expect_line "presets models CSV header, as before stocks and trends" 1 "kind,id,name,params,tokens,compute,source,peak_flops" presets models --format csv

# --- numbers against the papers ---------------------------------------------
# Kaplan et al. 2020 Eq. 1.5, Table 2 constants: L(1e9, 1e10) = 2.4197
expect_match "Kaplan Eq. 1.5 through the CLI" '^kaplan2020,1000000000,10000000000,6e\+19,2\.419[67]' loss --law kaplan2020 --params 1e9 --tokens 1e10 --format csv
# Hoffmann et al. 2022: the unrounded fit puts Gopher's budget (5.76e23) at 40B
expect_match "Chinchilla's 40B at Gopher compute" '^hoffmann2022-unrounded,5\.76e\+23,4\.0[0-9]*e\+10,' optimum --law hoffmann2022-unrounded --compute 5.76e23 --format csv
# GPT-3's 3.64e3 PF-days (Brown et al. 2020, Table D.1) is 3.14e23 FLOPs
expect_match "PF-days in" '^besiroglu2024,3\.14496e\+23,' optimum --compute 3.64e3pfd --format csv
# Muennighoff et al. 2023 README: 1e22 FLOPs, 25B unique tokens -> 9.49 epochs
expect_match "data-constrained epochs" ',25000000000,9\.4[89]' optimum --law muennighoff2023 --compute 1e22 --unique-tokens 25B --format csv
expect_match "short units in text" '^besiroglu2024 +5\.76e23 +72\.2B +1\.33T +18\.4 +1\.9744' optimum --compute 5.76e23
expect_match "inference-aware is smaller" '^hoffmann2022,.*,2000000000000,' optimum --law hoffmann2022 --compute 7.74e22 --inference-tokens 2T --format csv
run optimum --law all --compute 1e23 --format csv
rows=$(printf '%s\n' "$out" | tail -n +2 | wc -l)
# 10 language laws and the 10 of Henighan et al. 2020 that fit N_opt(C); exponent-only frontiers and L(N)-only power laws fit none
if [ "$rc" = 0 ] && [ "$rows" = 20 ]; then ok "optimum --law all answers for all 20 laws with an N_opt"; else no "optimum --law all" "exit $rc, $rows rows" "$err"; fi
run optimum --law all --compute 1e23 --format json
case "$out" in "["*"]") ok "JSON is an array" ;; *) no "JSON is an array" "$out" ;; esac

# --- models ---------------------------------------------------------------
run presets models --format csv
models=$(printf '%s\n' "$out" | grep -c '^model,')
if [ "$models" -ge 20 ]; then ok "at least 20 model presets ($models)"; else no "at least 20 model presets" "found $models"; fi
for id in gpt3 gopher chinchilla jurassic1 lamda mtnlg palm llama-7b llama-65b llama2-70b llama3-8b llama3-70b llama3.1-405b falcon-40b falcon-180b bloom opt-175b gpt-neox-20b pythia-12b qwen2-7b deepseek-v3; do
	if printf '%s\n' "$out" | grep -q "^model,$id,"; then ok "model $id ships"; else no "model $id ships"; fi
done
run presets laws --format csv
for id in kaplan2020 kaplan2020-frontier hoffmann2022 hoffmann2022-unrounded hoffmann2022-approach1 hoffmann2022-approach2 besiroglu2024 muennighoff2023 deepseek2024 llama3-2024; do
	if printf '%s\n' "$out" | grep -q "^law,$id,"; then ok "law $id ships"; else no "law $id ships"; fi
done
run loss --law all --model gpt3 --format csv
rows=$(printf '%s\n' "$out" | tail -n +2 | wc -l)
if [ "$rc" = 0 ] && [ "$rows" = 5 ]; then ok "GPT-3 under every loss law"; else no "GPT-3 under every loss law" "exit $rc, $rows rows" "$err"; fi

# --- accelerators -------------------------------------------------------------
# peak dense BF16 FLOP/s as the vendors print them (sparse figures halved): each preset's source says where
run presets accelerators --format csv
for row in a100,3.12e+14 h100,9.89e+14 h200,9.89e+14 b200,2.25e+15 tpu-v4,2.75e+14 tpu-v5p,4.59e+14; do
	id=${row%%,*} peak=${row#*,}
	if printf '%s\n' "$out" | grep -q "^accelerator,$id,.*,$peak,"; then ok "accelerator $id ships at $peak FLOP/s"; else no "accelerator $id ships at $peak FLOP/s" "$(printf '%s\n' "$out" | grep "^accelerator,$id,")"; fi
done
expect_match "presets lists accelerators in text" '^h100 +9\.89e14 +6\.88 +700  NVIDIA H100 SXM$' presets accelerators
expect_error "presets: an unknown section" "isoflop: presets: expected laws, models, accelerators, stocks, trends, testtime or downstream, not 'gpus'" presets gpus

# an 80-column terminal: names and datasets are cut ("..."), ids and numbers never;
# a pipe with no COLUMNS gets every row whole
run presets
wide=$(printf '%s\n' "$out" | awk 'length($0) > 80' | wc -l)
if [ "$rc" = 0 ] && [ "$wide" -gt 0 ] && printf '%s\n' "$out" | grep -q 'Chinchilla Approach 3 (unrounded TeX constants)$'; then
	ok "presets in a pipe: rows whole ($wide wider than 80)"
else
	no "presets in a pipe" "exit $rc, $wide rows wider than 80" "$out"
fi
export COLUMNS=80 # exported for the run only: unset below
run presets
unset COLUMNS
wide=$(printf '%s\n' "$out" | awk 'length($0) > 80' | wc -l)
if [ "$rc" = 0 ] && [ "$wide" = 0 ] &&
	printf '%s\n' "$out" | grep -q '^hoffmann2022-unrounded  language  *additive  .* Chinchilla Approach 3\.\.\.$' &&
	printf '%s\n' "$out" | grep -q '^deepseek-v3  .* 671B  *37B  *14\.8T  .*DeepSeek-V3$'; then
	ok "COLUMNS=80: every row fits, long names end in '...', ids and numbers whole"
else
	no "COLUMNS=80" "exit $rc, $wide rows wider than 80" "$out"
fi
sed -e 's/^id: .*/id: zz-utf8/' -e 's/^name: .*/name: "Ééééééééééééééééééééééééééééééé ünïcödé"/' presets/laws/besiroglu2024.yaml >"$tmp/utf8.yaml"
export COLUMNS=60
run presets laws --preset "$tmp/utf8.yaml"
unset COLUMNS
if [ "$rc" = 0 ] && printf '%s\n' "$out" | iconv -f UTF-8 -t UTF-8 >/dev/null 2>&1 &&
	printf '%s\n' "$out" | grep -q '^zz-utf8  .*[^.]\.\.\.$'; then
	ok "a cut name never splits a UTF-8 character"
else
	no "UTF-8 cut" "exit $rc" "$out" "$err"
fi
mkdir -p "$tmp/dir/accelerators"
printf 'id: x1\nname: X1\nsource: S\n' >"$tmp/dir/accelerators/x1.yaml"
expect_error "a file in accelerators/ is an accelerator" "$tmp/dir/accelerators/x1.yaml:1:1: missing required key 'peak_flops' in an accelerator preset" presets --preset-dir "$tmp/dir"
printf 'id: x1\nname: X1\nsource: S\npeak_flops: 1e15\n' >"$tmp/dir/accelerators/x1.yaml"
expect_match "a user's accelerator loads from --preset-dir" '^accelerator,x1,X1,,,,S,1e\+15,,,,$' presets accelerators --preset-dir "$tmp/dir" --format csv
rm -rf "$tmp/dir"
expect_error "model and params together" "isoflop: give --model or --params/--tokens, not both" loss --model gpt3 --params 1B
expect_match "MoE uses active parameters" '^besiroglu2024,37000000000,14800000000000,' loss --model deepseek-v3 --format csv

# --- preset search path -----------------------------------------------------
mkdir -p "$XDG_CONFIG_HOME/isoflop/laws" "$XDG_CONFIG_HOME/isoflop/models"
sed 's/^name: .*/name: My Chinchilla/' presets/laws/hoffmann2022.yaml >"$XDG_CONFIG_HOME/isoflop/laws/hoffmann2022.yaml"
expect_match "user preset overrides a shipped one" "^hoffmann2022 \($XDG_CONFIG_HOME/isoflop/laws/hoffmann2022.yaml\) overrides the shipped .*presets/laws/hoffmann2022.yaml" presets
expect_match "the user's version is used" '^law,hoffmann2022,My Chinchilla,' presets laws --format csv
printf 'id: broken\nname: [\n' >"$XDG_CONFIG_HOME/isoflop/models/broken.yaml"
expect_match "a broken user file is listed as broken" "^broken: $XDG_CONFIG_HOME/isoflop/models/broken.yaml:2:7: 'name' takes a single value, not a list" presets
expect_match "shipped presets still load beside a broken one" '^besiroglu2024' optimum --compute 1e23
if printf '%s\n' "$err" | grep -q "^isoflop: warning: .*broken.yaml:2:7: .*(preset skipped)$"; then ok "commands warn about a broken user preset"; else no "commands warn about a broken user preset" "$err"; fi
rm -rf "$XDG_CONFIG_HOME/isoflop"

cp presets/laws/hoffmann2022.yaml "$tmp/a.yaml"
cp presets/laws/hoffmann2022.yaml "$tmp/b.yaml"
line=$(grep -n '^id:' "$tmp/a.yaml" | cut -d: -f1)
expect_error "duplicate ids" "$tmp/b.yaml:$line:1: duplicate id 'hoffmann2022' (also in $tmp/a.yaml:$line)" presets --preset "$tmp/a.yaml" --preset "$tmp/b.yaml"
sed -e 's/^id: .*/id: mylaw/' presets/laws/besiroglu2024.yaml >"$tmp/mylaw.yaml"
expect_line "presets --preset lists only that file" 3 "mylaw  language  additive  MassiveText  Chinchilla replication (Epoch AI refit)" presets --preset "$tmp/mylaw.yaml"
expect_match "a --preset law can be used" '^mylaw,' optimum --preset "$tmp/mylaw.yaml" --law mylaw --compute 1e23 --format csv
expect_error "missing --preset-dir" "$tmp/nowhere: cannot open preset directory: No such file or directory" presets --preset-dir "$tmp/nowhere"


# --- plot -------------------------------------------------------------------
expect_error "plot needs a kind" "isoflop: plot: expected contour, profiles, compute, testtime, coverage, params or domains" plot
expect_error "plot kind is checked" "isoflop: plot: expected contour, profiles, compute, testtime, coverage, params or domains, not 'surface'" plot surface
expect_error "width too small" "isoflop: --width: expected a whole number from 40 to 300, not '39'" plot contour --width 39
expect_error "height too large" "isoflop: --height: expected a whole number from 12 to 100, not '101'" plot contour --height 101
expect_error "width must be a number" "isoflop: --width: expected a whole number from 40 to 300, not '80x'" plot contour --width 80x
expect_error "range needs two intervals" "isoflop: --range: expected NLOW:NHIGH,DLOW:DHIGH (e.g. 10M:10T,100M:100T), not '1e7:1e13'" plot contour --range 1e7:1e13
expect_error "range must be increasing" "isoflop: --range: parameters must span at least a factor of 10: '1T:1B'" plot contour --range 1T:1B,1e8:1e14
expect_error "range within 1 and 1e30" "isoflop: --range: parameters must lie between 1 and 1e30: '1e-170:1e-140'" plot contour --range 1e-170:1e-140,1e8:1e14
expect_error "range values are numbers" "isoflop: --range: tokens not a number: '1e8:lots'" plot contour --range 1e7:1e13,1e8:lots
expect_error "plot draws one law" "isoflop: plot draws one law: --law ID (isoflop presets laws lists them)" plot contour --law all
expect_error "plot: unknown model" "isoflop: unknown model 'gpt5' (isoflop presets models lists them)" plot contour --model gpt5
expect_error "plot: unknown frontier" "isoflop: --frontier: unknown law 'nope' (isoflop presets laws lists them)" plot contour --frontier nope
expect_error "profiles need a surface" "isoflop: 'llama3-2024' is a frontier law: it has no loss surface, so no profiles (try: isoflop plot contour --law llama3-2024)" plot profiles --law llama3-2024
expect_error "profiles take no markers" "isoflop: --model does not apply to 'plot profiles' (see isoflop --help)" plot profiles --model gpt3
expect_error "unique tokens need a data-constrained law" "isoflop: --unique-tokens needs a data-constrained law such as muennighoff2023; 'besiroglu2024' is additive" plot contour --unique-tokens 1T
expect_error "one point, not three free numbers" "isoflop: give two of --params, --tokens, --compute (or --compute alone for the optimum)" plot contour --params 1B
expect_error "bad colour mode" "isoflop: --color: expected auto, always or never, not 'yes'" plot contour --color yes
for size in "40 12" "80 24" "120 40" "300 100"; do
	set -- $size
	run plot contour --model all --width "$1" --height "$2" --compute 1e24
	lines=$(printf '%s\n' "$out" | wc -l)
	wide=$(printf '%s\n' "$out" | awk -v w="$1" 'length($0) > w' | wc -l)
	if [ "$rc" = 0 ] && [ "$lines" = "$2" ] && [ "$wide" = 0 ] && ! printf '%s' "$out" | LC_ALL=C grep -q '[^ -~]'; then
		ok "contour at $1x$2: $2 lines of at most $1 ASCII characters"
	else
		no "contour at $1x$2" "exit $rc, $lines lines, $wide too wide" "$err"
	fi
done
expect_match "plot profiles at 300x100" '^\* min  o C=1e24' plot profiles --width 300 --height 100 --compute 1e24
run plot contour --color always --model gpt3
if [ "$rc" = 0 ] && printf '%s' "$out" | grep -q "$(printf '\033')\[1;33m\*"; then ok "--color always colours the frontier"; else no "--color always colours the frontier" "exit $rc"; fi
run plot contour --model gpt3
if [ "$rc" = 0 ] && ! printf '%s' "$out" | grep -q "$(printf '\033')"; then ok "no escape codes into a pipe"; else no "no escape codes into a pipe" "exit $rc"; fi
expect_match "every loss law plots" '^Kaplan L\(N, D\)' plot contour --law kaplan2020
expect_match "a frontier law draws its line only" 'no loss surface, frontier only$' plot contour --law deepseek2024
expect_match "the title gives the loss at the point" '^Chinchilla replication \(Epoch AI refit\), MassiveText: L\(70B, 1\.4T\) = 1\.9' plot contour --params 70B --tokens 1.4T
expect_error "--delta needs --compare" "isoflop: --delta needs --compare ID: the law to subtract" plot contour --delta
expect_error "--delta needs two surfaces" "isoflop: --delta needs two laws with a loss surface L(N, D); 'llama3-2024' is a frontier law" plot contour --compare llama3-2024 --delta
# Chinchilla under Hoffmann's rounded law (1.9366) and Besiroglu's (1.9739): both cross-checked values
expect_match "--delta: the difference at the point" '^dL = hoffmann2022 - besiroglu2024: -0\.037[23] at \(70B, 1\.4T\)$' plot contour --law hoffmann2022 --compare besiroglu2024 --delta --params 70B --tokens 1.4T
expect_match "--compare: the second frontier in the legend" '# kaplan2020-frontier' plot contour --compare kaplan2020-frontier
expect_match "GPT-3 and Jurassic-1 share a cell, named: both labelled whole" 'J1G3' plot contour --model gpt3 --model jurassic1
expect_match "a model outside --range is listed as off the map" 'G3 GPT-3 175B \(off map\)' plot contour --model gpt3 --range 10M:10B,100M:100B

# the views: lifetime FLOPs k N D + 2 N T (Sardana et al. 2023), computed here
train=$(awk 'BEGIN { printf "%.3g", 6 * 70e9 * 1.4e12 }')
infer=$(awk 'BEGIN { printf "%.3g", 2 * 70e9 * 2e12 }')
total=$(awk 'BEGIN { printf "%.3g", 6 * 70e9 * 1.4e12 + 2 * 70e9 * 2e12 }')
expect_match "inference view: training + inference = total" "^L = 1\.9739   train $train \+ inference $infer = $total FLOPs$" --dump --params 70B --tokens 1.4T --inference-tokens 2T
expect_match "inference view: the T slider" '^  T infer  \[.*\]  +2T$' --dump --inference-tokens 2T
# Snell et al. 2024: M + 3 (D_pre / D_inf)(M - 1) for Llama 3 8B (15T tokens) serving 2.4T, M = 14
k=$(awk 'BEGIN { printf "%.3g", 14 + 3 * (15e12 / 2.4e12) * 13 }')
expect_match "test-time view: the M slider's row" ">    14 +$k\$" --dump --model llama3-8b --inference-tokens 2.4T --larger 14
expect_error "test-time view: M out of range" "isoflop: --larger: the explorer's M runs from 1 to 100, not 200" --dump --larger 200
expect_match "data view: epochs D/U" 'epochs 9\.48$' --dump --law muennighoff2023 --unique-tokens 25B --params 7B --tokens 237B
expect_match "plot contour --inference-tokens: the aware frontier in the legend" '^% inference-aware, T = 2T ' plot contour --inference-tokens 2T
# the hardware view: C = count x peak x MFU x 86,400 s x days, GPU-hours = count x 24 x days
c=$(awk 'BEGIN { printf "%.3g", 1024 * 989e12 * 0.4 * 86400 * 30 }')
expect_match "hardware view: the budget from the hardware" "^  C FLOPs  \[.*\] +$c locked\$" --dump --gpu h100 --gpus 1024 --mfu 0.4 --days 30
expect_match "hardware view: GPU-hours in the readout" '737K GPU-hours  \$5\.07M  516 MWh$' --dump --gpu h100 --gpus 1024 --mfu 0.4 --days 30
days=$(awk 'BEGIN { printf "%.3g", 6 * 70e9 * 1.4e12 / (2048 * 459e12 * 0.5 * 86400) }')
expect_match "hardware view: days follow from Chinchilla's C" "^  days +\[.*\] +$days\$" --dump --gpu tpu-v5p --gpus 2048 --mfu 0.5
expect_error "hardware view: unknown accelerator" "isoflop: unknown accelerator 'v100' (isoflop presets accelerators lists them)" --dump --gpu v100
expect_match "explorer: a mixture of experts shows active of total" 'MoE: 37B of 671B$' --dump --model deepseek-v3

# --- tours -------------------------------------------------------------------
tour_case() { # NAME MESSAGE-AFTER-FILE CONTENT
	printf '%b' "$3" >"$tmp/tour.yaml"
	expect_error "bad tour: $1" "$tmp/tour.yaml:$2" --tour "$tmp/tour.yaml" --dump
}
tour_case "unknown law, found when played" "5:10: unknown law 'nope' (isoflop presets laws lists them)" 'id: t\ntitle: T\nsteps:\n  - caption: hi\n    law: nope\n'
tour_case "unknown model" "5:12: unknown model 'gpt9' (isoflop presets models lists them)" 'id: t\ntitle: T\nsteps:\n  - caption: hi\n    model: gpt9\n'
tour_case "three caption lines" "4:14: 'caption' has more than 2 lines: a back row reads two" 'id: t\ntitle: T\nsteps:\n  - caption: |\n      a\n      b\n      c\n'
tour_case "caption too wide" "4:14: 'caption' line 1 is longer than 78 characters" "id: t\ntitle: T\nsteps:\n  - caption: $(printf '%079d' 0)\n"
tour_case "unknown step key" "5:5: unknown key 'lok' in a step (did you mean 'lock'?)" 'id: t\ntitle: T\nsteps:\n  - caption: x\n    lok: C\n'
tour_case "bad lock" "5:11: 'lock' must be N, D or C, not 'Q'" 'id: t\ntitle: T\nsteps:\n  - caption: x\n    lock: Q\n'
tour_case "model and params" "5:5: give 'model' or params/tokens/compute, not both" 'id: t\ntitle: T\nsteps:\n  - caption: x\n    model: gpt3\n    params: 1B\n'
tour_case "one of N and D alone" "5:5: give two of params, tokens, compute (or compute alone for the optimum)" 'id: t\ntitle: T\nsteps:\n  - caption: x\n    params: 1B\n'
tour_case "a step without a caption" "4:5: a step needs a 'caption'" 'id: t\ntitle: T\nsteps:\n  - law: kaplan2020\n'
tour_case "no steps" "3:8: 'steps' is empty" 'id: t\ntitle: T\nsteps: []\n'
tour_case "missing title" "1:1: missing required key 'title' in the tour" 'id: t\nsteps:\n  - caption: x\n'
tour_case "anchors, refused as in presets" "2:8: anchors (&a) are not supported: write the value out" 'id: t\ntitle: &a T\nsteps:\n  - caption: x\n    law: *a\n'
tour_case "unknown top-level key" "5:1: unknown key 'foo' at the top of a tour (did you mean 'id'?)" 'id: t\ntitle: T\nsteps:\n  - caption: x\nfoo: 1\n'
tour_case "duplicate key" "2:1: duplicate key 'id' (first at line 1)" 'id: t\nid: u\n'
tour_case "not a mapping" "1:1: a tour is a mapping (id, title, steps), not a list" '- a\n- b\n'
tour_case "unique tokens need a data-constrained law" "4:5: unique_tokens needs a data-constrained law such as muennighoff2023" 'id: t\ntitle: T\nsteps:\n  - caption: x\n    law: kaplan2020\n    unique_tokens: 1B\n'
expect_error "no such tour" "isoflop: no tour 'nosuch' (the shipped one is chinchilla-story; a file path plays your own)" --tour nosuch --dump
expect_error "a tour sets its own point" "isoflop: a tour sets its own point: --tour takes no --model, --params, --tokens, --compute or --unique-tokens" --tour chinchilla-story --model gpt3 --dump
expect_match "--tour --dump shows the first caption" '^ 2020, Kaplan et al\.: grow parameters fastest\. GPT-3 \(@: 175B, 300B tokens\)$' --tour chinchilla-story --dump
expect_error "tour --dump into a directory that cannot be made" "isoflop: $tmp/none/slides: No such file or directory" tour --dump chinchilla-story "$tmp/none/slides"
run tour --dump chinchilla-story "$tmp/slides"
frames=$(ls "$tmp/slides" 2>/dev/null | wc -l)
if [ "$rc" = 0 ] && [ "$frames" = 10 ] && grep -q '^10/10 ' "$tmp/slides/step-10.txt"; then ok "tour --dump writes one frame per step"; else no "tour --dump" "exit $rc, $frames files" "$err"; fi
echo "my notes" >"$tmp/slides/step-03.txt"
expect_error "tour --dump never overwrites" "isoflop: $tmp/slides/step-01.txt exists (--force overwrites)" tour --dump chinchilla-story "$tmp/slides"
if [ "$(cat "$tmp/slides/step-03.txt")" = "my notes" ]; then ok "a refused dump leaves the user's file alone"; else no "user file kept"; fi
run tour --dump chinchilla-story "$tmp/slides" --force
if [ "$rc" = 0 ] && grep -q '^3/10 ' "$tmp/slides/step-03.txt" && [ ! -e "$tmp/slides/step-03.txt.tmp" ]; then ok "--force replaces the frames"; else no "--force" "exit $rc" "$err"; fi
expect_error "tour needs --dump" "isoflop: usage: isoflop tour --dump ID|FILE DIR [--force] (to play a tour: isoflop --tour ID)" tour chinchilla-story

# --- fit ---------------------------------------------------------------------
runs=tests/runs/besiroglu-sweeps.csv
csv_case() { # NAME MESSAGE CONTENT
	printf '%b' "$3" >"$tmp/runs.csv"
	expect_error "bad runs: $1" "isoflop: $tmp/runs.csv:$2" fit "$tmp/runs.csv"
}
csv_case "no loss column" "1: no loss column: found params, tokens; a loss column is one of L, loss, val_loss, eval_loss" 'params,tokens\n1e8,1e9\n'
csv_case "no tokens or flops" "1: no tokens or flops column: found params, loss; a tokens column is one of D, tokens, a flops column one of C, flops, compute" 'params,loss\n1e8,3\n'
csv_case "not a number" "3: loss: not a number: 'abc'" 'params,tokens,loss\n1e8,1e9,3\n2e8,1e9,abc\n'
csv_case "zero" "2: params: must be positive: '0'" 'params,tokens,loss\n0,1e9,3\n'
csv_case "NaN" "2: tokens (field 2): no value ('nan'): a run needs its tokens; only rows with no loss are skipped" 'params,tokens,loss\n1e8,nan,3\n'
csv_case "a missing field" "2: no value for 'loss' (2 fields)" 'params,tokens,loss\n1e8,1e9\n'
csv_case "too few runs" "6: 4 runs: a fit needs at least 5" '# four\nparams,tokens,loss\n1e8,1e9,3\n2e8,1e9,2.9\n4e8,1e9,2.8\n8e8,1e9,2.7\n'
csv_case "a single N" "6: every run has N = 100M: a fit needs several model sizes" 'params,tokens,loss\n1e8,1e9,3\n1e8,2e9,2.9\n1e8,4e9,2.8\n1e8,8e9,2.7\n1e8,16e9,2.6\n\n'
csv_case "flops too small for params" "2: flops / (6 params) gives no usable token count" 'params,flops,loss\n1e300,1e-300,3\n'
csv_case "two params columns" "1: two 'params' columns" 'params,params,tokens,loss\n'
expect_error "no such runs file" "isoflop: $tmp/none.csv: cannot open: No such file or directory" fit "$tmp/none.csv"
expect_error "fit takes one file" "isoflop: fit takes one runs file (or - for standard input)" fit
expect_error "bad method" "isoflop: --method: expected parametric or isoflop, not 'magic'" fit "$runs" --method magic
expect_error "bad bootstrap count" "isoflop: --bootstrap: expected a whole number from 0 to 100000, not '-3'" fit "$runs" --bootstrap -3
expect_match "isoflop fit: CSV header" '^method,points,budgets,a,b,k_params,k_tokens,holdout_compute,holdout_params_predicted,holdout_params_lo,holdout_params_hi,holdout_params_factor,holdout_params_measured,holdout_params_measured_lo,holdout_params_measured_hi,holdout_params_ratio,holdout_params_ratio_lo,holdout_params_ratio_hi,holdout_within$' fit "$runs" --method isoflop --format csv
run fit "$runs" --method isoflop --format csv
a=$(printf '%s\n' "$out" | awk -F, 'NR == 2 { print $4 }')
if awk -v a="$a" 'BEGIN { exit !(a > 0.48 && a < 0.54) }'; then ok "isoflop fit: a = $a, the generating law's 0.513 within 0.03"; else no "isoflop fit exponent" "$out"; fi
sed 's/^params,flops,loss$/params,compute,loss/' "$runs" >"$tmp/compute.csv"
expect_match "compute column" '^isoflop,96,8,' fit "$tmp/compute.csv" --method isoflop --format csv
expect_match "runs from a pipe" '^isoflop,96,8,' fit - --method isoflop --format csv <"$runs"
expect_match "bootstrap intervals in JSON" '"bootstrap": \{"samples": 50, "a": \{"p2_5": ' fit "$runs" --method isoflop --bootstrap 50 --seed 4 --format json
run fit "$runs" --method isoflop --exclude-top 40 --format csv
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^isoflop,56,'; then ok "--exclude-top drops the highest-loss runs"; else no "--exclude-top" "$out" "$err"; fi
awk -F, '/^#/ || NR == 5 || ($1 >= 1e9 && $1 <= 3e10)' "$runs" >"$tmp/narrow.csv"
run fit "$tmp/narrow.csv"
if printf '%s\n' "$out$err" | grep -q 'less than two decades of N'; then ok "warns when N spans less than two decades"; else no "narrow N warning" "$out" "$err"; fi
truncate -s 65M "$tmp/big.csv"
expect_error "a runs file over 64 MiB" "isoflop: $tmp/big.csv: larger than 64 MiB" fit "$tmp/big.csv"
rm -f "$tmp/big.csv"
mkdir -p "$tmp/taken/isoflop/laws"
sed 's/^id: .*/id: runs/' presets/laws/besiroglu2024.yaml >"$tmp/taken/isoflop/laws/runs.yaml"
XDG_CONFIG_HOME="$tmp/taken"
run --runs "$runs" --dump
XDG_CONFIG_HOME="$tmp/config"
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^runs-2: L(12.6B, 251B) = '; then ok "--runs: a user's preset named runs leaves the fit runs-2"; else no "--runs id taken" "exit $rc" "$err" "$(printf '%s\n' "$out" | head -n 1)"; fi
# isoflop(1): every start scouts, the best 1 in 40 (4500 / 40 = 112) run to the end
expect_match "parametric fit: the starts it ran to the end" '^starts: 4500; the best 112 after scouting ran to the end; [1-9][0-9]* reached the best fit$' fit "$runs"
run fit "$runs" --output "$tmp/fitted.yaml" --format csv
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^parametric,96,'; then ok "parametric fit with --output"; else no "parametric fit" "exit $rc" "$err"; fi
expect_match "the written law loads and answers" '^fitted,1e\+24,' optimum --preset "$tmp/fitted.yaml" --law fitted --compute 1e24 --format csv
expect_error "--output never clobbers" "isoflop: $tmp/fitted.yaml: File exists (--force overwrites)" fit "$runs" --method isoflop --output "$tmp/fitted.yaml"
run fit "$runs" --method isoflop --output "$tmp/fitted.yaml" --force
if [ "$rc" = 0 ] && grep -q '^family: frontier' "$tmp/fitted.yaml" && ! ls "$tmp"/fitted.yaml.* >/dev/null 2>&1; then ok "--force replaces it, atomically"; else no "--force output" "$err"; fi
expect_match "the written frontier loads" '^fitted,1e\+24,' optimum --preset "$tmp/fitted.yaml" --law fitted --compute 1e24 --format csv

run --dump --runs "$runs"
# it opens at the optimum of the runs' largest budget (1.9e22 FLOPs: N* 12.6B), not on Chinchilla
if [ "$rc" = 0 ] && printf '%s\n' "$out" | grep -q '^runs: L(12.6B, 251B) = ' && printf '%s\n' "$out" | grep -q 'x runs (96)' &&
	[ "$(printf '%s\n' "$out" | head -n 16 | tr -cd x | wc -c)" -ge 30 ]; then
	ok "--runs: the explorer draws the runs and starts on their fit"
else
	no "--runs" "exit $rc" "$err" "$(printf '%s\n' "$out" | head -n 3)"
fi
printf 'params,tokens,loss\n0,1e9,3\n' >"$tmp/runs.csv"
expect_error "--runs with a bad file" "isoflop: $tmp/runs.csv:2: params: must be positive: '0'" --dump --runs "$tmp/runs.csv"

# --- test-time ---------------------------------------------------------------
expect_match "test-time: CSV header" '^params,tokens,inference_tokens,larger,multiplier$' test-time --params 8B --tokens 15T --inference-tokens 2.4T --format csv
expect_match "test-time at Snell's R = 0.16, 14x larger" '^8000000000,15000000000000,2400000000000,14,257\.75$' test-time --params 8B --tokens 15T --inference-tokens 2.4T --larger 14 --format csv
run test-time --model llama3-8b --inference-tokens 1T --format csv
if [ "$rc" = 0 ] && [ "$(printf '%s\n' "$out" | wc -l)" = 4 ]; then ok "test-time: M = 2, 4, 14 by default"; else no "test-time default rows" "$out" "$err"; fi
expect_error "test-time needs inference tokens" "isoflop: test-time needs --inference-tokens T: the tokens the model serves" test-time --params 8B --tokens 15T
expect_error "test-time: larger must be larger" "isoflop: --larger: out of range (more than 1 and at most 1e6 times larger): '0.5'" test-time --params 8B --tokens 15T --inference-tokens 1T --larger 0.5

# --- hardware: C = count x peak x MFU x 86,400 s x days ---------------------
# near NAME GOT WANT: GOT within 1e-9 of WANT, relatively (awk computes WANT from the definition)
near() {
	if awk -v g="$2" -v w="$3" 'BEGIN { d = g - w; if (d < 0) d = -d; exit !(w != 0 && d <= 1e-9 * (w < 0 ? -w : w)) }'; then
		ok "$1"
	else
		no "$1" "got $2, want $3" "stdout: $out" "stderr: $err"
	fi
}
field() { printf '%s\n' "$out" | awk -F, -v row="$1" -v col="$2" 'NR == row + 1 { print $col }'; }
expect_line "optimum CSV header with hardware" 1 "law,compute,params,tokens,tokens_per_param,loss,accelerator,count,mfu,days,gpu_hours,pf_days,usd,energy_mwh" optimum --gpus 8 --gpu a100 --mfu 0.5 --days 1 --format csv
# the issue's example: 1,024 H100 SXM (989 TFLOP/s dense BF16) at 40% MFU for 30 days
run optimum --law hoffmann2022 --gpus 1024 --gpu h100 --mfu 0.4 --days 30 --format csv
near "budget from the hardware: 1024 x 989e12 x 0.4 x 30 days" "$(field 1 2)" "$(awk 'BEGIN { printf "%.10g", 1024 * 989e12 * 0.4 * 30 * 86400 }')"
if [ "$(field 1 7),$(field 1 8),$(field 1 9),$(field 1 10)" = "h100,1024,0.4,30" ]; then ok "the hardware columns repeat what was given"; else no "hardware columns" "$out"; fi
near "GPU-hours: count x days x 24" "$(field 1 11)" 737280
near "PF-days: C / (1e15 x 86,400)" "$(field 1 12)" "$(awk 'BEGIN { printf "%.10g", 1024 * 989e12 * 0.4 * 30 * 86400 / 8.64e19 }')"
expect_match "the optimum at the hardware's budget is --compute's" '^hoffmann2022,1\.050004685e\+24,4\.2' optimum --law hoffmann2022 --gpus 1024 --gpu h100 --mfu 0.4 --days 30 --format csv
run optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 1024 --format csv
near "days from --compute and --gpus" "$(field 1 10)" "$(awk 'BEGIN { printf "%.10g", 1e24 / (1024 * 989e12 * 0.4) / 86400 }')"
run optimum --compute 1e24 --gpu h100 --mfu 0.4 --days 30 --format csv
# 1e24 / (989e12 x 0.4 x 2,592,000 s) = 975.2 accelerators: 976, which take a little under 30 days
if [ "$(field 1 8)" = 976 ]; then ok "the count for --days is rounded up to whole accelerators"; else no "count rounded up" "$out"; fi
near "days at the rounded-up count" "$(field 1 10)" "$(awk 'BEGIN { printf "%.10g", 1e24 / (976 * 989e12 * 0.4) / 86400 }')"
expect_match "the text says the count was rounded" '^The count for 30 days is rounded up to whole accelerators; days are those at that count\.$' optimum --compute 1e24 --gpu h100 --mfu 0.4 --days 30
expect_match "an exact count is not rounded up" '^besiroglu2024,.*,h100,1024,0\.4,30,' optimum --compute 1.0500046848e24 --gpu h100 --mfu 0.4 --days 30 --format csv
expect_match "the text names the accelerator and its peak" '^compute = count x peak x MFU x 86,400 s x days; tpu-v5p: Google Cloud TPU v5p, 4\.59e14 FLOP/s \(dense BF16\)\.$' optimum --gpus 4096 --gpu tpu-v5p --mfu 0.5 --days 10
run optimum --law hoffmann2022 --loss 2.0 --gpu b200 --mfu 0.35 --gpus 4096 --format csv
near "--loss: days for the compute the loss needs" "$(field 1 10)" "$(awk -v c="$(field 1 2)" 'BEGIN { printf "%.10g", c / (4096 * 2.25e15 * 0.35) / 86400 }')"
run optimum --law hoffmann2022 --compute 7.74e22 --inference-tokens 2T --gpu a100 --mfu 0.5 --gpus 512 --format csv
near "--inference-tokens: the inference-aware model's days" "$(field 1 13)" "$(awk -v c="$(field 1 2)" 'BEGIN { printf "%.10g", c / (512 * 312e12 * 0.5) / 86400 }')"
expect_error "hardware needs --gpu" "isoflop: --gpus, --mfu, --days, --price, --watts, --pue and --grid need --gpu ID, the accelerator (isoflop presets accelerators lists them)" optimum --gpus 8 --mfu 0.4 --days 1
expect_error "hardware needs --mfu" "isoflop: --gpu needs --mfu F, the share of the peak FLOP/s the run turns into model FLOPs, such as 0.4 (no default: it depends on the model, the code and the cluster)" optimum --gpu h100 --gpus 8 --days 1
expect_error "unknown accelerator" "isoflop: unknown accelerator 'h1000' (isoflop presets accelerators lists them)" optimum --gpu h1000 --mfu 0.4 --gpus 8 --days 1
expect_error "budget, count and days together" "isoflop: give two of --compute (or --loss), --gpus and --days: the third follows from them" optimum --compute 1e24 --gpu h100 --mfu 0.4 --gpus 8 --days 1
expect_error "a budget and nothing to solve" "isoflop: with --gpu and --mfu, give --gpus N (the days follow) or --days D (the count follows)" optimum --compute 1e24 --gpu h100 --mfu 0.4
expect_error "no budget and one of count and days" "isoflop: optimum needs --compute C, --loss L, --params N or --tokens D, or --gpus N and --days D (with --gpu and --mfu)" optimum --gpu h100 --mfu 0.4 --gpus 8
expect_error "MFU above 1" "isoflop: --mfu: out of range (a share of the peak from 1e-4 to 1): '1.5'" optimum --gpu h100 --mfu 1.5 --gpus 8 --days 3
expect_error "MFU zero" "isoflop: --mfu: must be positive: '0'" optimum --gpu h100 --mfu 0 --gpus 8 --days 3
expect_error "a whole count" "isoflop: --gpus: expected a whole number from 1 to 100000000, not '8.5'" optimum --gpu h100 --mfu 0.4 --gpus 8.5 --days 3
expect_error "days positive" "isoflop: --days: must be positive: '-3'" optimum --gpu h100 --mfu 0.4 --gpus 8 --days -3
expect_error "hardware budget out of range" "isoflop: 1 x 9.89e14 FLOP/s (h100) x 0.0001 MFU x 1e-06 days is 8.54e9 FLOPs: a budget must lie between 1e10 and 1e35" optimum --gpu h100 --mfu 0.0001 --gpus 1 --days 1e-6
expect_error "hardware options are optimum's" "isoflop: --gpu does not apply to 'loss' (see isoflop --help)" loss --gpu h100 --params 1B --tokens 1T

# --- output errors ----------------------------------------------------------
"$ISOFLOP" presets --format csv >/dev/full 2>"$tmp/err"
rc=$?
if [ "$rc" = 2 ] && [ "$(cat "$tmp/err")" = "isoflop: standard output: No space left on device" ]; then ok "a full disk is an error"; else no "a full disk is an error" "exit $rc" "$(cat "$tmp/err")"; fi


# --- the explorer's start options keep within its sliders ------------------
# The keys clamp every slider at its range; a start option past it is refused,
# never drawn out of range (issue 12: --inference-tokens 1e20 showed T = 1e20).
expect_error "explorer: --inference-tokens past the T slider" "isoflop: --inference-tokens: the explorer's T slider runs from 1e9 to 1e15, not 1e20" --dump --inference-tokens 1e20
expect_error "explorer: --inference-tokens below the T slider" "isoflop: --inference-tokens: the explorer's T slider runs from 1e9 to 1e15, not 1000" --dump --inference-tokens 1e3
expect_error "explorer: --unique-tokens below the U slider" "isoflop: --unique-tokens: the explorer's U slider runs from 1e8 to 1e16, not 1000" --dump --law muennighoff2023 --unique-tokens 1e3
expect_error "explorer: --unique-tokens past the U slider" "isoflop: --unique-tokens: the explorer's U slider runs from 1e8 to 1e16, not 1e17" --dump --law muennighoff2023 --unique-tokens 1e17
expect_error "explorer: --mfu below the MFU slider" "isoflop: --mfu: the explorer's MFU slider runs from 0.01 to 1, not 0.001" --dump --mfu 0.001
expect_error "explorer: --days below the days slider" "isoflop: --days: the explorer's days slider runs from 0.01 to 3650, not 1e-4" --dump --days 1e-4
expect_error "explorer: --gpus whose days follow past the days slider" "isoflop: --gpus 1: 5.88e23 FLOPs would take 1.72e4 days; the explorer's days slider runs from 0.01 to 3650" --dump --gpus 1
# 1e26 / (1,024 H100 x 989e12 FLOP/s x 0.01 x 86,400 s) = 1.14e5 days; 1e26 / (989e12 x 0.4 x 864 s) = 2.93e8 H100s
expect_error "explorer: --mfu whose days follow past the days slider" "isoflop: --mfu 0.01: 1e26 FLOPs would take 1.14e5 days; the explorer's days slider runs from 0.01 to 3650" --dump --mfu 0.01 --compute 1e26
expect_error "explorer: --days whose count follows past the count slider" "isoflop: --days 0.01: 1e26 FLOPs would take 2.93e8 accelerators; the explorer's count slider runs from 1 to 1e8" --dump --compute 1e26 --days 0.01
expect_error "explorer: --tokens outside the window" "isoflop: the start point lies outside the window (N 10M..10T, D 100M..100T)" --dump --params 1B --tokens 1e15
expect_error "explorer: --compute whose optimum lies outside the window" "isoflop: the start point lies outside the window (N 10M..10T, D 100M..100T)" --dump --compute 1e35
mkdir -p "$tmp/wide/models"
sed -e 's/^id: .*/id: huge/' -e 's/^tag: .*/tag: HU/' -e 's/^params: .*/params: 1e15/' presets/models/gpt3.yaml >"$tmp/wide/models/huge.yaml"
expect_error "explorer: a --model outside the window" "isoflop: --model huge lies outside the window (N 10M..10T, D 100M..100T)" --dump --preset-dir "$tmp/wide" --model huge
expect_match "explorer: T at the top of its slider starts" '^  T infer  \[.*#\]  +1e15$' --dump --inference-tokens 1e15

echo "1..$n"
