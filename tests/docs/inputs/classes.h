/*
 * What the pages say about classes: a hierarchy with a joined-table and a
 * single-table subclass, relationship options (a backref's own too), a
 * keyed collection and an association proxy.
 */
#include <stdbool.h>
#include <modelgraph/annotations.h>

struct Employee;
struct Note;
struct Keyword;
struct NoteKeyword;

/** A team of employees. */
struct Department {
	int id                          MG_COLUMN(primary_key=true);
	char name[81]                   MG_COLUMN(nullable=false);
	struct Employee **staff         MG_RELATIONSHIP(Employee, back_populates=department,
	                                                foreign_keys=[Employee.department_id], lazy=dynamic, cascade="all, delete-orphan",
	                                                passive_deletes=true, order_by=Employee.name);
} MG_MODEL(tablename=department);

/** Anyone on the payroll; `type` says which kind. */
struct Employee {
	int id                          MG_COLUMN(primary_key=true);
	char type[21]                   MG_COLUMN(nullable=false);
	char name[81]                   MG_COLUMN(nullable=false);
	int department_id               MG_FOREIGN_KEY(department.id, nullable=false, index=true,
	                                               ondelete=CASCADE);
	struct Department *department   MG_RELATIONSHIP(Department, back_populates=staff,
	                                                foreign_keys=[Employee.department_id]);
	struct Note **notes             MG_RELATIONSHIP(Note, backref=backref(author, lazy=joined),
	                                                collection_class=attribute_keyed_dict("title"),
	                                                cascade="all, delete-orphan");
} MG_MODEL(tablename=employee, polymorphic_on=type, polymorphic_identity=employee);

/** Joined-table: a table of its own, keyed by the base's key. */
struct Engineer {
	struct Employee base;
	int id                          MG_FOREIGN_KEY(employee.id, primary_key=true, ondelete=CASCADE);
	char language[41];
} MG_MODEL(tablename=engineer, polymorphic_identity=engineer);

/** Single-table: its columns and relationships go to "employee". */
struct Manager {
	struct Employee base;
	int budget;
	int managed_id                  MG_FOREIGN_KEY(department.id, index=true);
	struct Department *managed      MG_RELATIONSHIP(Department, foreign_keys=[Manager.managed_id],
	                                                viewonly=true);
} MG_MODEL(polymorphic_identity="<manager> & co");

/** A note an employee keeps, with keywords. */
struct Note {
	int id                          MG_COLUMN(primary_key=true);
	int author_id                   MG_FOREIGN_KEY(employee.id, nullable=false, index=true,
	                                               ondelete=CASCADE);
	char title[81]                  MG_COLUMN(nullable=false);
	struct NoteKeyword **note_keywords MG_RELATIONSHIP(NoteKeyword, backref=note, cascade="all, delete-orphan",
	                                                   collection_class=set);
	struct Keyword **keywords       MG_ASSOCIATION_PROXY(note_keywords, keyword);
} MG_MODEL(tablename=note);

/** The association object between a note and a keyword. */
struct NoteKeyword {
	int note_id                     MG_FOREIGN_KEY(note.id, primary_key=true, ondelete=CASCADE);
	int keyword_id                  MG_FOREIGN_KEY(keyword.id, primary_key=true, index=true);
	struct Keyword *keyword         MG_RELATIONSHIP(Keyword);
} MG_MODEL(tablename=note_keyword);

/** A keyword. */
struct Keyword {
	int id                          MG_COLUMN(primary_key=true);
	char word[41]                   MG_COLUMN(nullable=false, unique=true);
} MG_MODEL(tablename=keyword);
