/* MG_ALLOW: with a reason it silences its rule on the struct or field; without
 * one it is an error; one that silences nothing is reported. */
#include <modelgraph/annotations.h>

struct Author {
    int id MG_COLUMN(primary_key=true);
} MG_MODEL();

struct Book {
    int id MG_COLUMN(primary_key=true);
    int author_id MG_FOREIGN_KEY(author.id) MG_ALLOW(fk-missing-index, "a few hundred books");
} MG_MODEL() MG_ALLOW(name-reserved-word, "no reserved word here");

struct AuditLog {
    int id MG_COLUMN(primary_key=true);
    char message[200];
} MG_MODEL() MG_ALLOW(table-isolated);
