/* A shop: foreign keys, relationships with every option, comments. */
#include <modelgraph/annotations.h>

struct Order;
struct Address;

/** Someone who buys.
 *
 * Customers are never deleted, only disabled. */
struct Customer {
	int id                       MG_COLUMN(primary_key);
	char email[121];             /**< where receipts go */
	/// full name, as printed on invoices
	char *name;
	struct Order **orders        MG_RELATIONSHIP(Order, backref=customer, cascade="all, delete-orphan",
	                                             lazy=dynamic, order_by=Order.placed desc,
	                                             foreign_keys=[Order.customer_id]);
	struct Address *addresses[4] MG_RELATIONSHIP(Address, back_populates=owner, secondary=customer_addresses);
	struct Customer *referrer    MG_RELATIONSHIP(Customer, remote_side=[id], uselist=false, viewonly,
	                                             overlaps="orders, addresses");
	struct Order *last_order;
	void *session                MG_TRANSIENT;
} MG_MODEL();

/** Doc comment that comment= replaces. */
struct Order {
	int id                       MG_COLUMN(primary_key);
	long placed;
	int total                    MG_COLUMN(comment="in cents");
	int coupon_id                MG_FOREIGN_KEY(coupon.id, ondelete=SET NULL, constraint_name=orders_coupon_fkey);
	int customer_id              MG_FOREIGN_KEY(customer.id, nullable=false, ondelete=CASCADE,
	                                            onupdate=NO ACTION, index=true);
	int warehouse_id             MG_FOREIGN_KEY(warehouse.id, constraint_name=orders_warehouse_fkey);
} MG_MODEL(tablename=orders, comment="an order, paid or not");

struct Coupon { int id MG_COLUMN(primary_key); } MG_MODEL();
