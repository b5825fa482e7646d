/*
 * inherit-identity-missing: subclasses without an identity in a hierarchy
 * whose base names the discriminator.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int budget;
} MG_MODEL(); // expect: inherit-identity-missing

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
} MG_MODEL(); // expect: inherit-identity-missing
