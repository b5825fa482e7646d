#include "util/json_text.h"

#include <stdbool.h>

size_t mg_json_bom_length(const char *data, size_t len)
{
	return len >= 3 && (unsigned char)data[0] == 0xEF && (unsigned char)data[1] == 0xBB &&
		       (unsigned char)data[2] == 0xBF
		       ? 3
		       : 0;
}

int mg_json_check_depth(const char *data, size_t len, long long limit, size_t *line, size_t *column)
{
	long long depth = 0;
	size_t at_line = 1, at_column = 0;
	bool in_string = false, escaped = false;

	for (size_t i = 0; i < len; i++) {
		unsigned char c = (unsigned char)data[i];
		if (c == '\n') {
			at_line++;
			at_column = 0;
		} else if ((c & 0xC0) != 0x80) { /* not inside a UTF-8 sequence */
			at_column++;
		}
		if (in_string) {
			if (escaped)
				escaped = false;
			else if (c == '\\')
				escaped = true;
			else if (c == '"')
				in_string = false;
		} else if (c == '"') {
			in_string = true;
		} else if (c == '[' || c == '{') {
			if (++depth > limit) {
				*line = at_line;
				*column = at_column;
				return -1;
			}
		} else if ((c == ']' || c == '}') && depth > 0) {
			depth--;
		}
	}
	return 0;
}
