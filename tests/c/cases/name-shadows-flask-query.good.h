/*
 * name-shadows-flask-query: a column named query, kept in the table under
 * another attribute name, and attributes that only start like the names.
 */
#include <modelgraph/annotations.h>

struct Search;

struct SavedFilter {
	int id                       MG_COLUMN(primary_key=true);
	char *expression             MG_COLUMN(name=query, nullable=false);
	char *query_text;
	struct Search **searches     MG_RELATIONSHIP(Search, backref=saved_filter);
} MG_MODEL();

struct Search {
	int id                       MG_COLUMN(primary_key=true);
	int filter_id                MG_FOREIGN_KEY(saved_filter.id, index=true);
} MG_MODEL();
