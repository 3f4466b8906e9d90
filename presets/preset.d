build/asan/presets/preset.o: presets/preset.c presets/../model/units.h \
 presets/preset.h presets/../model/law.h
presets/../model/units.h:
presets/preset.h:
presets/../model/law.h:
