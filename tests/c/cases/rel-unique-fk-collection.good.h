/*
 * rel-unique-fk-collection: one-to-one over a unique foreign key, by
 * uselist=false or by back_populates with uselist=false on the one side;
 * a collection over a key unique only together with another column.
 */
#include <modelgraph/annotations.h>

struct UserProfile;
struct Settings;
struct Avatar;

struct User {
	int id                          MG_COLUMN(primary_key=true);
	struct UserProfile *profile     MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);
	struct Settings *settings       MG_RELATIONSHIP(Settings, uselist=false, back_populates=user);
	struct Avatar **avatars         MG_RELATIONSHIP(Avatar, backref=user);
} MG_MODEL(tablename=users);

struct UserProfile {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, unique=true);
} MG_MODEL();

struct Settings {
	int id                          MG_COLUMN(primary_key=true);
	int user_id                     MG_FOREIGN_KEY(users.id, unique=true);
	struct User *user               MG_RELATIONSHIP(User, back_populates=settings);
} MG_MODEL();

struct Avatar {
	int user_id                     MG_FOREIGN_KEY(users.id);
	int size                        MG_COLUMN(nullable=false);
} MG_MODEL() MG_PRIMARY_KEY(user_id, size);
