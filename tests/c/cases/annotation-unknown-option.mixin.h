/*
 * Mixins (MG_MIXIN) give each model that embeds them their columns, foreign
 * keys and relationships, also through another mixin; a mistake in a
 * mixin's field is reported once, where it is written, however many models
 * embed it. A macro of fields points at the macro's use.
 */
#include <time.h>
#include <modelgraph/annotations.h>

struct User;

struct Timestamps {
	time_t created_at  MG_COLUMN(nulable=false); // expect: annotation-unknown-option
	time_t updated_at;
} MG_MIXIN();

struct Owned {
	int owner_id       MG_FOREIGN_KEY(users.id, index=true);
	struct User *owner MG_RELATIONSHIP(User);
	struct Timestamps ts;
} MG_MIXIN();

#define ID_COLUMN int id MG_COLUMN(primary_key=true, autoincremnt=true)

struct User {
	ID_COLUMN; // expect: annotation-unknown-option
	char *name;
	struct Timestamps ts;
} MG_MODEL(tablename=users);

struct Post {
	int id             MG_COLUMN(primary_key=true);
	struct Owned owned;
	char *title        MG_COLUMN(nullable=false);
} MG_MODEL();

struct Comment {
	int id             MG_COLUMN(primary_key=true);
	struct Owned owned;
} MG_MODEL();
