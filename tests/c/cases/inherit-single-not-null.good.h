/*
 * inherit-single-not-null: nullable columns, a NOT NULL one with a default,
 * and NOT NULL columns on a subclass with a table of its own.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21]     MG_COLUMN(nullable=false);
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int budget;
	int reports       MG_COLUMN(nullable=false, server_default=0);
} MG_MODEL(polymorphic_identity=manager);

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
	char *language    MG_COLUMN(nullable=false);
} MG_MODEL(polymorphic_identity=engineer);
