#include "tests/unit/schema_image.h"

#include <stdarg.h>
#include <stddef.h>
#include <setjmp.h>
#include <stdint.h>
#include <cmocka.h>

sqlite3 *mg_test_image_of(sqlite3 *db, mg_test_image_edit edit, void *payload)
{
	sqlite3_int64 size = 0;
	unsigned char *image = sqlite3_serialize(db, "main", &size, 0);
	assert_non_null(image);
	if (edit)
		edit(image, &size, payload);
	sqlite3 *copy = NULL;
	assert_int_equal(sqlite3_open(":memory:", &copy), SQLITE_OK);
	assert_int_equal(sqlite3_deserialize(copy, "main", image, size, size,
					     SQLITE_DESERIALIZE_FREEONCLOSE | SQLITE_DESERIALIZE_READONLY),
			 SQLITE_OK);
	return copy;
}

int mg_test_read_rows(sqlite3 *db, mg_schema_rows *rows)
{
	sqlite3_stmt *stmt = NULL;
	int result = 0;
	assert_int_equal(sqlite3_exec(db, "BEGIN", NULL, NULL, NULL), SQLITE_OK);
	if (sqlite3_prepare_v2(db, "PRAGMA schema_version", -1, &stmt, NULL) == SQLITE_OK &&
	    sqlite3_step(stmt) == SQLITE_ROW)
		result = mg_schema_rows_read(rows, db);
	sqlite3_finalize(stmt);
	return result;
}

void mg_test_end_read(sqlite3 *db)
{
	sqlite3_exec(db, "COMMIT", NULL, NULL, NULL);
}
