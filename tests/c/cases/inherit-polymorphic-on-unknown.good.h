/*
 * inherit-polymorphic-on-unknown: the discriminator named by its field, also
 * when name= gives its column another name, and named by a subclass.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Vehicle {
	int id            MG_COLUMN(primary_key=true);
	char kind[21]     MG_COLUMN(name=type);
	int owner_id      MG_FOREIGN_KEY(employee.id, index=true);
} MG_MODEL(polymorphic_identity=vehicle);

struct Truck {
	struct Vehicle base;
	int load;
} MG_MODEL(polymorphic_on=kind, polymorphic_identity=truck);
