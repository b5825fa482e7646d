-- What the PostgreSQL reader must see, one feature each; reader.sh loads it
-- into a database of its own and compares `modelgraph dump` with
-- features.expected.json.
CREATE SCHEMA app;
COMMENT ON SCHEMA app IS 'a second schema';

CREATE TABLE customer (
    id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email varchar(120) NOT NULL UNIQUE,
    region char(2) NOT NULL,
    created timestamp(3) without time zone NOT NULL DEFAULT now(),
    note text
);
COMMENT ON TABLE customer IS 'who buys';
COMMENT ON COLUMN customer.email IS 'login, unique';

-- A column dropped after others: attribute numbers then have a gap.
CREATE TABLE product (
    sku text,
    obsolete int,
    name text NOT NULL,
    price numeric(10,2),
    PRIMARY KEY (sku)
);
ALTER TABLE product DROP COLUMN obsolete;
CREATE INDEX product_lower_name ON product (lower(name));
CREATE INDEX product_cheap ON product (price) WHERE price < 10;

-- A composite key, and a composite, deferrable foreign key to it.
CREATE TABLE region_price (
    sku text REFERENCES product ON DELETE CASCADE,
    region char(2),
    amount numeric(10,2) NOT NULL,
    PRIMARY KEY (sku, region)
);
CREATE TABLE quote (
    id bigserial PRIMARY KEY,
    sku text NOT NULL,
    region char(2) NOT NULL,
    customer_id integer REFERENCES customer (id) ON DELETE SET NULL ON UPDATE RESTRICT,
    CONSTRAINT quote_price_fkey FOREIGN KEY (sku, region) REFERENCES region_price (sku, region)
        DEFERRABLE INITIALLY DEFERRED,
    CONSTRAINT quote_once UNIQUE (customer_id, sku, region)
);

-- A partitioned table: the parent is read, its partitions are not.
CREATE TABLE app.event (
    id bigint NOT NULL,
    at date NOT NULL,
    customer_id integer NOT NULL REFERENCES public.customer (id),
    PRIMARY KEY (id, at)
) PARTITION BY RANGE (at);
CREATE TABLE app.event_2025 PARTITION OF app.event FOR VALUES FROM ('2025-01-01') TO ('2026-01-01');
CREATE TABLE app.event_2026 PARTITION OF app.event FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
CREATE INDEX event_customer ON app.event (customer_id);

-- A name only quotes can write.
CREATE TABLE app."Audit Log" (
    "Id" int PRIMARY KEY,
    "Event Id" bigint,
    "Event At" date,
    FOREIGN KEY ("Event Id", "Event At") REFERENCES app.event (id, at)
);

CREATE VIEW big_spenders AS SELECT c.id, c.email FROM customer AS c;
CREATE MATERIALIZED VIEW app.event_counts AS SELECT customer_id, count(*) AS n FROM app.event GROUP BY customer_id;
