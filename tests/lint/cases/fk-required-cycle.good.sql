-- fk-required-cycle, fixed: one foreign key of each cycle is nullable, so
-- its rows can be inserted first and linked after.

CREATE TABLE department (
  id INTEGER PRIMARY KEY,
  manager_id INTEGER REFERENCES employee (id)
);
CREATE INDEX ix_department_manager ON department (manager_id);
CREATE TABLE employee (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department (id)
);
CREATE INDEX ix_employee_department ON employee (department_id);

-- A tree: the root has no parent.
CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER REFERENCES category (id)
);
CREATE INDEX ix_category_parent ON category (parent_id);
CREATE TABLE product (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES category (id)
);
CREATE INDEX ix_product_category ON product (category_id);

CREATE TABLE invoice (
  id INTEGER PRIMARY KEY,
  last_payment_id INTEGER REFERENCES payment (id)
);
CREATE INDEX ix_invoice_last_payment ON invoice (last_payment_id);
CREATE TABLE payment (
  id INTEGER PRIMARY KEY,
  receipt_id INTEGER NOT NULL REFERENCES receipt (id)
);
CREATE INDEX ix_payment_receipt ON payment (receipt_id);
CREATE TABLE receipt (
  id INTEGER PRIMARY KEY,
  invoice_id INTEGER NOT NULL REFERENCES invoice (id)
);
CREATE INDEX ix_receipt_invoice ON receipt (invoice_id);

-- Near miss: NOT NULL references that meet (a diamond) but never loop.
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payment (id),
  receipt_id INTEGER NOT NULL REFERENCES receipt (id)
);
CREATE INDEX ix_audit_payment ON audit (payment_id);
CREATE INDEX ix_audit_receipt ON audit (receipt_id);
