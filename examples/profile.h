/*
 * Profiles: each user has exactly one profile (one-to-one).
 *
 * User.profile, declared in blog.h, is MG_RELATIONSHIP(UserProfile,
 * uselist=false, backref=user): uselist=false makes the one-to-many from the
 * foreign key a one-to-one, and backref=user gives every profile a `user`
 * attribute. The unique foreign key user_profile.user_id lets the database
 * hold at most one profile per user.
 */
#ifndef MODELGRAPH_EXAMPLE_PROFILE_H
#define MODELGRAPH_EXAMPLE_PROFILE_H

#include <modelgraph/annotations.h>

#include "blog.h" /* struct User, whose `profile` leads here */

/** What a user tells about themselves; one per user. */
struct UserProfile {
	int id                      MG_COLUMN(primary_key=true);
	char *bio;                  /**< free text, shown on the user's page */
	int user_id                 MG_FOREIGN_KEY(users.id, unique=true, nullable=false,
	                                           ondelete=CASCADE);
} MG_MODEL();

#endif
