/* libFuzzer target: the annotation option grammar, on every macro kind. The
 * first byte picks the kind; the rest is the options text. */

#include <stddef.h>
#include <stdint.h>

#include "analyzer/c/annotation_options.h"
#include "analyzer/core/join_condition.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	mg_annotation_kind kind = (mg_annotation_kind)(data[0] % (MG_ANNOTATION_FOREIGN_KEY_CONSTRAINT + 1));
	mg_annotation *annotation = NULL;
	if (mg_annotation_parse(&annotation, kind, (const char *)data + 1, size - 1) == 0) {
		/* Walk everything the parser hands out. */
		for (size_t i = 0; i < mg_annotation_error_count(annotation); i++)
			(void)mg_annotation_error_at(annotation, i);
		for (size_t i = 0; i < mg_annotation_option_count(annotation); i++)
			(void)mg_annotation_option_at(annotation, i);
		for (size_t i = 0; i < mg_annotation_positional_count(annotation); i++)
			(void)mg_annotation_positional(annotation, i);
		/* primaryjoin= and secondaryjoin= go on through the join grammar. */
		static const char *const joins[] = {"primaryjoin", "secondaryjoin"};
		for (size_t k = 0; k < 2; k++) {
			const char *text = mg_annotation_get_string(annotation, joins[k]);
			mg_arena *arena = text ? mg_arena_new() : NULL;
			if (arena)
				(void)mg_join_parse(arena, text, (mg_location){.line = 1, .column = 1});
			mg_arena_free(arena);
		}
	}
	mg_annotation_free(annotation);
	return 0;
}
