/* Every C type the reader maps to an SQL type, and two it does not. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#include <modelgraph/annotations.h>

enum Status { ACTIVE, DISABLED };
typedef enum { SMALL, LARGE } Kind;

struct Sample {
	int id                MG_COLUMN(primary_key);
	int64_t big;
	short small;
	uint8_t byte;
	size_t count;
	bool flag;
	double ratio;
	float score;
	char initial;
	char name[81];
	char *bio;
	const char *motto;
	time_t created;
	struct tm updated;
	uint8_t digest[32];
	unsigned char *avatar;
	enum Status status;
	Kind kind;
	int price             MG_COLUMN(type=NUMERIC(10, 2));
	char label[9]         MG_COLUMN(type="char(8)");
	int *scores;
	int history[7];
} MG_MODEL();
