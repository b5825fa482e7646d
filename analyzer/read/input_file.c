#define _XOPEN_SOURCE 700 /* mkdtemp, pread, st_mtim */

#include "analyzer/read/input_file.h"

#include <errno.h>
#include <fcntl.h>
#include <unistd.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/limits.h"

int mg_input_check_file(const char *path, mg_error *err)
{
	struct stat st;
	if (stat(path, &st) != 0) {
		if (errno == ENOENT)
			mg_error_set(err, "%s: no such file; check the path", path);
		else
			mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	if (S_ISDIR(st.st_mode)) {
		size_t len = strlen(path);
		mg_error_set(err, "%s: is a directory; name a database, a schema file or C headers "
			     "(%s%s*.h)", path, path, len && path[len - 1] == '/' ? "" : "/");
		return -1;
	}
	if (!S_ISREG(st.st_mode)) {
		mg_error_set(err, "%s: not a regular file", path);
		return -1;
	}
	FILE *f = fopen(path, "rb");
	if (!f) {
		mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		return -1;
	}
	fclose(f);
	return 0;
}

char *mg_input_read_all(const char *path, size_t *out_len, mg_error *err)
{
	FILE *f = NULL;
	char *data = NULL, *result = NULL;
	size_t len = 0, cap = 0;

	if (mg_input_check_file(path, err) < 0)
		goto cleanup;
	if (!(f = fopen(path, "rb"))) {
		mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
		goto cleanup;
	}
	size_t limit = mg_limit_bytes(MG_LIMIT_INPUT_MIB);
	for (;;) {
		if (len > limit) {
			mg_error_set(err, "%s: the file is larger than a text input may be; " MG_LIMIT_ADVICE_FMT,
				     path, MG_LIMIT_ADVICE_ARGS(MG_LIMIT_INPUT_MIB));
			goto cleanup;
		}
		if (cap - len < 4096) {
			cap = cap ? cap * 2 : 65536;
			char *bigger = realloc(data, cap + 1);
			if (!bigger) {
				mg_error_set(err, "%s: out of memory reading the file", path);
				goto cleanup;
			}
			data = bigger;
		}
		size_t n = fread(data + len, 1, cap - len, f);
		len += n;
		if (n == 0)
			break;
	}
	if (ferror(f)) {
		mg_error_set(err, "%s: read error: %s", path, strerror(errno));
		goto cleanup;
	}
	data[len] = '\0';
	*out_len = len;
	result = data;
	data = NULL;
cleanup:
	if (f)
		fclose(f);
	free(data);
	return result;
}

/* ---- SQLite databases ---- */

/*
 * Reading a database must never create, change or remove a file beside it,
 * and must see every committed transaction, also one a writer left only in
 * its -wal file. SQLite's own read-only modes fall short of that:
 *
 * - A read-only connection to a WAL-mode database writes the -shm file (its
 *   read marks, and the whole wal-index after a crash), creates it when it
 *   is missing, and creates a -wal file too; SQLite reads a WAL database
 *   without writing -shm only when the -shm exists and is not writable
 *   (readonly_shm), never when it is missing.
 * - `immutable=1` writes nothing, but ignores the -wal file (commits there
 *   are not seen) and takes no locks (a writer starting meanwhile can
 *   change pages under the read).
 * - A rollback journal left by a writer that crashed ("hot") must be played
 *   back before the database can be read: a read-only connection cannot.
 *
 * So a database is read in one of three ways:
 *
 * 1. With a -wal file beside it: from a private copy. The database file,
 *    then the -wal file, are copied into a new directory under $TMPDIR, as
 *    many bytes as each had when opened; the copy is kept only when the
 *    database file did not change meanwhile (else it is taken again, a few
 *    times). A checkpoint only writes pages to the database file that the
 *    -wal already holds, and SQLite's recovery on the copy keeps only whole
 *    transactions whose checksums hold, so the copy is a committed state.
 *    SQLite opens the copy normally, rebuilding its own -shm there. The
 *    copy takes as much space as the database and its -wal.
 * 2. In WAL mode with no -wal file (every commit is in the database file):
 *    the file itself, immutable; the caller asks mg_input_sqlite_changed
 *    afterwards whether the file changed during the read (a writer started
 *    and checkpointed), and reads again from a copy if so.
 * 3. Otherwise (a rollback-journal database): the file itself, read-only,
 *    with SQLite's locks, so a live writer is waited for; a hot journal is
 *    reported (SQLITE_READONLY_ROLLBACK).
 *
 * Ways 2 and 3 go through the VFS below, which makes the guarantee
 * independent of SQLite's choices: it opens every file read-only and never
 * creates one, deletes nothing, writes nothing, and has no shared memory
 * (so a database that turned to WAL mode after it was looked at fails to
 * open instead of growing a -shm: the caller then reads it from a copy).
 */

#define READONLY_VFS "modelgraph-readonly"

typedef struct ro_file {
	sqlite3_file base;
	sqlite3_file *real; /* the wrapped VFS's file, right after this struct */
} ro_file;

static sqlite3_vfs *wrapped_vfs;

static sqlite3_file *real_of(sqlite3_file *file)
{
	return ((ro_file *)file)->real;
}

static int ro_close(sqlite3_file *file)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods ? real->pMethods->xClose(real) : SQLITE_OK;
}

static int ro_read(sqlite3_file *file, void *buf, int amount, sqlite3_int64 offset)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xRead(real, buf, amount, offset);
}

static int ro_write(sqlite3_file *file, const void *buf, int amount, sqlite3_int64 offset)
{
	(void)file, (void)buf, (void)amount, (void)offset;
	return SQLITE_READONLY;
}

static int ro_truncate(sqlite3_file *file, sqlite3_int64 size)
{
	(void)file, (void)size;
	return SQLITE_READONLY;
}

static int ro_sync(sqlite3_file *file, int flags)
{
	(void)file, (void)flags;
	return SQLITE_OK; /* nothing was written */
}

static int ro_file_size(sqlite3_file *file, sqlite3_int64 *size)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xFileSize(real, size);
}

static int ro_lock(sqlite3_file *file, int lock)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xLock(real, lock);
}

static int ro_unlock(sqlite3_file *file, int lock)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xUnlock(real, lock);
}

static int ro_check_reserved_lock(sqlite3_file *file, int *out)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xCheckReservedLock(real, out);
}

static int ro_file_control(sqlite3_file *file, int op, void *arg)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xFileControl(real, op, arg);
}

static int ro_sector_size(sqlite3_file *file)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xSectorSize(real);
}

static int ro_device_characteristics(sqlite3_file *file)
{
	sqlite3_file *real = real_of(file);
	return real->pMethods->xDeviceCharacteristics(real);
}

/* Version 1: no shared memory (xShmMap), no memory-mapped reads. */
static const sqlite3_io_methods ro_methods = {
	.iVersion = 1,
	.xClose = ro_close,
	.xRead = ro_read,
	.xWrite = ro_write,
	.xTruncate = ro_truncate,
	.xSync = ro_sync,
	.xFileSize = ro_file_size,
	.xLock = ro_lock,
	.xUnlock = ro_unlock,
	.xCheckReservedLock = ro_check_reserved_lock,
	.xFileControl = ro_file_control,
	.xSectorSize = ro_sector_size,
	.xDeviceCharacteristics = ro_device_characteristics,
};

static int ro_open(sqlite3_vfs *vfs, sqlite3_filename name, sqlite3_file *file, int flags, int *out_flags)
{
	(void)vfs;
	/* A temporary file (no name: a sorter, a statement journal) is SQLite's
	 * own, made elsewhere and removed on close: it is the wrapped VFS's
	 * file, as is (this VFS's files are larger than the wrapped one's). */
	if (!name)
		return wrapped_vfs->xOpen(wrapped_vfs, name, file, flags, out_flags);
	/* Any named file (the database, a journal, a -wal): read-only, never
	 * created. */
	ro_file *f = (ro_file *)file;
	f->base.pMethods = NULL;
	f->real = (sqlite3_file *)(f + 1);
	f->real->pMethods = NULL;
	flags = (flags & ~(SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_DELETEONCLOSE)) | SQLITE_OPEN_READONLY;
	int rc = wrapped_vfs->xOpen(wrapped_vfs, name, f->real, flags, out_flags);
	if (rc == SQLITE_OK)
		f->base.pMethods = &ro_methods;
	else if (f->real->pMethods)
		f->real->pMethods->xClose(f->real);
	return rc;
}

static int ro_delete(sqlite3_vfs *vfs, const char *name, int sync_dir)
{
	(void)vfs, (void)name, (void)sync_dir;
	return SQLITE_IOERR_DELETE;
}

static int ro_access(sqlite3_vfs *vfs, const char *name, int flags, int *out)
{
	(void)vfs;
	return wrapped_vfs->xAccess(wrapped_vfs, name, flags, out);
}

static int ro_full_pathname(sqlite3_vfs *vfs, const char *name, int size, char *out)
{
	(void)vfs;
	return wrapped_vfs->xFullPathname(wrapped_vfs, name, size, out);
}

static int ro_randomness(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	return wrapped_vfs->xRandomness(wrapped_vfs, size, out);
}

static int ro_sleep(sqlite3_vfs *vfs, int microseconds)
{
	(void)vfs;
	return wrapped_vfs->xSleep(wrapped_vfs, microseconds);
}

static int ro_current_time(sqlite3_vfs *vfs, double *out)
{
	(void)vfs;
	return wrapped_vfs->xCurrentTime(wrapped_vfs, out);
}

static int ro_get_last_error(sqlite3_vfs *vfs, int size, char *out)
{
	(void)vfs;
	return wrapped_vfs->xGetLastError ? wrapped_vfs->xGetLastError(wrapped_vfs, size, out) : 0;
}

static int ro_current_time_int64(sqlite3_vfs *vfs, sqlite3_int64 *out)
{
	(void)vfs;
	return wrapped_vfs->xCurrentTimeInt64(wrapped_vfs, out);
}

/* Registers the read-only VFS (once); SQLITE_OK or SQLite's error. */
static int register_readonly_vfs(void)
{
	static sqlite3_vfs vfs;
	if (wrapped_vfs)
		return SQLITE_OK;
	sqlite3_vfs *real = sqlite3_vfs_find(NULL);
	if (!real || real->iVersion < 2)
		return SQLITE_ERROR;
	vfs = (sqlite3_vfs){
		.iVersion = 2,
		.szOsFile = (int)sizeof(ro_file) + real->szOsFile,
		.mxPathname = real->mxPathname,
		.zName = READONLY_VFS,
		.xOpen = ro_open,
		.xDelete = ro_delete,
		.xAccess = ro_access,
		.xFullPathname = ro_full_pathname,
		.xRandomness = ro_randomness,
		.xSleep = ro_sleep,
		.xCurrentTime = ro_current_time,
		.xGetLastError = ro_get_last_error,
		.xCurrentTimeInt64 = ro_current_time_int64,
	};
	wrapped_vfs = real;
	int rc = sqlite3_vfs_register(&vfs, 0);
	if (rc != SQLITE_OK)
		wrapped_vfs = NULL;
	return rc;
}

/* "file:" URI for `path` with `query`, every byte outside [A-Za-z0-9/._~-]
 * percent-encoded; malloc'd, NULL when out of memory. */
static char *file_uri(const char *path, const char *query)
{
	static const char hex[] = "0123456789ABCDEF";
	char *uri = malloc(sizeof("file://") + 3 * strlen(path) + strlen(query) + 1);
	if (!uri)
		return NULL;
	char *p = uri + sprintf(uri, "file:%s", path[0] == '/' ? "//" : "");
	for (const unsigned char *c = (const unsigned char *)path; *c; c++) {
		if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
		    strchr("/._~-", *c)) {
			*p++ = (char)*c;
		} else {
			*p++ = '%';
			*p++ = hex[*c >> 4];
			*p++ = hex[*c & 15];
		}
	}
	strcpy(p, query);
	return uri;
}

/* `path` followed by `suffix`, malloc'd; NULL when out of memory. */
static char *with_suffix(const char *path, const char *suffix)
{
	size_t n = strlen(path) + strlen(suffix) + 1;
	char *s = malloc(n);
	if (s)
		snprintf(s, n, "%s%s", path, suffix);
	return s;
}

static mg_file_stamp stamp_of(const struct stat *st)
{
	return (mg_file_stamp){
		.exists = true,
		.device = (unsigned long long)st->st_dev,
		.inode = (unsigned long long)st->st_ino,
		.size = (long long)st->st_size,
		.mtime_sec = (long long)st->st_mtim.tv_sec,
		.mtime_nsec = (long)st->st_mtim.tv_nsec,
		.ctime_sec = (long long)st->st_ctim.tv_sec,
		.ctime_nsec = (long)st->st_ctim.tv_nsec,
	};
}

static mg_file_stamp stamp_path(const char *path)
{
	struct stat st;
	return stat(path, &st) == 0 ? stamp_of(&st) : (mg_file_stamp){0};
}

static bool same_stamp(const mg_file_stamp *a, const mg_file_stamp *b)
{
	return a->exists == b->exists && a->device == b->device && a->inode == b->inode && a->size == b->size &&
	       a->mtime_sec == b->mtime_sec && a->mtime_nsec == b->mtime_nsec && a->ctime_sec == b->ctime_sec &&
	       a->ctime_nsec == b->ctime_nsec;
}

/* Whether the database header says WAL mode (file format versions 2). */
static bool header_says_wal(const char *path)
{
	unsigned char header[20] = {0};
	FILE *f = fopen(path, "rb");
	if (!f)
		return false;
	size_t n = fread(header, 1, sizeof(header), f);
	fclose(f);
	return n == sizeof(header) && (header[18] == 2 || header[19] == 2);
}

/*
 * Checks the sidecar `path` + `suffix`: *exists tells whether it is there;
 * one that is there must be a regular file (SQLite would block on a FIFO).
 * 0, or -1 with `err` set.
 */
static int check_sidecar(const char *path, const char *suffix, bool *exists, mg_error *err)
{
	char *name = with_suffix(path, suffix);
	if (!name) {
		mg_error_set(err, "%s: out of memory", path);
		return -1;
	}
	struct stat st;
	int rc = 0;
	*exists = stat(name, &st) == 0;
	if (!*exists && errno != ENOENT) {
		mg_error_set(err, "%s: cannot read %s: %s", path, name, strerror(errno));
		rc = -1;
	} else if (*exists && !S_ISREG(st.st_mode)) {
		mg_error_set(err, "%s: %s beside it is not a regular file, so the database cannot be read", path,
			     name);
		rc = -1;
	}
	free(name);
	return rc;
}

/* Copies the first `size` bytes of `from` (open) into the new file `to`.
 * 0, 1 when `from` turned out shorter, or -1 with errno set. */
static int copy_bytes(int from, const char *to, long long size)
{
	int out = open(to, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
	if (out < 0)
		return -1;
	static char buf[1 << 16];
	long long done = 0;
	int rc = 0;
	while (done < size) {
		size_t want = size - done < (long long)sizeof(buf) ? (size_t)(size - done) : sizeof(buf);
		ssize_t n = pread(from, buf, want, (off_t)done);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			rc = -1;
			break;
		}
		if (n == 0) {
			rc = 1;
			break;
		}
		for (ssize_t written = 0; written < n;) {
			ssize_t w = write(out, buf + written, (size_t)(n - written));
			if (w < 0 && errno == EINTR)
				continue;
			if (w < 0) {
				rc = -1;
				break;
			}
			written += w;
		}
		if (rc)
			break;
		done += n;
	}
	int saved = errno;
	if (close(out) != 0 && rc == 0)
		rc = -1;
	else
		errno = saved;
	return rc;
}

/* Opens `path` for reading, without blocking and without following a
 * symbolic link to a FIFO or device into a wait: -1 unless a regular file. */
static int open_regular(const char *path, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_NOCTTY | O_CLOEXEC);
	if (fd < 0)
		return -1;
	if (fstat(fd, st) != 0 || !S_ISREG(st->st_mode)) {
		close(fd);
		errno = EINVAL;
		return -1;
	}
	return fd;
}

static void remove_copy(mg_sqlite_input *in)
{
	if (!in->copy_dir)
		return;
	static const char *const names[] = {"/db", "/db-wal", "/db-shm", "/db-journal"};
	for (size_t i = 0; i < sizeof(names) / sizeof(names[0]); i++) {
		char *name = with_suffix(in->copy_dir, names[i]);
		if (name)
			unlink(name);
		free(name);
	}
	rmdir(in->copy_dir);
	free(in->copy_dir);
	in->copy_dir = NULL;
}

/* Way 1: a private copy of the database and its -wal. 0, or -1 with `err` set. */
static int make_copy(mg_sqlite_input *in, const char *path, mg_error *err)
{
	enum { ATTEMPTS = 5 };
	const char *tmp = getenv("TMPDIR");
	char *dir = with_suffix(tmp && *tmp ? tmp : "/tmp", "/modelgraph-db-XXXXXX");
	char *wal = with_suffix(path, "-wal");
	char *db_copy = NULL, *wal_copy = NULL;
	int db_fd = -1, wal_fd = -1, result = -1;
	if (!dir || !wal) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	if (!mkdtemp(dir)) {
		mg_error_set(err, "%s: cannot make a directory for a private copy of the database (%s): %s", path,
			     dir, strerror(errno));
		goto cleanup;
	}
	in->copy_dir = dir;
	dir = NULL;
	if (!(db_copy = with_suffix(in->copy_dir, "/db")) || !(wal_copy = with_suffix(in->copy_dir, "/db-wal"))) {
		mg_error_set(err, "%s: out of memory", path);
		goto cleanup;
	}
	for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
		struct stat db_st, wal_st;
		unlink(db_copy);
		unlink(wal_copy);
		if ((db_fd = open_regular(path, &db_st)) < 0) {
			mg_error_set(err, "%s: cannot open: %s", path, strerror(errno));
			goto cleanup;
		}
		mg_file_stamp before = stamp_of(&db_st);
		int rc = copy_bytes(db_fd, db_copy, (long long)db_st.st_size);
		/* The -wal after the database: a checkpoint that wrote the database
		 * meanwhile is seen below; frames appended meanwhile are cut whole
		 * transactions or ignored by recovery. */
		if (rc == 0 && (wal_fd = open_regular(wal, &wal_st)) >= 0)
			rc = copy_bytes(wal_fd, wal_copy, (long long)wal_st.st_size);
		else if (rc == 0 && errno != ENOENT)
			rc = -1;
		if (rc < 0) {
			mg_error_set(err, "%s: cannot make a private copy of the database in %s: %s", path,
				     in->copy_dir, strerror(errno));
			goto cleanup;
		}
		struct stat after_st;
		bool stable = rc == 0 && fstat(db_fd, &after_st) == 0;
		if (stable) {
			mg_file_stamp after = stamp_of(&after_st), now = stamp_path(path);
			stable = same_stamp(&before, &after) && same_stamp(&before, &now);
		}
		close(db_fd);
		db_fd = -1;
		if (wal_fd >= 0)
			close(wal_fd);
		wal_fd = -1;
		if (stable) {
			result = 0;
			goto cleanup;
		}
	}
	mg_error_set(err, "%s: the database changed during each of %d attempts to copy it (a writer is "
		     "checkpointing); read it again when the writer is idle", path, ATTEMPTS);
cleanup:
	if (db_fd >= 0)
		close(db_fd);
	if (wal_fd >= 0)
		close(wal_fd);
	free(dir);
	free(wal);
	free(db_copy);
	free(wal_copy);
	return result;
}

int mg_input_open_sqlite(mg_sqlite_input *in, const char *path, bool copy, mg_error *err)
{
	*in = (mg_sqlite_input){.path = path};
	bool has_wal = false, has_journal = false;
	if (check_sidecar(path, "-wal", &has_wal, err) < 0 || check_sidecar(path, "-journal", &has_journal, err) < 0)
		return -1;
	in->had_wal = has_wal;
	in->wal_mode = header_says_wal(path);
	char *uri = NULL;
	const char *vfs = NULL;
	int flags = SQLITE_OPEN_READONLY | SQLITE_OPEN_URI;
	if (copy || has_wal) {
		if (make_copy(in, path, err) < 0) {
			remove_copy(in);
			return -1;
		}
		char *db_copy = with_suffix(in->copy_dir, "/db");
		uri = db_copy ? file_uri(db_copy, "") : NULL;
		free(db_copy);
		/* Read-write: SQLite recovers the -wal into the copy's own -shm. */
		flags = SQLITE_OPEN_READWRITE | SQLITE_OPEN_URI;
	} else {
		if (register_readonly_vfs() != SQLITE_OK) {
			mg_error_set(err, "%s: cannot open database: SQLite has no default VFS to read it through", path);
			return -1;
		}
		vfs = READONLY_VFS;
		in->in_place = true;
		in->before = stamp_path(path);
		uri = file_uri(path, in->wal_mode ? "?immutable=1" : "?mode=ro");
	}
	if (!uri) {
		mg_error_set(err, "%s: out of memory", path);
		mg_input_close_sqlite(in);
		return -1;
	}
	int rc = sqlite3_open_v2(uri, &in->db, flags, vfs);
	free(uri);
	if (rc != SQLITE_OK) {
		mg_error_set(err, "%s: cannot open database: %s", path, in->db ? sqlite3_errmsg(in->db) : "out of memory");
		mg_input_close_sqlite(in);
		return -1;
	}
	if (in->copy_dir)
		sqlite3_db_config(in->db, SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE, 1, NULL);
	return 0;
}

bool mg_input_sqlite_changed(const mg_sqlite_input *in)
{
	if (!in->in_place)
		return false;
	bool has_wal = false;
	char *wal = with_suffix(in->path, "-wal");
	struct stat st;
	if (wal)
		has_wal = stat(wal, &st) == 0;
	free(wal);
	bool mode_changed = has_wal != in->had_wal || header_says_wal(in->path) != in->wal_mode;
	/* A read with SQLite's locks saw one state, unless the database turned
	 * to WAL mode meanwhile (the read-only VFS then failed it); a read
	 * without them, only if the file stayed as it was. */
	if (!in->wal_mode)
		return mode_changed;
	mg_file_stamp now = stamp_path(in->path);
	return mode_changed || !same_stamp(&in->before, &now);
}

void mg_input_close_sqlite(mg_sqlite_input *in)
{
	sqlite3_close(in->db);
	in->db = NULL;
	remove_copy(in);
}
