/*
 * name-shadows-flask-query: attributes that replace Flask-SQLAlchemy's
 * Model.query and Model.query_class, as a column, a relationship and a
 * backref.
 */
#include <modelgraph/annotations.h>

struct Search;

struct SavedFilter {
	int id                       MG_COLUMN(primary_key=true);
	char *query                  MG_COLUMN(nullable=false); // expect: name-shadows-flask-query
	struct Search **searches     MG_RELATIONSHIP(Search, backref=query_class); // expect: name-shadows-flask-query
} MG_MODEL();

struct Search {
	int id                       MG_COLUMN(primary_key=true);
	int filter_id                MG_FOREIGN_KEY(saved_filter.id, index=true);
} MG_MODEL();
