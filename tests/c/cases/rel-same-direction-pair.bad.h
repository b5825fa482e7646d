/*
 * rel-same-direction-pair: a self-referential backref without remote_side
 * (both sides one-to-many), a back_populates pair without it, and a pair
 * whose foreign_keys= send the two sides along different foreign keys
 * (both many-to-one).
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
	struct Node **children      MG_RELATIONSHIP(Node, backref=parent); // expect: rel-same-direction-pair
} MG_MODEL();

struct Category {
	int id                      MG_COLUMN(primary_key=true);
	int tree_id                 MG_FOREIGN_KEY(tree.id, index=true);
	int parent_id               MG_FOREIGN_KEY(category.id, index=true);
	struct Category *parent     MG_RELATIONSHIP(Category, back_populates=children);
	struct Category **children  MG_RELATIONSHIP(Category, back_populates=parent); // expect: rel-same-direction-pair
} MG_MODEL();

struct Stock {
	int id                      MG_COLUMN(primary_key=true);
	int prediction_id           MG_FOREIGN_KEY(prediction_log.id, index=true);
	struct PredictionLog *prediction MG_RELATIONSHIP(PredictionLog, back_populates=stock,
	                                                 foreign_keys=[Stock.prediction_id]);
} MG_MODEL();

struct PredictionLog {
	int id                      MG_COLUMN(primary_key=true);
	int stock_id                MG_FOREIGN_KEY(stock.id, index=true);
	struct Stock *stock         MG_RELATIONSHIP(Stock, back_populates=prediction, // expect: rel-same-direction-pair
	                                            foreign_keys=[PredictionLog.stock_id]);
} MG_MODEL();
