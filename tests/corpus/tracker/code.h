/*
 * Code and automation: repositories linked to issues, merge requests and
 * their reviews, releases, CI pipelines, webhooks, dashboards and the audit
 * log.
 */
#ifndef TRACKER_CODE_H
#define TRACKER_CODE_H

#include <time.h>
#include <stdbool.h>
#include <stdint.h>
#include <modelgraph/annotations.h>

#include "accounts.h"
#include "projects.h"
#include "issues.h"

struct Commit;
struct MergeRequest;
struct Review;
struct ReviewComment;
struct PipelineJob;
struct WebhookDelivery;
struct DashboardWidget;

/** A git repository of a project. */
struct Repository {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, index=true, ondelete=CASCADE);
	char name[101]                     MG_COLUMN(nullable=false);
	char clone_url[256]                MG_COLUMN(nullable=false);
	char default_branch[101]           MG_COLUMN(nullable=false, server_default="main");
	struct Project *project            MG_RELATIONSHIP(Project, backref=repositories);
	struct Commit **commits            MG_RELATIONSHIP(Commit, backref=repository, lazy=dynamic,
	                                                   passive_deletes=true);
	struct MergeRequest **merge_requests MG_RELATIONSHIP(MergeRequest, back_populates=repository,
	                                                   lazy=dynamic);
} MG_MODEL(tablename=repositories);

/** A commit seen in a repository, by its hash. */
struct Commit {
	int id                             MG_COLUMN(primary_key=true);
	int repository_id                  MG_FOREIGN_KEY(repositories.id, nullable=false, ondelete=CASCADE);
	int author_id                      MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	char sha[41]                       MG_COLUMN(nullable=false);
	char *message                      MG_COLUMN(nullable=false);
	time_t committed_at                MG_COLUMN(nullable=false);
	struct User *author                MG_RELATIONSHIP(User);
	struct Issue **issues              MG_RELATIONSHIP(Issue, secondary=issue_commits, backref=commits);
} MG_MODEL(tablename=commits) MG_UNIQUE(repository_id, sha);

/** Which commits mention which issues. */
struct IssueCommit {
	int issue_id                       MG_FOREIGN_KEY(issues.id, ondelete=CASCADE);
	int commit_id                      MG_FOREIGN_KEY(commits.id, ondelete=CASCADE, index=true);
} MG_TABLE(issue_commits) MG_PRIMARY_KEY(issue_id, commit_id);

/** A request to merge a branch, usually closing issues. */
struct MergeRequest {
	int id                             MG_COLUMN(primary_key=true);
	int repository_id                  MG_FOREIGN_KEY(repositories.id, nullable=false, ondelete=CASCADE);
	int number                         MG_COLUMN(nullable=false);
	int author_id                      MG_FOREIGN_KEY(users.id, nullable=false, index=true);
	int merged_by_id                   MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	char source_branch[101]            MG_COLUMN(nullable=false);
	char target_branch[101]            MG_COLUMN(nullable=false);
	char title[256]                    MG_COLUMN(nullable=false);
	char state[17]                     MG_COLUMN(nullable=false, server_default="open");
	struct Timestamps timestamps;
	time_t merged_at;
	struct Repository *repository      MG_RELATIONSHIP(Repository, back_populates=merge_requests);
	struct User *author                MG_RELATIONSHIP(User, foreign_keys=[MergeRequest.author_id],
	                                                   backref=merge_requests);
	struct User *merged_by             MG_RELATIONSHIP(User, foreign_keys=[MergeRequest.merged_by_id]);
	struct Issue **closes              MG_RELATIONSHIP(Issue, secondary=merge_request_issues,
	                                                   backref=closing_merge_requests);
	struct Review **reviews            MG_RELATIONSHIP(Review, backref=merge_request, cascade="all, delete-orphan");
} MG_MODEL(tablename=merge_requests) MG_UNIQUE(repository_id, number);

/** Which issues a merge request closes. */
struct MergeRequestIssue {
	int merge_request_id               MG_FOREIGN_KEY(merge_requests.id, ondelete=CASCADE);
	int issue_id                       MG_FOREIGN_KEY(issues.id, ondelete=CASCADE, index=true);
} MG_TABLE(merge_request_issues) MG_PRIMARY_KEY(merge_request_id, issue_id);

/** One reviewer's verdict on a merge request. */
struct Review {
	int id                             MG_COLUMN(primary_key=true);
	int merge_request_id               MG_FOREIGN_KEY(merge_requests.id, nullable=false, index=true,
	                                                  ondelete=CASCADE);
	int reviewer_id                    MG_FOREIGN_KEY(users.id, nullable=false, index=true);
	char verdict[21]                   MG_COLUMN(nullable=false); /**< "approved", "changes requested" */
	time_t submitted_at                MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
	struct User *reviewer              MG_RELATIONSHIP(User, backref=reviews);
	struct ReviewComment **comments    MG_RELATIONSHIP(ReviewComment, backref=review,
	                                                   cascade="all, delete-orphan");
} MG_MODEL(tablename=reviews);

/** A comment of a review on one line of the diff. */
struct ReviewComment {
	int id                             MG_COLUMN(primary_key=true);
	int review_id                      MG_FOREIGN_KEY(reviews.id, nullable=false, index=true, ondelete=CASCADE);
	char path[256]                     MG_COLUMN(nullable=false);
	int line                           MG_COLUMN(nullable=false);
	char *body                         MG_COLUMN(nullable=false);
	bool resolved                      MG_COLUMN(nullable=false, server_default=0);
} MG_MODEL(tablename=review_comments);

/** A tagged version of a project, with its notes. */
struct Release {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, ondelete=CASCADE);
	int milestone_id                   MG_FOREIGN_KEY(milestones.id, unique=true, ondelete=SET NULL);
	char tag[65]                       MG_COLUMN(nullable=false);
	char *notes;
	time_t released_at;
	struct Project *project            MG_RELATIONSHIP(Project, backref=releases);
	struct Milestone *milestone        MG_RELATIONSHIP(Milestone, backref=backref(release, uselist=false));
} MG_MODEL(tablename=releases) MG_UNIQUE(project_id, tag);

/** A CI run for one commit. */
struct Pipeline {
	int id                             MG_COLUMN(primary_key=true);
	int commit_id                      MG_FOREIGN_KEY(commits.id, nullable=false, index=true, ondelete=CASCADE);
	int triggered_by_id                MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	char status[17]                    MG_COLUMN(nullable=false, server_default="pending");
	time_t started_at;
	time_t finished_at;
	struct Commit *commit              MG_RELATIONSHIP(Commit, backref=pipelines);
	struct User *triggered_by          MG_RELATIONSHIP(User);
	struct PipelineJob **jobs          MG_RELATIONSHIP(PipelineJob, backref=pipeline,
	                                                   cascade="all, delete-orphan", order_by=PipelineJob.id);
} MG_MODEL(tablename=pipelines);

/** One job of a pipeline; a job may wait for another one. */
struct PipelineJob {
	int id                             MG_COLUMN(primary_key=true);
	int pipeline_id                    MG_FOREIGN_KEY(pipelines.id, nullable=false, index=true, ondelete=CASCADE);
	int needs_id                       MG_FOREIGN_KEY(pipeline_jobs.id, index=true, ondelete=SET NULL);
	char name[101]                     MG_COLUMN(nullable=false);
	char status[17]                    MG_COLUMN(nullable=false, server_default="pending");
	int exit_code;
	char *log_url;
	struct PipelineJob *needs          MG_RELATIONSHIP(PipelineJob, remote_side=[id], backref=needed_by);
} MG_MODEL(tablename=pipeline_jobs);

/** A URL told about a project's events. */
struct Webhook {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, index=true, ondelete=CASCADE);
	char url[256]                      MG_COLUMN(nullable=false);
	char secret[65];
	char *events                       MG_COLUMN(nullable=false); /**< comma-separated event kinds */
	bool active                        MG_COLUMN(nullable=false, server_default=1);
	struct Project *project            MG_RELATIONSHIP(Project, backref=webhooks);
	struct WebhookDelivery **deliveries MG_RELATIONSHIP(WebhookDelivery, backref=webhook, lazy=dynamic,
	                                                   order_by=WebhookDelivery.sent_at desc);
} MG_MODEL(tablename=webhooks);

/** One attempt to deliver an event to a webhook. */
struct WebhookDelivery {
	int64_t id                         MG_COLUMN(primary_key=true, type=INTEGER);
	int webhook_id                     MG_FOREIGN_KEY(webhooks.id, nullable=false, ondelete=CASCADE);
	char event[33]                     MG_COLUMN(nullable=false);
	int response_status;
	int duration_ms;
	time_t sent_at                     MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
} MG_MODEL(tablename=webhook_deliveries)
  MG_INDEX(ix_webhook_deliveries_webhook_sent, webhook_id, sent_at);

/** Who did what, when: kept when the things it names are gone. */
struct AuditEvent {
	int64_t id                         MG_COLUMN(primary_key=true, type=INTEGER);
	int actor_id                       MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	int organization_id                MG_FOREIGN_KEY(organizations.id, index=true, ondelete=SET NULL);
	char action[65]                    MG_COLUMN(nullable=false);
	char target_type[33];
	int target_id;
	char *details;
	char ip_address[46];
	time_t occurred_at                 MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP, index=true);
	struct User *actor                 MG_RELATIONSHIP(User);
	struct Organization *organization  MG_RELATIONSHIP(Organization);
} MG_MODEL(tablename=audit_events);

/** A page of widgets a user arranges. */
struct Dashboard {
	int id                             MG_COLUMN(primary_key=true);
	int owner_id                       MG_FOREIGN_KEY(users.id, nullable=false, index=true, ondelete=CASCADE);
	char title[81]                     MG_COLUMN(nullable=false);
	struct User *owner                 MG_RELATIONSHIP(User, backref=dashboards);
	struct DashboardWidget **widgets   MG_RELATIONSHIP(DashboardWidget, backref=dashboard,
	                                                   cascade="all, delete-orphan",
	                                                   order_by=DashboardWidget.position);
} MG_MODEL(tablename=dashboards);

/** One widget of a dashboard, showing the issues of a saved filter. */
struct DashboardWidget {
	int id                             MG_COLUMN(primary_key=true);
	int dashboard_id                   MG_FOREIGN_KEY(dashboards.id, nullable=false, ondelete=CASCADE);
	int filter_id                      MG_FOREIGN_KEY(saved_filters.id, index=true, ondelete=SET NULL);
	int position                       MG_COLUMN(nullable=false);
	char widget_type[33]               MG_COLUMN(nullable=false);
	struct SavedFilter *filter         MG_RELATIONSHIP(SavedFilter);
} MG_MODEL(tablename=dashboard_widgets) MG_UNIQUE(dashboard_id, position);

/** An invitation to join an organization, by e-mail. */
struct Invitation {
	int id                             MG_COLUMN(primary_key=true);
	int organization_id                MG_FOREIGN_KEY(organizations.id, nullable=false, index=true,
	                                                  ondelete=CASCADE);
	int invited_by_id                  MG_FOREIGN_KEY(users.id, nullable=false, index=true, ondelete=CASCADE);
	char email[255]                    MG_COLUMN(nullable=false);
	char token_hash[65]                MG_COLUMN(unique=true, nullable=false);
	time_t expires_at                  MG_COLUMN(nullable=false);
	time_t accepted_at;
	struct Organization *organization  MG_RELATIONSHIP(Organization, backref=invitations);
	struct User *invited_by            MG_RELATIONSHIP(User);
} MG_MODEL(tablename=invitations);

/** Someone mentioned the recipient in a comment. */
struct MentionNotification {
	struct Notification base;
	int comment_id                     MG_FOREIGN_KEY(comments.id, index=true, ondelete=CASCADE);
	struct Comment *comment            MG_RELATIONSHIP(Comment);
} MG_MODEL(polymorphic_identity=mention);

/** The recipient was assigned an issue. */
struct AssignmentNotification {
	struct Notification base;
	int issue_id                       MG_FOREIGN_KEY(issues.id, index=true, ondelete=CASCADE);
	struct Issue *issue                MG_RELATIONSHIP(Issue);
} MG_MODEL(polymorphic_identity=assignment);

/** A service a project reports to; each kind keeps its settings in a
 *  table of its own (joined-table inheritance). */
struct Integration {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, index=true, ondelete=CASCADE);
	char service[21]                   MG_COLUMN(nullable=false);
	bool enabled                       MG_COLUMN(nullable=false, server_default=1);
	struct Project *project            MG_RELATIONSHIP(Project, backref=backref(integrations,
	                                                   cascade="all, delete-orphan"));
} MG_MODEL(tablename=integrations, polymorphic_on=service, polymorphic_identity=integration);

/** Posts a project's events to a chat channel. */
struct ChatIntegration {
	struct Integration base;
	int id                             MG_FOREIGN_KEY(integrations.id, primary_key=true, ondelete=CASCADE);
	char channel[81]                   MG_COLUMN(nullable=false);
	char *webhook_url                  MG_COLUMN(nullable=false);
} MG_MODEL(tablename=chat_integrations, polymorphic_identity=chat);

/** Opens issues from mail sent to a project's address. */
struct MailIntegration {
	struct Integration base;
	int id                             MG_FOREIGN_KEY(integrations.id, primary_key=true, ondelete=CASCADE);
	char address[255]                  MG_COLUMN(unique=true, nullable=false);
	int default_reporter_id            MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	struct User *default_reporter      MG_RELATIONSHIP(User);
} MG_MODEL(tablename=mail_integrations, polymorphic_identity=mail);

#endif
