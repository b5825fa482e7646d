/*
 * inherit-column-conflict: a single-table subclass declaring again a column
 * of its base's table.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	char *name;
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	char *name; // expect: inherit-column-conflict
	int budget;
} MG_MODEL(polymorphic_identity=manager);
