#ifndef MG_JSON_LOCATION_H
#define MG_JSON_LOCATION_H

#include "analyzer/core/graph.h"
#include "util/json_writer.h"

/* `key`: {"file", "line", "column"}; line and column only when the source
 * has lines (a database object has a path instead). */
void mg_json_member_location(mg_json *json, const char *key, mg_location location);

#endif
