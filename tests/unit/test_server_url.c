/* Server URLs as messages show them: no password, however it was written. */

#include "tests/unit/test_support.h"

#include <string.h>

#include "analyzer/read/server_url.h"

static void redacts_password_and_query(void **state)
{
	(void)state;
	static const struct {
		const char *url, *shown;
	} cases[] = {
		{"postgresql://user:secret@db.example:5433/app", "postgresql://user@db.example:5433/app"},
		{"postgresql://db.example/app?password=secret&sslmode=require", "postgresql://db.example/app"},
		{"postgres://user@/app?host=/run/pg", "postgres://user@/app"},
		{"postgresql://:secret@/app", "postgresql:///app"},
		{"postgresql:///app", "postgresql:///app"},
		{"postgresql://u:p@ss@host/db", "postgresql://u@host/db"},
	};
	char buf[256];
	for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		assert_string_equal(mg_server_url_redact(buf, sizeof(buf), cases[i].url), cases[i].shown);
}

static void scrubs_secrets_from_messages(void **state)
{
	(void)state;
	char message[256];
	strcpy(message, "invalid percent-encoded token: \"s%zzcret\"");
	mg_server_scrub_url_secrets(message, "postgresql://u:s%zzcret@host/db");
	assert_null(strstr(message, "zzcret"));

	strcpy(message, "password \"a-b\" refused, a-b again");
	mg_server_scrub_url_secrets(message, "postgresql://u:a%2Db@host/db");
	assert_string_equal(message, "password \"***\" refused, *** again");

	strcpy(message, "bad value secret1 for x");
	mg_server_scrub_url_secrets(message, "postgresql://host/db?sslmode=x&password=secret1");
	assert_string_equal(message, "bad value *** for x");

	strcpy(message, "short: ab");
	mg_server_scrub(message, "ab");
	assert_string_equal(message, "short: **");
	mg_server_scrub(message, NULL);
	mg_server_scrub(message, "");
	assert_string_equal(message, "short: **");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(redacts_password_and_query),
		cmocka_unit_test(scrubs_secrets_from_messages),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
