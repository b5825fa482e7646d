/*
 * inherit-no-join: joined-table inheritance, two levels deep, with a
 * single-table subclass beside; relationships of the base serve the
 * subclasses, and a subclass's relationship joins over its base's foreign
 * key.
 */
#include <modelgraph/annotations.h>

struct Employee;
struct Project;

struct Department {
	int id                      MG_COLUMN(primary_key=true);
	struct Employee **staff     MG_RELATIONSHIP(Employee, back_populates=department);
} MG_MODEL();

struct Employee {
	int id                      MG_COLUMN(primary_key=true);
	char type[21]               MG_COLUMN(nullable=false);
	char *name;
	int department_id           MG_FOREIGN_KEY(department.id, index=true);
	struct Department *department MG_RELATIONSHIP(Department, back_populates=staff);
} MG_MODEL(polymorphic_on=type, polymorphic_identity=employee);

struct Engineer {
	struct Employee base;
	int id                      MG_FOREIGN_KEY(employee.id, primary_key=true);
	char *language;
	struct Project **projects   MG_RELATIONSHIP(Project, backref=lead);
} MG_MODEL(polymorphic_identity=engineer);

struct Architect {
	struct Engineer base;
	int id                      MG_FOREIGN_KEY(engineer.id, primary_key=true);
	char *style;
} MG_MODEL(polymorphic_identity=architect);

struct Manager {
	struct Employee base;
	int budget;
} MG_MODEL(polymorphic_identity=manager);

struct Project {
	int id                      MG_COLUMN(primary_key=true);
	int lead_id                 MG_FOREIGN_KEY(engineer.id, index=true);
} MG_MODEL();
