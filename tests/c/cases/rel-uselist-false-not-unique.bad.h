/*
 * rel-uselist-false-not-unique: one-to-one relationships over foreign keys
 * that are only indexed, or part of a wider key.
 */
#include <modelgraph/annotations.h>

struct UserProfile;
struct Avatar;

struct User {
	int id                       MG_COLUMN(primary_key=true);
	struct UserProfile *profile  MG_RELATIONSHIP(UserProfile, uselist=false, backref=user); // expect: rel-uselist-false-not-unique
	struct Avatar *avatar        MG_RELATIONSHIP(Avatar, uselist=false, backref=user); // expect: rel-uselist-false-not-unique
} MG_MODEL(tablename=users);

struct UserProfile {
	int id                       MG_COLUMN(primary_key=true);
	int user_id                  MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();

struct Avatar {
	int user_id                  MG_FOREIGN_KEY(users.id);
	int size                     MG_COLUMN(nullable=false);
} MG_MODEL() MG_PRIMARY_KEY(user_id, size);
