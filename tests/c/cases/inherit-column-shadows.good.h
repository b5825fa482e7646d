/*
 * inherit-column-shadows: the subclass's primary key takes the base's name
 * and references it (the inherit condition equates the two), and its other
 * columns have names of their own.
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
	char *nickname;
} MG_MODEL(polymorphic_identity=engineer);
