/*
 * One root cause, one finding: MG_FOREIGN_KEY names the struct (Member)
 * where the table name (members) belongs. fk-target-missing says so, with
 * did-you-mean; the relationships it leaves without a join are its notes,
 * not rel-no-foreign-key findings of their own.
 */
#include <modelgraph/annotations.h>

struct Post;

struct Member {
	int id                   MG_COLUMN(primary_key=true);
	struct Post **posts      MG_RELATIONSHIP(Post, back_populates=author);
} MG_MODEL(tablename=members);

struct Post {
	int id                   MG_COLUMN(primary_key=true);
	int author_id            MG_FOREIGN_KEY(Member.id, index=true); // expect: fk-target-missing
	struct Member *author    MG_RELATIONSHIP(Member, back_populates=posts);
} MG_MODEL(tablename=posts);
