#include <assert.h>
#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/read/input_file.h"
#include "analyzer/c/c_source_text.h"
#include "analyzer/c/read_c.h"
#include "util/limits.h"

/*
 * Reads annotated C models: libclang parses the file (function bodies
 * skipped), any C error makes the input unreadable, then every struct
 * definition outside system headers that carries "mg:" annotations is
 * described (read_c.h) and handed to c_model.c.
 */

/*
 * What the walk keeps per libclang file: its name as the graph keeps it,
 * its text, whether that holds a doc comment, and where its lines start.
 * Lines and columns are counted here as clang counts them (a line ends at
 * \n, \r\n or \r; a column is a byte offset in its line, from 1): asking
 * clang costs a lookup in its tables for each declaration, where the walk
 * goes through a file in order and finds the line in a step or two.
 */
typedef struct file_name {
	CXFile file;
	const char *name;
	const char *text;   /* NULL when clang does not give it: clang counts then */
	size_t size;
	bool doc_comments;  /* the text may hold a comment clang attaches to a declaration */
	const char *id;     /* "device:inode:" for definition keys; NULL until asked */
	unsigned *line_starts; /* offsets where lines start, as clang's, unsigned (malloc'd;
	                       NULL until needed) */
	size_t nlines;
	size_t last_line;   /* line_starts index of the last answer */
} file_name;

/*
 * A field's type as the walk needs it, spelled and described once per type:
 * a schema repeats a few types (int, char[81], time_t) over thousands of
 * fields. Keyed by clang's type (CXType.data[0], its QualType), which
 * clang makes once per distinct type.
 */
typedef struct type_entry {
	const void *key;      /* NULL: an empty slot */
	const char *spelling; /* as clang spells it */
	mg_c_type type;
} type_entry;

typedef struct walker {
	CXTranslationUnit tu;
	CXFile main_file;    /* the file parsed, which includes the others */
	mg_graph *graph;
	mg_arena *scratch;   /* the description of the struct being read; per struct */
	mg_arena *file_arena; /* what lasts the whole file: the type cache's strings */
	mg_arena *struct_arena; /* the scratch arena of each struct in turn, reset after it */
	CXCursor *cursors;   /* the fields of the structs being read, outer ones first (malloc'd) */
	bool *from_mixin;    /* by cursor: the field is a mixin's, in place of the field that
	                        embeds it (malloc'd, as long as cursors) */
	size_t ncursors, cursors_cap;
	type_entry *types;   /* open addressing; capacity 0 or a power of two */
	size_t ntypes, types_cap;
	mg_c_model *model;
	mg_error *err;
	file_name **files;   /* in the graph's arena, each entry too: they stay put */
	size_t nfiles, files_cap;
	size_t last_file;    /* files[last_file] is the one asked last */
	bool all_comments;   /* -fparse-all-comments: every comment is a doc comment */
	size_t annotated;    /* structs carrying modelgraph annotations, read here
	                        or through an earlier input */
	int failed;          /* -1 once anything failed; err says why */
} walker;

static void out_of_memory(walker *w)
{
	if (!w->failed)
		mg_error_set(w->err, "out of memory while reading C models");
	w->failed = -1;
}

static char *take_string(walker *w, CXString s)
{
	const char *c = mg_clang.clang_getCString(s);
	char *copy = mg_arena_strdup(w->scratch, c ? c : "");
	mg_clang.clang_disposeString(s);
	if (!copy)
		out_of_memory(w);
	return copy;
}

/* Whether `text` holds what starts a comment clang keeps for declarations:
 * a doc comment (slash-star-star, slash-star-bang, three slashes, two
 * slashes and a bang), or any comment with -fparse-all-comments. A comment
 * is attached only to a declaration of its own file. */
static bool may_hold_doc_comments(const char *text, size_t size, bool all_comments)
{
	for (const char *p = text, *end = text + size; (p = memchr(p, '/', (size_t)(end - p))) != NULL; p++) {
		if (end - p < 3)
			return all_comments && end - p == 2 && (p[1] == '*' || p[1] == '/');
		if ((p[1] == '*' && (all_comments || p[2] == '*' || p[2] == '!')) ||
		    (p[1] == '/' && (all_comments || p[2] == '/' || p[2] == '!')))
			return true;
	}
	return false;
}

/* The walk's entry for a file, made on first sight: the graph's copy of its
 * name (clang's, which is the path as the user named it or as the #include
 * found it) and its text. NULL when out of memory. */
static file_name *file_of(walker *w, CXFile file)
{
	if (w->last_file < w->nfiles && w->files[w->last_file]->file == file)
		return w->files[w->last_file];
	for (size_t i = w->nfiles; i-- > 0;)
		if (w->files[i]->file == file) {
			w->last_file = i;
			return w->files[i];
		}
	CXString s = mg_clang.clang_getFileName(file);
	const char *c = mg_clang.clang_getCString(s);
	file_name entry = {.file = file, .name = mg_arena_strdup(w->graph->arena, c ? c : "")};
	mg_clang.clang_disposeString(s);
	entry.text = mg_clang.clang_getFileContents(w->tu, file, &entry.size);
	entry.doc_comments = !entry.text || may_hold_doc_comments(entry.text, entry.size, w->all_comments);
	file_name *f = mg_arena_alloc(w->graph->arena, sizeof(*f));
	if (!entry.name || !f || MG_ARENA_PUSH(w->graph->arena, w->files, w->nfiles, w->files_cap, f) < 0) {
		out_of_memory(w);
		return NULL;
	}
	*f = entry;
	w->last_file = w->nfiles - 1;
	return f;
}

/* Where the file's lines start, as clang's line table has them; -1 when out of memory. */
static int index_lines(file_name *f)
{
	size_t cap = f->size / 32 + 16, n = 0;
	if (f->size > UINT_MAX)
		return 0; /* more than clang's offsets reach: clang counts */
	unsigned *starts = malloc(cap * sizeof(*starts));
	if (!starts)
		return -1;
	starts[n++] = 0;
	const char *text = f->text, *end = text + f->size;
	bool cr = memchr(text, '\r', f->size) != NULL;
	for (const char *p = text; p < end; p++) {
		if (cr) {
			if (*p != '\n' && *p != '\r')
				continue;
			if (*p == '\r' && p + 1 < end && p[1] == '\n')
				p++;
		} else if (!(p = memchr(p, '\n', (size_t)(end - p)))) {
			break;
		}
		if (n == cap) {
			unsigned *bigger = realloc(starts, 2 * cap * sizeof(*starts));
			if (!bigger) {
				free(starts);
				return -1;
			}
			starts = bigger;
			cap *= 2;
		}
		starts[n++] = (unsigned)(p + 1 - text);
	}
	f->line_starts = starts;
	f->nlines = n;
	return 0;
}

/* The 0-based line holding `offset`: near the last one asked, else searched. */
static size_t line_of(file_name *f, size_t offset)
{
	size_t k = f->last_line;
	const unsigned *starts = f->line_starts;
	for (int step = 0; step < 4 && k > 0 && starts[k] > offset; step++)
		k--;
	for (int step = 0; step < 4 && k + 1 < f->nlines && starts[k + 1] <= offset; step++)
		k++;
	if (starts[k] > offset || (k + 1 < f->nlines && starts[k + 1] <= offset)) {
		size_t lo = 0, hi = f->nlines; /* the last start <= offset is in [lo, hi) */
		while (hi - lo > 1) {
			size_t mid = lo + (hi - lo) / 2;
			if (starts[mid] <= offset)
				lo = mid;
			else
				hi = mid;
		}
		k = lo;
	}
	f->last_line = k;
	return k;
}

/* Where the cursor's text was written: for a macro, where it was invoked.
 * *out_file is the walk's entry for its file (NULL when none). */
static mg_location location_of(walker *w, CXCursor cursor, file_name **out_file, unsigned *out_offset,
			       CXSourceLocation *out_where)
{
	CXFile file = NULL;
	unsigned offset = 0;
	CXSourceLocation where = mg_clang.clang_getCursorLocation(cursor);
	mg_clang.clang_getExpansionLocation(where, &file, NULL, NULL, &offset);
	file_name *f = file ? file_of(w, file) : NULL;
	if (out_file)
		*out_file = f;
	if (out_offset)
		*out_offset = offset;
	if (out_where)
		*out_where = where;
	if (!f)
		return (mg_location){0};
	if (f->text && !f->line_starts && offset <= f->size && index_lines(f) < 0) {
		out_of_memory(w);
		return (mg_location){0};
	}
	if (!f->line_starts || offset > f->size) {
		unsigned line = 0, column = 0;
		mg_clang.clang_getExpansionLocation(where, NULL, &line, &column, NULL);
		return (mg_location){.file = f->name, .line = line, .column = column};
	}
	size_t line = line_of(f, offset);
	return (mg_location){.file = f->name, .line = (unsigned)line + 1,
			     .column = (unsigned)(offset - f->line_starts[line] + 1)};
}

static mg_c_text text_of(const file_name *f)
{
	return (mg_c_text){.text = f->text, .size = f->size, .line_starts = f->line_starts, .nlines = f->nlines};
}

/* Whether the walk has the text of `file` and its lines, and `offset` in it. */
static bool has_text(const file_name *file, unsigned offset)
{
	return file && file->text && file->line_starts && offset < file->size;
}

/* Whether the declaration at `where` (expanded at `offset` of `file`) was
 * written there rather than by a macro: its text is then what clang read.
 * A location in a macro is not the file's location at that offset. Asked
 * of the main file only: clang finds another file's locations by a search
 * through every file and macro expansion of the unit. */
static bool written_in_text(const walker *w, const file_name *file, unsigned offset, CXSourceLocation where)
{
	return has_text(file, offset) && file->file == w->main_file &&
	       mg_clang.clang_equalLocations(where, mg_clang.clang_getLocationForOffset(w->tu, file->file, offset));
}

/* The doc comment clang attaches to the declaration at `cursor`, raw. */
static char *raw_comment_from_clang(walker *w, CXCursor cursor)
{
	CXString raw = mg_clang.clang_Cursor_getRawCommentText(cursor);
	const char *text = mg_clang.clang_getCString(raw);
	char *comment = text ? mg_c_comment_text(w->scratch, text, strlen(text)) : NULL;
	mg_clang.clang_disposeString(raw);
	return comment;
}

/* The doc comment of the declaration at `cursor`, at `offset` of `file`,
 * from the text when it settles it (c_source_text.h; `from_text`: the
 * declaration was written there), else from clang. */
static char *comment_of(walker *w, CXCursor cursor, const file_name *file, unsigned offset, bool from_text)
{
	if (file && !file->doc_comments)
		return NULL;
	if (!has_text(file, offset))
		return raw_comment_from_clang(w, cursor);
	/* location_of has just found the line of `offset`: file->last_line. */
	mg_c_text text = text_of(file);
	size_t start = 0, len = 0;
	mg_c_comment_answer answer = mg_c_comment_before(&text, offset, file->last_line, w->all_comments, &start, &len);
	if (answer == MG_C_NO_COMMENT)
		return NULL;
	if (answer == MG_C_ASK_CLANG || !from_text)
		return raw_comment_from_clang(w, cursor);
	char *comment = mg_c_comment_text(w->scratch, file->text + start, len);
#ifndef NDEBUG
	char *clangs = raw_comment_from_clang(w, cursor);
	assert((!comment && !clangs) || (comment && clangs && strcmp(comment, clangs) == 0));
#endif
	return comment;
}

/* The name of the field at `cursor`, at `offset` of `file`: from the text
 * when it was written there and reads plainly, else from clang. */
static char *field_name(walker *w, CXCursor cursor, const file_name *file, unsigned offset, bool from_text)
{
	mg_c_text text = from_text ? text_of(file) : (mg_c_text){0};
	size_t n = from_text && !mg_clang.clang_Cursor_isBitField(cursor) ? mg_c_field_name_at(&text, offset) : 0;
	if (!n)
		return take_string(w, mg_clang.clang_getCursorSpelling(cursor));
	char *name = mg_arena_strndup(w->scratch, file->text + offset, n);
	if (!name)
		out_of_memory(w);
#ifndef NDEBUG
	char *clangs = take_string(w, mg_clang.clang_getCursorSpelling(cursor));
	assert(!name || !clangs || strcmp(name, clangs) == 0);
#endif
	return name;
}

/* Adds the annotation at `cursor` when it is one of ours. */
static void read_annotation(walker *w, CXCursor cursor, mg_c_annotation **items, size_t *count,
			    size_t *cap)
{
	char *value = take_string(w, mg_clang.clang_getCursorSpelling(cursor));
	mg_c_annotation a = {0};
	if (!value || !mg_annotation_split(&a.kind, &a.options, value))
		return;
	size_t kind_len = (size_t)(a.options - 1 - (value + 3));
	a.kind_name = mg_arena_strndup(w->scratch, value + 3, kind_len);
	file_name *file = NULL;
	unsigned offset = 0;
	a.location = location_of(w, cursor, &file, &offset, NULL);
	if (file && file->text && offset <= file->size) {
		a.source = file->text + offset;
		a.source_len = file->size - offset;
	}
	if (!a.kind_name || (a.location.line && !a.location.file) ||
	    MG_ARENA_PUSH(w->scratch, *items, *count, *cap, a) < 0)
		out_of_memory(w);
}

typedef struct struct_reader {
	walker *w;
	mg_c_struct *s;
	mg_c_field *field; /* the field whose children are visited */
	size_t first_field; /* the struct's fields are w->cursors[first_field..], read once
	                       the struct is known to be annotated */
} struct_reader;

static void read_struct(walker *w, CXCursor cursor);

static enum CXChildVisitResult visit_field_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct_reader *r = data;
	if (mg_clang.clang_getCursorKind(cursor) == CXCursor_AnnotateAttr)
		read_annotation(r->w, cursor, &r->field->annotations, &r->field->nannotations,
				&r->field->annotations_cap);
	return r->w->failed ? CXChildVisit_Break : CXChildVisit_Continue;
}

static type_entry *type_slot(type_entry *slots, size_t capacity, const void *key)
{
	uintptr_t k = (uintptr_t)key;
	size_t mask = capacity - 1;
	for (size_t i = (size_t)((k >> 4) ^ (k >> 12)) & mask;; i = (i + 1) & mask)
		if (!slots[i].key || slots[i].key == key)
			return &slots[i];
}

/* The spelling and description of a field's type; NULL when out of memory. */
static const type_entry *type_of(walker *w, CXType type)
{
	const void *key = type.data[0];
	if (key && w->types_cap) {
		type_entry *e = type_slot(w->types, w->types_cap, key);
		if (e->key)
			return e;
	}
	type_entry made = {.key = key};
	CXString spelling = mg_clang.clang_getTypeSpelling(type);
	const char *c = mg_clang.clang_getCString(spelling);
	made.spelling = mg_arena_strdup(w->file_arena, c ? c : "");
	mg_clang.clang_disposeString(spelling);
	if (!made.spelling || mg_c_type_infer(&made.type, type, w->file_arena) < 0)
		return NULL;
	if (!key) {
		/* No type to key it by: described each time, kept in the struct's arena. */
		type_entry *once = mg_arena_alloc(w->scratch, sizeof(*once));
		if (once)
			*once = made;
		return once;
	}
	if ((w->ntypes + 1) * 2 > w->types_cap) {
		size_t capacity = w->types_cap ? w->types_cap * 2 : 256;
		type_entry *slots = calloc(capacity, sizeof(*slots));
		if (!slots)
			return NULL;
		for (size_t i = 0; i < w->types_cap; i++)
			if (w->types[i].key)
				*type_slot(slots, capacity, w->types[i].key) = w->types[i];
		free(w->types);
		w->types = slots;
		w->types_cap = capacity;
	}
	type_entry *e = type_slot(w->types, w->types_cap, key);
	*e = made;
	w->ntypes++;
	return e;
}

static void read_field(struct_reader *r, CXCursor cursor, bool from_mixin)
{
	walker *w = r->w;
	const type_entry *type = type_of(w, mg_clang.clang_getCursorType(cursor));
	file_name *file = NULL;
	unsigned offset = 0;
	CXSourceLocation where;
	mg_c_field f = {.location = location_of(w, cursor, &file, &offset, &where)};
	bool from_text = written_in_text(w, file, offset, where);
	f.name = field_name(w, cursor, file, offset, from_text);
	f.comment = comment_of(w, cursor, file, offset, from_text);
	if (!type || w->failed) {
		out_of_memory(w);
		return;
	}
	f.c_type = type->spelling;
	f.type = type->type;
	f.from_mixin = from_mixin;
	/* The array was made for all the fields: no growing. */
	r->s->fields[r->s->nfields++] = f;
	/* Annotations are attributes: a field without any has none to visit. */
	if (!mg_clang.clang_Cursor_hasAttrs(cursor))
		return;
	r->field = &r->s->fields[r->s->nfields - 1];
	mg_clang.clang_visitChildren(cursor, visit_field_child, r);
}

/* Adds a field of the struct being read. */
static void push_field(walker *w, CXCursor cursor, bool from_mixin)
{
	if (w->ncursors == w->cursors_cap) {
		size_t cap = w->cursors_cap ? 2 * w->cursors_cap : 64;
		CXCursor *bigger = realloc(w->cursors, cap * sizeof(*bigger));
		if (bigger)
			w->cursors = bigger;
		bool *flags = bigger ? realloc(w->from_mixin, cap * sizeof(*flags)) : NULL;
		if (!flags) {
			out_of_memory(w);
			return;
		}
		w->from_mixin = flags;
		w->cursors_cap = cap;
	}
	w->from_mixin[w->ncursors] = from_mixin;
	w->cursors[w->ncursors++] = cursor;
}

/*
 * Mixins (MG_MIXIN): a struct a model embeds by value gives the model its
 * fields, as a declarative mixin gives a class its columns. The walk puts
 * the mixin's fields in the place of the embedding field, so that each is
 * read as the model's own, at its place in the mixin: a finding about one
 * points at the line to fix, and names the model it is about.
 */

/* Mixins inside mixins are followed this deep. */
#define MAX_MIXIN_DEPTH 8

static enum CXChildVisitResult find_mixin_mark(CXCursor cursor, CXCursor parent, CXClientData data)
{
	(void)parent;
	if (mg_clang.clang_getCursorKind(cursor) != CXCursor_AnnotateAttr)
		return CXChildVisit_Continue;
	CXString s = mg_clang.clang_getCursorSpelling(cursor);
	const char *text = mg_clang.clang_getCString(s);
	bool mixin = text && strncmp(text, "mg:mixin:", 9) == 0;
	mg_clang.clang_disposeString(s);
	if (!mixin)
		return CXChildVisit_Continue;
	*(bool *)data = true;
	return CXChildVisit_Break;
}

/* Whether the field embeds a mixin by value; its definition in *out. */
static bool embeds_mixin(CXCursor field, CXCursor *out)
{
	CXType type = mg_clang.clang_getCursorType(field);
	/* Most fields are numbers, arrays and pointers: told apart at once. */
	if (type.kind != CXType_Elaborated && type.kind != CXType_Record && type.kind != CXType_Typedef)
		return false;
	type = mg_clang.clang_getCanonicalType(type);
	if (type.kind != CXType_Record)
		return false;
	CXCursor decl = mg_clang.clang_getTypeDeclaration(type);
	bool mixin = false;
	if (mg_clang.clang_Cursor_hasAttrs(decl))
		mg_clang.clang_visitChildren(decl, find_mixin_mark, &mixin);
	*out = decl;
	return mixin;
}

typedef struct mixin_reader {
	walker *w;
	int depth;
} mixin_reader;

static enum CXChildVisitResult visit_mixin_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
	(void)parent;
	mixin_reader *m = data;
	CXCursor inner;
	if (mg_clang.clang_getCursorKind(cursor) != CXCursor_FieldDecl)
		return CXChildVisit_Continue;
	if (m->depth < MAX_MIXIN_DEPTH && embeds_mixin(cursor, &inner)) {
		mixin_reader deeper = {.w = m->w, .depth = m->depth + 1};
		mg_clang.clang_visitChildren(inner, visit_mixin_child, &deeper);
	} else {
		push_field(m->w, cursor, true);
	}
	return m->w->failed ? CXChildVisit_Break : CXChildVisit_Continue;
}

static enum CXChildVisitResult visit_struct_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct_reader *r = data;
	CXCursor mixin;
	switch (mg_clang.clang_getCursorKind(cursor)) {
	case CXCursor_AnnotateAttr:
		read_annotation(r->w, cursor, &r->s->annotations, &r->s->nannotations,
				&r->s->annotations_cap);
		break;
	case CXCursor_FieldDecl:
		if (embeds_mixin(cursor, &mixin)) {
			mixin_reader m = {.w = r->w, .depth = 1};
			mg_clang.clang_visitChildren(mixin, visit_mixin_child, &m);
			break;
		}
		push_field(r->w, cursor, false);
		break;
	case CXCursor_StructDecl:
		/* A struct defined inside another is a struct of the file in C. */
		if (mg_clang.clang_isCursorDefinition(cursor))
			read_struct(r->w, cursor);
		break;
	default:
		break;
	}
	return r->w->failed ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* A mixin's annotations make no struct that embeds it annotated: a struct
 * that is no model may hold timestamps too. */
static bool has_annotations(const mg_c_struct *s)
{
	if (s->nannotations)
		return true;
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].nannotations && !s->fields[i].from_mixin)
			return true;
	return false;
}

/* Whether a field may carry annotations: without attributes it has none, and
 * a struct none of whose fields has any is read no further. */
static bool any_field_attributes(const struct_reader *r)
{
	for (size_t i = r->first_field; i < r->w->ncursors; i++)
		if (!r->w->from_mixin[i] && mg_clang.clang_Cursor_hasAttrs(r->w->cursors[i]))
			return true;
	return false;
}

/* "device:inode:offset" of the definition at `offset` of `file`: the same
 * header reached through two inputs, or by two paths, is one definition. */
static char *definition_key(walker *w, file_name *file, unsigned offset)
{
	if (file && !file->id) {
		CXFileUniqueID id;
		file->id = mg_clang.clang_getFileUniqueID(file->file, &id) == 0
				   ? mg_arena_printf(w->file_arena, "%llx:%llx:", id.data[0], id.data[1])
				   : mg_arena_printf(w->file_arena, "?:%p:", (void *)file->file);
		if (!file->id) {
			out_of_memory(w);
			return NULL;
		}
	}
	char *key = file ? mg_arena_printf(w->scratch, "%s%u", file->id, offset)
			 : mg_arena_printf(w->scratch, "?:%p:%u", (void *)NULL, offset);
	if (!key)
		out_of_memory(w);
	return key;
}

static void describe_struct(walker *w, CXCursor cursor)
{
	mg_c_struct s = {0};
	struct_reader r = {.w = w, .s = &s, .first_field = w->ncursors};
	mg_clang.clang_visitChildren(cursor, visit_struct_child, &r);
	if (w->failed || (!s.nannotations && !any_field_attributes(&r)))
		return;
	size_t nfields = w->ncursors - r.first_field;
	s.fields = mg_arena_alloc(w->scratch, (nfields ? nfields : 1) * sizeof(*s.fields));
	if (!s.fields) {
		out_of_memory(w);
		return;
	}
	s.fields_cap = nfields;
	for (size_t i = 0; i < nfields && !w->failed; i++)
		read_field(&r, w->cursors[r.first_field + i], w->from_mixin[r.first_field + i]);
	if (w->failed || !has_annotations(&s))
		return;
	w->annotated++;
	const char *tag = take_string(w, mg_clang.clang_getCursorSpelling(cursor));
	if (tag && !*tag) {
		/* Anonymous: clang names it after its typedef, if it has one. */
		CXType type = mg_clang.clang_getCursorType(cursor);
		mg_c_type described;
		if (mg_c_type_infer(&described, type, w->scratch) < 0)
			out_of_memory(w);
		tag = described.target;
	}
	s.tag = tag;
	file_name *file = NULL;
	unsigned offset = 0;
	s.location = location_of(w, cursor, &file, &offset, NULL);
	s.definition = definition_key(w, file, offset);
	/* A struct's comment always from clang: a typedef may share it. */
	s.comment = comment_of(w, cursor, file, offset, false);
	if (w->failed)
		return;
	if (mg_c_model_add(w->model, &s, w->err) < 0)
		w->failed = -1;
}

/* Each struct is described in an arena of its own, emptied once the graph
 * has what it keeps: memory stays flat over thousands of structs. One arena
 * serves the structs of the file in turn; a struct defined inside another,
 * read while the other is, gets a new one. */
static void read_struct(walker *w, CXCursor cursor)
{
	mg_arena *outer = w->scratch;
	size_t cursors = w->ncursors; /* this struct's fields go after, and go when it is read */
	bool nested = outer != w->file_arena;
	w->scratch = nested ? mg_arena_new() : w->struct_arena;
	if (!w->scratch)
		out_of_memory(w);
	else
		describe_struct(w, cursor);
	if (nested)
		mg_arena_free(w->scratch);
	else
		mg_arena_reset(w->scratch);
	w->scratch = outer;
	w->ncursors = cursors;
}

static enum CXChildVisitResult visit_top(CXCursor cursor, CXCursor parent, CXClientData data)
{
	(void)parent;
	walker *w = data;
	if (mg_clang.clang_getCursorKind(cursor) == CXCursor_StructDecl && mg_clang.clang_isCursorDefinition(cursor) &&
	    !mg_clang.clang_Location_isInSystemHeader(mg_clang.clang_getCursorLocation(cursor)))
		read_struct(w, cursor);
	return w->failed ? CXChildVisit_Break : CXChildVisit_Continue;
}

/* The first error clang reports, as clang prints it; NULL when none. */
static const char *first_error(CXTranslationUnit tu, mg_arena *arena)
{
	unsigned n = mg_clang.clang_getNumDiagnostics(tu);
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = mg_clang.clang_getDiagnostic(tu, i);
		const char *text = NULL;
		if (mg_clang.clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error) {
			CXString s = mg_clang.clang_formatDiagnostic(
			    d, CXDiagnostic_DisplaySourceLocation | CXDiagnostic_DisplayColumn);
			text = mg_arena_strdup(arena, mg_clang.clang_getCString(s) ? mg_clang.clang_getCString(s) : "error");
			mg_clang.clang_disposeString(s);
			if (!text)
				text = "out of memory";
		}
		mg_clang.clang_disposeDiagnostic(d);
		if (text)
			return text;
	}
	return NULL;
}

/* Whether the text of diagnostic `d` names `needle`. */
static bool diagnostic_names(CXDiagnostic d, const char *needle)
{
	CXString s = mg_clang.clang_getDiagnosticSpelling(d);
	const char *text = mg_clang.clang_getCString(s);
	bool found = text && strstr(text, needle);
	mg_clang.clang_disposeString(s);
	return found;
}

/* Where the error about the file named `included` is, as "file:line:col: " (the
 * first error when none names it); "" when it is in no file (an -include of
 * the command line) or there is none. */
static void error_location(CXTranslationUnit tu, const char *included, char *out, size_t size)
{
	out[0] = '\0';
	unsigned n = tu ? mg_clang.clang_getNumDiagnostics(tu) : 0;
	unsigned chosen = n;
	for (unsigned i = 0; i < n && chosen == n; i++) {
		CXDiagnostic d = mg_clang.clang_getDiagnostic(tu, i);
		if (mg_clang.clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error && diagnostic_names(d, included))
			chosen = i;
		mg_clang.clang_disposeDiagnostic(d);
	}
	for (unsigned i = 0; i < n; i++) {
		CXDiagnostic d = mg_clang.clang_getDiagnostic(tu, i);
		bool error = chosen < n ? i == chosen : mg_clang.clang_getDiagnosticSeverity(d) >= CXDiagnostic_Error;
		if (error) {
			CXFile file = NULL;
			unsigned line = 0, column = 0;
			mg_clang.clang_getExpansionLocation(mg_clang.clang_getDiagnosticLocation(d), &file, &line,
							    &column, NULL);
			if (file) {
				CXString name = mg_clang.clang_getFileName(file);
				const char *c = mg_clang.clang_getCString(name);
				snprintf(out, size, "%s:%u:%u: ", c ? c : "", line, column);
				mg_clang.clang_disposeString(name);
			}
		}
		mg_clang.clang_disposeDiagnostic(d);
		if (error)
			return;
	}
}

/* The message for a file the include guard refused (include_guard.c). */
static void report_refusal(const mg_c_refusal *r, CXTranslationUnit tu, const char *path,
			   const mg_c_options *options, mg_error *err)
{
	struct stat st;
	if (r->too_large && stat(path, &st) == 0 && (unsigned long long)st.st_dev == r->device &&
	    (unsigned long long)st.st_ino == r->inode) {
		mg_error_set(err, "%s: the file is larger than a file of a C model may be (%llu MiB); " MG_LIMIT_ADVICE_FMT,
			     path, (r->size + (1u << 20) - 1) >> 20, MG_LIMIT_ADVICE_ARGS(MG_LIMIT_INCLUDE_MIB));
		return;
	}
	char where[4200];
	const char *slash = strrchr(r->path, '/');
	error_location(tu, slash ? slash + 1 : r->path, where, sizeof(where));
	char named_by[600] = "";
	if (!where[0]) {
		/* Not from an #include line: from -include or -imacros, which only a
		 * compilation database gives. */
		snprintf(where, sizeof(where), "%s: ", path);
		if (options && options->build_dir)
			snprintf(named_by, sizeof(named_by), " (named by -include or -imacros in %s/compile_commands.json)",
				 options->build_dir);
	}
	if (r->too_large)
		mg_error_set(err, "%scannot include %s%s: it is larger than an included file may be (%llu MiB); " MG_LIMIT_ADVICE_FMT,
			     where, r->path, named_by, (r->size + (1u << 20) - 1) >> 20,
			     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_INCLUDE_MIB));
	else
		mg_error_set(err, "%scannot include %s%s: it is %s, not a regular file; a C model may include only regular files",
			     where, r->path, named_by, r->what);
}

/* Whether the command line makes clang keep every comment for declarations,
 * not only doc comments. */
static bool parses_all_comments(const mg_c_args *args)
{
	for (size_t i = 0; i < args->argc; i++)
		if (strstr(args->argv[i], "parse-all-comments"))
			return true;
	return false;
}

int mg_read_c(mg_graph *graph, const char *path, const mg_c_options *options, mg_error *err)
{
	mg_c_args args = {0};
	mg_c_model model = {0};
	CXIndex index = NULL;
	CXTranslationUnit tu = NULL;
	mg_arena *scratch = NULL, *struct_arena = NULL;
	int result = -1;

	if (mg_input_check_file(path, err) < 0 || mg_clang_load(path, err) < 0)
		goto cleanup;
	if (mg_c_args_build(&args, path, options, err) < 0)
		goto cleanup;
	if (mg_graph_add_source(graph, path, MG_SOURCE_C) == (size_t)-1 ||
	    mg_c_model_init(&model, graph) < 0 || !(scratch = mg_arena_new()) ||
	    !(struct_arena = mg_arena_new()) ||
	    !(index = mg_clang.clang_createIndex(0, 0))) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	struct CXUnsavedFile header = {
		.Filename = MG_C_BUILTIN_HEADER,
		.Contents = mg_embedded_annotations_h,
		.Length = (unsigned long)mg_embedded_annotations_h_size,
	};
	/* Every file clang opens is checked as it opens it (include_guard.c). */
	mg_c_refusal refusal;
	mg_c_guard_begin(mg_limit_bytes(MG_LIMIT_INCLUDE_MIB));
	enum CXErrorCode code = mg_clang.clang_parseTranslationUnit2(
	    index, path, (const char *const *)args.argv, (int)args.argc, &header, 1,
	    CXTranslationUnit_SkipFunctionBodies, &tu);
	unsigned long opened = mg_c_guard_end(&refusal);
	if (refusal.refused) {
		report_refusal(&refusal, tu, path, options, err);
		goto cleanup;
	}
	if (code != CXError_Success || !tu) {
		mg_error_set(err, "%s: libclang could not parse the file (error %d)", path, (int)code);
		goto cleanup;
	}
	if (opened == 0) {
		/* clang opened the file itself, yet the guard saw nothing. */
		mg_error_set(err, "%s: this build of modelgraph cannot bound what C models include (the executable "
			     "does not export open(); see analyzer/CMakeLists.txt), so it reads none", path);
		goto cleanup;
	}
	const char *error = first_error(tu, scratch);
	if (error) {
		mg_error_set(err, "%s", error);
		goto cleanup;
	}
	walker w = {.tu = tu, .main_file = mg_clang.clang_getFile(tu, path), .graph = graph, .scratch = scratch,
		    .file_arena = scratch,
		    .struct_arena = struct_arena, .model = &model,
		    .err = err, .all_comments = parses_all_comments(&args)};
	mg_clang.clang_visitChildren(mg_clang.clang_getTranslationUnitCursor(tu), visit_top, &w);
	free(w.types);
	free(w.cursors);
	free(w.from_mixin);
	for (size_t i = 0; i < w.nfiles; i++)
		free(w.files[i]->line_starts);
	if (w.failed)
		goto cleanup;
	/* As a database or script without tables is refused: most often the
	 * wrong file, or models not annotated yet. A struct with annotations
	 * but neither MG_MODEL nor MG_TABLE is a mistake inside a readable
	 * model, which annotation-syntax reports where it is. */
	if (w.annotated == 0) {
		mg_error_set(err, "%s: defines no tables: no struct carries MG_TABLE or MG_MODEL; annotate "
			     "the models (docs/annotations.md)", path);
		goto cleanup;
	}
	result = 0;
cleanup:
	if (tu)
		mg_clang.clang_disposeTranslationUnit(tu);
	if (index)
		mg_clang.clang_disposeIndex(index);
	mg_arena_free(scratch);
	mg_arena_free(struct_arena);
	mg_c_model_free(&model);
	mg_c_args_free(&args);
	return result;
}
