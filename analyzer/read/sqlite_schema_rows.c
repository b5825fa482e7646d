#define _XOPEN_SOURCE 700 /* stat */

#include "analyzer/read/sqlite_schema_rows.h"

#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "util/buf.h"

/*
 * sqlite_schema is the table b-tree rooted at page 1. Its pages are read
 * one at a time through SQLite's own file handle: opening the file again
 * and closing it would drop the POSIX locks SQLite holds on it.
 *
 * Every offset and count read from the file is checked before use; a file
 * that breaks any rule of the format is declined (SQLite then says what is
 * wrong with it), never read past a page or followed in a loop.
 */

enum {
	HEADER_SIZE = 100,
	MAX_DEPTH = 20,        /* far beyond any real tree of schema rows */
	LEAF_TABLE_PAGE = 0x0d,
	INTERIOR_TABLE_PAGE = 0x05,
	SCHEMA_COLUMNS = 5,    /* type, name, tbl_name, rootpage, sql */
};

typedef enum { DECLINE = 0, READ = 1, NO_MEMORY = -1 } outcome;

typedef struct reader {
	sqlite3_file *file;
	uint32_t page_size, usable, npages;
	uint32_t visited;      /* pages read so far: never more than the file has */
	unsigned char *pages;  /* one buffer per depth, page_size bytes each */
	mg_buf payload;        /* the record being read, overflow pages joined */
	mg_buf text;           /* the strings of every row */
	mg_buf rows;           /* mg_schema_row, with offsets into `text` for now */
} reader;

static uint32_t get_u16(const unsigned char *p)
{
	return (uint32_t)p[0] << 8 | p[1];
}

static uint32_t get_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* A varint of at most 9 bytes from [p, end); the bytes it took, 0 when it
 * runs past `end`. */
static size_t get_varint(const unsigned char *p, const unsigned char *end, uint64_t *out)
{
	uint64_t value = 0;
	for (size_t i = 0; i < 9; i++) {
		if (p + i >= end)
			return 0;
		if (i == 8) {
			*out = value << 8 | p[i];
			return 9;
		}
		value = value << 7 | (p[i] & 0x7f);
		if (!(p[i] & 0x80)) {
			*out = value;
			return i + 1;
		}
	}
	return 0; /* not reached */
}

/* Page `number` into `buf`: false for a page the file does not have, a
 * read error, or one page too many (a loop in the tree). */
static bool read_page(reader *r, uint32_t number, unsigned char *buf)
{
	if (number < 1 || number > r->npages || r->visited++ >= r->npages)
		return false;
	sqlite3_int64 offset = (sqlite3_int64)(number - 1) * r->page_size;
	return r->file->pMethods->xRead(r->file, buf, (int)r->page_size, offset) == SQLITE_OK;
}

/* The payload of one leaf cell into r->payload: `local` bytes at `p`, the
 * rest from the chain of overflow pages starting at `overflow`. */
static bool gather_payload(reader *r, const unsigned char *p, size_t local, uint64_t total, uint32_t overflow,
			   unsigned char *scratch)
{
	r->payload.len = 0;
	mg_buf_put(&r->payload, (const char *)p, local);
	while (r->payload.len < total) {
		if (!read_page(r, overflow, scratch))
			return false;
		size_t n = r->usable - 4;
		if (n > total - r->payload.len)
			n = (size_t)(total - r->payload.len);
		mg_buf_put(&r->payload, (const char *)scratch + 4, n);
		overflow = get_u32(scratch);
	}
	return !r->payload.failed;
}

/* Appends `len` bytes and a NUL to r->text; the offset where they start. */
static size_t keep_text(reader *r, const unsigned char *data, size_t len)
{
	size_t at = r->text.len;
	mg_buf_put(&r->text, (const char *)data, len);
	mg_buf_putc(&r->text, '\0');
	return at;
}

/* The record in r->payload as a row. Columns past the record's end are
 * NULL, as SQLite reads them. */
static outcome add_row(reader *r)
{
	if (!r->payload.len)
		return DECLINE; /* an empty record: no buffer either */
	const unsigned char *record = (const unsigned char *)r->payload.data;
	const unsigned char *end = record + r->payload.len;
	uint64_t header_size, serial[SCHEMA_COLUMNS] = {0};
	size_t n = get_varint(record, end, &header_size);
	if (!n || header_size > r->payload.len || header_size < n)
		return DECLINE;
	const unsigned char *types = record + n, *types_end = record + header_size;
	for (size_t i = 0; i < SCHEMA_COLUMNS && types < types_end; i++) {
		if (!(n = get_varint(types, types_end, &serial[i])))
			return DECLINE;
		types += n;
	}
	/* type, name and tbl_name are text (serial type odd, from 13); sql is
	 * text or NULL. Anything else SQLite would convert: leave that to it. */
	size_t offsets[SCHEMA_COLUMNS] = {0}, lengths[SCHEMA_COLUMNS] = {0};
	const unsigned char *value = types_end;
	static const unsigned char int_sizes[] = {0, 1, 2, 3, 4, 6, 8, 8, 0, 0};
	for (size_t i = 0; i < SCHEMA_COLUMNS; i++) {
		uint64_t t = serial[i];
		bool text = t >= 13 && t % 2 == 1;
		if (i == 3) { /* rootpage: an integer, not kept */
			if (t > 9 || int_sizes[t] > (size_t)(end - value))
				return DECLINE;
			value += int_sizes[t];
			continue;
		}
		if (!text && !(i == 4 && t == 0))
			return DECLINE;
		if (!text)
			continue;
		uint64_t len = (t - 13) / 2;
		if (len > (uint64_t)(end - value))
			return DECLINE;
		/* A NUL inside a name would end it early here and not in SQL. */
		if (i < 3 && memchr(value, '\0', (size_t)len))
			return DECLINE;
		offsets[i] = keep_text(r, value, (size_t)len);
		lengths[i] = (size_t)len;
		value += len;
	}
	/* Offsets until the text stops moving, pointers after (point_rows). A
	 * statement never starts at offset 0, where the first row's type does:
	 * 0 stands for the NULL sql. */
	mg_schema_row row = {
		.type = (const char *)(uintptr_t)offsets[0],
		.name = (const char *)(uintptr_t)offsets[1],
		.tbl_name = (const char *)(uintptr_t)offsets[2],
		.sql = (const char *)(uintptr_t)offsets[4],
		.sql_len = lengths[4],
	};
	mg_buf_put(&r->rows, (const char *)&row, sizeof(row));
	return r->text.failed || r->rows.failed ? NO_MEMORY : READ;
}

/* The bytes of a payload of `total` bytes kept on a table leaf page, the
 * rest going to overflow pages (fileformat2.html, "B-tree Pages"). */
static uint64_t local_size(const reader *r, uint64_t total)
{
	uint64_t usable = r->usable, most = usable - 35;
	if (total <= most)
		return total;
	uint64_t least = (usable - 12) * 32 / 255 - 23;
	uint64_t k = least + (total - least) % (usable - 4);
	return k <= most ? k : least;
}

/* The cells of a leaf page, in order. */
static outcome read_leaf(reader *r, const unsigned char *page, size_t header, unsigned char *scratch)
{
	uint32_t ncells = get_u16(page + header + 3);
	const unsigned char *pointers = page + header + 8, *page_end = page + r->usable;
	if (pointers + 2 * (size_t)ncells > page_end)
		return DECLINE;
	for (uint32_t i = 0; i < ncells; i++) {
		uint32_t at = get_u16(pointers + 2 * i);
		if (at < header + 8 || at >= r->usable)
			return DECLINE;
		const unsigned char *cell = page + at;
		uint64_t total, rowid;
		size_t a = get_varint(cell, page_end, &total), b = a ? get_varint(cell + a, page_end, &rowid) : 0;
		if (!b || total > (uint64_t)1 << 31)
			return DECLINE;
		cell += a + b;
		uint64_t local = local_size(r, total);
		bool overflows = local < total;
		if (local + (overflows ? 4 : 0) > (uint64_t)(page_end - cell))
			return DECLINE;
		uint32_t overflow = overflows ? get_u32(cell + local) : 0;
		if (!gather_payload(r, cell, (size_t)local, total, overflow, scratch))
			return r->payload.failed ? NO_MEMORY : DECLINE;
		outcome o = add_row(r);
		if (o != READ)
			return o;
	}
	return READ;
}

/* The rows of the subtree at page `number`, read at `depth` (the page
 * buffer of that depth holds it; the next one is scratch). */
static outcome read_tree(reader *r, uint32_t number, unsigned depth)
{
	if (depth >= MAX_DEPTH)
		return DECLINE;
	unsigned char *page = r->pages + (size_t)depth * r->page_size;
	unsigned char *below = page + r->page_size;
	if (!read_page(r, number, page))
		return DECLINE;
	size_t header = number == 1 ? HEADER_SIZE : 0;
	if (page[header] == LEAF_TABLE_PAGE)
		return read_leaf(r, page, header, below);
	if (page[header] != INTERIOR_TABLE_PAGE)
		return DECLINE;
	uint32_t ncells = get_u16(page + header + 3);
	const unsigned char *pointers = page + header + 12;
	if (pointers + 2 * (size_t)ncells > page + r->usable)
		return DECLINE;
	/* Each cell's left child, then the right-most child. The page is read
	 * again by nobody: children use the buffers below it. */
	for (uint32_t i = 0; i <= ncells; i++) {
		uint32_t child;
		if (i < ncells) {
			uint32_t at = get_u16(pointers + 2 * i);
			if (at < header + 12 || at + 4 > r->usable)
				return DECLINE;
			child = get_u32(page + at);
		} else {
			child = get_u32(page + header + 8);
		}
		outcome o = read_tree(r, child, depth + 1);
		if (o != READ)
			return o;
	}
	return READ;
}

/* A -wal file with frames holds pages newer than the file's. A database in
 * memory has no file name ("" or NULL), which sqlite3_filename_wal must
 * not be given, and no -wal. */
static bool wal_has_frames(sqlite3 *db)
{
	const char *name = sqlite3_db_filename(db, "main");
	const char *wal = name && *name ? sqlite3_filename_wal(name) : NULL;
	struct stat st;
	return !wal || stat(wal, &st) != 0 ? false : st.st_size > 0;
}

/* Checks the database header and sets the page geometry. */
static bool read_header(reader *r, sqlite3 *db, const unsigned char *h, sqlite3_int64 file_size)
{
	if (memcmp(h, "SQLite format 3", 16) != 0)
		return false;
	uint32_t page_size = get_u16(h + 16);
	if (page_size == 1)
		page_size = 65536;
	if (page_size < 512 || (page_size & (page_size - 1)) != 0 || page_size - h[20] < 480)
		return false;
	/* 1: UTF-8. 1 to 4: the schema formats SQLite reads. */
	if (get_u32(h + 56) != 1 || get_u32(h + 44) < 1 || get_u32(h + 44) > 4)
		return false;
	if ((h[18] == 2 || h[19] == 2) && wal_has_frames(db))
		return false;
	r->page_size = page_size;
	r->usable = page_size - h[20];
	/* The size in the header holds when the change counter matches the
	 * version it was written at; else the file's own size says. */
	uint64_t npages = get_u32(h + 28);
	if (npages == 0 || get_u32(h + 24) != get_u32(h + 92))
		npages = (uint64_t)file_size / page_size;
	if ((uint64_t)file_size / page_size < npages)
		npages = (uint64_t)file_size / page_size;
	r->npages = (uint32_t)npages;
	return npages >= 1;
}

/* Turns the offsets of each row into pointers into the finished text. */
static void point_rows(reader *r, mg_schema_rows *out)
{
	out->rows = (mg_schema_row *)(void *)r->rows.data;
	out->nrows = r->rows.len / sizeof(mg_schema_row);
	out->text = r->text.data;
	for (size_t i = 0; i < out->nrows; i++) {
		mg_schema_row *row = &out->rows[i];
		row->type = out->text + (uintptr_t)row->type;
		row->name = out->text + (uintptr_t)row->name;
		row->tbl_name = out->text + (uintptr_t)row->tbl_name;
		if (row->sql)
			row->sql = out->text + (uintptr_t)row->sql;
	}
	r->rows = (mg_buf)MG_BUF_INIT;
	r->text = (mg_buf)MG_BUF_INIT;
}

int mg_schema_rows_read(mg_schema_rows *out, sqlite3 *db)
{
	reader r = {.payload = MG_BUF_INIT, .text = MG_BUF_INIT, .rows = MG_BUF_INIT};
	outcome result = DECLINE;
	unsigned char header[HEADER_SIZE];
	sqlite3_int64 file_size = 0;
	*out = (mg_schema_rows){0};

	if (sqlite3_file_control(db, "main", SQLITE_FCNTL_FILE_POINTER, &r.file) != SQLITE_OK || !r.file ||
	    !r.file->pMethods || r.file->pMethods->xRead(r.file, header, HEADER_SIZE, 0) != SQLITE_OK ||
	    r.file->pMethods->xFileSize(r.file, &file_size) != SQLITE_OK || !read_header(&r, db, header, file_size))
		goto cleanup;
	/* One page per level of the tree, and one for overflow pages below. */
	if (!(r.pages = malloc((size_t)r.page_size * (MAX_DEPTH + 1)))) {
		result = NO_MEMORY;
		goto cleanup;
	}
	result = read_tree(&r, 1, 0);
	if (result == READ)
		point_rows(&r, out);
cleanup:
	free(r.pages);
	mg_buf_free(&r.payload);
	mg_buf_free(&r.text);
	mg_buf_free(&r.rows);
	return (int)result;
}

void mg_schema_rows_free(mg_schema_rows *rows)
{
	free(rows->rows);
	free(rows->text);
	*rows = (mg_schema_rows){0};
}
