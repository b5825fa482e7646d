/*
 * annotation-unknown-option inside backref(…): each option is read against
 * relationship()'s, at its own position, with the nearest name; those the
 * backref takes from its relationship (secondary) or cannot have
 * (back_populates, backref) are refused by name.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=backref(author,
	                                                              lazzy=joined, // expect: annotation-unknown-option
	                                                              back_populates=posts)); // expect: annotation-unknown-option
	struct Post **drafts    MG_RELATIONSHIP(Post, viewonly=true, backref=backref(writer,
	                                                              secondary=post_tags)); // expect: annotation-unknown-option
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
