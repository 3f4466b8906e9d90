/*
 * fuzz_tour.c: libFuzzer target for the tour loader. Any input must give
 * either a tour or one error line naming the file: no crash, no leak, no
 * undefined behaviour; and an accepted tour keeps its promises: captions
 * that fit their band in characters, points inside the explorer's window,
 * an id that is no path, text without control characters.
 */
#include <stdint.h>
#include <string.h>

#include "../../presets/tour.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Characters of UTF-8 text: the bytes that start one. */
static size_t chars(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += ((unsigned char)*s & 0xc0) != 0x80;
	return n;
}

static int within(double x, double lo, double hi)
{
	return x == 0 || (x >= lo && x <= hi);
}

/* No C0 or C1 control (U+0080..U+009F is C2 80..C2 9F in UTF-8). */
static int printable(const char *s)
{
	for (; *s; s++)
		if ((unsigned char)*s < 0x20 || *s == 0x7f ||
		    ((unsigned char)s[0] == 0xc2 && (unsigned char)s[1] >= 0x80 &&
		     (unsigned char)s[1] <= 0x9f))
			return 0;
	return 1;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct tour t;
	char err[1024];

	err[0] = '\0';
	if (tour_parse("fuzz.yaml", data, size, &t, err, sizeof err) != 0) {
		if (strncmp(err, "fuzz.yaml:", 10) != 0 || strchr(err, '\n') != NULL)
			__builtin_trap();
		return 0;
	}
	if (t.nsteps < 1 || t.nsteps > TOUR_MAX_STEPS)
		__builtin_trap();
	for (int i = 0; i < t.nsteps; i++) {
		const struct tour_step *s = &t.steps[i];
		for (int j = 0; j < TOUR_CAPTION_LINES; j++)
			if (chars(s->caption[j]) > TOUR_CAPTION_WIDTH)
				__builtin_trap();
		/* a point given is in the explorer's window; 0 means not given */
		if (!within(s->params, TOUR_WINDOW_PARAMS_LO, TOUR_WINDOW_PARAMS_HI) ||
		    !within(s->tokens, TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_STOCK_HI) ||
		    !within(s->unique_tokens, TOUR_WINDOW_TOKENS_LO, TOUR_WINDOW_TOKENS_STOCK_HI) ||
		    !within(s->compute, TOUR_WINDOW_COMPUTE_LO, TOUR_WINDOW_COMPUTE_HI))
			__builtin_trap();
	}
	/* an id is never a path */
	if (strchr(t.id, '/') != NULL || !printable(t.id) || !printable(t.title))
		__builtin_trap();
	return 0;
}
