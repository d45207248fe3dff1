/* presenter.h - the presenter panel: what the facilitator needs and the room does not see.
 * No curses: a page builder like the screens (screens.h). */
#ifndef MEETLAT_PRESENTER_H
#define MEETLAT_PRESENTER_H

#include "page.h"
#include "screens.h"

/* Builds the presenter panel of V's step in the wide column of V's layout: the step and the
 * next one, the time on this step and what is left of the workshop's plan, on a row's step
 * the votes per phase (also before the room is shown them; live while the row is open to the
 * phones, with their address) and the row's note, then the keys
 * of the step (screen_hints: none that edit in --review) and p to return to the room's view. */
void screen_presenter(struct page *p, const struct view *v);

#endif
