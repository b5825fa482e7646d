-- A script whose configuration (dialect-mysql.yml) says it runs on MySQL:
-- MySQL refuses a foreign key between integers of another size or sign.

CREATE TABLE account (
  id BIGINT PRIMARY KEY,
  code SMALLINT NOT NULL UNIQUE,
  number INTEGER UNSIGNED NOT NULL UNIQUE
);

CREATE TABLE payment (
  id BIGINT PRIMARY KEY,
  -- Narrower: refused, and would overflow.
  account_id INTEGER NOT NULL REFERENCES account (id), -- expect: fk-type-mismatch
  -- Wider: refused too.
  account_code INTEGER REFERENCES account (code), -- expect: fk-type-mismatch
  -- Another sign: refused.
  account_number INTEGER REFERENCES account (number), -- expect: fk-type-mismatch
  -- Near miss: the same size and sign.
  payer_id BIGINT REFERENCES account (id),
  -- KEY is reserved in MySQL (quoted here); USER is not.
  "key" TEXT, -- expect: name-reserved-word
  user TEXT
);
CREATE INDEX ix_payment_account ON payment (account_id);
CREATE INDEX ix_payment_code ON payment (account_code);
CREATE INDEX ix_payment_number ON payment (account_number);
CREATE INDEX ix_payment_payer ON payment (payer_id);
