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
	(void)settings;
	mg_report_junit(findings, out);
}

static void write_github(const mg_findings *findings, const mg_report_settings *settings, mg_buf *out)
{
	(void)settings;
	mg_report_github(findings, out);
}

static const mg_reporter reporters[] = {
	{.name = "text", .write = write_text},
	{.name = "json", .write = write_json},
	{.name = "sarif", .write = write_sarif},
	{.name = "junit", .write = write_junit},
	{.name = "github", .write = write_github},
};

#define NREPORTERS (sizeof(reporters) / sizeof(reporters[0]))

/* The same names, NULL-terminated, for option tables. */
const char *const mg_reporter_names[] = {"text", "json", "sarif", "junit", "github", NULL};

_Static_assert(sizeof(mg_reporter_names) / sizeof(mg_reporter_names[0]) == NREPORTERS + 1,
	       "mg_reporter_names lists every reporter");

const mg_reporter *mg_reporter_find(const char *name)
{
	for (size_t i = 0; i < NREPORTERS; i++)
		if (strcmp(reporters[i].name, name) == 0 && strcmp(mg_reporter_names[i], name) == 0)
			return &reporters[i];
	return NULL;
}
