#include <stdio.h>
#include <string.h>
#include <sys/stat.h>

#include "analyzer/read/input_file.h"
#include "analyzer/c/read_c.h"
#include "util/limits.h"

/*
 * Reads annotated C models: libclang parses the file (function bodies
 * skipped), any C error makes the input unreadable, then every struct
 * definition outside system headers that carries "mg:" annotations is
 * described (read_c.h) and handed to c_model.c.
 */

/* A file name as the graph keeps it, per libclang file. */
typedef struct file_name {
	CXFile file;
	const char *name;
} file_name;

typedef struct walker {
	CXTranslationUnit tu;
	mg_graph *graph;
	mg_arena *scratch;   /* the description of the struct being read; per struct */
	mg_c_model *model;
	mg_error *err;
	file_name *files;    /* in the graph's arena */
	size_t nfiles, files_cap;
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

/* The graph's copy of a file's name: clang's, which is the path as the
 * user named it or as the #include found it. */
static const char *file_name_of(walker *w, CXFile file)
{
	for (size_t i = w->nfiles; i-- > 0;)
		if (w->files[i].file == file)
			return w->files[i].name;
	CXString s = mg_clang.clang_getFileName(file);
	const char *c = mg_clang.clang_getCString(s);
	file_name entry = {.file = file, .name = mg_arena_strdup(w->graph->arena, c ? c : "")};
	mg_clang.clang_disposeString(s);
	if (!entry.name || MG_ARENA_PUSH(w->graph->arena, w->files, w->nfiles, w->files_cap, entry) < 0) {
		out_of_memory(w);
		return NULL;
	}
	return entry.name;
}

/* Where the cursor's text was written: for a macro, where it was invoked. */
static mg_location location_of(walker *w, CXCursor cursor, CXFile *out_file, unsigned *out_offset)
{
	CXFile file = NULL;
	unsigned line = 0, column = 0, offset = 0;
	mg_clang.clang_getExpansionLocation(mg_clang.clang_getCursorLocation(cursor), &file, &line, &column, &offset);
	if (out_file)
		*out_file = file;
	if (out_offset)
		*out_offset = offset;
	if (!file)
		return (mg_location){0};
	return (mg_location){.file = file_name_of(w, file), .line = line, .column = column};
}

static char *comment_of(walker *w, CXCursor cursor)
{
	CXString raw = mg_clang.clang_Cursor_getRawCommentText(cursor);
	const char *text = mg_clang.clang_getCString(raw);
	char *comment = text ? mg_c_comment_text(w->scratch, text) : NULL;
	mg_clang.clang_disposeString(raw);
	return comment;
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
	CXFile file = NULL;
	unsigned offset = 0;
	a.location = location_of(w, cursor, &file, &offset);
	if (file) {
		size_t size = 0;
		const char *text = mg_clang.clang_getFileContents(w->tu, file, &size);
		if (text && offset <= size) {
			a.source = text + offset;
			a.source_len = size - offset;
		}
	}
	if (!a.kind_name || (a.location.line && !a.location.file) ||
	    MG_ARENA_PUSH(w->scratch, *items, *count, *cap, a) < 0)
		out_of_memory(w);
}

typedef struct struct_reader {
	walker *w;
	mg_c_struct *s;
	mg_c_field *field; /* the field whose children are visited */
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

static void read_field(struct_reader *r, CXCursor cursor)
{
	walker *w = r->w;
	CXType type = mg_clang.clang_getCursorType(cursor);
	mg_c_field f = {
		.name = take_string(w, mg_clang.clang_getCursorSpelling(cursor)),
		.c_type = take_string(w, mg_clang.clang_getTypeSpelling(type)),
		.comment = comment_of(w, cursor),
		.location = location_of(w, cursor, NULL, NULL),
	};
	if (w->failed || mg_c_type_infer(&f.type, type, w->scratch) < 0 ||
	    MG_ARENA_PUSH(w->scratch, r->s->fields, r->s->nfields, r->s->fields_cap, f) < 0) {
		out_of_memory(w);
		return;
	}
	r->field = &r->s->fields[r->s->nfields - 1];
	mg_clang.clang_visitChildren(cursor, visit_field_child, r);
}

static enum CXChildVisitResult visit_struct_child(CXCursor cursor, CXCursor parent, CXClientData data)
{
	(void)parent;
	struct_reader *r = data;
	switch (mg_clang.clang_getCursorKind(cursor)) {
	case CXCursor_AnnotateAttr:
		read_annotation(r->w, cursor, &r->s->annotations, &r->s->nannotations,
				&r->s->annotations_cap);
		break;
	case CXCursor_FieldDecl:
		read_field(r, cursor);
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

static bool has_annotations(const mg_c_struct *s)
{
	if (s->nannotations)
		return true;
	for (size_t i = 0; i < s->nfields; i++)
		if (s->fields[i].nannotations)
			return true;
	return false;
}

/* "device:inode:offset" of the definition: the same header reached through
 * two inputs, or by two paths, is one definition. */
static char *definition_key(walker *w, CXCursor cursor)
{
	CXFile file = NULL;
	unsigned offset = 0;
	CXFileUniqueID id;
	mg_clang.clang_getExpansionLocation(mg_clang.clang_getCursorLocation(cursor), &file, NULL, NULL, &offset);
	char *key;
	if (file && mg_clang.clang_getFileUniqueID(file, &id) == 0)
		key = mg_arena_printf(w->scratch, "%llx:%llx:%u", id.data[0], id.data[1], offset);
	else
		key = mg_arena_printf(w->scratch, "?:%p:%u", (void *)file, offset);
	if (!key)
		out_of_memory(w);
	return key;
}

static void describe_struct(walker *w, CXCursor cursor)
{
	mg_c_struct s = {0};
	struct_reader r = {.w = w, .s = &s};
	mg_clang.clang_visitChildren(cursor, visit_struct_child, &r);
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
	s.definition = definition_key(w, cursor);
	s.comment = comment_of(w, cursor);
	s.location = location_of(w, cursor, NULL, NULL);
	if (w->failed)
		return;
	if (mg_c_model_add(w->model, &s, w->err) < 0)
		w->failed = -1;
}

/* Each struct is described in an arena of its own, freed once the graph has
 * what it keeps: memory stays flat over thousands of structs. */
static void read_struct(walker *w, CXCursor cursor)
{
	mg_arena *outer = w->scratch;
	w->scratch = mg_arena_new();
	if (!w->scratch)
		out_of_memory(w);
	else
		describe_struct(w, cursor);
	mg_arena_free(w->scratch);
	w->scratch = outer;
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

int mg_read_c(mg_graph *graph, const char *path, const mg_c_options *options, mg_error *err)
{
	mg_c_args args = {0};
	mg_c_model model = {0};
	CXIndex index = NULL;
	CXTranslationUnit tu = NULL;
	mg_arena *scratch = NULL;
	int result = -1;

	if (mg_input_check_file(path, err) < 0 || mg_clang_load(path, err) < 0)
		goto cleanup;
	if (mg_c_args_build(&args, path, options, err) < 0)
		goto cleanup;
	if (mg_graph_add_source(graph, path, MG_SOURCE_C) == (size_t)-1 ||
	    mg_c_model_init(&model, graph) < 0 || !(scratch = mg_arena_new()) ||
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
	walker w = {.tu = tu, .graph = graph, .scratch = scratch, .model = &model, .err = err};
	mg_clang.clang_visitChildren(mg_clang.clang_getTranslationUnitCursor(tu), visit_top, &w);
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
	mg_c_model_free(&model);
	mg_c_args_free(&args);
	return result;
}
