#!/bin/sh
# hyper.sh: the learning rate and batch a law's scaling law of
# hyperparameters gives (DeepSeek LLM, arXiv:2401.02954, Eq. 1:
# eta_opt = 0.3118 C^-0.1250, B_opt = 0.2920 C^0.3271 tokens, fitted on
# 1e17 to 2e19 FLOPs), in `optimum` and in the explorer's readout. The
# budgets are Table 2's models: C = M D with Eq. 2's M and 2.0T tokens,
# 8.46e22 for 7B (lr 4.2e-4, batch 2304 x 4096) and 9.95e23 for 67B (3.2e-4,
# 4608 x 4096), which the paper chose "based on our findings in Section 3".
. "$(dirname "$0")/lib.sh"

# near GOT WANT REL: |GOT/WANT - 1| <= REL
near() {
	awk -v g="$1" -v w="$2" -v r="$3" 'BEGIN { d = g / w - 1; exit !(d <= r && -d <= r) }'
}

# csv_field NAME: the column NAME of the first data row of $out
csv_field() {
	printf '%s\n' "$out" | awk -F, -v k="$1" \
		'NR == 1 { for (i = 1; i <= NF; i++) if ($i == k) c = i } NR == 2 { print $c }'
}

run optimum --law deepseek2024 --compute 8.46e22 --format csv
lr=$(csv_field lr) batch=$(csv_field batch_tokens) out_of=$(csv_field hyper_extrapolated)
if [ "$rc" = 0 ] && near "$lr" 4.2e-4 0.02 && near "$batch" 9437184 0.03 && [ "$out_of" = true ]; then
	ok "optimum: DeepSeek 7B's budget gives Table 2's lr 4.2e-4 and batch 2304 x 4096, extrapolated"
else
	no "optimum at DeepSeek 7B's budget" "$out"
fi
run optimum --law deepseek2024 --compute 9.95e23 --format csv
lr=$(csv_field lr) batch=$(csv_field batch_tokens)
if [ "$rc" = 0 ] && near "$lr" 3.2e-4 0.03 && near "$batch" 18874368 0.10; then
	ok "optimum: DeepSeek 67B's budget gives Table 2's lr 3.2e-4 and batch 4608 x 4096"
else
	no "optimum at DeepSeek 67B's budget" "$out"
fi
run optimum --law deepseek2024 --compute 1e19 --format csv
if [ "$(csv_field hyper_extrapolated)" = false ] &&
	near "$(csv_field lr)" "$(awk 'BEGIN { print 0.3118 * 1e19 ^ -0.125 }')" 1e-6; then
	ok "optimum: inside 1e17..2e19 Eq. 1 is read as printed, not extrapolated"
else
	no "optimum at 1e19" "$out"
fi
run optimum --law deepseek2024 --compute 1e22
if [ "$rc" = 0 ] && printf '%s\n' "$out" | head -n 1 | grep -q ' lr  batch$' &&
	printf '%s\n' "$out" | grep -q '^lr, batch: .*(DeepSeek Eq. 1)' &&
	printf '%s\n' "$out" | grep -q '1e17 to 2e19 FLOPs; extrapolated in the rows outside it: deepseek2024.'; then
	ok "optimum text: lr and batch columns, their source and range under the table"
else
	no "optimum text with lr and batch" "$out"
fi
# a law without the relation prints neither column; beside one that has it, nulls
run optimum --law hoffmann2022 --compute 1e22 --format csv
if [ "$rc" = 0 ] && ! printf '%s\n' "$out" | grep -q 'lr'; then
	ok "optimum: a law without Eq. 1 has no lr or batch column"
else
	no "optimum: hoffmann2022 shows lr" "$out"
fi
run optimum --law all --compute 1e22 --format json
if [ "$rc" = 0 ] &&
	printf '%s\n' "$out" | grep '"law": "hoffmann2022"' | grep -q '"lr": null, "batch_tokens": null' &&
	printf '%s\n' "$out" | grep '"law": "deepseek2024"' | grep -q '"lr": 0.000554'; then
	ok "optimum --law all: lr and batch null for laws without Eq. 1"
else
	no "optimum --law all JSON" "$out"
fi

# the readout: beside the optimum, labelled extrapolated outside 1e17..2e19,
# and the allocation's own extrapolation note still on screen below it
run --dump --law deepseek2024 --compute 8.46e22
if printf '%s\n' "$out" | grep -q '   lr 4.2e-4  batch 9.22M tokens (extrapolated past 2e19)$' &&
	printf '%s\n' "$out" | grep -q 'beyond the largest fitted compute (3e20)'; then
	ok "readout: lr and batch at DeepSeek 7B's budget, extrapolated past 2e19"
else
	no "readout at 8.46e22" "$(printf '%s\n' "$out" | tail -n 4)"
fi
run --dump --law deepseek2024 --compute 1e19
if printf '%s\n' "$out" | grep -qx 'lr 1.3e-3  batch 479K tokens (DeepSeek Eq. 1)'; then
	ok "readout: inside the fitted budgets, no extrapolation"
else
	no "readout at 1e19" "$(printf '%s\n' "$out" | tail -n 4)"
fi
run --dump --law hoffmann2022
if ! printf '%s\n' "$out" | grep -q '^lr '; then
	ok "readout: no lr line for a law without Eq. 1"
else
	no "readout: hoffmann2022 has an lr line" "$out"
fi
echo "1..$n"
