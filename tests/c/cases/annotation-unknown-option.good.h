/*
 * annotation-unknown-option: the same models with the options spelt right,
 * and near misses: bare true/false options, options that only some macros
 * take, used on those.
 */
#include <modelgraph/annotations.h>

struct UserProfile;

struct User {
	int id                      MG_COLUMN(primary_key=true, autoincrement);
	char name[81]               MG_COLUMN(nullable=false,
	                                      type=VARCHAR(80));
	struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);
} MG_MODEL(tablename=users, comment="people");

struct UserProfile {
	int id                      MG_COLUMN(primary_key=true);
	int user_id                 MG_FOREIGN_KEY(users.id, unique=true, nullable=false,
	                                           ondelete=CASCADE, constraint_name=fk_profile_user);
} MG_MODEL();
