/* libFuzzer target: the mustache parser and renderer (what --templates
 * reads), on arbitrary template text, against a small view with every kind
 * of value; the input is also its own partial "p". */

#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include "render/template.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

typedef struct input {
	const char *text;
	size_t len;
} input;

static const char *load(const char *name, size_t *out_len, void *payload)
{
	const input *in = payload;
	if (strcmp(name, "main") != 0 && strcmp(name, "p") != 0)
		return NULL;
	*out_len = in->len;
	return in->text;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	input in = {(const char *)data, size};
	mg_arena *arena = mg_arena_new();
	mg_template_set *set = mg_template_set_new(load, &in);
	mg_buf out = MG_BUF_INIT;
	mg_error err;
	mg_view *view = mg_view_object(arena);
	mg_view_set_text(view, "name", "<script>&\"'");
	mg_view_set(view, "svg", mg_view_markup(arena, "<svg/>", 6));
	mg_view_set_bool(view, "yes", true);
	mg_view_set_bool(view, "no", false);
	mg_view *list = mg_view_set_list(view, "list");
	for (int i = 0; i < 3; i++)
		mg_view_set_uint(mg_view_push_object(list), "n", (unsigned long long)i);
	mg_view_set(mg_view_set_object(view, "a"), "b", mg_view_text(arena, "c"));
	const mg_template *tmpl = set && view ? mg_template_set_get(set, "main", &err) : NULL;
	mg_template_options options = {.strict = true};
	if (tmpl)
		mg_template_render(set, tmpl, view, &options, &out, &err);
	mg_buf_free(&out);
	mg_template_set_free(set);
	mg_arena_free(arena);
	return 0;
}
