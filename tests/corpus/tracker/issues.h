/*
 * Issues: the work items, their conversation and everything attached to
 * them.
 */
#ifndef TRACKER_ISSUES_H
#define TRACKER_ISSUES_H

#include <time.h>
#include <stdbool.h>
#include <modelgraph/annotations.h>

#include "accounts.h"
#include "projects.h"

struct Comment;
struct Attachment;
struct IssueLink;
struct TimeEntry;
struct CustomFieldValue;
struct Sprint;

/** A work item: a bug, a task, a story or an epic. */
struct Issue {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, ondelete=CASCADE);
	int number                         MG_COLUMN(nullable=false); /**< per project: CORE-42 */
	int reporter_id                    MG_FOREIGN_KEY(users.id, nullable=false, index=true);
	int closed_by_id                   MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	int state_id                       MG_FOREIGN_KEY(workflow_states.id, nullable=false, index=true);
	int milestone_id                   MG_FOREIGN_KEY(milestones.id, index=true, ondelete=SET NULL);
	int component_id                   MG_FOREIGN_KEY(components.id, index=true, ondelete=SET NULL);
	int parent_id                      MG_FOREIGN_KEY(issues.id, index=true, ondelete=SET NULL);
	char kind[17]                      MG_COLUMN(nullable=false, server_default="task");
	char title[256]                    MG_COLUMN(nullable=false);
	char *body;
	int priority                       MG_COLUMN(nullable=false, server_default=3);
	double estimate_hours;
	struct Timestamps timestamps;
	time_t closed_at;
	struct Project *project            MG_RELATIONSHIP(Project, back_populates=issues);
	struct User *reporter              MG_RELATIONSHIP(User, foreign_keys=[Issue.reporter_id],
	                                                   backref=reported_issues);
	struct User *closed_by             MG_RELATIONSHIP(User, foreign_keys=[Issue.closed_by_id]);
	struct WorkflowState *state        MG_RELATIONSHIP(WorkflowState);
	struct Milestone *milestone        MG_RELATIONSHIP(Milestone, backref=issues);
	struct Component *component        MG_RELATIONSHIP(Component, backref=issues);
	struct Issue *parent               MG_RELATIONSHIP(Issue, remote_side=[id], backref=subtasks);
	struct User **assignees            MG_RELATIONSHIP(User, secondary=issue_assignees, backref=assigned_issues);
	struct User **watchers             MG_RELATIONSHIP(User, secondary=issue_watchers, backref=watched_issues,
	                                                   lazy=selectin);
	struct Label **labels              MG_RELATIONSHIP(Label, secondary=issue_labels, backref=issues,
	                                                   collection_class=set);
	struct Comment **comments          MG_RELATIONSHIP(Comment, back_populates=issue, order_by=Comment.created_at,
	                                                   cascade="all, delete-orphan");
	struct Attachment **attachments    MG_RELATIONSHIP(Attachment, backref=issue, cascade="all, delete-orphan");
	struct IssueLink **outgoing_links  MG_RELATIONSHIP(IssueLink, foreign_keys=[IssueLink.source_id],
	                                                   back_populates=source, cascade="all, delete-orphan");
	struct IssueLink **incoming_links  MG_RELATIONSHIP(IssueLink, foreign_keys=[IssueLink.target_id],
	                                                   back_populates=target, cascade="all, delete-orphan");
	struct TimeEntry **time_entries    MG_RELATIONSHIP(TimeEntry, backref=issue, lazy=dynamic);
	struct CustomFieldValue **field_values MG_RELATIONSHIP(CustomFieldValue, backref=issue,
	                                                   cascade="all, delete-orphan",
	                                                   collection_class=attribute_keyed_dict("field_id"));
} MG_MODEL(tablename=issues) MG_UNIQUE(project_id, number);

/** Who works on an issue. */
struct IssueAssignee {
	int issue_id                       MG_FOREIGN_KEY(issues.id, ondelete=CASCADE);
	int user_id                        MG_FOREIGN_KEY(users.id, ondelete=CASCADE, index=true);
} MG_TABLE(issue_assignees) MG_PRIMARY_KEY(issue_id, user_id);

/** Who is told about changes to an issue. */
struct IssueWatcher {
	int issue_id                       MG_FOREIGN_KEY(issues.id, ondelete=CASCADE);
	int user_id                        MG_FOREIGN_KEY(users.id, ondelete=CASCADE, index=true);
} MG_TABLE(issue_watchers) MG_PRIMARY_KEY(issue_id, user_id);

/** Which labels an issue carries. */
struct IssueLabel {
	int issue_id                       MG_FOREIGN_KEY(issues.id, ondelete=CASCADE);
	int label_id                       MG_FOREIGN_KEY(labels.id, ondelete=CASCADE, index=true);
} MG_TABLE(issue_labels) MG_PRIMARY_KEY(issue_id, label_id);

/** A typed link between two issues: "blocks", "duplicates", "relates to". */
struct IssueLink {
	int id                             MG_COLUMN(primary_key=true);
	int source_id                      MG_FOREIGN_KEY(issues.id, nullable=false, ondelete=CASCADE);
	int target_id                      MG_FOREIGN_KEY(issues.id, nullable=false, index=true, ondelete=CASCADE);
	char link_type[21]                 MG_COLUMN(nullable=false);
	struct Issue *source               MG_RELATIONSHIP(Issue, foreign_keys=[IssueLink.source_id],
	                                                   back_populates=outgoing_links);
	struct Issue *target               MG_RELATIONSHIP(Issue, foreign_keys=[IssueLink.target_id],
	                                                   back_populates=incoming_links);
} MG_MODEL(tablename=issue_links) MG_UNIQUE(source_id, target_id, link_type);

/** A comment on an issue; replies thread under their parent. */
struct Comment {
	int id                             MG_COLUMN(primary_key=true);
	int issue_id                       MG_FOREIGN_KEY(issues.id, nullable=false, index=true, ondelete=CASCADE);
	int author_id                      MG_FOREIGN_KEY(users.id, nullable=false, index=true);
	int parent_id                      MG_FOREIGN_KEY(comments.id, index=true, ondelete=CASCADE);
	char *body                         MG_COLUMN(nullable=false);
	struct Timestamps timestamps;
	struct Issue *issue                MG_RELATIONSHIP(Issue, back_populates=comments);
	struct User *author                MG_RELATIONSHIP(User, backref=comments);
	struct Comment *parent             MG_RELATIONSHIP(Comment, remote_side=[id], backref=replies);
} MG_MODEL(tablename=comments);

/** An emoji reaction of one user to one comment. */
struct Reaction {
	int comment_id                     MG_FOREIGN_KEY(comments.id, primary_key=true, ondelete=CASCADE);
	int user_id                        MG_FOREIGN_KEY(users.id, primary_key=true, index=true, ondelete=CASCADE);
	char emoji[33]                     MG_COLUMN(primary_key=true);
	struct Comment *comment            MG_RELATIONSHIP(Comment, backref=reactions);
	struct User *user                  MG_RELATIONSHIP(User);
} MG_MODEL(tablename=reactions);

/** A file uploaded to an issue; the bytes live in object storage. */
struct Attachment {
	int id                             MG_COLUMN(primary_key=true);
	int issue_id                       MG_FOREIGN_KEY(issues.id, nullable=false, index=true, ondelete=CASCADE);
	int uploader_id                    MG_FOREIGN_KEY(users.id, nullable=false, index=true);
	char filename[256]                 MG_COLUMN(nullable=false);
	char content_type[128]             MG_COLUMN(nullable=false);
	long size_bytes                    MG_COLUMN(nullable=false);
	char storage_key[256]              MG_COLUMN(unique=true, nullable=false);
	struct User *uploader              MG_RELATIONSHIP(User);
} MG_MODEL(tablename=attachments);

/** Time someone logged against an issue. */
struct TimeEntry {
	int id                             MG_COLUMN(primary_key=true);
	int issue_id                       MG_FOREIGN_KEY(issues.id, nullable=false, index=true, ondelete=CASCADE);
	int user_id                        MG_FOREIGN_KEY(users.id, nullable=false, index=true);
	int minutes                        MG_COLUMN(nullable=false);
	char note[256];
	time_t spent_on                    MG_COLUMN(nullable=false);
	struct User *user                  MG_RELATIONSHIP(User, backref=time_entries);
} MG_MODEL(tablename=time_entries);

/** An issue's value for one custom field of its project. */
struct CustomFieldValue {
	int issue_id                       MG_FOREIGN_KEY(issues.id, primary_key=true, ondelete=CASCADE);
	int field_id                       MG_FOREIGN_KEY(custom_fields.id, primary_key=true, index=true,
	                                                  ondelete=CASCADE);
	char *value                        MG_COLUMN(nullable=false);
	struct CustomField *field          MG_RELATIONSHIP(CustomField);
} MG_MODEL(tablename=custom_field_values);

/** A time box of planned work. */
struct Sprint {
	int id                             MG_COLUMN(primary_key=true);
	int board_id                       MG_FOREIGN_KEY(boards.id, nullable=false, index=true, ondelete=CASCADE);
	char name[81]                      MG_COLUMN(nullable=false);
	time_t starts_on                   MG_COLUMN(nullable=false);
	time_t ends_on                     MG_COLUMN(nullable=false);
	char *goal;
	struct Board *board                MG_RELATIONSHIP(Board, backref=sprints);
	struct Issue **issues              MG_RELATIONSHIP(Issue, secondary=sprint_issues, backref=sprints);
} MG_MODEL(tablename=sprints);

/** Which issues a sprint plans. */
struct SprintIssue {
	int sprint_id                      MG_FOREIGN_KEY(sprints.id, ondelete=CASCADE);
	int issue_id                       MG_FOREIGN_KEY(issues.id, ondelete=CASCADE, index=true);
} MG_TABLE(sprint_issues) MG_PRIMARY_KEY(sprint_id, issue_id);

#endif
