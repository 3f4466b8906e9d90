# docs-extract.awk: the "$ isoflop ..." examples of a README (markdown) or a
# man page (mdoc), one cmd.N / want.N file pair each in directory `dir`.
# In man pages, examples live in .Bd -literal blocks, a command may go on
# over lines ending in " \e", and the text is unescaped (\e, \&, \-).
function unescape(s) {
	gsub(/\\e/, "\001", s)
	gsub(/\\&/, "", s)
	gsub(/\\-/, "-", s)
	gsub(/\001/, "\\", s)
	return s
}
BEGIN { man = FILENAME ~ /\.[0-9]$/ || ARGV[1] ~ /\.[0-9]$/ }
{
	line = $0
	if (man) {
		if (line ~ /^\.Bd -literal/) { inblock = 1; cur = ""; next }
		if (line ~ /^\.Ed/) { inblock = 0; cur = ""; next }
		if (!inblock) next
		line = unescape(line)
	} else {
		if (line ~ /^```/) { inblock = !inblock; cur = ""; next }
		if (!inblock) next
	}
	if (cont) { # a continued command
		sub(/^ +/, "", line)
		cmd = cmd " " line
		if (cmd ~ / \\$/) { sub(/ \\$/, "", cmd); next }
		cont = 0
		print cmd > (dir "/cmd." k)
		next
	}
	if (line ~ /^\$ isoflop /) {
		k++; cur = k
		cmd = line; sub(/^\$ isoflop /, "", cmd)
		printf "" > (dir "/want." k)
		if (cmd ~ / \\$/) { sub(/ \\$/, "", cmd); cont = 1; next }
		print cmd > (dir "/cmd." k)
		next
	}
	if (line ~ /^\$ /) { cur = ""; next }
	if (cur != "") print line > (dir "/want." cur)
}
