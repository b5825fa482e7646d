/* The findings formats `lint --format` offers: one row each. */

#include <string.h>

#include "render/render.h"

static void write_text(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out)
{
	mg_text_report_options options = {.color = settings->color, .fix_hints = true};
	mg_report_text(findings, &options, out);
}

static void write_json(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out)
{
	(void)settings;
	mg_report_json(findings, out);
}

static void write_sarif(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out)
{
	mg_report_sarif(findings, settings->tool_version, out);
}

static void write_junit(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out)
{
	mg_report_junit(findings, settings->diff, out);
}

static void write_github(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out)
{
	(void)settings;
	mg_report_github(findings, out);
}

/* The one list of reporters: the table and the option's choices are both
 * made from it, so a format is added in one row. */
#define MG_REPORTERS(X) X(text) X(json) X(sarif) X(junit) X(github)

#define MG_REPORTER_ROW(format) {.name = #format, .write = write_##format},
static const mg_reporter reporters[] = {MG_REPORTERS(MG_REPORTER_ROW)};

#define MG_REPORTER_NAME(format) #format,
const char *const mg_reporter_names[] = {MG_REPORTERS(MG_REPORTER_NAME) NULL};

const mg_reporter *mg_reporter_find(const char *name)
{
	for (size_t i = 0; i < sizeof(reporters) / sizeof(reporters[0]); i++)
		if (strcmp(reporters[i].name, name) == 0)
			return &reporters[i];
	return NULL;
}
