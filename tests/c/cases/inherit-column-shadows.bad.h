/*
 * inherit-column-shadows: a joined-table subclass declaring a column of its
 * base's name, and one joined by a key other than its primary key.
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

/* The key that joins is not the primary key: the two "id" columns are
 * not equated by the join, and SQLAlchemy combines them all the same. */
struct Vehicle {
	int id            MG_COLUMN(primary_key=true);
	char kind[21];
} MG_MODEL(polymorphic_on=kind, polymorphic_identity=vehicle);

struct Truck {
	struct Vehicle base;
	int id            MG_COLUMN(primary_key=true); // expect: inherit-column-shadows
	int vehicle_id    MG_FOREIGN_KEY(vehicle.id, unique=true);
} MG_MODEL(polymorphic_identity=truck);
