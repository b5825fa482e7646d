/*
 * annotation-invalid-value: a value of the wrong kind, a missing one, a
 * misspelt choice, a column list naming no column.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                MG_COLUMN(primary_key=true);
	char name[81]         MG_COLUMN(unique=yes); // expect: annotation-invalid-value
	char email[121]       MG_COLUMN(nullable=); // expect: annotation-invalid-value
	struct Post **posts   MG_RELATIONSHIP(Post, backref=author, lazy=eagerly); // expect: annotation-invalid-value
} MG_MODEL(tablename=users) MG_UNIQUE(nmae, email); // expect: annotation-invalid-value

struct Post {
	int id                MG_COLUMN(primary_key=true);
	int user_id           MG_FOREIGN_KEY(users.id, ondelete=CASCDE, index=true); // expect: annotation-invalid-value
	int editor_id         MG_FOREIGN_KEY(users, index=true); // expect: annotation-invalid-value
} MG_MODEL();
