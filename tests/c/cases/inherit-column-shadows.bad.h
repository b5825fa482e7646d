/*
 * inherit-column-shadows: a joined-table subclass declaring a column of its
 * base's name, and one named by name= like a base's field.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	char *name;
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
	char *name; // expect: inherit-column-shadows
} MG_MODEL(polymorphic_identity=engineer);
