/*
 * name-too-long on names modelgraph generates: index=true names the index
 * ix_<table>_<column>, which grows with both names; PostgreSQL cuts both
 * to the same 63 bytes, and the second CREATE INDEX fails.
 */
#include <modelgraph/annotations.h>

struct Reminder {
	int id                                       MG_COLUMN(primary_key=true);
	int delivery_attempt_response_status_a       MG_COLUMN(index=true); // expect: name-too-long
	int delivery_attempt_response_status_b       MG_COLUMN(index=true); // expect: name-too-long
	int code                                     MG_COLUMN(index=true);
} MG_MODEL(tablename=subscription_renewal_reminder);
