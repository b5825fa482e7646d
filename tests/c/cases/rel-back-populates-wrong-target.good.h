/*
 * rel-back-populates-wrong-target: each back_populates names a relationship
 * leading back; two models with the same attribute name, and a
 * self-referential pair, are near misses.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=author);
} MG_MODEL(tablename=users);

struct Topic {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=topic);
} MG_MODEL();

struct Post {
	int id                 MG_COLUMN(primary_key=true);
	int user_id            MG_FOREIGN_KEY(users.id, index=true);
	int topic_id           MG_FOREIGN_KEY(topic.id, index=true);
	int reply_to_id        MG_FOREIGN_KEY(post.id, index=true);
	struct User *author    MG_RELATIONSHIP(User, back_populates=posts);
	struct Topic *topic    MG_RELATIONSHIP(Topic, back_populates=posts);
	struct Post *reply_to  MG_RELATIONSHIP(Post, remote_side=[id], back_populates=replies);
	struct Post **replies  MG_RELATIONSHIP(Post, back_populates=reply_to);
} MG_MODEL();
