/*
 * fuzz_tour.c: libFuzzer target for the tour loader. Any input must give
 * either a tour or one error line naming the file: no crash, no leak, no
 * undefined behaviour, and captions that fit their band.
 */
#include <stdint.h>
#include <string.h>

#include "../../presets/tour.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

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
	for (int i = 0; i < t.nsteps; i++)
		for (int j = 0; j < TOUR_CAPTION_LINES; j++)
			if (strlen(t.steps[i].caption[j]) > TOUR_CAPTION_WIDTH)
				__builtin_trap();
	return 0;
}
