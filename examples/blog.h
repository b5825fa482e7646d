/*
 * Blog: a user writes many posts, each post has one author (one-to-many).
 *
 * User.posts is the collection side; backref=author gives every Post an
 * `author` attribute leading back to its user. The foreign key post.user_id
 * holds the link, so the relationship is one-to-many from User and
 * many-to-one from Post.
 *
 * A user's profile (one-to-one) is in profile.h, included at the end, so
 * this header alone is the whole User model.
 */
#ifndef MODELGRAPH_EXAMPLE_BLOG_H
#define MODELGRAPH_EXAMPLE_BLOG_H

#include <modelgraph/annotations.h>

struct Post;
struct UserProfile;

/** A registered user, who writes posts. */
struct User {
	int id                      MG_COLUMN(primary_key=true);
	char username[81]           MG_COLUMN(unique=true, nullable=false); /**< login name, shown on posts */
	struct Post **posts         MG_RELATIONSHIP(Post, backref=author, lazy=select);
	struct UserProfile *profile MG_RELATIONSHIP(UserProfile, uselist=false, backref=user);
} MG_MODEL(tablename=users);

/** A blog post, written by one user. */
struct Post {
	int id                      MG_COLUMN(primary_key=true);
	char title[121]             MG_COLUMN(nullable=false);
	char *body;                 /**< the text, in Markdown */
	int user_id                 MG_FOREIGN_KEY(users.id, nullable=false, ondelete=CASCADE,
	                                           index=true);
} MG_MODEL();

#include "profile.h"

#endif
