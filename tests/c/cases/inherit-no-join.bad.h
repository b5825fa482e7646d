/*
 * inherit-no-join: a subclass with a table of its own whose key does not
 * reference its base's table: SQLAlchemy cannot join the two.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	char *name;
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Engineer {
	struct Employee base; // expect: inherit-no-join
	int id            MG_COLUMN(primary_key=true);
	char *language;
} MG_MODEL(polymorphic_identity=engineer);
