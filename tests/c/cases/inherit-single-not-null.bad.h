/*
 * inherit-single-not-null: a single-table subclass's NOT NULL column, which
 * the rows of the base and of the other subclasses cannot fill.
 */
#include <modelgraph/annotations.h>

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Manager {
	struct Employee base;
	int budget        MG_COLUMN(nullable=false); // expect: inherit-single-not-null
	char *office;
} MG_MODEL(polymorphic_identity=manager);
