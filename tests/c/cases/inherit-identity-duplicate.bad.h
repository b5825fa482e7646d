/*
 * inherit-identity-duplicate: two classes of one hierarchy, a joined-table
 * and a single-table one, with the identity of another.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int budget;
} MG_MODEL(polymorphic_identity=employee); // expect: inherit-identity-duplicate

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
} MG_MODEL(polymorphic_identity=employee); // expect: inherit-identity-duplicate
