/*
 * fuzz_preset.c: libFuzzer target for the preset loader (and the number
 * parser it calls), for every kind it can be asked for: any, law, model,
 * accelerator. Any input must give either a preset or one error line: no
 * crash, no leak, no undefined behaviour, no unterminated message.
 */
#include <stdint.h>
#include <string.h>

#include "../../presets/preset.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct preset p;
	char err[PRESET_ERR_MAX];

	err[0] = '\0';
	for (int want = PRESET_ANY; want <= PRESET_ACCELERATOR; want++) {
		if (preset_parse("fuzz.yaml", data, size, (enum preset_kind)want, &p, err,
		                 sizeof err) != 0) {
			/* an error is one line naming the file */
			if (strncmp(err, "fuzz.yaml:", 10) != 0 || strchr(err, '\n') != NULL)
				__builtin_trap();
		}
	}
	return 0;
}
