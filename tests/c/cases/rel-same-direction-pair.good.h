/*
 * rel-same-direction-pair: the many-to-one side carries remote_side (with
 * the backref on it, or back_populates on both); a one-to-many and its
 * many-to-one over one foreign key; a self-referential many-to-many.
 */
#include <modelgraph/annotations.h>

struct PredictionLog;

struct Tree {
	int id                      MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Node {
	int id                      MG_COLUMN(primary_key=true);
	int tree_id                 MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id               MG_FOREIGN_KEY(node.id, index=true);
	struct Node *parent         MG_RELATIONSHIP(Node, remote_side=[id], backref=children);
} MG_MODEL();

struct Category {
	int id                      MG_COLUMN(primary_key=true);
	int tree_id                 MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id               MG_FOREIGN_KEY(category.id, index=true);
	struct Category *parent     MG_RELATIONSHIP(Category, back_populates=children, remote_side=[Category.id]);
	struct Category **children  MG_RELATIONSHIP(Category, back_populates=parent);
} MG_MODEL();

struct Stock {
	int id                      MG_COLUMN(primary_key=true);
	int prediction_id           MG_FOREIGN_KEY(prediction_log.id, index=true);
	struct PredictionLog **predictions MG_RELATIONSHIP(PredictionLog, back_populates=stock,
	                                                   foreign_keys=[PredictionLog.stock_id]);
} MG_MODEL();

struct PredictionLog {
	int id                      MG_COLUMN(primary_key=true);
	int stock_id                MG_FOREIGN_KEY(stock.id, index=true);
	struct Stock *stock         MG_RELATIONSHIP(Stock, back_populates=predictions,
	                                            foreign_keys=[PredictionLog.stock_id]);
} MG_MODEL();
