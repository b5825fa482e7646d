-- Judged as PostgreSQL (pg.yml): what the database would do, in words.
CREATE TABLE user (id BIGINT PRIMARY KEY, token UUID NOT NULL UNIQUE, code NUMERIC NOT NULL UNIQUE);
CREATE TABLE "Post" (
  id BIGINT PRIMARY KEY,
  user_id INTEGER NOT NULL REFERENCES user (id),
  user_token TEXT REFERENCES user (token),
  user_code INTEGER REFERENCES user (code),
  label INTEGER REFERENCES user (token),
  -- Numbers: an integer casts to numeric (accepted); numeric does not cast
  -- to bigint implicitly (refused).
  amount NUMERIC REFERENCES user (id)
);
CREATE INDEX ix_post_user ON "Post" (user_id);
CREATE INDEX ix_post_token ON "Post" (user_token);
CREATE INDEX ix_post_code ON "Post" (user_code);
CREATE INDEX ix_post_label ON "Post" (label);
CREATE INDEX ix_post_amount ON "Post" (amount);
