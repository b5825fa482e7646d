/*
 * annotation-syntax: MG_MIXIN and MG_FOREIGN_KEY_CONSTRAINT are struct
 * macros, and a mixin is no model.
 */
#include <modelgraph/annotations.h>

struct Stamps {
	long created_at;
} MG_MIXIN();

struct Tag {
	int id            MG_COLUMN(primary_key=true);
	char *name        MG_MIXIN(); // expect: annotation-syntax
	int post_id       MG_FOREIGN_KEY_CONSTRAINT([post_id], [post.id]); // expect: annotation-syntax, fk-implied
	struct Stamps stamps;
} MG_MODEL() MG_MIXIN(); // expect: annotation-syntax

struct Post {
	int id            MG_COLUMN(primary_key=true);
	int tag_id        MG_FOREIGN_KEY(tag.id, index=true);
} MG_MODEL();

struct Audit {
	char *changed_by;
} MG_MIXIN(audited) MG_UNIQUE(changed_by); // expect: annotation-syntax, annotation-syntax

struct Change {
	int id            MG_COLUMN(primary_key=true);
	int post_id       MG_FOREIGN_KEY(post.id, index=true);
	struct Audit audit;
} MG_MODEL();
