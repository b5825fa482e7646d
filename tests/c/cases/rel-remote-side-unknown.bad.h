/*
 * rel-remote-side-unknown: remote_side naming no column, misspelt on a
 * self-reference, and with the model's name.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id                       MG_COLUMN(primary_key=true);
	int manager_id               MG_FOREIGN_KEY(employee.id, index=true);
	struct Employee **reports    MG_RELATIONSHIP(Employee, remote_side=[manager_idd], viewonly); // expect: rel-remote-side-unknown
	struct Employee **peers      MG_RELATIONSHIP(Employee, remote_side=[Employee.ident], viewonly); // expect: rel-remote-side-unknown
} MG_MODEL();
