/*
 * annotation-invalid-value: the same models with valid values, and near
 * misses: booleans in every accepted spelling, choices in any case and
 * spacing, column lists naming renamed columns by field or column name.
 */
#include <modelgraph/annotations.h>

struct Post;

struct User {
	int id                MG_COLUMN(primary_key=True);
	char name[81]         MG_COLUMN(unique=1, nullable=false);
	char email[121]       MG_COLUMN(nullable=false, name=mail);
	struct Post **posts   MG_RELATIONSHIP(Post, backref=author, lazy=selectin,
	                                      cascade="all, delete-orphan", foreign_keys=[Post.user_id]);
	/* SQLAlchemy still takes the old spellings: True is select, False joined. */
	struct Post **drafts  MG_RELATIONSHIP(Post, lazy=True, viewonly=true, foreign_keys=[Post.user_id]);
	struct Post **edits   MG_RELATIONSHIP(Post, lazy=false, viewonly=true, foreign_keys=[Post.editor_id]);
} MG_MODEL(tablename=users) MG_UNIQUE(name, email) MG_INDEX(ix_users_mail, mail);

struct Post {
	int id                MG_COLUMN(primary_key=true);
	int user_id           MG_FOREIGN_KEY(users.id, ondelete=set  null, index=true);
	int editor_id         MG_FOREIGN_KEY(users.id, onupdate=NO ACTION, nullable=0)
	                      MG_COLUMN(index=true);
} MG_MODEL();
