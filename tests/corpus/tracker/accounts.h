/*
 * Accounts: people, the organizations and teams they belong to, and what
 * the application keeps for each of them.
 */
#ifndef TRACKER_ACCOUNTS_H
#define TRACKER_ACCOUNTS_H

#include <time.h>
#include <stdbool.h>
#include <modelgraph/annotations.h>

#include "mixins.h"

struct UserProfile;
struct ApiToken;
struct Membership;
struct Organization;
struct Team;
struct Notification;

/** Someone who can sign in. */
struct User {
	int id                             MG_COLUMN(primary_key=true);
	char username[41]                  MG_COLUMN(unique=true, nullable=false);
	char email[255]                    MG_COLUMN(unique=true, nullable=false);
	char password_hash[129]            MG_COLUMN(nullable=false);
	bool is_admin                      MG_COLUMN(nullable=false, server_default=0);
	time_t created_at                  MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
	time_t last_seen_at;
	struct UserProfile *profile        MG_RELATIONSHIP(UserProfile, back_populates=user, uselist=false,
	                                                   cascade="all, delete-orphan");
	struct ApiToken **tokens           MG_RELATIONSHIP(ApiToken, backref=owner, cascade="all, delete-orphan");
	struct Membership **memberships    MG_RELATIONSHIP(Membership, back_populates=user);
	struct Organization **organizations MG_RELATIONSHIP(Organization, secondary=memberships, viewonly);
	struct Notification **notifications MG_RELATIONSHIP(Notification, backref=recipient, lazy=dynamic,
	                                                    order_by=Notification.created_at desc);
	struct User **followed             MG_RELATIONSHIP(User, secondary=follows,
	                                                   primaryjoin="follows.c.follower_id == User.id",
	                                                   secondaryjoin="follows.c.followed_id == User.id",
	                                                   backref=followers, lazy=dynamic);
} MG_MODEL(tablename=users);

/** Who follows whom: a user's feed shows what the users they follow do. */
struct Follow {
	int follower_id                    MG_FOREIGN_KEY(users.id, ondelete=CASCADE);
	int followed_id                    MG_FOREIGN_KEY(users.id, ondelete=CASCADE, index=true);
} MG_TABLE(follows) MG_PRIMARY_KEY(follower_id, followed_id);

/** What a user tells others about themselves: one per user. */
struct UserProfile {
	int id                             MG_COLUMN(primary_key=true);
	int user_id                        MG_FOREIGN_KEY(users.id, unique=true, nullable=false, ondelete=CASCADE);
	char display_name[81];
	char *bio;
	char avatar_url[256];
	char timezone[65]                  MG_COLUMN(nullable=false, server_default="UTC");
	struct User *user                  MG_RELATIONSHIP(User, back_populates=profile);
} MG_MODEL(tablename=user_profiles);

/** A personal access token; only its hash is kept. */
struct ApiToken {
	int id                             MG_COLUMN(primary_key=true);
	int owner_id                       MG_FOREIGN_KEY(users.id, nullable=false, index=true, ondelete=CASCADE);
	char name[81]                      MG_COLUMN(nullable=false);
	char token_hash[65]                MG_COLUMN(unique=true, nullable=false);
	char *scopes                       MG_COLUMN(nullable=false);
	time_t created_at                  MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
	time_t expires_at;
	time_t last_used_at;
} MG_MODEL(tablename=api_tokens);

/** A company or community that owns projects. */
struct Organization {
	int id                             MG_COLUMN(primary_key=true);
	char slug[65]                      MG_COLUMN(unique=true, nullable=false);
	char name[121]                     MG_COLUMN(nullable=false);
	struct Timestamps timestamps;
	struct Membership **memberships    MG_RELATIONSHIP(Membership, back_populates=organization,
	                                                   cascade="all, delete-orphan");
	struct User **members              MG_RELATIONSHIP(User, secondary=memberships, viewonly);
	struct Team **teams                MG_RELATIONSHIP(Team, backref=organization, cascade="all, delete-orphan");
} MG_MODEL(tablename=organizations);

/** A user's place in an organization, with their role there (an
 *  association object: the link carries data of its own). */
struct Membership {
	int user_id                        MG_FOREIGN_KEY(users.id, primary_key=true, ondelete=CASCADE);
	int organization_id                MG_FOREIGN_KEY(organizations.id, primary_key=true, index=true,
	                                                  ondelete=CASCADE);
	char role[21]                      MG_COLUMN(nullable=false, server_default="member");
	time_t joined_at                   MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
	struct User *user                  MG_RELATIONSHIP(User, back_populates=memberships);
	struct Organization *organization  MG_RELATIONSHIP(Organization, back_populates=memberships);
} MG_MODEL(tablename=memberships);

/** A group of people inside an organization; teams nest. */
struct Team {
	int id                             MG_COLUMN(primary_key=true);
	int organization_id                MG_FOREIGN_KEY(organizations.id, nullable=false, index=true,
	                                                  ondelete=CASCADE);
	int parent_id                      MG_FOREIGN_KEY(teams.id, index=true);
	char name[81]                      MG_COLUMN(nullable=false);
	struct Team *parent                MG_RELATIONSHIP(Team, remote_side=[id], backref=subteams);
	struct User **members              MG_RELATIONSHIP(User, secondary=team_members, backref=teams);
} MG_MODEL(tablename=teams) MG_UNIQUE(organization_id, name);

/** Who is in which team. */
struct TeamMember {
	int team_id                        MG_FOREIGN_KEY(teams.id, ondelete=CASCADE);
	int user_id                        MG_FOREIGN_KEY(users.id, ondelete=CASCADE, index=true);
} MG_TABLE(team_members) MG_PRIMARY_KEY(team_id, user_id);

/** Something a user should know about, kept until read; what it is about
 *  depends on its kind (single-table inheritance, in code.h). */
struct Notification {
	int id                             MG_COLUMN(primary_key=true);
	int recipient_id                   MG_FOREIGN_KEY(users.id, nullable=false, index=true, ondelete=CASCADE);
	char kind[33]                      MG_COLUMN(nullable=false);
	time_t created_at                  MG_COLUMN(nullable=false, server_default=CURRENT_TIMESTAMP);
	time_t read_at;
} MG_MODEL(tablename=notifications, polymorphic_on=kind, polymorphic_identity=notification)
  MG_INDEX(ix_notifications_recipient_unread, recipient_id, read_at);

#endif
