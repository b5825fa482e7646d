/*
 * rel-back-populates-wrong-target: back_populates names a relationship of
 * the target that leads to a third model, or to the target itself, or a
 * backref that a third relationship creates.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                 MG_COLUMN(primary_key=true);
	struct Post **posts    MG_RELATIONSHIP(Post, back_populates=topic); // expect: rel-back-populates-wrong-target
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
	struct Topic *topic    MG_RELATIONSHIP(Topic, back_populates=posts);
	struct Post *reply_to  MG_RELATIONSHIP(Post, remote_side=[id]);
} MG_MODEL();

struct Reader {
	int id                 MG_COLUMN(primary_key=true);
	int post_id            MG_FOREIGN_KEY(post.id, index=true);
	struct Post *post      MG_RELATIONSHIP(Post, back_populates=reply_to); // expect: rel-back-populates-wrong-target
} MG_MODEL();

struct Item;

struct Owner {
	int id                 MG_COLUMN(primary_key=true);
	struct Item **items    MG_RELATIONSHIP(Item, backref=owner);
	struct Item **extra    MG_RELATIONSHIP(Item, back_populates=owner, overlaps=[items]); // expect: rel-back-populates-wrong-target
} MG_MODEL();

struct Item {
	int id                 MG_COLUMN(primary_key=true);
	int owner_id           MG_FOREIGN_KEY(owner.id, index=true);
	int reader_id          MG_FOREIGN_KEY(reader.id, index=true);
} MG_MODEL();
