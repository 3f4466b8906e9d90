build/asan/presets/tour.o: presets/tour.c presets/../model/units.h \
 presets/tour.h
presets/../model/units.h:
presets/tour.h:
