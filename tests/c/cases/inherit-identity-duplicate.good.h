/*
 * inherit-identity-duplicate: one identity per class; two hierarchies may
 * use the same values.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int budget;
} MG_MODEL(polymorphic_identity=manager);

struct Vehicle {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	int driver_id     MG_FOREIGN_KEY(employee.id, index=true);
} MG_MODEL(polymorphic_on=type, polymorphic_identity=manager);
