/*
 * rel-association-proxy-unknown: proxies through a relationship the model
 * does not have, and to an attribute the relationship's target does not
 * have; backrefs count as relationships.
 */
#include <modelgraph/annotations.h>

struct PostTag;
struct Tag;

struct Post {
	int id                     MG_COLUMN(primary_key=true);
	struct PostTag **post_tags MG_RELATIONSHIP(PostTag, backref=post, cascade="all, delete-orphan");
	struct Tag **tags          MG_ASSOCIATION_PROXY(posttags, tag); // expect: rel-association-proxy-unknown
	char **labels              MG_ASSOCIATION_PROXY(post_tags, lable); // expect: rel-association-proxy-unknown
	char **names               MG_ASSOCIATION_PROXY(post_tags, tag_name); // expect: rel-association-proxy-unknown
} MG_MODEL();

struct PostTag {
	int post_id                MG_FOREIGN_KEY(post.id, primary_key=true);
	int tag_id                 MG_FOREIGN_KEY(tag.id, primary_key=true, index=true);
	char label[41];
	struct Tag *tag            MG_RELATIONSHIP(Tag, backref=post_tags);
} MG_MODEL(tablename=post_tag);

struct Tag {
	int id                     MG_COLUMN(primary_key=true);
	char name[41];
	struct Post **posts        MG_ASSOCIATION_PROXY(tag_posts, post); // expect: rel-association-proxy-unknown
} MG_MODEL();
