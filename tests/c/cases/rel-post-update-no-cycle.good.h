/*
 * rel-post-update-no-cycle, fixed: post_update where rows point at each
 * other: two tables referencing each other, a table referencing itself.
 */
#include <modelgraph/annotations.h>

struct Entry;

struct Widget {
	int id                     MG_COLUMN(primary_key=true);
	int favorite_entry_id      MG_FOREIGN_KEY(entry.id, index=true);
	struct Entry **entries     MG_RELATIONSHIP(Entry, back_populates=widget,
	                                           foreign_keys=[Entry.widget_id]);
	struct Entry *favorite     MG_RELATIONSHIP(Entry, foreign_keys=[Widget.favorite_entry_id],
	                                           post_update=true);
} MG_MODEL();

struct Entry {
	int id                     MG_COLUMN(primary_key=true);
	int widget_id              MG_FOREIGN_KEY(widget.id, index=true);
	struct Widget *widget      MG_RELATIONSHIP(Widget, back_populates=entries,
	                                           foreign_keys=[Entry.widget_id]);
} MG_MODEL();

struct Node {
	int id                     MG_COLUMN(primary_key=true);
	int next_id                MG_FOREIGN_KEY(node.id, index=true);
	struct Node *next          MG_RELATIONSHIP(Node, remote_side=[id], post_update=true);
} MG_MODEL(); // expect: table-isolated
