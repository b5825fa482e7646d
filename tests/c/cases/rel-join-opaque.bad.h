/*
 * rel-join-opaque: conditions beyond the grammar are kept as text and
 * said to be skipped: or_(), a method call (in_), !=.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	char name[81];
	struct Post **touched   MG_RELATIONSHIP(Post, viewonly, // expect: rel-join-opaque
	                            primaryjoin="or_(User.id == Post.author_id, User.id == Post.editor_id)");
	struct Post **named     MG_RELATIONSHIP(Post, viewonly, // expect: rel-join-opaque
	                            primaryjoin="and_(User.id == Post.author_id, Post.signature.in_(['a', 'b']))");
	struct Post **others    MG_RELATIONSHIP(Post, viewonly, // expect: rel-join-opaque
	                            primaryjoin="and_(User.id == Post.author_id, User.id != Post.editor_id)");
} MG_MODEL(tablename=users);

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int author_id           MG_FOREIGN_KEY(users.id, index=true);
	int editor_id           MG_FOREIGN_KEY(users.id, index=true);
	char signature[81];
} MG_MODEL();
