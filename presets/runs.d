build/asan/presets/runs.o: presets/runs.c presets/../model/units.h \
 presets/runs.h presets/../model/fit.h presets/../model/law.h
presets/../model/units.h:
presets/runs.h:
presets/../model/fit.h:
presets/../model/law.h:
