#ifndef MG_LIBCLANG_H
#define MG_LIBCLANG_H

#include <clang-c/CXCompilationDatabase.h>
#include <clang-c/Index.h>

#include "analyzer/core/error.h"

/*
 * libclang, loaded when the first C source is read rather than linked:
 * loading LLVM costs tens of milliseconds, which every run on a database
 * would otherwise pay. The C reader calls libclang through mg_clang, one
 * member per function it uses, named and typed as libclang declares it.
 */

#define MG_CLANG_FUNCTIONS(X) \
	X(clang_CompilationDatabase_dispose) \
	X(clang_CompilationDatabase_fromDirectory) \
	X(clang_CompilationDatabase_getAllCompileCommands) \
	X(clang_CompilationDatabase_getCompileCommands) \
	X(clang_CompileCommand_getArg) \
	X(clang_CompileCommand_getDirectory) \
	X(clang_CompileCommand_getFilename) \
	X(clang_CompileCommand_getNumArgs) \
	X(clang_CompileCommands_dispose) \
	X(clang_CompileCommands_getCommand) \
	X(clang_CompileCommands_getSize) \
	X(clang_Cursor_getRawCommentText) \
	X(clang_Cursor_hasAttrs) \
	X(clang_Cursor_isBitField) \
	X(clang_Location_isInSystemHeader) \
	X(clang_Type_getNamedType) \
	X(clang_Type_getSizeOf) \
	X(clang_createIndex) \
	X(clang_disposeDiagnostic) \
	X(clang_disposeIndex) \
	X(clang_disposeString) \
	X(clang_disposeTranslationUnit) \
	X(clang_equalLocations) \
	X(clang_formatDiagnostic) \
	X(clang_getArrayElementType) \
	X(clang_getArraySize) \
	X(clang_getCString) \
	X(clang_getCanonicalType) \
	X(clang_getCursorKind) \
	X(clang_getCursorLocation) \
	X(clang_getCursorSpelling) \
	X(clang_getCursorType) \
	X(clang_getDiagnostic) \
	X(clang_getDiagnosticLocation) \
	X(clang_getDiagnosticSeverity) \
	X(clang_getDiagnosticSpelling) \
	X(clang_getExpansionLocation) \
	X(clang_getFile) \
	X(clang_getFileContents) \
	X(clang_getFileName) \
	X(clang_getFileUniqueID) \
	X(clang_getLocationForOffset) \
	X(clang_getNumDiagnostics) \
	X(clang_getPointeeType) \
	X(clang_getTranslationUnitCursor) \
	X(clang_getTypeDeclaration) \
	X(clang_getTypeSpelling) \
	X(clang_getTypedefDeclUnderlyingType) \
	X(clang_getTypedefName) \
	X(clang_isCursorDefinition) \
	X(clang_parseTranslationUnit2) \
	X(clang_visitChildren)

typedef struct mg_clang_api {
#define MG_CLANG_MEMBER(name) __typeof__(name) *name;
	MG_CLANG_FUNCTIONS(MG_CLANG_MEMBER)
#undef MG_CLANG_MEMBER
} mg_clang_api;

/* The functions; valid once mg_clang_load has returned 0. */
extern mg_clang_api mg_clang;

/*
 * Loads libclang (once; later calls return at once): the library named by
 * the environment variable MODELGRAPH_LIBCLANG when it is set, else the one
 * the build found, else the usual names. Returns 0, or -1 with `err` saying
 * which library could not be loaded, for the input `path`.
 */
int mg_clang_load(const char *path, mg_error *err);

#endif
