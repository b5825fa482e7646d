#include "render/json_location.h"

void mg_json_member_location(mg_json *json, const char *key, mg_location location)
{
	mg_json_key(json, key);
	mg_json_begin_object(json);
	mg_json_member_string(json, "file", location.file);
	if (location.line) {
		mg_json_member_uint(json, "line", location.line);
		mg_json_member_uint(json, "column", location.column);
	}
	mg_json_end_object(json);
}
