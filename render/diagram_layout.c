/*
 * Layout and rendering through gvc, in process but in a forked child: a
 * layout can take minutes on a large graph and gvc cannot be interrupted,
 * so the parent waits with a deadline, kills the child past it, and tries
 * again with cheaper settings, then a cheaper engine. The child gets a copy
 * of the graph; the parent's is never changed.
 */
#define _POSIX_C_SOURCE 200809L

#include <errno.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "render/diagram.h"
#include "render/diagram_cgraph.h"

/* The tries, most faithful first. Each row's settings add to the graph's. */
typedef struct layout_try {
	const char *engine;
	const char *const (*settings)[2];
	size_t nsettings;
	const char *describe;     /* for the message when this try is taken */
} layout_try;

static const char *const cheaper_dot[][2] = {
	{"nslimit", "1"}, {"nslimit1", "1"}, {"mclimit", "0.2"}, {"searchsize", "20"},
	{"remincross", "false"},
};
static const char *const cheapest_dot[][2] = {
	{"nslimit", "0.5"}, {"nslimit1", "0.5"}, {"mclimit", "0.05"}, {"searchsize", "5"},
	{"remincross", "false"}, {"splines", "polyline"},
};
static const char *const sfdp_settings[][2] = {
	{"overlap", "prism"}, {"splines", "false"}, {"sep", "+8"},
};

static const layout_try tries[] = {
	{.engine = "dot", .settings = NULL, .nsettings = 0, .describe = "dot"},
	{.engine = "dot", .settings = cheaper_dot, .nsettings = 5,
	 .describe = "dot with fewer passes (nslimit=1 mclimit=0.2 searchsize=20)"},
	{.engine = "dot", .settings = cheapest_dot, .nsettings = 6,
	 .describe = "dot with the cheapest settings and straight edge routing"},
	{.engine = "sfdp", .settings = sfdp_settings, .nsettings = 3,
	 .describe = "sfdp (force-directed: faster, less orderly)"},
};

static const char *const device_of[] = {
	[MG_DIAGRAM_SVG] = "svg",
	[MG_DIAGRAM_PNG] = "png:cairo",
	[MG_DIAGRAM_PDF] = "pdf:cairo",
	[MG_DIAGRAM_DOT] = "dot",
};

static double now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

static int write_all(int fd, const char *data, size_t len)
{
	while (len) {
		ssize_t n = write(fd, data, len);
		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

/*
 * One gvc context per process, its plugins loaded by a first tiny layout
 * and render of each device, before any fork: each layout child inherits
 * them instead of reading graphviz's configuration and loading its
 * libraries again, which cost more than laying out a small diagram.
 */
static GVC_t *shared_gvc;
static const char *warmed[8];

static void warm_up(const char *engine, const char *device)
{
	size_t n = 0;
	while (n < sizeof(warmed) / sizeof(warmed[0]) && warmed[n]) {
		if (strcmp(warmed[n], device) == 0)
			return;
		n++;
	}
	if (!shared_gvc)
		shared_gvc = mg_gv.gvContext();
	if (!shared_gvc || n == sizeof(warmed) / sizeof(warmed[0]))
		return;
	Agraph_t *g = mg_gv.agopen(mg_cg_str("warm"), *mg_gv.Agdirected, NULL);
	if (!g)
		return;
	/* A point without text: the plugins load, fonts stay untouched (font
	 * caches are the layout child's, so this process holds none). */
	Agnode_t *point = mg_gv.agnode(g, mg_cg_str("a"), 1);
	mg_cg_set(point, "shape", "point");
	mg_cg_set(point, "label", "");
	char *data = NULL;
	unsigned int len = 0;
	mg_gv.agseterr(AGMAX); /* nothing to report about a graph of one node */
	if (mg_gv.gvLayout(shared_gvc, g, engine) == 0) {
		if (mg_gv.gvRenderData(shared_gvc, g, device, &data, &len) == 0)
			mg_gv.gvFreeRenderData(data);
		mg_gv.gvFreeLayout(shared_gvc, g);
	}
	mg_gv.agseterr(AGWARN);
	mg_gv.agclose(g);
	warmed[n] = device;
}

/* In the child: graphviz's messages go to this pipe, which the parent
 * drains while it reads the output (see read_until). */
static int error_fd = -1;

static int collect_error(char *message)
{
	if (error_fd >= 0)
		(void)write_all(error_fd, message, strlen(message));
	return 0;
}

/* In the child: lays out and renders, writes the bytes to fd; never returns.
 * Standard error goes to err_fd too: graphviz's plugins print some messages
 * there themselves (cairo: "graph is too large for cairo-renderer bitmaps"),
 * which must reach the user as modelgraph's notes, not as stray lines. */
static void run_layout(Agraph_t *g, const layout_try *t, const char *device, int fd, int err_fd)
{
	int code = 1;
	error_fd = err_fd;
	(void)dup2(err_fd, STDERR_FILENO);
	mg_gv.agseterr(AGERR); /* warnings (an unknown port, say) are not failures */
	mg_gv.agseterrf(collect_error);
	for (size_t i = 0; i < t->nsettings; i++)
		mg_cg_set(g, t->settings[i][0], t->settings[i][1]);
	GVC_t *gvc = shared_gvc ? shared_gvc : mg_gv.gvContext();
	char *data = NULL;
	unsigned int len = 0;
	if (gvc && mg_gv.gvLayout(gvc, g, t->engine) == 0) {
		if (mg_gv.gvRenderData(gvc, g, device, &data, &len) == 0 && write_all(fd, data, len) == 0)
			code = 0;
		/* The process ends here: the kernel frees what gvc holds. */
	}
	_exit(code);
}

/* What the child printed on its error pipe: the first few KB are kept, the
 * rest read and dropped, so that the child never blocks on a full pipe. */
typedef struct child_messages {
	char text[4096];
	size_t len;
} child_messages;

/* One read from the error pipe: 0 at its end, 1 after a read. */
static int drain_messages(int fd, child_messages *m)
{
	char chunk[4096];
	ssize_t n = read(fd, chunk, sizeof chunk);
	if (n < 0 && errno == EINTR)
		return 1;
	if (n <= 0)
		return 0;
	size_t keep = (size_t)n < sizeof m->text - 1 - m->len ? (size_t)n : sizeof m->text - 1 - m->len;
	memcpy(m->text + m->len, chunk, keep);
	m->len += keep;
	m->text[m->len] = '\0';
	return 1;
}

/* Reads the child's output until it closes the pipe or the deadline passes,
 * and its messages meanwhile. 0 done, 1 out of time, -1 read error. */
static int read_until(int fd, int err_fd, double deadline, mg_buf *out, child_messages *m)
{
	char chunk[65536];
	for (;;) {
		int wait_ms = -1;
		if (deadline > 0) {
			double left = deadline - now();
			if (left <= 0)
				return 1;
			wait_ms = (int)(left * 1000) + 1;
		}
		struct pollfd p[2] = {{.fd = fd, .events = POLLIN}, {.fd = err_fd, .events = POLLIN}};
		int ready = poll(p, err_fd >= 0 ? 2 : 1, wait_ms);
		if (ready < 0 && errno == EINTR)
			continue;
		if (ready < 0)
			return -1;
		if (ready == 0)
			continue; /* the deadline check above ends the wait */
		if (err_fd >= 0 && p[1].revents && !drain_messages(err_fd, m))
			err_fd = -1; /* closed: poll the output alone */
		if (!p[0].revents)
			continue;
		ssize_t n = read(fd, chunk, sizeof chunk);
		if (n < 0 && errno == EINTR)
			continue;
		if (n < 0)
			return -1;
		if (n == 0)
			return 0;
		mg_buf_put(out, chunk, (size_t)n);
	}
}

/* What graphviz printed while it succeeded, as notes: one per line, without
 * the "(null): " or "dot: " it puts before some. */
static void messages_as_notes(const child_messages *m, mg_buf *notes)
{
	const char *p = m->text;
	while (notes && *p) {
		size_t len = strcspn(p, "\n");
		const char *line = p;
		p += len + (p[len] == '\n');
		while (len && (*line == ' ' || *line == '\t'))
			line++, len--;
		if (!len)
			continue;
		for (size_t i = 0; i < 2; i++) {
			const char *prefix = i ? "dot: " : "(null): ";
			size_t plen = strlen(prefix);
			if (len > plen && strncmp(line, prefix, plen) == 0)
				line += plen, len -= plen;
		}
		mg_buf_printf(notes, "graphviz: %.*s\n", (int)len, line);
	}
}

/* The first line of what the child reported, into err. A sanitizer report
 * (the child's standard error is the pipe) starts with a rule of "=":
 * its first line of text is the one that says what happened. */
static void read_errors(child_messages *m, const char *engine, mg_error *err)
{
	char *text = m->text;
	text[m->len] = '\0';
	char *start = text;
	for (;;) {
		while (*start == ' ' || *start == '\n')
			start++;
		size_t rule = strspn(start, "=");
		if (rule == 0 || (start[rule] != '\n' && start[rule] != '\0'))
			break;
		start += rule;
	}
	start[strcspn(start, "\n")] = '\0';
	if (strncmp(start, "Error: ", 7) == 0)
		start += 7;
	mg_error_set(err, "graphviz (%s) could not lay out or render the diagram%s%s", engine,
		     *start ? ": " : "", start);
}

/* One try in a child. 0 rendered, 1 out of time, -1 failed (err set). */
static int try_layout(Agraph_t *g, const layout_try *t, const char *device, double timeout, mg_buf *out,
		      mg_buf *notes, mg_error *err)
{
	int fds[2], errs[2];
	if (pipe(fds) < 0) {
		mg_error_set(err, "cannot create a pipe: %s", strerror(errno));
		return -1;
	}
	if (pipe(errs) < 0) {
		mg_error_set(err, "cannot create a pipe: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		return -1;
	}
	pid_t pid = fork();
	if (pid < 0) {
		mg_error_set(err, "cannot start the layout process: %s", strerror(errno));
		close(fds[0]);
		close(fds[1]);
		close(errs[0]);
		close(errs[1]);
		return -1;
	}
	if (pid == 0) {
		close(fds[0]);
		close(errs[0]);
		run_layout(g, t, device, fds[1], errs[1]);
	}
	close(fds[1]);
	close(errs[1]);
	size_t start = out->len;
	child_messages messages = {.len = 0};
	messages.text[0] = '\0';
	int result = read_until(fds[0], errs[0], timeout > 0 ? now() + timeout : 0, out, &messages);
	close(fds[0]);
	if (result != 0)
		kill(pid, SIGKILL);
	int wstatus = 0;
	while (waitpid(pid, &wstatus, 0) < 0 && errno == EINTR)
		;
	/* The child has ended: what is left in the pipe is all there is. */
	while (drain_messages(errs[0], &messages))
		;
	if (result == 0 && !(WIFEXITED(wstatus) && WEXITSTATUS(wstatus) == 0))
		result = -1;
	if (result < 0)
		read_errors(&messages, t->engine, err);
	else if (result == 0)
		messages_as_notes(&messages, notes);
	close(errs[0]);
	if (result != 0)
		out->len = start;
	return result;
}

/* cairo (1.16) stamps PDFs with the time they were made; the same input
 * must give the same bytes, so the date becomes 1970-01-01, written in
 * the same number of bytes so that every offset in the file still holds. */
static void fix_pdf_dates(mg_buf *out)
{
	static const char *const keys[] = {"/CreationDate (D:", "/ModDate (D:"};
	static const char epoch[] = "19700101000000";
	for (size_t k = 0; k < sizeof(keys) / sizeof(keys[0]); k++) {
		size_t klen = strlen(keys[k]);
		for (size_t i = 0; i + klen < out->len; i++) {
			if (memcmp(out->data + i, keys[k], klen) != 0)
				continue;
			for (size_t j = 0; j < sizeof(epoch) - 1 && i + klen + j < out->len; j++) {
				char *c = &out->data[i + klen + j];
				if (*c < '0' || *c > '9')
					break;
				*c = epoch[j];
			}
		}
	}
}

int mg_diagram_layout_render(Agraph_t *g, mg_diagram_format format, double timeout, mg_buf *out,
			     mg_buf *notes, mg_error *err)
{
	const char *device = (size_t)format < sizeof(device_of) / sizeof(device_of[0]) ? device_of[format] : NULL;
	if (!device) {
		mg_error_set(err, "unknown diagram format");
		return -1;
	}
	size_t ntries = sizeof(tries) / sizeof(tries[0]);
	warm_up("dot", device);
	for (size_t i = 0; i < ntries; i++) {
		int result = try_layout(g, &tries[i], device, timeout, out, notes, err);
		if (result == 0) {
			if (format == MG_DIAGRAM_PDF && out->data)
				fix_pdf_dates(out);
			if (out->data)
				out->data[out->len] = '\0';
			return 0;
		}
		if (result < 0)
			return -1;
		if (notes && i + 1 < ntries)
			mg_buf_printf(notes, "layout took longer than %g s with %s; trying %s\n", timeout,
				      tries[i].describe, tries[i + 1].describe);
	}
	mg_error_set(err, "no layout finished within %g s, even with sfdp; raise --layout-timeout or draw "
			  "fewer tables (--table T --depth N, --group-by)", timeout);
	return -1;
}
