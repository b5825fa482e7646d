/* use_alter: the key of a cycle that create_all adds by ALTER TABLE once
 * every table exists, and leaves out of the order the tables are created in. */
#include <modelgraph/annotations.h>

struct Widget {
	int id                 MG_COLUMN(primary_key=true);
	int favorite_entry_id  MG_FOREIGN_KEY(entry.id, use_alter=true, constraint_name=fk_favorite_entry);
} MG_MODEL();

struct Entry {
	int id                 MG_COLUMN(primary_key=true);
	int widget_id          MG_FOREIGN_KEY(widget.id, nullable=false);
} MG_MODEL();
