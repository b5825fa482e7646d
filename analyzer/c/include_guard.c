/*
 * Bounds what libclang reads while it parses a C model.
 *
 * A header may include any path: `#include "/dev/zero"`, a FIFO, a 40 GB
 * file, or the same through `-include` in compile_commands.json. clang
 * reads a file that is not a regular file until its end, into memory (it
 * cannot trust the size such a file reports), so /dev/zero took 12 GB in
 * 30 seconds, and a FIFO blocks the parse forever.
 *
 * libclang has no hook on the files it opens, and what it will open is
 * only known once its preprocessor has run: a scan of our own for
 * #include lines would have to agree with clang on macros (`#include
 * NAME`), conditions, include paths, #include_next and __has_include, and
 * any disagreement would let a file through. Parsing in a child process
 * under RLIMIT_AS bounds memory but not the time a FIFO blocks, cannot say
 * which file was at fault, and parses everything twice.
 *
 * So the process defines open(), open64(), openat() and openat64() itself
 * (the executable exports them: see analyzer/CMakeLists.txt), which every
 * shared library, libclang and LLVM included, binds to before the C
 * library's. Outside a guarded call they only pass the call on. Inside
 * one (mg_c_guard_begin ... mg_c_guard_end, around libclang's parse and its
 * reading of compile_commands.json), every file opened for reading must be
 * a regular file (or a directory) no larger than the limit: the path is
 * checked before the open, so that a FIFO or a device is never opened at
 * all, and the open file again (opened without blocking), so that nothing
 * swapped in between gets through. A refused open fails as if the file
 * could not be read, clang stops there with an error (or, at worst, tries
 * the next include directory), and the reader reports the refusal, which
 * the guard keeps, instead of clang's "file not found".
 *
 * The guard also counts the files it let through: a parse that opened
 * none (the main file is always opened) means the interposition is not in
 * effect in this build, and the reader refuses to go on unbounded.
 */

#define _GNU_SOURCE /* RTLD_NEXT, open64, openat64 */
#undef _FORTIFY_SOURCE /* its inline open() wrappers would clash with ours */

#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <stdarg.h>
#include <stdatomic.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "analyzer/c/read_c.h"

typedef int (*openat_fn)(int dirfd, const char *path, int flags, ...);

/* Set by the thread that calls libclang, read by the thread libclang parses
 * on: the parse starts after begin and ends before end (libclang joins its
 * thread), so only `active` needs to be atomic. */
static atomic_bool active;
static size_t max_bytes;
static unsigned long checked;
static mg_c_refusal refusal;

static openat_fn real_openat(void)
{
	static _Atomic(openat_fn) real;
	openat_fn f = atomic_load(&real);
	if (!f) {
		/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
		*(void **)&f = dlsym(RTLD_NEXT, "openat");
		atomic_store(&real, f);
	}
	return f;
}

static void refuse(const char *path, const struct stat *st, bool too_large)
{
	if (refusal.refused)
		return;
	refusal.refused = true;
	size_t n = strlen(path);
	if (n >= sizeof(refusal.path))
		n = sizeof(refusal.path) - 1;
	memcpy(refusal.path, path, n);
	refusal.path[n] = '\0';
	refusal.too_large = too_large;
	refusal.size = (unsigned long long)st->st_size;
	refusal.device = (unsigned long long)st->st_dev;
	refusal.inode = (unsigned long long)st->st_ino;
	refusal.what = S_ISFIFO(st->st_mode)   ? "a FIFO"
		       : S_ISCHR(st->st_mode)  ? "a character device"
		       : S_ISBLK(st->st_mode)  ? "a block device"
		       : S_ISSOCK(st->st_mode) ? "a socket"
		       : S_ISREG(st->st_mode)  ? "a regular file"
					       : "not a regular file";
}

static bool acceptable(const struct stat *st)
{
	return S_ISDIR(st->st_mode) || (S_ISREG(st->st_mode) && (unsigned long long)st->st_size <= max_bytes);
}

static int guarded_openat(int dirfd, const char *path, int flags, mode_t mode)
{
	openat_fn real = real_openat();
	if (!real) {
		errno = ENOSYS;
		return -1;
	}
	/* Only reads are checked: a parse writes nothing, and a write of ours
	 * (none happens during a guarded call) is not what the guard is for. */
	if (!atomic_load(&active) || (flags & O_ACCMODE) != O_RDONLY || (flags & O_CREAT) || !path)
		return real(dirfd, path, flags, mode);
	struct stat st;
	if (fstatat(dirfd, path, &st, 0) == 0 && !acceptable(&st)) {
		refuse(path, &st, S_ISREG(st.st_mode));
		errno = EACCES;
		return -1;
	}
	int fd = real(dirfd, path, flags | O_NONBLOCK | O_NOCTTY, mode);
	if (fd < 0)
		return fd;
	if (fstat(fd, &st) != 0) {
		int saved = errno;
		close(fd);
		errno = saved;
		return -1;
	}
	if (!acceptable(&st)) {
		refuse(path, &st, S_ISREG(st.st_mode));
		close(fd);
		errno = EACCES;
		return -1;
	}
	if (!(flags & O_NONBLOCK)) {
		int now = fcntl(fd, F_GETFL);
		if (now >= 0)
			(void)fcntl(fd, F_SETFL, now & ~O_NONBLOCK);
	}
	checked++;
	return fd;
}

#ifdef O_TMPFILE
#define MG_O_TMPFILE O_TMPFILE
#else
#define MG_O_TMPFILE 0
#endif

/* The mode argument is there only when the flags create a file (as glibc's
 * __OPEN_NEEDS_MODE says). */
#define NEEDS_MODE(flags) \
	(((flags) & O_CREAT) || (MG_O_TMPFILE && ((flags) & MG_O_TMPFILE) == MG_O_TMPFILE))
#define MODE_ARGUMENT(flags, mode)                                  \
	do {                                                        \
		if (NEEDS_MODE(flags)) {                            \
			va_list ap;                                 \
			va_start(ap, flags);                        \
			(mode) = (mode_t)va_arg(ap, unsigned int);  \
			va_end(ap);                                 \
		}                                                   \
	} while (0)

int open(const char *path, int flags, ...)
{
	mode_t mode = 0;
	MODE_ARGUMENT(flags, mode);
	return guarded_openat(AT_FDCWD, path, flags, mode);
}

int open64(const char *path, int flags, ...)
{
	mode_t mode = 0;
	MODE_ARGUMENT(flags, mode);
	return guarded_openat(AT_FDCWD, path, flags | O_LARGEFILE, mode);
}

int openat(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	MODE_ARGUMENT(flags, mode);
	return guarded_openat(dirfd, path, flags, mode);
}

int openat64(int dirfd, const char *path, int flags, ...)
{
	mode_t mode = 0;
	MODE_ARGUMENT(flags, mode);
	return guarded_openat(dirfd, path, flags | O_LARGEFILE, mode);
}

void mg_c_guard_begin(size_t limit_bytes)
{
	max_bytes = limit_bytes;
	checked = 0;
	refusal = (mg_c_refusal){0};
	atomic_store(&active, true);
}

unsigned long mg_c_guard_end(mg_c_refusal *out)
{
	atomic_store(&active, false);
	if (out)
		*out = refusal;
	return checked;
}
