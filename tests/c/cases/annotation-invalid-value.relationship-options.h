/*
 * annotation-invalid-value on the later relationship options: each value is
 * checked, at its position, with the nearest valid one; the lines without
 * an expectation are their valid spellings. name= may not take the
 * attribute of another field.
 */
#include <modelgraph/annotations.h>

struct Note;

struct Matter {
	int id                  MG_COLUMN(primary_key=true);
} MG_MODEL();

struct User {
	int id                  MG_COLUMN(primary_key=true);
	int matter_id           MG_FOREIGN_KEY(matter.id, index=true, use_alter=true);
	int kept_id             MG_FOREIGN_KEY(matter.id, index=true, use_alter=maybe); // expect: annotation-invalid-value
	struct Note **notes     MG_RELATIONSHIP(Note, backref=owner, passive_deletes=all,
	                                        collection_class=attribute_keyed_dict("keyword"));
	struct Note **drafts    MG_RELATIONSHIP(Note, viewonly, passive_deletes=some); // expect: annotation-invalid-value
	struct Note **pinned    MG_RELATIONSHIP(Note, viewonly, collection_class=dict); // expect: annotation-invalid-value
	struct Note **starred   MG_RELATIONSHIP(Note, viewonly, collection_class=attribute_keyed_dict(Note.keyword)); // expect: annotation-invalid-value
	struct Note **by_column MG_RELATIONSHIP(Note, viewonly, collection_class=column_mapped_collection(Note.keyword));
	struct Note **by_name   MG_RELATIONSHIP(Note, viewonly, collection_class=atribute_keyed_dict("keyword")); // expect: annotation-invalid-value
	struct Note **archive   MG_RELATIONSHIP(Note, viewonly, sync_backref=no); // expect: annotation-invalid-value
	struct Matter *case_    MG_RELATIONSHIP(Matter, name=case, foreign_keys=[User.matter_id], backref=users);
	struct Matter *kept     MG_RELATIONSHIP(Matter, viewonly, foreign_keys=[User.kept_id], name="kept case"); // expect: annotation-invalid-value
	struct Matter *twice    MG_RELATIONSHIP(Matter, viewonly, foreign_keys=[User.kept_id], name=kept_id); // expect: annotation-invalid-value
} MG_MODEL(tablename=users);

struct Note {
	int id                  MG_COLUMN(primary_key=true);
	char keyword[41];
	int user_id             MG_FOREIGN_KEY(users.id, index=true);
} MG_MODEL();
