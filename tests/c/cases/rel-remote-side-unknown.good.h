/*
 * rel-remote-side-unknown: remote_side naming the key, by name and with the
 * model's name, and the referencing column for the one-to-many.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id                       MG_COLUMN(primary_key=true);
	int manager_id               MG_FOREIGN_KEY(employee.id, index=true);
	struct Employee *manager     MG_RELATIONSHIP(Employee, remote_side=[Employee.id], back_populates=reports);
	struct Employee **reports    MG_RELATIONSHIP(Employee, remote_side=[manager_id], back_populates=manager);
} MG_MODEL();
