/*
 * rel-uselist-false-not-unique: one-to-one over a unique foreign key, over
 * the primary key itself, and uselist=false on a many-to-one, where it is
 * the default anyway.
 */
#include <modelgraph/annotations.h>

struct UserProfile;
struct Avatar;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct UserProfile *profile  MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);
	struct Avatar *avatar        MG_RELATIONSHIP(Avatar, uselist=false, backref=user);
} MG_MODEL(tablename=users);

struct UserProfile {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, unique=true);
} MG_MODEL();

struct Avatar {
	int user_id                  MG_FOREIGN_KEY(users.id, primary_key=true);
	int size                     MG_COLUMN(nullable=false);
} MG_MODEL();

struct Post {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
	struct User *author          MG_RELATIONSHIP(User, uselist=false, backref=posts);
} MG_MODEL();
