/*
 * rel-passive-deletes-all-with-delete: passive_deletes=all with a cascade
 * that deletes: "all" includes delete, and delete-orphan alone counts too;
 * on a backref, given in backref(…), as well.
 */
#include <modelgraph/annotations.h>

struct Post;
struct Draft;
struct Photo;

struct User {
	int id                  MG_COLUMN(primary_key=true);
	struct Post **posts     MG_RELATIONSHIP(Post, backref=author, passive_deletes=all, cascade=all); // expect: rel-passive-deletes-all-with-delete
	struct Draft **drafts   MG_RELATIONSHIP(Draft, backref=owner, passive_deletes=all, // expect: rel-passive-deletes-all-with-delete
	                                        cascade="save-update, delete, delete-orphan");
} MG_MODEL(tablename=users);

struct Album {
	int id                  MG_COLUMN(primary_key=true);
	struct Photo **photos   MG_RELATIONSHIP(Photo, back_populates=album);
} MG_MODEL();

struct Post {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
} MG_MODEL();

struct Draft {
	int id                  MG_COLUMN(primary_key=true);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
} MG_MODEL();

struct Photo {
	int id                  MG_COLUMN(primary_key=true);
	int album_id            MG_FOREIGN_KEY(album.id, index=true, ondelete=CASCADE);
	int user_id             MG_FOREIGN_KEY(users.id, index=true, ondelete=CASCADE);
	struct Album *album     MG_RELATIONSHIP(Album, back_populates=photos);
	struct User *uploader   MG_RELATIONSHIP(User, backref=backref(photos, passive_deletes=all, cascade="all")); // expect: rel-passive-deletes-all-with-delete
} MG_MODEL();
