/* Hostile doc comments, C names and defaults: descriptions are text. */
#include <modelgraph/annotations.h>

/** <script>alert('table comment')</script> <img src=x onerror=alert(5)> */
struct Victim {
	int id MG_COLUMN(primary_key=true); /**< <a href="javascript:alert(6)">click</a> */
	char note[41] MG_COLUMN(default="</td><script>alert(7)</script>"); /**< "quoted" & 'single' */
} MG_MODEL(tablename=victim, comment="{{#site}}<iframe src=javascript:alert(8)>{{/site}}");
