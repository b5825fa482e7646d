/*
 * rel-join-no-foreign-columns: join conditions whose foreign columns are
 * found each way SQLAlchemy finds them: a declared foreign key (followers,
 * through an association table, with both conditions and a backref; a
 * filtered viewonly collection), foreign() on a column with no foreign key
 * (a virtual foreign key), foreign_keys= naming it, and remote()/foreign()
 * on an adjacency list.
 */
#include <modelgraph/annotations.h>

struct User;
struct Address;
struct Post;
struct Comment;

struct Follow {
	int follower_id              MG_FOREIGN_KEY(user.id);
	int followed_id              MG_FOREIGN_KEY(user.id, index=true);
} MG_TABLE(followers) MG_PRIMARY_KEY(follower_id, followed_id);

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct User **followed       MG_RELATIONSHIP(User, secondary=followers,
	                                 primaryjoin="followers.c.follower_id == User.id",
	                                 secondaryjoin="followers.c.followed_id == User.id",
	                                 backref=followers, lazy=dynamic);
	struct Address **active_addresses MG_RELATIONSHIP(Address, viewonly,
	                                 primaryjoin="and_(User.id == Address.user_id, Address.active == true())");
	struct Post **posts          MG_RELATIONSHIP(Post, primaryjoin="User.id == foreign(Post.author_id)",
	                                 backref=author);
	struct Comment **comments    MG_RELATIONSHIP(Comment, primaryjoin="(User.id == Comment.user_id) & (Comment.hidden == false())",
	                                 foreign_keys=[Comment.user_id], back_populates=user);
} MG_MODEL();

struct Address {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(user.id, index=true);
	_Bool active;
	struct User *user            MG_RELATIONSHIP(User, backref=addresses);
} MG_MODEL();

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int author_id                MG_COLUMN(index=true);
} MG_MODEL();

struct Comment {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_COLUMN(index=true);
	_Bool hidden;
	struct User *user            MG_RELATIONSHIP(User, primaryjoin="User.id == Comment.user_id",
	                                 foreign_keys=[Comment.user_id], back_populates=comments);
} MG_MODEL();

struct Node {
	int id                       MG_COLUMN(primary_key=true);
	int parent_id                MG_COLUMN(index=true);
	struct Node *parent          MG_RELATIONSHIP(Node, primaryjoin="remote(Node.id) == foreign(Node.parent_id)",
	                                 backref=children);
} MG_MODEL(); // expect: table-isolated
