/*
 * inherit-ambiguous-join: a subclass's table with a second foreign key to
 * its base's table (a mentor, another employee), or one back from the base:
 * SQLAlchemy cannot tell which is the inheritance.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	int favourite_id  MG_FOREIGN_KEY(manager.id, index=true);
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Engineer {
	struct Employee base; // expect: inherit-ambiguous-join
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
	int mentor_id     MG_FOREIGN_KEY(employee.id, index=true);
} MG_MODEL(polymorphic_identity=engineer);

struct Manager {
	struct Employee base; // expect: inherit-ambiguous-join
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
} MG_MODEL(polymorphic_identity=manager);
