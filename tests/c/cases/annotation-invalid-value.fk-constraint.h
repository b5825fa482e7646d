/*
 * MG_FOREIGN_KEY_CONSTRAINT: a foreign key over several columns, which a
 * relationship joins over as one (all its column pairs); its lists must
 * pair up, name columns of the table and references to one table.
 */
#include <modelgraph/annotations.h>

struct OrderLine;
struct Shipment;

struct Order {
	int id                      MG_COLUMN(primary_key=true);
	struct OrderLine **lines    MG_RELATIONSHIP(OrderLine, backref=order, cascade="all, delete-orphan");
} MG_MODEL(tablename=orders);

struct OrderLine {
	int order_id                MG_FOREIGN_KEY(orders.id);
	int line_no;
	char *item;
	struct Shipment **shipments MG_RELATIONSHIP(Shipment, back_populates=line);
} MG_MODEL() MG_PRIMARY_KEY(order_id, line_no);

struct Shipment {
	int id                      MG_COLUMN(primary_key=true);
	int order_id;
	int line_no;
	struct OrderLine *line      MG_RELATIONSHIP(OrderLine, back_populates=shipments);
} MG_MODEL()
  MG_FOREIGN_KEY_CONSTRAINT([order_id, line_no], [order_line.order_id, order_line.line_no],
                            ondelete=CASCADE, name=shipment_line_fkey)
  MG_INDEX(ix_shipment_line, order_id, line_no);

struct Return {
	int id                      MG_COLUMN(primary_key=true);
	int order_id;
	int line_no;
} MG_MODEL()
  MG_FOREIGN_KEY_CONSTRAINT([order_id, line], [order_line.order_id, order_line.line_no]) // expect: annotation-invalid-value
  MG_FOREIGN_KEY_CONSTRAINT([order_id], [order_line.order_id, order_line.line_no]) // expect: annotation-invalid-value
  MG_FOREIGN_KEY_CONSTRAINT([order_id, line_no], [order_line.order_id, orders.id]) // expect: annotation-invalid-value
  MG_FOREIGN_KEY_CONSTRAINT([order_id, line_no], [order_line.order_id, order_line.line_no], ondelete=CASCAD); // expect: annotation-invalid-value, fk-missing-index
