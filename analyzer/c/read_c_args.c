#define _XOPEN_SOURCE 700

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/c/read_c.h"
#include "analyzer/core/suggest.h"
#include "util/limits.h"

/*
 * The clang command line for one C source. In order:
 *   -x c                      headers are C, not C++
 *   -I of the options         searched before anything else
 *   the database's flags      preprocessor flags of compile_commands.json
 *   -D of the options         after the database's, so they win
 *   -std=                     the options', else the database's, else c11
 *   -idirafter <builtin>      modelgraph/annotations.h when nobody else has it
 *   -w                        warnings are not our business; errors are
 */

static int push(mg_c_args *args, const char *a, const char *b)
{
	if (args->argc == args->cap) {
		size_t cap = args->cap ? 2 * args->cap : 32;
		char **bigger = realloc(args->argv, cap * sizeof(*bigger));
		if (!bigger)
			return -1;
		args->argv = bigger;
		args->cap = cap;
	}
	size_t la = strlen(a), lb = b ? strlen(b) : 0;
	char *s = malloc(la + lb + 1);
	if (!s)
		return -1;
	memcpy(s, a, la);
	if (b)
		memcpy(s + la, b, lb);
	s[la + lb] = '\0';
	args->argv[args->argc++] = s;
	return 0;
}

void mg_c_args_free(mg_c_args *args)
{
	for (size_t i = 0; i < args->argc; i++)
		free(args->argv[i]);
	free(args->argv);
	*args = (mg_c_args){0};
}

/* ---- compile_commands.json ---- */

/* Flags that take a path or a value, joined ("-Ifoo") or separate ("-I foo"). */
static const struct {
	const char *flag;
	bool path; /* the value is a path, relative to the command's directory */
} kept_flags[] = {
	{"-I", true},        {"-isystem", true}, {"-iquote", true}, {"-idirafter", true},
	{"-include", true},  {"-imacros", true}, {"-D", false},     {"-U", false},
};

/* ---- the language standard ---- */

/* The names clang takes for C in -std= (clang/Basic/LangStandards.def),
 * with those of later clangs; the first ones are those a suggestion lists. */
static const char *const c_standards[] = {
	"c89", "c99", "c11", "c17", "c2x", "c23",
	"gnu89", "gnu99", "gnu11", "gnu17", "gnu2x", "gnu23",
	"c90", "c18", "c9x", "c1x", "gnu90", "gnu18", "gnu9x", "gnu1x", "c2y", "gnu2y",
	"iso9899:1990", "iso9899:199409", "iso9899:1999", "iso9899:199x", "iso9899:2011",
	"iso9899:201x", "iso9899:2017", "iso9899:2018", "iso9899:2024",
};
#define NC_STANDARDS (sizeof(c_standards) / sizeof(c_standards[0]))

static bool is_c_standard(const char *std)
{
	for (size_t i = 0; i < NC_STANDARDS; i++)
		if (strcmp(std, c_standards[i]) == 0)
			return true;
	return false;
}

int mg_c_std_check(const char *std, mg_error *err)
{
	if (is_c_standard(std))
		return 0;
	const char *near = mg_suggest_nearest(std, strlen(std), c_standards, NC_STANDARDS);
	if (near)
		mg_error_set(err, "--std %s: unknown C standard \"%s\"; did you mean \"%s\"?", std, std, near);
	else
		mg_error_set(err, "--std %s: unknown C standard \"%s\"; the C standards are c89, c99, c11, c17 "
			     "and c2x, gnu89 to gnu2x with GNU extensions, and their iso9899: names",
			     std, std);
	return -1;
}

static bool has_std(const mg_c_args *args)
{
	for (size_t i = 0; i < args->argc; i++)
		if (strncmp(args->argv[i], "-std=", 5) == 0)
			return true;
	return false;
}

/* `flag` and `value`, the value made absolute when it is a path; one word
 * for the one-letter flags ("-Ifoo"), two for the others ("-isystem", "foo"). */
static int push_flag(mg_c_args *args, const char *flag, const char *value, bool path, const char *dir)
{
	char *joined = NULL;
	if (path && value[0] != '/' && dir && *dir) {
		size_t n = strlen(dir) + 1 + strlen(value) + 1;
		if (!(joined = malloc(n)))
			return -1;
		snprintf(joined, n, "%s/%s", dir, value);
		value = joined;
	}
	int rc = strlen(flag) == 2 ? push(args, flag, value)
				   : push(args, flag, NULL) < 0 ? -1 : push(args, value, NULL);
	free(joined);
	return rc;
}

/* Appends the preprocessor flags of one compile command. */
static int take_command(mg_c_args *args, CXCompileCommand command)
{
	int rc = 0;
	CXString dir_s = mg_clang.clang_CompileCommand_getDirectory(command);
	const char *dir = mg_clang.clang_getCString(dir_s);
	unsigned n = mg_clang.clang_CompileCommand_getNumArgs(command);
	for (unsigned i = 1; i < n && rc == 0; i++) { /* argv[0] is the compiler */
		CXString arg_s = mg_clang.clang_CompileCommand_getArg(command, i);
		const char *arg = mg_clang.clang_getCString(arg_s);
		if (strncmp(arg, "-std=", 5) == 0 || strncmp(arg, "--std=", 6) == 0) {
			/* A C++ standard is the nearest file's (a .cpp beside the
			 * header): the header is parsed as C all the same. */
			if (is_c_standard(strchr(arg, '=') + 1))
				rc = push(args, "-std=", strchr(arg, '=') + 1);
		} else {
			for (size_t k = 0; k < sizeof(kept_flags) / sizeof(kept_flags[0]); k++) {
				const char *flag = kept_flags[k].flag;
				size_t len = strlen(flag);
				if (strncmp(arg, flag, len) != 0)
					continue;
				if (arg[len]) {
					/* Joined: only the one-letter flags take values that way. */
					if (len == 2)
						rc = push_flag(args, flag, arg + len, kept_flags[k].path, dir);
				} else if (i + 1 < n) {
					CXString value_s = mg_clang.clang_CompileCommand_getArg(command, ++i);
					rc = push_flag(args, flag, mg_clang.clang_getCString(value_s), kept_flags[k].path, dir);
					mg_clang.clang_disposeString(value_s);
				}
				break;
			}
		}
		mg_clang.clang_disposeString(arg_s);
	}
	mg_clang.clang_disposeString(dir_s);
	return rc;
}

/* How many leading path components `a` and `b` share. */
static size_t shared_components(const char *a, const char *b)
{
	size_t shared = 0;
	for (size_t i = 0; a[i] && a[i] == b[i]; i++)
		if (a[i] == '/')
			shared++;
	return shared;
}

/* The file a command compiles, absolute. */
static char *command_file(CXCompileCommand command)
{
	CXString file_s = mg_clang.clang_CompileCommand_getFilename(command);
	CXString dir_s = mg_clang.clang_CompileCommand_getDirectory(command);
	const char *file = mg_clang.clang_getCString(file_s), *dir = mg_clang.clang_getCString(dir_s);
	size_t n = strlen(dir) + strlen(file) + 2;
	char *path = malloc(n);
	if (path) {
		if (file[0] == '/')
			snprintf(path, n, "%s", file);
		else
			snprintf(path, n, "%s/%s", dir, file);
	}
	mg_clang.clang_disposeString(file_s);
	mg_clang.clang_disposeString(dir_s);
	return path;
}

/*
 * The flags the database gives the file itself, or, for a header (which
 * databases do not list), those of the listed file nearest to it in the
 * directory tree, the first one on ties: headers are compiled as part of the
 * files beside them.
 */
/*
 * Checks -p's directory and its compile_commands.json before libclang reads
 * them: libclang says nothing useful when they are missing (it prints
 * several lines of its own to standard error), and reads any file there to
 * its end. 0, or -1 with `err` set.
 */
static int check_database(const char *build_dir, mg_error *err)
{
	struct stat st;
	const char *problem = stat(build_dir, &st) != 0 ? (errno == ENOENT ? "no such directory" : strerror(errno))
			      : !S_ISDIR(st.st_mode) ? "not a directory"
						     : NULL;
	if (problem) {
		mg_error_set(err, "%s: %s; -p names the build directory that holds compile_commands.json",
			     build_dir, problem);
		return -1;
	}
	size_t n = strlen(build_dir) + sizeof("/compile_commands.json");
	char *file = malloc(n);
	if (!file) {
		mg_error_set(err, "%s: out of memory", build_dir);
		return -1;
	}
	snprintf(file, n, "%s/compile_commands.json", build_dir);
	int rc = -1;
	if (stat(file, &st) != 0) {
		if (errno == ENOENT)
			mg_error_set(err, "%s: no compile_commands.json there; -p names the build directory that "
				     "holds it (CMake writes it with -DCMAKE_EXPORT_COMPILE_COMMANDS=ON)",
				     build_dir);
		else
			mg_error_set(err, "%s: cannot open: %s", file, strerror(errno));
	} else if (!S_ISREG(st.st_mode)) {
		mg_error_set(err, "%s: not a regular file", file);
	} else if ((unsigned long long)st.st_size > (unsigned long long)mg_limit_bytes(MG_LIMIT_INPUT_MIB)) {
		mg_error_set(err, "%s: the file is larger than a text input may be; " MG_LIMIT_ADVICE_FMT, file,
			     MG_LIMIT_ADVICE_ARGS(MG_LIMIT_INPUT_MIB));
	} else {
		rc = 0;
	}
	free(file);
	return rc;
}

/*
 * libclang's reading of the database, its standard error silenced (libclang
 * prints its own error there, over several lines, before returning one) and
 * its file opens bounded like a parse's (include_guard.c).
 */
static CXCompilationDatabase open_database(const char *build_dir, mg_error *err)
{
	CXCompilationDatabase_Error code = CXCompilationDatabase_NoError;
	fflush(stderr);
	int saved = dup(STDERR_FILENO);
	int null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	if (saved >= 0 && null >= 0)
		dup2(null, STDERR_FILENO);
	if (null >= 0)
		close(null);
	mg_c_refusal refusal;
	mg_c_guard_begin(mg_limit_bytes(MG_LIMIT_INPUT_MIB));
	CXCompilationDatabase db = mg_clang.clang_CompilationDatabase_fromDirectory(build_dir, &code);
	mg_c_guard_end(&refusal);
	if (saved >= 0) {
		fflush(stderr);
		dup2(saved, STDERR_FILENO);
		close(saved);
	}
	if (refusal.refused) {
		mg_error_set(err, "%s: cannot read %s: it is %s%s", build_dir, refusal.path,
			     refusal.too_large ? "larger than a text input may be" : refusal.what,
			     refusal.too_large ? "" : ", not a regular file");
	} else if (code != CXCompilationDatabase_NoError || !db) {
		mg_error_set(err, "%s/compile_commands.json: libclang could not read it as a compilation "
			     "database; check that it is valid JSON", build_dir);
	} else {
		return db;
	}
	if (db)
		mg_clang.clang_CompilationDatabase_dispose(db);
	return NULL;
}

static int take_database(mg_c_args *args, const char *path, const char *build_dir, mg_error *err)
{
	CXCompilationDatabase db = NULL;
	CXCompileCommands commands = NULL;
	char absolute[PATH_MAX];
	int rc = -1;

	if (check_database(build_dir, err) < 0 || !(db = open_database(build_dir, err)))
		goto cleanup;
	if (!realpath(path, absolute)) {
		mg_error_set(err, "%s: cannot resolve the path", path);
		goto cleanup;
	}
	commands = mg_clang.clang_CompilationDatabase_getCompileCommands(db, absolute);
	if (commands && mg_clang.clang_CompileCommands_getSize(commands) > 0) {
		rc = take_command(args, mg_clang.clang_CompileCommands_getCommand(commands, 0));
	} else {
		if (commands)
			mg_clang.clang_CompileCommands_dispose(commands);
		commands = mg_clang.clang_CompilationDatabase_getAllCompileCommands(db);
		unsigned n = commands ? mg_clang.clang_CompileCommands_getSize(commands) : 0;
		unsigned best = 0;
		size_t best_shared = 0;
		for (unsigned i = 0; i < n; i++) {
			char *file = command_file(mg_clang.clang_CompileCommands_getCommand(commands, i));
			if (!file)
				goto oom;
			size_t shared = shared_components(file, absolute);
			free(file);
			if (shared > best_shared) {
				best = i;
				best_shared = shared;
			}
		}
		rc = n ? take_command(args, mg_clang.clang_CompileCommands_getCommand(commands, best)) : 0;
	}
	if (rc < 0)
		goto oom;
	goto cleanup;
oom:
	rc = -1;
	mg_error_set(err, "%s: out of memory", path);
cleanup:
	if (commands)
		mg_clang.clang_CompileCommands_dispose(commands);
	if (db)
		mg_clang.clang_CompilationDatabase_dispose(db);
	return rc;
}

int mg_c_args_build(mg_c_args *out, const char *path, const mg_c_options *options, mg_error *err)
{
	static const mg_c_options none = {0};
	mg_c_args args = {0};
	if (!options)
		options = &none;

	if (options->std && mg_c_std_check(options->std, err) < 0)
		return -1;
	if (push(&args, "-x", NULL) < 0 || push(&args, "c", NULL) < 0)
		goto oom;
	for (size_t i = 0; i < options->ninclude_dirs; i++)
		if (push(&args, "-I", options->include_dirs[i]) < 0)
			goto oom;
	if (options->build_dir && take_database(&args, path, options->build_dir, err) < 0)
		goto fail;
	for (size_t i = 0; i < options->ndefines; i++)
		if (push(&args, "-D", options->defines[i]) < 0)
			goto oom;
	if (options->std ? push(&args, "-std=", options->std) < 0
			 : !has_std(&args) && push(&args, "-std=c11", NULL) < 0)
		goto oom;
	if (push(&args, "-idirafter", NULL) < 0 || push(&args, MG_C_BUILTIN_INCLUDE_DIR, NULL) < 0 ||
	    push(&args, "-w", NULL) < 0)
		goto oom;
	*out = args;
	return 0;
oom:
	mg_error_set(err, "%s: out of memory", path);
fail:
	mg_c_args_free(&args);
	return -1;
}
