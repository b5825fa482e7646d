/*
 * annotation-unknown-option: an option its macro does not have, reported at
 * the option, with the nearest valid name. The misspelt backref is left
 * out, so User.profile has no inverse.
 */
#include <modelgraph/annotations.h>

struct UserProfile;

struct User {
	int id                      MG_COLUMN(primary_key=true, unqiue); // expect: annotation-unknown-option
	char name[81]               MG_COLUMN(nullable=false,
	                                      lenght=80); // expect: annotation-unknown-option
	struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backred=user); // expect: annotation-unknown-option
} MG_MODEL(tablename=users, tabelname=people); // expect: annotation-unknown-option

/* An option of another macro. */
struct UserProfile {
	int id                      MG_COLUMN(primary_key=true, ondelete=CASCADE); // expect: annotation-unknown-option
	int user_id                 MG_FOREIGN_KEY(users.id, unique=true, nullable=false);
} MG_MODEL();
