/* The view tree templates render: constructors and lookups. */

#include "render/view.h"

#include <assert.h>
#include <stdio.h>
#include <string.h>

static mg_view *new_node(mg_arena *arena, mg_view_kind kind)
{
	if (!arena)
		return NULL;
	mg_view *view = mg_arena_alloc(arena, sizeof(*view));
	if (view) {
		view->kind = kind;
		view->arena = arena;
	}
	return view;
}

mg_view *mg_view_null(mg_arena *arena)
{
	return new_node(arena, MG_VIEW_NULL);
}

mg_view *mg_view_bool(mg_arena *arena, bool value)
{
	mg_view *view = new_node(arena, MG_VIEW_BOOL);
	if (view)
		view->boolean = value;
	return view;
}

mg_view *mg_view_text(mg_arena *arena, const char *text)
{
	if (!text)
		return mg_view_null(arena);
	mg_view *view = new_node(arena, MG_VIEW_STRING);
	if (view && !(view->string = mg_arena_strdup(arena, text)))
		view = NULL;
	return view;
}

mg_view *mg_view_markup(mg_arena *arena, const char *markup, size_t len)
{
	mg_view *view = new_node(arena, MG_VIEW_STRING);
	if (view && !(view->string = mg_arena_strndup(arena, markup ? markup : "", markup ? len : 0)))
		view = NULL;
	if (view)
		view->markup = true;
	return view;
}

mg_view *mg_view_uint(mg_arena *arena, unsigned long long value)
{
	char text[32];
	snprintf(text, sizeof(text), "%llu", value);
	return mg_view_text(arena, text);
}

mg_view *mg_view_list(mg_arena *arena)
{
	return new_node(arena, MG_VIEW_LIST);
}

mg_view *mg_view_object(mg_arena *arena)
{
	return new_node(arena, MG_VIEW_OBJECT);
}

mg_view *mg_view_push(mg_view *list, mg_view *value)
{
	if (!list || !value || list->kind != MG_VIEW_LIST)
		return NULL;
	if (MG_ARENA_PUSH(list->arena, list->items, list->nitems, list->items_cap, value) < 0)
		return NULL;
	return value;
}

mg_view *mg_view_set(mg_view *object, const char *key, mg_view *value)
{
	if (!object || !value || object->kind != MG_VIEW_OBJECT)
		return NULL;
	mg_view_member *member = mg_arena_alloc(object->arena, sizeof(*member));
	if (!member || !(member->key = mg_arena_strdup(object->arena, key)))
		return NULL;
	member->value = value;
	if (object->last_member)
		object->last_member->next = member;
	else
		object->members = member;
	object->last_member = member;
	return value;
}

mg_view *mg_view_set_text(mg_view *object, const char *key, const char *text)
{
	return object ? mg_view_set(object, key, mg_view_text(object->arena, text)) : NULL;
}

mg_view *mg_view_set_bool(mg_view *object, const char *key, bool value)
{
	return object ? mg_view_set(object, key, mg_view_bool(object->arena, value)) : NULL;
}

mg_view *mg_view_set_uint(mg_view *object, const char *key, unsigned long long value)
{
	return object ? mg_view_set(object, key, mg_view_uint(object->arena, value)) : NULL;
}

mg_view *mg_view_set_list(mg_view *object, const char *key)
{
	return object ? mg_view_set(object, key, mg_view_list(object->arena)) : NULL;
}

mg_view *mg_view_set_object(mg_view *object, const char *key)
{
	return object ? mg_view_set(object, key, mg_view_object(object->arena)) : NULL;
}

mg_view *mg_view_push_object(mg_view *list)
{
	return list ? mg_view_push(list, mg_view_object(list->arena)) : NULL;
}

const mg_view *mg_view_get(const mg_view *object, const char *key)
{
	if (!object || object->kind != MG_VIEW_OBJECT)
		return NULL;
	for (const mg_view_member *m = object->members; m; m = m->next)
		if (strcmp(m->key, key) == 0)
			return m->value;
	return NULL;
}

bool mg_view_truthy(const mg_view *view)
{
	if (!view)
		return false;
	switch (view->kind) {
	case MG_VIEW_NULL: return false;
	case MG_VIEW_BOOL: return view->boolean;
	case MG_VIEW_STRING: return view->string[0] != '\0';
	case MG_VIEW_LIST: return view->nitems > 0;
	case MG_VIEW_OBJECT: return true;
	default: assert(0); return false;
	}
}
