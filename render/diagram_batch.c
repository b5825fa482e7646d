/*
 * Many diagrams at once: the overview and the pages of a large schema, or a
 * diagram per table for the docs site. gvc is not thread safe, so the jobs
 * are shared among worker processes forked from the one parsed graph; each
 * writes its files itself and reports notes and errors through a pipe.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "render/diagram_cgraph.h"
#include "render/diagram_dot.h"
#include "render/diagram_pages.h"
#include "util/escape.h"

static void put_overview_dot(Agraph_t *g, const mg_diagram_pages *pages, const mg_diagram_options *options,
			     const char *extension, mg_buf *scratch)
{
	const mg_diagram_palette *pal = mg_diagram_palette_of(options->theme);
	mg_gv.agattr(g, AGRAPH, mg_cg_str("rankdir"), mg_cg_str("LR"));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("bgcolor"), mg_cg_str(pal->background));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("fontname"), mg_cg_str("Helvetica"));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("nslimit"), mg_cg_str("2"));
	mg_gv.agattr(g, AGRAPH, mg_cg_str("nslimit1"), mg_cg_str("2"));
	mg_gv.agattr(g, AGNODE, mg_cg_str("shape"), mg_cg_str("box"));
	mg_gv.agattr(g, AGNODE, mg_cg_str("style"), mg_cg_str("rounded,filled"));
	mg_gv.agattr(g, AGNODE, mg_cg_str("fillcolor"), mg_cg_str(pal->header));
	mg_gv.agattr(g, AGNODE, mg_cg_str("color"), mg_cg_str(pal->border));
	mg_gv.agattr(g, AGNODE, mg_cg_str("fontcolor"), mg_cg_str(pal->header_text));
	mg_gv.agattr(g, AGNODE, mg_cg_str("fontname"), mg_cg_str("Helvetica"));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("dir"), mg_cg_str("none"));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("color"), mg_cg_str(pal->edge));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("fontcolor"), mg_cg_str(pal->muted));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("fontname"), mg_cg_str("Helvetica"));
	mg_gv.agattr(g, AGEDGE, mg_cg_str("fontsize"), mg_cg_str("9"));
	Agnode_t **nodes = calloc(pages->npages ? pages->npages : 1, sizeof(*nodes));
	if (!nodes) {
		scratch->failed = 1;
		return;
	}
	for (size_t i = 0; i < pages->npages; i++) {
		const mg_diagram_page *p = &pages->pages[i];
		nodes[i] = mg_gv.agnode(g, p->stem, 1);
		scratch->len = 0;
		mg_escape_dot_string(scratch, p->name);
		mg_buf_printf(scratch, "\\n%zu table%s", p->ntables, p->ntables == 1 ? "" : "s");
		mg_cg_set(nodes[i], "label", scratch->data);
		scratch->len = 0;
		mg_buf_printf(scratch, "%s%s", p->stem, extension ? extension : "");
		mg_cg_set(nodes[i], "URL", scratch->data);
	}
	for (size_t i = 0; i < pages->nlinks; i++) {
		const mg_diagram_link *l = &pages->links[i];
		Agedge_t *e = mg_gv.agedge(g, nodes[l->a], nodes[l->b], NULL, 1);
		scratch->len = 0;
		mg_buf_printf(scratch, "%zu", l->count);
		mg_cg_set(e, "label", scratch->data);
		scratch->len = 0;
		unsigned width = 1; /* 1 + log2(count), at most 6 */
		for (size_t c = l->count; c > 1 && width < 6; c /= 2)
			width++;
		mg_buf_printf(scratch, "%u", width);
		mg_cg_set(e, "penwidth", scratch->data);
	}
	free(nodes);
}

static void put_overview_text(const mg_diagram_pages *pages, mg_diagram_format format, mg_buf *out)
{
	bool mermaid = format == MG_DIAGRAM_MERMAID;
	mg_buf_puts(out, mermaid ? "erDiagram\n" : "@startuml\nhide circle\nhide empty members\n");
	for (size_t i = 0; i < pages->npages; i++) {
		const mg_diagram_page *p = &pages->pages[i];
		if (mermaid) {
			mg_buf_printf(out, "    p-%s[\"", p->stem);
			mg_escape_diagram_text(out, p->name, 0);
			mg_buf_printf(out, "\"] {\n        count tables \"%zu tables\"\n    }\n", p->ntables);
		} else {
			mg_buf_puts(out, "entity \"");
			mg_escape_diagram_text(out, p->name, 1);
			mg_buf_puts(out, "\" as p_");
			for (const char *c = p->stem; *c; c++)
				mg_buf_puts(out, *c == '_' ? "__" : *c == '-' ? "_" : (char[]){*c, 0});
			mg_buf_printf(out, " {\n  %zu tables\n}\n", p->ntables);
		}
	}
	for (size_t i = 0; i < pages->nlinks; i++) {
		const mg_diagram_link *l = &pages->links[i];
		const char *a = pages->pages[l->a].stem, *b = pages->pages[l->b].stem;
		if (mermaid) {
			mg_buf_printf(out, "    p-%s }o--o{ p-%s : \"%zu keys\"\n", a, b, l->count);
			continue;
		}
		mg_buf_puts(out, "p_");
		for (const char *c = a; *c; c++)
			mg_buf_puts(out, *c == '_' ? "__" : *c == '-' ? "_" : (char[]){*c, 0});
		mg_buf_puts(out, " }o--o{ p_");
		for (const char *c = b; *c; c++)
			mg_buf_puts(out, *c == '_' ? "__" : *c == '-' ? "_" : (char[]){*c, 0});
		mg_buf_printf(out, " : %zu keys\n", l->count);
	}
	if (!mermaid)
		mg_buf_puts(out, "@enduml\n");
}

int mg_diagram_render_overview(const mg_diagram_pages *pages, const mg_diagram_options *options,
			       mg_diagram_format format, const char *extension, mg_buf *out, mg_buf *notes,
			       mg_error *err)
{
	if (format == MG_DIAGRAM_MERMAID || format == MG_DIAGRAM_PLANTUML) {
		put_overview_text(pages, format, out);
		return 0;
	}
	if (mg_graphviz_load(MG_DIAGRAM_WITHOUT_GRAPHVIZ, err) < 0)
		return -1;
	mg_buf scratch = MG_BUF_INIT;
	int status = -1;
	Agraph_t *g = mg_gv.agopen(mg_cg_str("overview"), *mg_gv.Agdirected, mg_diagram_discipline());
	if (!g) {
		mg_error_set(err, "out of memory while building the overview");
		return -1;
	}
	put_overview_dot(g, pages, options, extension, &scratch);
	if (scratch.failed) {
		mg_error_set(err, "out of memory while building the overview");
		goto cleanup;
	}
	if (format == MG_DIAGRAM_DOT) {
		char *data = NULL;
		size_t len = 0;
		FILE *fp = open_memstream(&data, &len);
		if (!fp || mg_gv.agwrite(g, fp) != 0) {
			if (fp)
				fclose(fp);
			free(data);
			mg_error_set(err, "cannot write DOT");
			goto cleanup;
		}
		fclose(fp);
		mg_buf_put(out, data, len);
		free(data);
		status = 0;
	} else {
		status = mg_diagram_layout_render(g, format, options->layout_timeout, out, notes, err);
	}
cleanup:
	mg_gv.agclose(g);
	mg_buf_free(&scratch);
	return status;
}

/* Writes data to path through a temporary file beside it. */
static int write_file(const char *path, const mg_buf *data, mg_error *err)
{
	mg_buf tmp = MG_BUF_INIT;
	mg_buf_printf(&tmp, "%s.tmp%ld", path, (long)getpid());
	int status = -1;
	int fd = tmp.failed ? -1 : open(tmp.data, O_WRONLY | O_CREAT | O_TRUNC, 0666);
	if (fd < 0) {
		mg_error_set(err, "%s: cannot write: %s", path, strerror(errno));
		goto cleanup;
	}
	const char *p = data->data ? data->data : "";
	size_t left = data->len;
	while (left) {
		ssize_t n = write(fd, p, left);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0) {
			mg_error_set(err, "%s: cannot write: %s", path, strerror(errno));
			close(fd);
			unlink(tmp.data);
			goto cleanup;
		}
		p += n;
		left -= (size_t)n;
	}
	if (close(fd) < 0 || rename(tmp.data, path) < 0) {
		mg_error_set(err, "%s: cannot write: %s", path, strerror(errno));
		unlink(tmp.data);
		goto cleanup;
	}
	status = 0;
cleanup:
	mg_buf_free(&tmp);
	return status;
}

static int run_job(const mg_graph *graph, const mg_diagram_options *options, const mg_diagram_job *job,
		   mg_buf *notes, mg_error *err)
{
	mg_buf out = MG_BUF_INIT;
	mg_diagram *d = NULL;
	int status = -1;
	if (job->overview) {
		if (mg_diagram_render_overview(job->overview, options, job->format, job->extension, &out, notes,
					       err) < 0)
			goto cleanup;
	} else {
		d = mg_diagram_select(graph, &job->scope, options, err);
		if (!d || mg_diagram_render(d, job->format, &out, notes, err) < 0)
			goto cleanup;
	}
	status = write_file(job->path, &out, err);
cleanup:
	mg_diagram_free(d);
	mg_buf_free(&out);
	return status;
}

/* In a worker: jobs first, first + step, …; notes as "N text", the error as "E text". */
static int run_share(const mg_graph *graph, const mg_diagram_options *options, const mg_diagram_job *jobs,
		     size_t njobs, size_t first, size_t step, mg_buf *report)
{
	for (size_t i = first; i < njobs; i += step) {
		mg_buf notes = MG_BUF_INIT;
		mg_error err = {{0}};
		int result = run_job(graph, options, &jobs[i], &notes, &err);
		for (const char *p = notes.data; p && *p;) {
			size_t len = strcspn(p, "\n");
			mg_buf_printf(report, "N %s: %.*s\n", jobs[i].path, (int)len, p);
			p += len + (p[len] == '\n');
		}
		mg_buf_free(&notes);
		if (result < 0) {
			mg_buf_printf(report, "E %s\n", err.message);
			return -1;
		}
	}
	return 0;
}

static void take_report(const char *text, mg_buf *notes, mg_error *err, bool *failed)
{
	for (const char *p = text; p && *p;) {
		size_t len = strcspn(p, "\n");
		if (p[0] == 'N' && notes)
			mg_buf_printf(notes, "%.*s\n", (int)(len - 2), p + 2);
		else if (p[0] == 'E' && !*failed) {
			mg_error_set(err, "%.*s", (int)(len - 2), p + 2);
			*failed = true;
		}
		p += len + (p[len] == '\n');
	}
}

int mg_diagram_render_files(const mg_graph *graph, const mg_diagram_options *options,
			    const mg_diagram_job *jobs, size_t njobs, unsigned workers, mg_buf *notes,
			    mg_error *err)
{
	bool failed = false;
	if (workers < 1)
		workers = 1;
	if (workers > njobs)
		workers = (unsigned)(njobs ? njobs : 1);
	if (workers == 1) {
		mg_buf report = MG_BUF_INIT;
		run_share(graph, options, jobs, njobs, 0, 1, &report);
		take_report(report.data, notes, err, &failed);
		mg_buf_free(&report);
		return failed ? -1 : 0;
	}
	pid_t pids[64];
	int fds[64];
	if (workers > 64)
		workers = 64;
	unsigned started = 0;
	for (; started < workers; started++) {
		int pipefd[2];
		if (pipe(pipefd) < 0)
			break;
		pid_t pid = fork();
		if (pid < 0) {
			close(pipefd[0]);
			close(pipefd[1]);
			break;
		}
		if (pid == 0) {
			close(pipefd[0]);
			mg_buf report = MG_BUF_INIT;
			int result = run_share(graph, options, jobs, njobs, started, workers, &report);
			const char *p = report.data ? report.data : "";
			size_t left = report.len;
			while (left) {
				ssize_t n = write(pipefd[1], p, left);
				if (n < 0 && errno == EINTR)
					continue;
				if (n < 0)
					break;
				p += n;
				left -= (size_t)n;
			}
			_exit(result < 0 ? 1 : 0);
		}
		close(pipefd[1]);
		pids[started] = pid;
		fds[started] = pipefd[0];
	}
	if (started < workers) {
		/* Could not start them all: the shares of the missing ones are lost,
		 * so stop the others and report. */
		for (unsigned i = 0; i < started; i++) {
			kill(pids[i], SIGKILL);
			close(fds[i]);
			waitpid(pids[i], NULL, 0);
		}
		mg_error_set(err, "cannot start worker processes: %s", strerror(errno));
		return -1;
	}
	for (unsigned i = 0; i < workers; i++) {
		mg_buf report = MG_BUF_INIT;
		char chunk[4096];
		for (;;) {
			ssize_t n = read(fds[i], chunk, sizeof chunk);
			if (n < 0 && errno == EINTR)
				continue;
			if (n <= 0)
				break;
			mg_buf_put(&report, chunk, (size_t)n);
		}
		close(fds[i]);
		int wstatus = 0;
		while (waitpid(pids[i], &wstatus, 0) < 0 && errno == EINTR)
			;
		take_report(report.data, notes, err, &failed);
		if (!failed && !(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0)) {
			mg_error_set(err, "a diagram worker process failed");
			failed = true;
		}
		mg_buf_free(&report);
	}
	return failed ? -1 : 0;
}
