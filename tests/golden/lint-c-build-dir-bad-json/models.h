/* A model to read with a wrong option. */
#include <modelgraph/annotations.h>

struct User {
    int id MG_COLUMN(primary_key=true);
} MG_MODEL();
