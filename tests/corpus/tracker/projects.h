/*
 * Projects: what an organization tracks work in, and how each project is
 * set up (members, components, milestones, labels, boards, workflows).
 */
#ifndef TRACKER_PROJECTS_H
#define TRACKER_PROJECTS_H

#include <time.h>
#include <stdbool.h>
#include <modelgraph/annotations.h>

#include "accounts.h"

struct ProjectMember;
struct MemberPermission;
struct Component;
struct Milestone;
struct Label;
struct Board;
struct BoardColumn;
struct Workflow;
struct WorkflowState;
struct Issue;
struct CustomField;

/** A body of work with its own issues, settings and people. */
struct Project {
	int id                             MG_COLUMN(primary_key=true);
	int organization_id                MG_FOREIGN_KEY(organizations.id, nullable=false, index=true,
	                                                  ondelete=CASCADE);
	int workflow_id                    MG_FOREIGN_KEY(workflows.id, index=true);
	char key[11]                       MG_COLUMN(unique=true, nullable=false); /**< issue prefix: "CORE" */
	char name[121]                     MG_COLUMN(nullable=false);
	char *description;
	bool archived                      MG_COLUMN(nullable=false, server_default=0);
	struct Timestamps timestamps;
	struct Organization *organization  MG_RELATIONSHIP(Organization, backref=projects);
	struct Workflow *workflow          MG_RELATIONSHIP(Workflow);
	struct ProjectMember **members     MG_RELATIONSHIP(ProjectMember, back_populates=project,
	                                                   cascade="all, delete-orphan");
	struct User **member_users         MG_ASSOCIATION_PROXY(members, user);
	struct Component **components      MG_RELATIONSHIP(Component, backref=project,
	                                                   order_by=Component.name);
	struct Milestone **milestones      MG_RELATIONSHIP(Milestone, backref=project,
	                                                   order_by=Milestone.due_on);
	struct Label **labels              MG_RELATIONSHIP(Label, backref=project, cascade="all, delete-orphan");
	struct Board **boards              MG_RELATIONSHIP(Board, backref=project, cascade="all, delete-orphan");
	struct Issue **issues              MG_RELATIONSHIP(Issue, back_populates=project, lazy=dynamic,
	                                                   passive_deletes=true);
	struct Issue **open_issues         MG_RELATIONSHIP(Issue, viewonly, order_by=Issue.number,
	                                                   primaryjoin="and_(Project.id == Issue.project_id, "
	                                                               "Issue.closed_at == None)");
	struct CustomField **custom_fields MG_RELATIONSHIP(CustomField, backref=project);
} MG_MODEL(tablename=projects);

/** A user's role in one project. */
struct ProjectMember {
	int project_id                     MG_FOREIGN_KEY(projects.id, primary_key=true, ondelete=CASCADE);
	int user_id                        MG_FOREIGN_KEY(users.id, primary_key=true, index=true, ondelete=CASCADE);
	char role[21]                      MG_COLUMN(nullable=false, server_default="developer");
	struct Project *project            MG_RELATIONSHIP(Project, back_populates=members);
	struct User *user                  MG_RELATIONSHIP(User, backref=project_memberships);
	struct MemberPermission **permissions MG_RELATIONSHIP(MemberPermission, backref=member,
	                                                   cascade="all, delete-orphan");
} MG_MODEL(tablename=project_members);

/** A permission granted to one member of one project, beyond their role. */
struct MemberPermission {
	int project_id                     MG_COLUMN(nullable=false);
	int user_id                        MG_COLUMN(nullable=false);
	char permission[33]                MG_COLUMN(nullable=false);
	time_t granted_at                  MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
} MG_MODEL(tablename=member_permissions)
  MG_PRIMARY_KEY(project_id, user_id, permission)
  MG_FOREIGN_KEY_CONSTRAINT([project_id, user_id], [project_members.project_id, project_members.user_id],
                            ondelete=CASCADE);

/** A part of the product, with the person who leads it. */
struct Component {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, ondelete=CASCADE);
	int lead_id                        MG_FOREIGN_KEY(users.id, index=true, ondelete=SET NULL);
	char name[81]                      MG_COLUMN(nullable=false);
	struct User *lead                  MG_RELATIONSHIP(User);
} MG_MODEL(tablename=components) MG_UNIQUE(project_id, name);

/** A target date that issues are planned against. */
struct Milestone {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, index=true, ondelete=CASCADE);
	char title[121]                    MG_COLUMN(nullable=false);
	time_t due_on;
	bool closed                        MG_COLUMN(nullable=false, server_default=0);
} MG_MODEL(tablename=milestones);

/** A coloured tag for issues. */
struct Label {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, ondelete=CASCADE);
	char name[51]                      MG_COLUMN(nullable=false);
	char color[8]                      MG_COLUMN(nullable=false, server_default="#cccccc");
} MG_MODEL(tablename=labels) MG_UNIQUE(project_id, name);

/** A kanban board of a project. */
struct Board {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, index=true, ondelete=CASCADE);
	char name[81]                      MG_COLUMN(nullable=false);
	struct BoardColumn **columns       MG_RELATIONSHIP(BoardColumn, backref=board, order_by=BoardColumn.position,
	                                                   cascade="all, delete-orphan");
} MG_MODEL(tablename=boards);

/** One column of a board, showing the issues in one workflow state. */
struct BoardColumn {
	int id                             MG_COLUMN(primary_key=true);
	int board_id                       MG_FOREIGN_KEY(boards.id, nullable=false, ondelete=CASCADE);
	int state_id                       MG_FOREIGN_KEY(workflow_states.id, nullable=false, index=true);
	int position                       MG_COLUMN(nullable=false);
	int wip_limit;
	struct WorkflowState *state        MG_RELATIONSHIP(WorkflowState);
} MG_MODEL(tablename=board_columns) MG_UNIQUE(board_id, position);

/** The states an issue moves through, shared by projects. */
struct Workflow {
	int id                             MG_COLUMN(primary_key=true);
	char name[81]                      MG_COLUMN(unique=true, nullable=false);
	struct WorkflowState **states      MG_RELATIONSHIP(WorkflowState, backref=workflow,
	                                                   cascade="all, delete-orphan");
} MG_MODEL(tablename=workflows);

/** One state of a workflow: "open", "in review", "done". */
struct WorkflowState {
	int id                             MG_COLUMN(primary_key=true);
	int workflow_id                    MG_FOREIGN_KEY(workflows.id, nullable=false, ondelete=CASCADE);
	char name[41]                      MG_COLUMN(nullable=false);
	bool is_final                      MG_COLUMN(nullable=false, server_default=0);
} MG_MODEL(tablename=workflow_states) MG_UNIQUE(workflow_id, name);

/** A move allowed between two states of a workflow. */
struct Transition {
	int id                             MG_COLUMN(primary_key=true);
	int from_state_id                  MG_FOREIGN_KEY(workflow_states.id, nullable=false, ondelete=CASCADE);
	int to_state_id                    MG_FOREIGN_KEY(workflow_states.id, nullable=false, index=true,
	                                                  ondelete=CASCADE);
	char name[41]                      MG_COLUMN(nullable=false);
	struct WorkflowState *from_state   MG_RELATIONSHIP(WorkflowState, foreign_keys=[Transition.from_state_id],
	                                                   backref=outgoing);
	struct WorkflowState *to_state     MG_RELATIONSHIP(WorkflowState, foreign_keys=[Transition.to_state_id],
	                                                   backref=incoming);
} MG_MODEL(tablename=transitions) MG_UNIQUE(from_state_id, to_state_id);

/** A field a project adds to its issues. */
struct CustomField {
	int id                             MG_COLUMN(primary_key=true);
	int project_id                     MG_FOREIGN_KEY(projects.id, nullable=false, ondelete=CASCADE);
	char name[61]                      MG_COLUMN(nullable=false);
	char field_type[17]                MG_COLUMN(nullable=false); /**< "text", "number", "date", "choice" */
	bool required                      MG_COLUMN(nullable=false, server_default=0);
} MG_MODEL(tablename=custom_fields) MG_UNIQUE(project_id, name);

/** A search a user saved, optionally for one project. */
struct SavedFilter {
	int id                             MG_COLUMN(primary_key=true);
	int owner_id                       MG_FOREIGN_KEY(users.id, nullable=false, index=true, ondelete=CASCADE);
	int project_id                     MG_FOREIGN_KEY(projects.id, index=true, ondelete=CASCADE);
	char name[81]                      MG_COLUMN(nullable=false);
	char *expression                   MG_COLUMN(nullable=false);
	bool shared                        MG_COLUMN(nullable=false, server_default=0);
	struct User *owner                 MG_RELATIONSHIP(User, backref=saved_filters);
	struct Project *project            MG_RELATIONSHIP(Project);
} MG_MODEL(tablename=saved_filters);

#endif
