/*
 * rel-ambiguous-foreign-keys: a subclass's rows are its table joined to its
 * base's, so a relationship of the subclass to its own class, or to a
 * sibling, can also follow the key that joins the subclass to its base:
 * SQLAlchemy needs foreign_keys= to tell them apart.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
} MG_MODEL(polymorphic_identity=manager);

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
	int mentor_id     MG_FOREIGN_KEY(engineer.id, index=true);
	int manager_id    MG_FOREIGN_KEY(manager.id, index=true);
	struct Engineer *mentor MG_RELATIONSHIP(Engineer, remote_side=[id], backref=mentees); // expect: rel-ambiguous-foreign-keys
	struct Manager *manager MG_RELATIONSHIP(Manager, backref=reports); // expect: rel-ambiguous-foreign-keys
} MG_MODEL(polymorphic_identity=engineer);
