/*
 * Models that carry what ddl must write in each dialect: C types, defaults,
 * a schema, comments with quotes, backslashes and several lines, a composite
 * unique key and index, a key to the table itself and a cycle of keys.
 */
#include <stdbool.h>
#include <stdint.h>
#include <time.h>

#include <modelgraph/annotations.h>

enum Status { DRAFT, PUBLISHED };

struct Account;

/**
 * Who may sign in: the "owner" of each account.
 * A second line, with a backslash: C:\accounts.
 */
struct Member {
	int64_t id                MG_COLUMN(primary_key=true);
	char email[255]           MG_COLUMN(nullable=false, comment="the login's address; it's unique");
	bool active               MG_COLUMN(nullable=false, server_default=true);
	double score              MG_COLUMN(server_default=0.5);
	time_t joined             MG_COLUMN(server_default=CURRENT_TIMESTAMP);
	uint8_t avatar_hash[16];
	enum Status status        MG_COLUMN(server_default="draft");
	char *nickname            MG_COLUMN(server_default="it's me");
	int account_id            MG_FOREIGN_KEY(billing.account.id, ondelete=SET NULL);
	int64_t sponsor_id        MG_FOREIGN_KEY(member.id);
} MG_MODEL() MG_UNIQUE(email, account_id) MG_INDEX(ix_member_status_joined, status, joined);

/** An account, billed to one member. */
struct Account {
	int id                    MG_COLUMN(primary_key=true);
	int64_t owner_id          MG_FOREIGN_KEY(member.id, nullable=false, ondelete=RESTRICT, onupdate=CASCADE);
	char code[13]             MG_COLUMN(unique=true, nullable=false);
} MG_MODEL(schema=billing);
