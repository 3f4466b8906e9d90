build/asan/presets/catalog.o: presets/catalog.c presets/catalog.h \
 presets/preset.h presets/../model/law.h
presets/catalog.h:
presets/preset.h:
presets/../model/law.h:
