/*
 * What many models share, written once: declarative mixins.
 */
#ifndef TRACKER_MIXINS_H
#define TRACKER_MIXINS_H

#include <time.h>
#include <modelgraph/annotations.h>

/** When a row was made and last changed. */
struct Timestamps {
	time_t created_at                  MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
	time_t updated_at;
} MG_MIXIN();

#endif
