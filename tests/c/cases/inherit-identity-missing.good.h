/*
 * inherit-identity-missing: without a discriminator no identity is needed
 * (the base's rows only are loaded as what they are), and the base itself
 * may go without one.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type);

struct Manager {
	struct Employee base;
	int budget;
} MG_MODEL(polymorphic_identity=manager);

struct Vehicle {
	int id            MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Truck {
	struct Vehicle base;
	int id            MG_FOREIGN_KEY(vehicle.id, primary_key=true);
	int driver_id     MG_FOREIGN_KEY(employee.id, index=true);
} MG_MODEL();
