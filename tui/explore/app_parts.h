/*
 * app_parts.h: what the files of the state module (app.c, app_pick.c,
 * app_tour.c, app_views.c, app_window.c) share among themselves and nobody
 * else calls: the steps every change of the state is made of.
 */
#ifndef ISOFLOP_APP_PARTS_H
#define ISOFLOP_APP_PARTS_H

#include "app.h"

/* Append ch to the text in buf (size bytes) if it lies in [lo, hi] and fits. */
bool app_append_char(char *buf, size_t size, int ch, int lo, int hi);

/* Clamp N and D into the window (C follows). */
void app_clamp_point(struct app *a);

/* The hardware plan again after the point moved: `follow` takes up the change. */
void app_hw_sync(struct app *a, enum hw_unknown follow);

/* The law at index law (catalog->laws), its edit dropped. */
void app_switch_law(struct app *a, size_t law);

/* The default marks: the story's models the catalog has. */
void app_mark_story(struct app *a);

/* The views' setters (app.c), which app_views.c's rows name: see app_views.h. */
void app_open_inference(struct app *a, bool on);
void app_open_data(struct app *a, bool on);
void app_open_testtime(struct app *a, bool on);
void app_open_hardware(struct app *a, bool on);
void app_open_editing(struct app *a, bool on);
void app_open_compute(struct app *a, bool on);
void app_open_timeline(struct app *a, bool on);
void app_open_traintest(struct app *a, bool on);
void app_open_coverage(struct app *a, bool on);
void app_open_domains(struct app *a, bool on);

/* 'W' then Enter: the test-time law `index`; an open view it cannot show closes, said. */
void app_tt_pick(struct app *a, size_t index);

#endif
