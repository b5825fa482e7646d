-- fk-required-cycle: tables that reference each other through NOT NULL
-- foreign keys, so that none of them can get a first row. A cycle is
-- reported once, on its first table by name.

-- Two tables.
CREATE TABLE department ( -- expect: fk-required-cycle
  id INTEGER PRIMARY KEY,
  manager_id INTEGER NOT NULL REFERENCES employee (id)
);
CREATE INDEX ix_department_manager ON department (manager_id);
CREATE TABLE employee (
  id INTEGER PRIMARY KEY,
  department_id INTEGER NOT NULL REFERENCES department (id)
);
CREATE INDEX ix_employee_department ON employee (department_id);

-- A table that references itself is no cycle: its first row can reference
-- itself (INSERT INTO category VALUES (1, 1) is accepted).
CREATE TABLE category (
  id INTEGER PRIMARY KEY,
  parent_id INTEGER NOT NULL REFERENCES category (id)
);
CREATE INDEX ix_category_parent ON category (parent_id);
CREATE TABLE product (
  id INTEGER PRIMARY KEY,
  category_id INTEGER NOT NULL REFERENCES category (id)
);
CREATE INDEX ix_product_category ON product (category_id);

-- Three tables, entered from a table outside the cycle.
CREATE TABLE invoice ( -- expect: fk-required-cycle
  id INTEGER PRIMARY KEY,
  last_payment_id INTEGER NOT NULL REFERENCES payment (id)
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
CREATE TABLE audit (
  id INTEGER PRIMARY KEY,
  payment_id INTEGER NOT NULL REFERENCES payment (id)
);
CREATE INDEX ix_audit_payment ON audit (payment_id);
