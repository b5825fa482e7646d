/*
 * inherit-polymorphic-on-unknown: the discriminator misspelt, and named by
 * its column name where the field (the attribute) has another name.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=typ, polymorphic_identity=employee); // expect: inherit-polymorphic-on-unknown

struct Vehicle {
	int id            MG_COLUMN(primary_key=true);
	char kind[21]     MG_COLUMN(name=type);
	int owner_id      MG_FOREIGN_KEY(employee.id, index=true);
} MG_MODEL(polymorphic_on=type, polymorphic_identity=vehicle); // expect: inherit-polymorphic-on-unknown
