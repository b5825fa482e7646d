/*
 * One root cause, one finding: a misspelt tablename= leaves the model its
 * default name ("user"), so the foreign key to "users" misses it. The
 * foreign key's finding is a note of the misspelling.
 */
#include <modelgraph/annotations.h>

struct User {
	int id                   MG_COLUMN(primary_key=true);
} MG_MODEL(tablenme=users); // expect: annotation-unknown-option

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int user_id              MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
