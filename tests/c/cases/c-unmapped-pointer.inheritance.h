/*
 * c-unmapped-pointer: a single-table subclass is a model too, and a model
 * embedded by value anywhere but first is no inheritance: both map to
 * nothing without MG_RELATIONSHIP.
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

struct Team {
	int id            MG_COLUMN(primary_key=true);
	int boss_id       MG_FOREIGN_KEY(employee.id, index=true);
	struct Employee lead; // expect: c-unmapped-pointer
	struct Manager *boss; // expect: c-unmapped-pointer
} MG_MODEL();
