/* Needs -Iinc for ids.h; -DWITH_OWNER adds a foreign key to a missing table. */
#include <modelgraph/annotations.h>
#include "ids.h"

struct Thing {
    row_id id MG_COLUMN(primary_key=true);
#ifdef WITH_OWNER
    row_id owner_id MG_FOREIGN_KEY(owners.id);
#endif
} MG_MODEL();
