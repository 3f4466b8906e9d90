#!/bin/sh
# runs-input.sh: runs files as people have them. Excel's byte order mark,
# quoted headers and fields (R's write.csv, Python's QUOTE_ALL), Windows line
# ends and the header names sweeps are logged under must fit to the very
# numbers of the plain file; a broken quote or a missing column is one line
# naming what was found and what would do.
. "$(dirname "$0")/lib.sh"

plain=$tmp/plain.csv
grep -v '^#' tests/runs/besiroglu-sweeps.csv >"$plain"
body() { sed 1d "$plain"; }

# same NAME FILE: FILE fits to exactly the plain file's numbers (both methods)
same() {
	for method in parametric isoflop; do
		run fit "$plain" --method $method --format csv
		want=$out
		run fit "$2" --method $method --format csv
		if [ "$rc" = 0 ] && [ -n "$want" ] && [ "$out" = "$want" ]; then
			ok "$1: fits as the plain file ($method)"
		else
			no "$1: fits as the plain file ($method)" "exit $rc" "$err" "got:  $out" "want: $want"
		fi
	done
}

{ printf '\357\273\277'; cat "$plain"; } >"$tmp/bom.csv"
same "a UTF-8 byte order mark (Excel)" "$tmp/bom.csv"

# Python's csv.QUOTE_ALL: every header name and field in quotes
sed 's/[^,]*/"&"/g' "$plain" >"$tmp/quoted.csv"
same "every field quoted" "$tmp/quoted.csv"

# R's write.csv: quoted names, a quoted row-name column under "", numbers bare
{ printf '"","N","C","L"\n'; body | awk '{ printf "\"%d\",%s\n", NR, $0 }'; } >"$tmp/r.csv"
same "R's write.csv (row names, quoted header)" "$tmp/r.csv"

# quotes around commas and doubled quotes inside quotes, blanks around fields, CRLF
{
	printf 'params, "run, as ""named""" ,flops,loss\r\n'
	body | awk -F, '{ printf "%s, \"sweep %d, \"\"b\"\"\" , %s ,\"%s\"\r\n", $1, NR, $2, $3 }'
} >"$tmp/commas.csv"
same "commas and \"\" inside quotes, CRLF" "$tmp/commas.csv"

{ printf 'n_params,COMPUTE,val_loss\n'; body; } >"$tmp/alias1.csv"
same "n_params, COMPUTE, val_loss" "$tmp/alias1.csv"
{ printf 'Params,Flops,Eval_Loss\n'; body; } >"$tmp/alias2.csv"
same "Params, Flops, Eval_Loss" "$tmp/alias2.csv"

# tokens under D beside a tokens file: D = C / (6 N), written to round trip
{ printf 'params,tokens,loss\n'; body | awk -F, '{ printf "%s,%.17g,%s\n", $1, $2 / (6 * $1), $3 }'; } >"$tmp/tokens.csv"
{ printf 'n,d,l\n'; sed 1d "$tmp/tokens.csv"; } >"$tmp/nd.csv"
run fit "$tmp/tokens.csv" --format csv
want=$out
run fit "$tmp/nd.csv" --format csv
if [ "$rc" = 0 ] && [ -n "$want" ] && [ "$out" = "$want" ]; then ok "n, d, l: fits as params, tokens, loss"; else no "n, d, l" "exit $rc" "$err" "got:  $out" "want: $want"; fi


# thousands separators, as a spreadsheet quotes them: "20,177,000" is 20177000
{ sed -n 1p "$plain"; body | awk -F, '{
	n = sprintf("%.0f", $1); g = ""
	while (length(n) > 3) { g = "," substr(n, length(n) - 2) g; n = substr(n, 1, length(n) - 3) }
	printf "\"%s%s\",%s,%s\n", n, g, $2, $3 }'; } >"$tmp/thousands.csv"
{ sed -n 1p "$plain"; body | awk -F, '{ printf "%.0f,%s,%s\n", $1, $2, $3 }'; } >"$tmp/whole.csv"
if grep -q '"20,177,000"' "$tmp/thousands.csv"; then ok "the thousands file holds \"20,177,000\""; else no "the thousands file" "$(head -3 "$tmp/thousands.csv")"; fi
run fit "$tmp/whole.csv" --format csv
want=$out
run fit "$tmp/thousands.csv" --format csv
if [ "$rc" = 0 ] && [ -n "$want" ] && [ "$out" = "$want" ]; then
	ok "\"20,177,000\" (thousands separators) fits as 20177000"
else
	no "\"20,177,000\" (thousands separators) fits as 20177000" "exit $rc" "$err" "got:  $out" "want: $want"
fi

# R's NA (and NaN, an empty field) in the loss column: the row is left out, said once
awk -F, 'NR == 7 || NR == 9 { print $1 "," $2 ",NA"; next } NR == 20 { print $1 "," $2 ","; next } NR == 30 { print $1 "," $2 ",NaN"; next } { print }' "$plain" >"$tmp/na.csv"
awk 'NR != 7 && NR != 9 && NR != 20 && NR != 30' "$plain" >"$tmp/na-dropped.csv"
run fit "$tmp/na-dropped.csv" --format csv
want=$out
run fit "$tmp/na.csv" --format csv
if [ "$rc" = 0 ] && [ -n "$want" ] && [ "$out" = "$want" ] &&
	[ "$err" = "isoflop: note: $tmp/na.csv: skipped 4 rows with no loss (NA), first at line 7" ]; then
	ok "NA, NaN and empty losses: 4 rows skipped with one note, the fit the rest's"
else
	no "NA, NaN and empty losses skipped with one note" "exit $rc" "stderr: $err" "got:  $out" "want: $want"
fi
run --runs "$tmp/na.csv" --dump
if [ "$rc" = 0 ] && [ "$err" = "isoflop: note: $tmp/na.csv: skipped 4 rows with no loss (NA), first at line 7" ]; then
	ok "--runs says the same note"
else
	no "--runs says the same note" "exit $rc" "stderr: $err"
fi

# --- what is refused ------------------------------------------------------------
printf 'params,flops,loss\n"2e7,6e18,3.4\n' >"$tmp/open.csv"
expect_error "an unterminated quote" \
	"isoflop: $tmp/open.csv:2: field 1: unterminated quote: a quoted field ends with \" on the same line" fit "$tmp/open.csv"
printf 'params,flops,loss\n2e7,"6e18"x,3.4\n' >"$tmp/after.csv"
expect_error "text after a closing quote" \
	"isoflop: $tmp/after.csv:2: field 2: text after a closing quote (a quote inside quotes is written \"\")" fit "$tmp/after.csv"
printf '\357\273\277step,n,d\n1,2e7,1e9\n' >"$tmp/noloss.csv"
expect_error "no loss column: names what it found and what would do" \
	"isoflop: $tmp/noloss.csv:1: no loss column: found step, n, d; a loss column is one of L, loss, val_loss, eval_loss" fit "$tmp/noloss.csv"
printf '"","size","loss"\n' >"$tmp/noparams.csv"
expect_error "no params column" \
	"isoflop: $tmp/noparams.csv:1: no params column: found \"\", size, loss; a params column is one of N, n_params, params" fit "$tmp/noparams.csv"
printf 'N,L,steps\n' >"$tmp/notokens.csv"
expect_error "no tokens or flops column" \
	"isoflop: $tmp/notokens.csv:1: no tokens or flops column: found N, L, steps; a tokens column is one of D, tokens, a flops column one of C, flops, compute" fit "$tmp/notokens.csv"
printf 'N,params,tokens,loss\n' >"$tmp/twice.csv"
expect_error "two names of one column" "isoflop: $tmp/twice.csv:1: two 'params' columns" fit "$tmp/twice.csv"
# a spreadsheet saved with semicolons (a comma is the decimal mark in much of Europe)
printf 'N;D;val_loss\n1e8;2e9;3,1\n' >"$tmp/semi.csv"
expect_error "semicolons: the header is one field, and the message says so" \
	"isoflop: $tmp/semi.csv:1: the header is one field, 'N;D;val_loss': columns are separated by commas, not ';'" fit "$tmp/semi.csv"
expect_error "--runs reads the same way" \
	"isoflop: $tmp/open.csv:2: field 1: unterminated quote: a quoted field ends with \" on the same line" --runs "$tmp/open.csv"

awk -F, 'NR == 7 { print "NA," $2 "," $3; next } { print }' "$plain" >"$tmp/na-params.csv"
expect_error "NA in params is an error, not a skip" \
	"isoflop: $tmp/na-params.csv:7: params (field 1): no value ('NA'): a run needs its params; only rows with no loss are skipped" fit "$tmp/na-params.csv"
printf 'params,tokens,loss\n"3,2",1e9,3.2\n' >"$tmp/decimal.csv"
expect_error "a decimal comma is said to be one" \
	"isoflop: $tmp/decimal.csv:2: params: a comma inside a number: thousands separators group digits in threes (20,177,000); a decimal comma is not read (write 3.2, not 3,2): '3,2'" fit "$tmp/decimal.csv"
printf 'params\ttokens\tloss\n1e7\t1e9\t3.2\n' >"$tmp/tab.csv"
expect_error "a tab-separated header: the tabs shown as backslash-t, the file said tab-separated" \
	"isoflop: $tmp/tab.csv:1: the header is one field, 'params\\ttokens\\tloss': columns are separated by commas, not tabs (a tab-separated file)" fit "$tmp/tab.csv"
printf 'loss,accuracy,flops\n3.2,0.4,1e18\n' >"$tmp/pairs.csv"
expect_error "--runs on a (loss, accuracy) file: the hint fit's note gives" \
	"isoflop: $tmp/pairs.csv:1: no params column: found loss, accuracy, flops; a params column is one of N, n_params, params; it reads as (loss, accuracy) pairs: a loss-to-error map for --downstream, which isoflop fit $tmp/pairs.csv fits" --runs "$tmp/pairs.csv" --dump

# --- thousands separators, NA and flops beside tokens ------------------------------
# an unquoted thousands separator splits a number into more fields than the header
# has: refused at its line (tokens were read as 2000, the rest dropped, exit 0)
printf 'params,loss,tokens\n1e9,2.9,2000,000,000\n' >"$tmp/unquoted.csv"
expect_error "an unquoted thousands separator: more fields than the header" \
	"isoflop: $tmp/unquoted.csv:2: 5 fields, the header has 3 (a number with thousands separators must be quoted: \"2,000,000,000\")" fit "$tmp/unquoted.csv"
# R's write.csv writes its row names under a header field of their own, "": as many fields
if [ "$(sed -n 1p "$tmp/r.csv" | awk -F, '{ print NF }')" = "$(sed -n 2p "$tmp/r.csv" | awk -F, '{ print NF }')" ] &&
	[ "$(sed -n 1p "$tmp/r.csv" | cut -c1-3)" = '"",' ]; then
	run fit "$tmp/r.csv" --format csv
	if [ "$rc" = 0 ] && [ -z "$err" ]; then ok "R's write.csv: header \"\" first, as many fields as its rows, read"; else no "R's write.csv read" "exit $rc" "$err"; fi
else
	no "R's write.csv: header and rows count alike" "$(head -2 "$tmp/r.csv")"
fi
printf 'params,tokens,loss\n"0,456",1e9,3.2\n' >"$tmp/lead0.csv"
expect_error "\"0,456\" is a decimal comma, not 456" \
	"isoflop: $tmp/lead0.csv:2: params: a comma inside a number: thousands separators group digits in threes (20,177,000); a decimal comma is not read (write 3.2, not 3,2): '0,456'" fit "$tmp/lead0.csv"
printf 'params,tokens,loss\n1e8,1e9,"3,200"\n' >"$tmp/comma-loss.csv"
expect_error "\"3,200\" as a loss: read as 3200, out of range, the decimal comma named" \
	"isoflop: $tmp/comma-loss.csv:2: loss: 3.2e+03 is out of range: a run has 0.001 to 20 nats ('3,200' read as 3200, its comma a thousands separator; a decimal comma is not read: write 3.200)" fit "$tmp/comma-loss.csv"

# Excel's #N/A and N/A are R's NA: rows skipped as NA's are, the loss column first
# so that a row starts with #N/A (a row, not a comment)
awk -F, '{ print $3 "," $1 "," $2 }' "$plain" >"$tmp/loss-first.csv"
awk -F, 'NR == 7 { print "#N/A," $2 "," $3; next } NR == 9 { print "n/a," $2 "," $3; next } { print }' "$tmp/loss-first.csv" >"$tmp/excel-na.csv"
awk 'NR != 7 && NR != 9' "$tmp/loss-first.csv" >"$tmp/excel-dropped.csv"
run fit "$tmp/excel-dropped.csv" --format csv
want=$out
run fit "$tmp/excel-na.csv" --format csv
if [ "$rc" = 0 ] && [ -n "$want" ] && [ "$out" = "$want" ] &&
	[ "$err" = "isoflop: note: $tmp/excel-na.csv: skipped 2 rows with no loss (NA), first at line 7" ]; then
	ok "#N/A (first on its line) and n/a losses skipped as NA"
else
	no "#N/A and n/a losses skipped as NA" "exit $rc" "stderr: $err" "got:  $out" "want: $want"
fi
{ sed -n 1,4p "$plain"; sed -n 5,7p "$plain" | awk -F, '{ print $1 "," $2 ",NA" }'; } >"$tmp/three.csv"
expect_error "too few runs after skipping: the skipped count said" \
	"isoflop: $tmp/three.csv:4: 3 runs (3 more skipped with no loss): a fit needs at least 5" fit "$tmp/three.csv"

# flops beside tokens: tokens are used; flops off 6ND by over 1% is said in one note
# with the largest difference; within 1%, nothing
awk -F, 'NR == 1 { print "params,tokens,flops,loss"; next } { printf "%s,%.17g,%s,%s\n", $1, $2 / (6 * $1), $2, $3 }' "$plain" >"$tmp/both.csv"
awk -F, 'NR == 10 { printf "%s,%s,%.17g,%s\n", $1, $2, $3 * 1.1, $4; next } NR == 12 { printf "%s,%s,%.17g,%s\n", $1, $2, $3 * 0.95, $4; next } { print }' "$tmp/both.csv" >"$tmp/off.csv"
run fit "$tmp/tokens.csv" --format csv
want=$out
run fit "$tmp/both.csv" --format csv
if [ "$rc" = 0 ] && [ "$out" = "$want" ] && [ -z "$err" ]; then ok "tokens and flops that agree: no note"; else no "tokens and flops that agree" "exit $rc" "$err"; fi
c=$(sed -n 10p "$tmp/off.csv" | awk -F, '{ printf "%.3g", $3 }')
knd=$(sed -n 10p "$tmp/both.csv" | awk -F, '{ printf "%.3g", $3 }')
run fit "$tmp/off.csv" --format csv
if [ "$rc" = 0 ] && [ -n "$want" ] && [ "$out" = "$want" ] &&
	[ "$err" = "isoflop: note: $tmp/off.csv: flops is not 6ND (6 x params x tokens) in 2 rows, by up to 10% (line 10: flops $c, 6ND $knd): the fit uses tokens" ]; then
	ok "flops 10% off 6ND beside tokens: the fit is the tokens', one note with the largest difference"
else
	no "flops off 6ND beside tokens" "exit $rc" "stderr: $err" "got:  $out" "want: $want"
fi
run --runs "$tmp/off.csv" --dump
case $err in "isoflop: note: $tmp/off.csv: flops is not 6ND"*) ok "--runs gives the same note" ;; *) no "--runs gives the flops note" "$err" ;; esac

echo "1..$n"
