/*
 * rel-backref-conflict: a subclass has the attributes of its base too, so a
 * backref onto the subclass may not take a name its base has.
 */
#include <modelgraph/annotations.h>

struct Department;

struct Employee {
	int id            MG_COLUMN(primary_key=true);
	char type[21];
	char *name;
	int department_id MG_FOREIGN_KEY(department.id, index=true);
	struct Department *department MG_RELATIONSHIP(Department, backref=staff);
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Engineer {
	struct Employee base;
	int id            MG_FOREIGN_KEY(employee.id, primary_key=true);
} MG_MODEL(polymorphic_identity=engineer);

struct Department {
	int id            MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Project {
	int id            MG_COLUMN(primary_key=true);
	int lead_id       MG_FOREIGN_KEY(engineer.id, index=true);
	int sponsor_id    MG_FOREIGN_KEY(engineer.id, index=true);
	struct Engineer *lead MG_RELATIONSHIP(Engineer, backref=name, foreign_keys=[Project.lead_id]); // expect: rel-backref-conflict
	struct Engineer *sponsor MG_RELATIONSHIP(Engineer, backref=department, foreign_keys=[Project.sponsor_id]); // expect: rel-backref-conflict
} MG_MODEL();
