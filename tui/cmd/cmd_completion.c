/*
 * cmd_completion.c: `isoflop completion bash|zsh|fish` prints a shell's
 * completion script, written from the option and command tables; the
 * scripts ask `isoflop completion ids laws|models|accelerators|tours` for
 * the ids while completing, so that the user's own presets count.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "options.h"

/* The command run without a name: the first entry. */
#define DEFAULT_COMMAND (cli_commands[0].name)

/* Whether an earlier entry has the same name (plot contour, plot profiles). */
static bool seen_name(size_t i)
{
	for (size_t j = 0; j < i; j++)
		if (strcmp(cli_commands[j].name, cli_commands[i].name) == 0)
			return true;
	return false;
}

/* The options every entry called name takes, and those every command takes. */
static unsigned long long options_of(const char *name, const char *operand)
{
	unsigned long long bits = 0;

	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(name, cli_commands[i].name) == 0 &&
		    (operand == NULL || cli_commands[i].operand == NULL ||
		     strcmp(operand, cli_commands[i].operand) == 0))
			bits |= cli_commands[i].options;
	return bits;
}

/* The long options a command takes, separated by blanks. */
static void print_option_names(FILE *out, unsigned long long bits)
{
	const char *sep = "";

	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options[i].bit == 0 || (cli_options[i].bit & bits)) {
			fprintf(out, "%s--%s", sep, cli_options[i].name);
			sep = " ";
		}
}

/* The operands of the entries called name, separated by blanks: contour profiles. */
static void print_operands(FILE *out, const char *name)
{
	const char *sep = "";

	for (size_t i = 0; i < cli_ncommands; i++)
		if (strcmp(name, cli_commands[i].name) == 0 && cli_commands[i].operand != NULL) {
			fprintf(out, "%s%s", sep, cli_commands[i].operand);
			sep = " ";
		}
}

static void print_words(FILE *out, const char *const *words)
{
	for (size_t i = 0; words[i] != NULL; i++)
		fprintf(out, "%s%s", i ? " " : "", words[i]);
}

/*
 * What each kind of value completes to, in each shell's terms: the ids the
 * binary lists at completion time (so the user's presets count), or files,
 * directories, the row's words, nothing.
 */
static const struct value_kind {
	const char *ids;  /* what `isoflop completion ids` lists, or NULL */
	const char *all;  /* offered beside the ids: " all" or "" */
	const char *sh;   /* _isoflop_kind in bash and zsh */
	const char *fish; /* complete's flags in fish */
} value_kinds[] = {
        [COMPLETE_NONE] = {NULL, "", "none", " -x"},
        [COMPLETE_LAWS] = {"laws", " all", "words", " -x"},
        [COMPLETE_MODELS] = {"models", " all", "words", " -x"},
        [COMPLETE_LAW] = {"laws", "", "words", " -x"},
        [COMPLETE_ACCELERATORS] = {"accelerators", "", "words", " -x"},
        [COMPLETE_TOURS] = {"tours", "", "tours", " -r -F"},
        [COMPLETE_TESTTIME] = {"testtime", "", "words", " -x"},
        [COMPLETE_FILE] = {NULL, "", "files", " -r -F"},
        [COMPLETE_DIR] = {NULL, "", "dirs", " -x"},
        [COMPLETE_WORDS] = {NULL, "", "words", " -x"},
};

/* The sh that sets _isoflop_kind and _isoflop_words for one kind of value. */
static void print_value(FILE *out, enum option_complete c, const char *const *words)
{
	const struct value_kind *k = &value_kinds[c];

	if (k->ids != NULL) {
		fprintf(out,
		        "_isoflop_kind=%s _isoflop_words=\"$(\"$bin\" completion ids %s "
		        "2>/dev/null)%s\"",
		        k->sh, k->ids, k->all);
	} else if (c == COMPLETE_WORDS) {
		fputs("_isoflop_words='", out);
		print_words(out, words);
		fputc('\'', out);
	} else {
		fprintf(out, "_isoflop_kind=%s", k->sh);
	}
}

/* The pattern of the options that take a value: the next word is that value. */
static void print_valued_pattern(FILE *out)
{
	const char *sep = "";

	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options[i].arg != NULL) {
			fprintf(out, "%s--%s", sep, cli_options[i].name);
			sep = "|";
		}
}

/* Walk the words before the cursor: the command, its operand, the last option. */
static void print_sh_walk(FILE *out)
{
	fputs("# _isoflop_what CWORD WORD...: what to offer for word number CWORD (0 is\n"
	      "# isoflop itself), in _isoflop_kind (words, files, dirs, tours or none)\n"
	      "# and _isoflop_words. Shared by bash and zsh.\n"
	      "_isoflop_what()\n{\n"
	      "\tlocal n=$1 i=0 w cur= prev= cmd= operand= skip=\n"
	      "\tshift\n\tlocal bin=$1\n"
	      "\tfor w in \"$@\"; do\n"
	      "\t\tif [ \"$i\" -eq \"$n\" ]; then cur=$w; break; fi\n"
	      "\t\tif [ \"$i\" -gt 0 ] && [ -n \"$skip\" ]; then\n\t\t\tskip=\n"
	      "\t\telif [ \"$i\" -gt 0 ]; then\n\t\t\tcase $w in\n\t\t\t(",
	      out);
	print_valued_pattern(out);
	fputs(") skip=1 ;;\n\t\t\t(-*) ;;\n"
	      "\t\t\t(*) if [ -z \"$cmd\" ]; then cmd=$w; elif [ -z \"$operand\" ]; then "
	      "operand=$w; fi ;;\n\t\t\tesac\n\t\tfi\n\t\tprev=$w\n\t\ti=$((i + 1))\n\tdone\n"
	      "\t_isoflop_kind=words _isoflop_words=\n",
	      out);
}

/* The cursor on an option's value: what that option takes. */
static void print_sh_values(FILE *out)
{
	fputs("\tif [ -n \"$skip\" ]; then\n\t\tcase $prev in\n", out);
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options[i];
		if (o->arg == NULL)
			continue;
		fprintf(out, "\t\t(--%s) ", o->name);
		print_value(out, o->complete, o->words);
		fputs(" ;;\n", out);
	}
	fputs("\t\tesac\n\t\treturn\n\tfi\n", out);
}

/* The cursor on an option: those the command takes (plot's kinds first). */
static void print_sh_options(FILE *out)
{
	fputs("\tcase $cur in\n\t(-*)\n\t\tcase $cmd:$operand in\n", out);
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (c->operand == NULL)
			continue;
		fprintf(out, "\t\t(%s:%s) _isoflop_words='", c->name, c->operand);
		print_option_names(out, c->options);
		fputs("' ;;\n", out);
	}
	for (size_t i = 0; i < cli_ncommands; i++) {
		const char *name = cli_commands[i].name;
		if (seen_name(i))
			continue;
		/* no command: the first entry's */
		fprintf(out, "\t\t(%s%s:*) _isoflop_words='", i == 0 ? ":*|" : "", name);
		print_option_names(out, options_of(name, NULL));
		fputs("' ;;\n", out);
	}
	fputs("\t\tesac\n\t\treturn ;;\n\tesac\n", out);
}

/* The cursor on an operand: the command, or its first operand. */
static void print_sh_operands(FILE *out)
{
	fputs("\tif [ -z \"$cmd\" ]; then\n\t\t_isoflop_words='", out);
	for (size_t i = 0; i < cli_ncommands; i++)
		if (!seen_name(i))
			fprintf(out, "%s%s", i ? " " : "", cli_commands[i].name);
	fputs("'\n\t\treturn\n\tfi\n\t[ -z \"$operand\" ] || { _isoflop_kind=none; return; }\n"
	      "\tcase $cmd in\n",
	      out);
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (seen_name(i))
			continue;
		fprintf(out, "\t(%s) ", c->name);
		if (c->operand != NULL) {
			fputs("_isoflop_words='", out);
			print_operands(out, c->name);
			fputc('\'', out);
		} else {
			print_value(out, c->complete, c->words);
		}
		fputs(" ;;\n", out);
	}
	fputs("\tesac\n}\n", out);
}

/* bash: COMP_WORDS and COMPREPLY around the shared walk. */
static void print_bash(FILE *out)
{
	fputs("# bash completion for isoflop, written by `isoflop completion bash`\n", out);
	print_sh_walk(out);
	print_sh_values(out);
	print_sh_options(out);
	print_sh_operands(out);
	fputs("\n_isoflop()\n{\n"
	      "\tlocal cur=${COMP_WORDS[COMP_CWORD]} _isoflop_kind _isoflop_words\n"
	      "\t_isoflop_what \"$COMP_CWORD\" \"${COMP_WORDS[@]}\"\n"
	      "\tcase $_isoflop_kind in\n"
	      "\tfiles) COMPREPLY=($(compgen -f -- \"$cur\")) ;;\n"
	      "\tdirs) COMPREPLY=($(compgen -d -- \"$cur\")) ;;\n"
	      "\ttours) COMPREPLY=($(compgen -W \"$_isoflop_words\" -- \"$cur\") "
	      "$(compgen -f -- \"$cur\")) ;;\n"
	      "\tnone) COMPREPLY=() ;;\n"
	      "\t*) COMPREPLY=($(compgen -W \"$_isoflop_words\" -- \"$cur\")) ;;\n"
	      "\tesac\n}\ncomplete -F _isoflop isoflop\n",
	      out);
}

/* zsh: words and CURRENT, compadd and _files around the shared walk. */
static void print_zsh(FILE *out)
{
	fputs("#compdef isoflop\n# zsh completion for isoflop, written by `isoflop completion "
	      "zsh`\n",
	      out);
	print_sh_walk(out);
	print_sh_values(out);
	print_sh_options(out);
	print_sh_operands(out);
	fputs("\n_isoflop()\n{\n"
	      "\tlocal _isoflop_kind _isoflop_words\n"
	      "\t_isoflop_what $((CURRENT - 1)) \"${words[@]}\"\n"
	      "\tcase $_isoflop_kind in\n"
	      "\t(files) _files ;;\n"
	      "\t(dirs) _files -/ ;;\n"
	      "\t(tours) compadd -- ${=_isoflop_words}; _files ;;\n"
	      "\t(none) return 1 ;;\n"
	      "\t(*) compadd -- ${=_isoflop_words} ;;\n"
	      "\tesac\n}\n\n_isoflop \"$@\"\n",
	      out);
}

/* fish: which command the line holds, as CMD:OPERAND, like the sh walk. */
static void print_fish_walk(FILE *out)
{
	fputs("function __isoflop_ids\n"
	      "\tset -l bin (commandline -opc)[1]\n"
	      "\t$bin completion ids $argv 2>/dev/null\n"
	      "end\n\n"
	      "function __isoflop_command\n"
	      "\tset -l words (commandline -opc)\n"
	      "\tset -e words[1]\n"
	      "\tset -l cmd\n\tset -l operand\n\tset -l skip\n"
	      "\tfor w in $words\n"
	      "\t\tif set -q skip[1]\n\t\t\tset -e skip\n\t\t\tcontinue\n\t\tend\n"
	      "\t\tswitch $w\n\t\t\tcase",
	      out);
	for (size_t i = 0; i < cli_noptions; i++)
		if (cli_options[i].arg != NULL)
			fprintf(out, " --%s", cli_options[i].name);
	fputs("\n\t\t\t\tset skip 1\n\t\t\tcase '-*'\n\t\t\tcase '*'\n"
	      "\t\t\t\tif not set -q cmd[1]\n\t\t\t\t\tset cmd $w\n"
	      "\t\t\t\telse if not set -q operand[1]\n\t\t\t\t\tset operand $w\n"
	      "\t\t\t\tend\n\t\tend\n\tend\n\techo \"$cmd:$operand\"\nend\n\n",
	      out);
}

/* fish: __isoflop_takes OPTION, whether the command on the line takes it. */
static void print_fish_takes(FILE *out)
{
	fputs("function __isoflop_takes\n\tswitch (__isoflop_command)\n", out);
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (c->operand != NULL) {
			fprintf(out, "\t\tcase '%s:%s'\n\t\t\tcontains -- $argv[1] ", c->name,
			        c->operand);
			print_option_names(out, c->options);
			fputc('\n', out);
		}
	}
	for (size_t i = 0; i < cli_ncommands; i++) {
		if (seen_name(i))
			continue;
		fprintf(out, "\t\tcase %s'%s:*'\n\t\t\tcontains -- $argv[1] ",
		        i == 0 ? "':*' " : "", cli_commands[i].name);
		print_option_names(out, options_of(cli_commands[i].name, NULL));
		fputc('\n', out);
	}
	fputs("\tend\nend\n\n", out);
}

/* fish: the arguments of complete for one kind of value. */
static void print_fish_value(FILE *out, enum option_complete c, const char *const *words)
{
	const struct value_kind *k = &value_kinds[c];

	fputs(k->fish, out);
	if (k->ids != NULL) {
		fprintf(out, " -a '(__isoflop_ids %s)%s'", k->ids, k->all);
	} else if (c == COMPLETE_DIR) {
		fputs(" -a '(__fish_complete_directories)'", out);
	} else if (c == COMPLETE_WORDS) {
		fputs(" -a '", out);
		print_words(out, words);
		fputc('\'', out);
	}
}

/* fish: --help's first line of an option, quoted for fish. */
static void print_fish_help(FILE *out, const char *help)
{
	fputs(" -d '", out);
	for (const char *s = help; *s && *s != '\n'; s++) {
		if (*s == '\'' || *s == '\\')
			fputc('\\', out);
		fputc(*s, out);
	}
	fputc('\'', out);
}

static void print_fish(FILE *out)
{
	fputs("# fish completion for isoflop, written by `isoflop completion fish`\n", out);
	print_fish_walk(out);
	print_fish_takes(out);
	fputs("complete -c isoflop -f\n"
	      "complete -c isoflop -n 'string match -q -- \":*\" (__isoflop_command)' -a '",
	      out);
	for (size_t i = 0; i < cli_ncommands; i++)
		if (!seen_name(i))
			fprintf(out, "%s%s", i ? " " : "", cli_commands[i].name);
	fputs("'\n", out);
	for (size_t i = 0; i < cli_ncommands; i++) {
		const struct cli_command *c = &cli_commands[i];
		if (seen_name(i) || (c->operand == NULL && c->complete == COMPLETE_NONE))
			continue;
		fprintf(out,
		        "complete -c isoflop -n 'string match -q -- \"%s:\" (__isoflop_command)'",
		        c->name);
		if (c->operand != NULL) {
			fputs(" -x -a '", out);
			print_operands(out, c->name);
			fputc('\'', out);
		} else {
			print_fish_value(out, c->complete, c->words);
		}
		fputc('\n', out);
	}
	for (size_t i = 0; i < cli_noptions; i++) {
		const struct cli_option *o = &cli_options[i];
		fprintf(out, "complete -c isoflop -n '__isoflop_takes --%s' -l %s", o->name,
		        o->name);
		if (o->short_name)
			fprintf(out, " -s %c", o->short_name);
		if (o->arg != NULL)
			print_fish_value(out, o->complete, o->words);
		if (o->help != NULL)
			print_fish_help(out, o->help);
		fputc('\n', out);
	}
}

/* One id per line, for the scripts: laws, models, accelerators, testtime or tours. */
static int print_ids(const struct cli *cli, const char *what)
{
	const struct catalog *cat = cli->catalog;
	const struct {
		const char *word;
		const struct catalog_entry *entries;
		size_t n;
	} lists[] = {
	        {"laws", cat->laws, cat->nlaws},
	        {"models", cat->models, cat->nmodels},
	        {"accelerators", cat->accelerators, cat->naccelerators},
	        {"stocks", cat->stocks, cat->nstocks},
	        {"trends", cat->trends, cat->ntrends},
	        {"testtime", cat->testtimes, cat->ntesttimes},
	};
	for (size_t i = 0; i < sizeof lists / sizeof *lists; i++) {
		if (strcmp(what, lists[i].word) != 0)
			continue;
		for (size_t j = 0; j < lists[i].n; j++)
			printf("%s\n", lists[i].entries[j].preset.id);
		return 0;
	}
	if (strcmp(what, "tours") != 0)
		return cli_error(
		        "completion ids: expected laws, models, accelerators, stocks, trends, "
		        "testtime or tours, not '%s'",
		        what);
	for (int i = 0; i < 3; i++) {
		char dir[4200];
		struct dirent **names;
		if (cli->tour_dirs[i] == NULL)
			continue;
		snprintf(dir, sizeof dir, "%s/tours", cli->tour_dirs[i]);
		int n = scandir(dir, &names, NULL, alphasort);
		for (int j = 0; j < n; j++) {
			size_t len = strlen(names[j]->d_name);
			if (len > 5 && strcmp(names[j]->d_name + len - 5, ".yaml") == 0)
				printf("%.*s\n", (int)(len - 5), names[j]->d_name);
			free(names[j]);
		}
		if (n >= 0)
			free(names);
	}
	return 0;
}

int cmd_completion(const struct cli *cli)
{
	static const struct {
		const char *shell;
		void (*print)(FILE *);
	} shells[] = {{"bash", print_bash}, {"zsh", print_zsh}, {"fish", print_fish}};

	if (cli->nargs == 2 && strcmp(cli->args[0], "ids") == 0)
		return print_ids(cli, cli->args[1]);
	for (size_t i = 0; cli->nargs == 1 && i < sizeof shells / sizeof *shells; i++)
		if (strcmp(cli->args[0], shells[i].shell) == 0) {
			shells[i].print(stdout);
			return 0;
		}
	return cli_error("completion: expected bash, zsh or fish%s%s%s",
	                 cli->nargs > 0 ? ", not '" : "", cli->nargs > 0 ? cli->args[0] : "",
	                 cli->nargs > 0 ? "'" : "");
}
