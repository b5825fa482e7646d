/*
 * inherit-column-conflict: single-table subclasses add columns of their own
 * to the base's table; a joined-table subclass has its own table.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	char *name;
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int budget;
} MG_MODEL(polymorphic_identity=manager);

struct Director {
	struct Manager base;
	char *office;
} MG_MODEL(polymorphic_identity=director);

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
	char *language;
} MG_MODEL(polymorphic_identity=engineer);
