/*
 * rel-unique-fk-collection: a collection over a unique foreign key, declared
 * and made by a backref of the many-to-one side.
 */
#include <modelgraph/annotations.h>

struct UserProfile;
struct Settings;

struct User {
	int id                          MG_COLUMN(primary_key=true);
	struct UserProfile **profiles   MG_RELATIONSHIP(UserProfile, backref=user); // expect: rel-unique-fk-collection
} MG_MODEL(tablename=users);

struct UserProfile {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, unique=true);
} MG_MODEL();

struct Settings {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, unique=true);
	struct User *user               MG_RELATIONSHIP(User, backref=settings); // expect: rel-unique-fk-collection
} MG_MODEL();
