/*
 * annotation-invalid-value inside backref(…): values are checked as the
 * relationship's own, at their position; a call other than backref() is
 * not a backref.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=backref(author,
	                                                              lazy=dynamc)); // expect: annotation-invalid-value
	struct Post **drafts    MG_RELATIONSHIP(Post, viewonly=true, backref=backrf(writer)); // expect: annotation-invalid-value
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
