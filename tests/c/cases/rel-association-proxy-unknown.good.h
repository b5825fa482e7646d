/*
 * rel-association-proxy-unknown, fixed: each proxy goes through a
 * relationship of its model (a backref too) to an attribute of the target:
 * a column, a relationship, or another proxy.
 */
#include <modelgraph/annotations.h>

struct PostTag;
struct Tag;

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	struct PostTag **post_tags MG_RELATIONSHIP(PostTag, backref=post, cascade="all, delete-orphan");
	struct Tag **tags          MG_ASSOCIATION_PROXY(post_tags, tag);
	char **labels              MG_ASSOCIATION_PROXY(post_tags, label);
	char **names               MG_ASSOCIATION_PROXY(post_tags, tag_name);
} MG_MODEL();

struct PostTag {
	int post_id                MG_FOREIGN_KEY(post.id, primary_key=true);
	int tag_id                 MG_FOREIGN_KEY(tag.id, primary_key=true, index=true);
	char label[41];
	struct Tag *tag            MG_RELATIONSHIP(Tag, backref=post_tags);
	char *tag_name             MG_ASSOCIATION_PROXY(tag, name);
} MG_MODEL(tablename=post_tag);

struct Tag {
	int id                     MG_COLUMN(primary_key=true);
	char name[41];
	struct Post **posts        MG_ASSOCIATION_PROXY(post_tags, post);
} MG_MODEL();
