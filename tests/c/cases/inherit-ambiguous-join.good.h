/*
 * inherit-ambiguous-join: the subclass's other links go to its own table,
 * and a relationship from the subclass to another subclass names them: the
 * target's rows are its table joined to the base's, so the subclass's
 * inheritance key reaches them too (SQLAlchemy finds both).
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
	int manager_id    MG_FOREIGN_KEY(manager.id, index=true);
	int mentor_id     MG_FOREIGN_KEY(engineer.id, index=true);
	struct Engineer *mentor MG_RELATIONSHIP(Engineer, remote_side=[id], backref=mentees,
	                                foreign_keys=[Engineer.mentor_id]);
	struct Manager *manager MG_RELATIONSHIP(Manager, backref=reports,
	                                foreign_keys=[Engineer.manager_id]);
} MG_MODEL(polymorphic_identity=engineer);
