#include <stdio.h>
#include <string.h>

#include "analyzer/c/read_c.h"
#include "util/text.h"

/*
 * SQL types inferred from C types, as a model's plain fields are mapped:
 *
 *   bool, _Bool                        BOOLEAN
 *   char                               CHAR(1)
 *   signed/unsigned char, int8_t, uint8_t, 2-byte integers   SMALLINT
 *   4-byte integers (int, int32_t)     INTEGER
 *   8-byte integers (int64_t, long on LP64, size_t)         BIGINT
 *   float                              REAL
 *   double, long double                DOUBLE PRECISION
 *   time_t, struct tm, struct timespec, struct timeval      TIMESTAMP
 *   char[N]                            VARCHAR(N-1): the terminator takes a byte
 *   char *, char[]                     TEXT
 *   unsigned char/uint8_t [N], [] or * BLOB
 *   enum E                             E: the enum's tag or typedef name
 *
 * Integers map by width, not signedness: SQL has no unsigned types, and a
 * wider type for every unsigned field would surprise more than it helps.
 * Typedef names are looked through (int64_t is long), except time_t, whose
 * canonical type (long) says nothing of what it holds.
 */

/* A CXString copied into the arena and disposed; NULL when out of memory. */
static char *take_string(mg_arena *arena, CXString s)
{
	char *copy = mg_arena_strdup(arena, mg_clang.clang_getCString(s) ? mg_clang.clang_getCString(s) : "");
	mg_clang.clang_disposeString(s);
	return copy;
}

static bool is_identifier(const char *s)
{
	if (!*s || (*s >= '0' && *s <= '9'))
		return false;
	for (; *s; s++)
		if (!mg_ascii_isalnum(*s) && *s != '_')
			return false;
	return true;
}

/*
 * The name of a struct or enum type: its tag, else the typedef name clang
 * gives an anonymous one ("typedef struct { ... } Point"), else "".
 */
static char *type_name(mg_arena *arena, CXType canonical)
{
	char *name = take_string(arena, mg_clang.clang_getCursorSpelling(mg_clang.clang_getTypeDeclaration(canonical)));
	if (!name || (*name && is_identifier(name)))
		return name;
	name = take_string(arena, mg_clang.clang_getTypeSpelling(canonical));
	if (!name)
		return NULL;
	if (strncmp(name, "struct ", 7) == 0)
		name += 7;
	else if (strncmp(name, "enum ", 5) == 0)
		name += 5;
	return is_identifier(name) ? name : name + strlen(name);
}

/* True when `type`, or a typedef it goes through, is named `name`. */
static bool is_typedef_named(CXType type, const char *name)
{
	for (int depth = 0; depth < 32; depth++) {
		if (type.kind == CXType_Elaborated) {
			type = mg_clang.clang_Type_getNamedType(type);
			continue;
		}
		if (type.kind != CXType_Typedef)
			return false;
		CXString s = mg_clang.clang_getTypedefName(type);
		bool same = strcmp(mg_clang.clang_getCString(s), name) == 0;
		mg_clang.clang_disposeString(s);
		if (same)
			return true;
		type = mg_clang.clang_getTypedefDeclUnderlyingType(mg_clang.clang_getTypeDeclaration(type));
	}
	return false;
}

static bool is_plain_char(CXType t)
{
	return t.kind == CXType_Char_S || t.kind == CXType_Char_U;
}

static bool is_byte(CXType t)
{
	return t.kind == CXType_UChar || t.kind == CXType_SChar;
}

static const char *integer_type(CXType canonical)
{
	long long size = mg_clang.clang_Type_getSizeOf(canonical);
	return size <= 2 ? "SMALLINT" : size <= 4 ? "INTEGER" : "BIGINT";
}

static void scalar(mg_c_type *out, const char *sql_type, mg_type_family family)
{
	out->kind = MG_C_SCALAR;
	out->sql_type = sql_type;
	out->family = family;
}

/* A struct reached through `pointer`s, in a `collection` or not. */
static int record(mg_c_type *out, CXType canonical, bool pointer, bool collection, mg_arena *arena)
{
	if (mg_clang.clang_getTypeDeclaration(canonical).kind != CXCursor_StructDecl)
		return 0; /* a union: no model */
	out->kind = MG_C_RECORD;
	out->pointer = pointer;
	out->collection = collection;
	char *name = type_name(arena, canonical);
	if (!name)
		return -1;
	out->target = *name ? name : NULL;
	return 0;
}

static bool is_time_record(mg_arena *arena, CXType canonical, int *failed)
{
	char *name = type_name(arena, canonical);
	if (!name) {
		*failed = 1;
		return false;
	}
	return strcmp(name, "tm") == 0 || strcmp(name, "timespec") == 0 || strcmp(name, "timeval") == 0;
}

/* Element types of arrays and flexible array members. */
static int array_of(mg_c_type *out, CXType element, long long size, mg_arena *arena)
{
	CXType e = mg_clang.clang_getCanonicalType(element);
	if (is_plain_char(e)) {
		if (size <= 0) {
			scalar(out, "TEXT", MG_TYPE_TEXT);
			return 0;
		}
		char *sql = mg_arena_printf(arena, "VARCHAR(%lld)", size - 1);
		if (!sql)
			return -1;
		scalar(out, sql, MG_TYPE_TEXT);
		return 0;
	}
	if (is_byte(e)) {
		scalar(out, "BLOB", MG_TYPE_BLOB);
		return 0;
	}
	if (e.kind == CXType_Record)
		return record(out, e, false, true, arena);
	if (e.kind == CXType_Pointer) {
		CXType pointee = mg_clang.clang_getCanonicalType(mg_clang.clang_getPointeeType(e));
		if (pointee.kind == CXType_Record)
			return record(out, pointee, true, true, arena);
	}
	out->kind = MG_C_OTHER;
	return 0;
}

int mg_c_type_infer(mg_c_type *out, CXType type, mg_arena *arena)
{
	*out = (mg_c_type){.kind = MG_C_OTHER};
	if (is_typedef_named(type, "time_t")) {
		scalar(out, "TIMESTAMP", MG_TYPE_DATETIME);
		return 0;
	}
	CXType t = mg_clang.clang_getCanonicalType(type);
	int failed = 0;
	switch (t.kind) {
	case CXType_Bool:
		scalar(out, "BOOLEAN", MG_TYPE_BOOLEAN);
		break;
	case CXType_Char_S:
	case CXType_Char_U:
		scalar(out, "CHAR(1)", MG_TYPE_TEXT);
		break;
	case CXType_SChar:
	case CXType_UChar:
	case CXType_Short:
	case CXType_UShort:
	case CXType_Int:
	case CXType_UInt:
	case CXType_Long:
	case CXType_ULong:
	case CXType_LongLong:
	case CXType_ULongLong:
	case CXType_Int128:
	case CXType_UInt128:
		scalar(out, integer_type(t), MG_TYPE_INTEGER);
		break;
	case CXType_Float:
		scalar(out, "REAL", MG_TYPE_REAL);
		break;
	case CXType_Double:
	case CXType_LongDouble:
		scalar(out, "DOUBLE PRECISION", MG_TYPE_REAL);
		break;
	case CXType_Enum: {
		char *name = type_name(arena, t);
		if (!name)
			return -1;
		if (*name)
			scalar(out, name, MG_TYPE_TEXT);
		else
			scalar(out, "INTEGER", MG_TYPE_INTEGER); /* an anonymous enum: its values */
		break;
	}
	case CXType_Pointer: {
		CXType pointee = mg_clang.clang_getCanonicalType(mg_clang.clang_getPointeeType(t));
		if (is_plain_char(pointee)) {
			scalar(out, "TEXT", MG_TYPE_TEXT);
		} else if (is_byte(pointee)) {
			scalar(out, "BLOB", MG_TYPE_BLOB);
		} else if (pointee.kind == CXType_Record) {
			return record(out, pointee, true, false, arena);
		} else if (pointee.kind == CXType_Pointer) {
			CXType inner = mg_clang.clang_getCanonicalType(mg_clang.clang_getPointeeType(pointee));
			if (inner.kind == CXType_Record)
				return record(out, inner, true, true, arena);
		}
		break;
	}
	case CXType_ConstantArray:
		return array_of(out, mg_clang.clang_getArrayElementType(t), mg_clang.clang_getArraySize(t), arena);
	case CXType_IncompleteArray:
		return array_of(out, mg_clang.clang_getArrayElementType(t), 0, arena);
	case CXType_Record:
		if (is_time_record(arena, t, &failed))
			scalar(out, "TIMESTAMP", MG_TYPE_DATETIME);
		else if (!failed)
			return record(out, t, false, false, arena);
		break;
	default:
		break;
	}
	return failed ? -1 : 0;
}
