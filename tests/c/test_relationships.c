/*
 * Declared relationships as resolve completes them (targets, joins,
 * directions, backrefs, pairs), and the catalog's C examples of the
 * relationship rules, which must fire as documented.
 */

#include "tests/c/c_test.h"

#include <stdio.h>
#include <string.h>

#include "analyzer/lint/lint.h"

static int teardown(void **state)
{
	(void)state;
	mg_test_tmpdir_remove();
	return 0;
}

static mg_relationship *rel(const mg_graph *g, const char *table, const char *name)
{
	mg_relationship *r = mg_table_find_relationship(mg_c_test_table(g, table), name);
	if (!r)
		fail_msg("no relationship %s.%s", table, name);
	return r;
}

static void assert_kind(const mg_relationship *r, mg_cardinality kind)
{
	if (r->kind != kind)
		fail_msg("%s is %s, expected %s", r->path, mg_cardinality_name(r->kind), mg_cardinality_name(kind));
}

static void assert_checked(const mg_graph *g)
{
	const char *problem = mg_graph_check(g);
	if (problem)
		fail_msg("graph invariant broken after resolve: %s", problem);
}

static mg_graph *read_models(const char *text)
{
	char full[8192];
	snprintf(full, sizeof(full), "#include <modelgraph/annotations.h>\n%s\n", text);
	mg_graph *g = mg_c_test_read_text("models.h", full);
	assert_checked(g);
	return g;
}

/* ---- the seed's three models ---- */

static void seed_models_resolve_as_sqlalchemy_does(void **state)
{
	(void)state;
	static const char *const names[] = {"blog.h", "music.h", "profile.h"};
	char paths[3][1024];
	const char *all[3];
	for (size_t i = 0; i < 3; i++) {
		snprintf(paths[i], sizeof(paths[i]), "%s/../../examples/%s", MG_TEST_SOURCE_DIR, names[i]);
		all[i] = paths[i];
	}
	mg_graph *g = mg_c_test_read(all, 3, NULL);
	assert_checked(g);

	/* User.posts: the foreign key post.user_id is on the target: one-to-many. */
	mg_relationship *posts = rel(g, "users", "posts");
	mg_relationship *author = rel(g, "post", "author");
	assert_kind(posts, MG_CARD_ONE_TO_MANY);
	assert_int_equal(posts->direction, MG_CARD_ONE_TO_MANY);
	assert_int_equal(posts->collection, MG_TRUE);
	assert_int_equal(posts->join, MG_JOIN_OK);
	assert_ptr_equal(posts->target, mg_c_test_table(g, "post"));
	assert_string_equal(posts->via->path, "post.post_user_id_fkey");
	assert_false(posts->from_backref);
	/* backref=author: a many-to-one on Post, made by resolve, at the annotation. */
	assert_ptr_equal(posts->inverse, author);
	assert_ptr_equal(author->inverse, posts);
	assert_true(author->from_backref);
	assert_kind(author, MG_CARD_MANY_TO_ONE);
	assert_int_equal(author->collection, MG_FALSE);
	assert_ptr_equal(author->via, posts->via);
	assert_ptr_equal(author->target, mg_c_test_table(g, "users"));
	assert_string_equal(author->target_name, "User");
	assert_int_equal(author->location.line, posts->location.line);
	assert_int_equal(author->location.column, posts->location.column);
	assert_ptr_equal(author->source, mg_c_test_table(g, "post"));

	/* Song.playlists: through playlist_songs, many-to-many both ways. */
	mg_relationship *playlists = rel(g, "song", "playlists");
	mg_relationship *songs = rel(g, "playlist", "songs");
	assert_kind(playlists, MG_CARD_MANY_TO_MANY);
	assert_ptr_equal(playlists->secondary, mg_c_test_table(g, "playlist_songs"));
	assert_ptr_equal(playlists->via->parent, mg_c_test_table(g, "song"));
	assert_ptr_equal(playlists->secondary_via->parent, mg_c_test_table(g, "playlist"));
	assert_ptr_equal(playlists->inverse, songs);
	assert_true(songs->from_backref);
	assert_kind(songs, MG_CARD_MANY_TO_MANY);
	assert_int_equal(songs->collection, MG_TRUE);
	assert_ptr_equal(songs->secondary, playlists->secondary);
	assert_ptr_equal(songs->via, playlists->secondary_via);
	assert_ptr_equal(songs->secondary_via, playlists->via);

	/* User.profile: uselist=false makes the one-to-many a one-to-one, and its
	 * many-to-one backref one-to-one too. */
	mg_relationship *profile = rel(g, "users", "profile");
	mg_relationship *user = rel(g, "user_profile", "user");
	assert_kind(profile, MG_CARD_ONE_TO_ONE);
	assert_int_equal(profile->direction, MG_CARD_ONE_TO_MANY);
	assert_int_equal(profile->collection, MG_FALSE);
	assert_ptr_equal(profile->inverse, user);
	assert_true(user->from_backref);
	assert_kind(user, MG_CARD_ONE_TO_ONE);
	assert_int_equal(user->direction, MG_CARD_MANY_TO_ONE);
	assert_true(profile->via->unique);

	/* Backrefs are sorted in with the declared ones. */
	mg_table *users = mg_c_test_table(g, "users");
	assert_int_equal(users->nrelationships, 2);
	assert_string_equal(users->relationships[0]->name, "posts");
	assert_string_equal(users->relationships[1]->name, "profile");
	assert_int_equal(mg_c_test_table(g, "playlist_songs")->nrelationships, 0);

	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(findings->count, 0);
	mg_findings_free(findings);
	mg_graph_free(g);
}

/* ---- joins ---- */

static void joins_follow_the_foreign_keys_in_both_directions(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Player;\n"
		"struct Team {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int captain_id MG_FOREIGN_KEY(player.id);\n"
		"    struct Player **players MG_RELATIONSHIP(Player);\n"
		"    struct Player **squad MG_RELATIONSHIP(Player, foreign_keys=[Player.team_id]);\n"
		"    struct Player *captain MG_RELATIONSHIP(Player, foreign_keys=[team.captain_id]);\n"
		"    struct Player **both MG_RELATIONSHIP(Player, foreign_keys=[Player.team_id, Team.captain_id]);\n"
		"    struct Player **typo MG_RELATIONSHIP(Player, foreign_keys=[Player.tem_id]);\n"
		"} MG_MODEL();\n"
		"struct Player {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int team_id MG_FOREIGN_KEY(team.id);\n"
		"    int coach_id;\n"
		"    struct Coach *coach MG_RELATIONSHIP(Coach);\n"
		"} MG_MODEL();\n"
		"struct Coach { int id MG_COLUMN(primary_key); } MG_MODEL();\n");
	/* One foreign key each way is as ambiguous as two one way. */
	mg_relationship *players = rel(g, "team", "players");
	assert_int_equal(players->join, MG_JOIN_AMBIGUOUS);
	assert_int_equal(players->njoin_candidates, 2);
	assert_null(players->via);
	assert_int_equal(players->direction, MG_CARD_UNKNOWN);
	assert_int_equal(players->collection, MG_UNSET);
	/* foreign_keys= picks the one on the target (one-to-many) or on the source (many-to-one). */
	mg_relationship *squad = rel(g, "team", "squad");
	assert_int_equal(squad->join, MG_JOIN_OK);
	assert_kind(squad, MG_CARD_ONE_TO_MANY);
	assert_string_equal(squad->via->columns[0]->name, "team_id");
	mg_relationship *captain = rel(g, "team", "captain");
	assert_kind(captain, MG_CARD_MANY_TO_ONE);
	assert_int_equal(captain->collection, MG_FALSE);
	assert_string_equal(captain->via->columns[0]->name, "captain_id");
	/* Listing both leaves two, neither exactly the list: still ambiguous. */
	assert_int_equal(rel(g, "team", "both")->join, MG_JOIN_AMBIGUOUS);
	mg_relationship *typo = rel(g, "team", "typo");
	assert_int_equal(typo->join, MG_JOIN_NO_FOREIGN_KEY);
	assert_null(typo->foreign_key_columns[0]);
	/* An implied foreign key is modelgraph's guess; SQLAlchemy never sees it. */
	assert_int_equal(rel(g, "player", "coach")->join, MG_JOIN_NO_FOREIGN_KEY);
	mg_graph_free(g);
}

static void remote_side_settles_self_reference(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Node {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int parent_id MG_FOREIGN_KEY(node.id);\n"
		"    struct Node **children MG_RELATIONSHIP(Node, viewonly);\n"
		"    struct Node *parent MG_RELATIONSHIP(Node, remote_side=[id], backref=kids);\n"
		"    struct Node **explicit MG_RELATIONSHIP(Node, remote_side=[Node.parent_id], viewonly);\n"
		"    struct Node *first_child MG_RELATIONSHIP(Node, uselist=false, viewonly);\n"
		"} MG_MODEL();\n");
	mg_relationship *children = rel(g, "node", "children");
	assert_kind(children, MG_CARD_ONE_TO_MANY);
	mg_relationship *parent = rel(g, "node", "parent");
	assert_kind(parent, MG_CARD_MANY_TO_ONE);
	assert_ptr_equal(parent->remote_side_columns[0], mg_c_test_column(mg_c_test_table(g, "node"), "id"));
	/* The backref works its remote side out afresh: one-to-many. */
	mg_relationship *kids = rel(g, "node", "kids");
	assert_true(kids->from_backref);
	assert_kind(kids, MG_CARD_ONE_TO_MANY);
	assert_ptr_equal(kids->inverse, parent);
	assert_kind(rel(g, "node", "explicit"), MG_CARD_ONE_TO_MANY);
	assert_kind(rel(g, "node", "first_child"), MG_CARD_ONE_TO_ONE);
	/* The unlinked children and parent walk one join in opposite directions. */
	assert_null(children->candidate_inverse); /* parent is linked to kids */
	mg_graph_free(g);
}

/* backref(name, …): the backref gets the options, and those it is not given
 * come from its relationship as SQLAlchemy copies them. */
static void backref_options_shape_the_backref(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Post;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Post **posts MG_RELATIONSHIP(Post, post_update, sync_backref=false,\n"
		"        backref=backref(author, lazy=joined, cascade=\"save-update\", passive_deletes=all,\n"
		"                        collection_class=set, order_by=User.id));\n"
		"    struct Post **pinned MG_RELATIONSHIP(Post, viewonly, backref=backref(pinner, viewonly=false));\n"
		"} MG_MODEL(tablename=users);\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int user_id MG_FOREIGN_KEY(users.id);\n"
		"    int profile_id MG_FOREIGN_KEY(profile.id);\n"
		"} MG_MODEL();\n"
		"struct Profile {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Post **post MG_RELATIONSHIP(Post, backref=backref(profile, uselist=true), viewonly);\n"
		"} MG_MODEL();\n"
		"struct Node {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int parent_id MG_FOREIGN_KEY(node.id);\n"
		"    struct Node **children MG_RELATIONSHIP(Node, backref=backref(parent, remote_side=[id]));\n"
		"    struct Node **plain MG_RELATIONSHIP(Node, backref=up, viewonly);\n"
		"} MG_MODEL();\n");
	mg_relationship *author = rel(g, "post", "author");
	assert_true(author->from_backref);
	assert_kind(author, MG_CARD_MANY_TO_ONE);
	assert_string_equal(author->lazy, "joined");
	assert_string_equal(author->cascade, "save-update");
	assert_string_equal(author->passive_deletes, "all");
	assert_string_equal(author->collection_class, "set");
	assert_string_equal(author->order_by, "User.id");
	assert_int_equal(author->post_update, MG_TRUE);   /* copied */
	assert_int_equal(author->sync_backref, MG_FALSE); /* copied */
	assert_null(rel(g, "users", "posts")->lazy);      /* the relationship keeps its own */
	assert_int_equal(rel(g, "post", "pinner")->viewonly, MG_FALSE); /* given beats copied */
	/* uselist=true makes the many-to-one backref a list, as given. */
	mg_relationship *profile = rel(g, "post", "profile");
	assert_int_equal(profile->collection, MG_TRUE);
	assert_kind(profile, MG_CARD_MANY_TO_ONE);
	assert_int_equal(rel(g, "profile", "post")->collection, MG_TRUE);
	/* remote_side=[id] in backref(…): the backref is the parent, many-to-one,
	 * and its bare column names the backref's own model. */
	mg_relationship *parent = rel(g, "node", "parent");
	assert_kind(parent, MG_CARD_MANY_TO_ONE);
	assert_ptr_equal(parent->remote_side_columns[0], mg_c_test_column(mg_c_test_table(g, "node"), "id"));
	assert_kind(rel(g, "node", "children"), MG_CARD_ONE_TO_MANY);
	assert_kind(rel(g, "node", "up"), MG_CARD_ONE_TO_MANY); /* without it, one-to-many */
	mg_graph_free(g);
}

static void secondary_joins_both_sides(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Tag;\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Tag **tags MG_RELATIONSHIP(Tag, secondary=post_tags);\n"
		"    struct Tag **missing MG_RELATIONSHIP(Tag, secondary=half);\n"
		"    struct Tag **unknown MG_RELATIONSHIP(Tag, secondary=nowhere);\n"
		"} MG_MODEL();\n"
		"struct Tag {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Post **posts MG_RELATIONSHIP(Post, secondary=post_tags);\n"
		"} MG_MODEL();\n"
		"struct PostTag {\n"
		"    int post_id MG_FOREIGN_KEY(post.id, primary_key);\n"
		"    int tag_id MG_FOREIGN_KEY(tag.id, primary_key);\n"
		"} MG_TABLE(post_tags);\n"
		"struct Half {\n"
		"    int post_id MG_FOREIGN_KEY(post.id, primary_key);\n"
		"    int label MG_COLUMN(primary_key);\n"
		"} MG_TABLE(half);\n");
	mg_relationship *tags = rel(g, "post", "tags"), *posts = rel(g, "tag", "posts");
	assert_kind(tags, MG_CARD_MANY_TO_MANY);
	assert_ptr_equal(tags->via->parent, mg_c_test_table(g, "post"));
	assert_ptr_equal(tags->secondary_via->parent, mg_c_test_table(g, "tag"));
	/* Declared twice and not linked: each other's candidate inverse. */
	assert_null(tags->inverse);
	assert_ptr_equal(tags->candidate_inverse, posts);
	assert_ptr_equal(posts->candidate_inverse, tags);
	assert_int_equal(rel(g, "post", "missing")->join, MG_JOIN_SECONDARY_NO_FK);
	mg_relationship *unknown = rel(g, "post", "unknown");
	assert_int_equal(unknown->join, MG_JOIN_NO_SECONDARY);
	assert_null(unknown->secondary);
	mg_graph_free(g);
}

/* ---- pairs ---- */

/* primaryjoin/secondaryjoin settle what the foreign keys cannot: the
 * followers' two keys to one table, a key the database does not hold, the
 * side remote() names. */
static void join_conditions_settle_the_join(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Follow {\n"
		"    int follower_id MG_FOREIGN_KEY(user.id);\n"
		"    int followed_id MG_FOREIGN_KEY(user.id);\n"
		"} MG_TABLE(followers);\n"
		"struct Post;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct User **followed MG_RELATIONSHIP(User, secondary=followers, backref=followers,\n"
		"        primaryjoin=\"followers.c.follower_id == User.id\",\n"
		"        secondaryjoin=\"followers.c.followed_id == User.id\");\n"
		"    struct Post **posts MG_RELATIONSHIP(Post, backref=author,\n"
		"        primaryjoin=\"and_(User.id == foreign(Post.author_id), Post.draft == false())\");\n"
		"} MG_MODEL();\n"
		"struct Post { int id MG_COLUMN(primary_key); int author_id; _Bool draft; } MG_MODEL();\n"
		"struct Node {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int parent_id;\n"
		"    struct Node *parent MG_RELATIONSHIP(Node, backref=children,\n"
		"        primaryjoin=\"remote(Node.id) == foreign(Node.parent_id)\");\n"
		"} MG_MODEL();\n");
	mg_table *user = mg_c_test_table(g, "user"), *followers = mg_c_test_table(g, "followers");
	mg_relationship *followed = rel(g, "user", "followed"), *back = rel(g, "user", "followers");
	assert_int_equal(followed->join, MG_JOIN_OK);
	assert_kind(followed, MG_CARD_MANY_TO_MANY);
	assert_ptr_equal(followed->via->columns[0], mg_c_test_column(followers, "follower_id"));
	assert_ptr_equal(followed->secondary_via->columns[0], mg_c_test_column(followers, "followed_id"));
	/* The backref swaps the two conditions. */
	assert_true(back->from_backref);
	assert_ptr_equal(back->via, followed->secondary_via);
	assert_ptr_equal(back->secondary_via, followed->via);
	assert_ptr_equal(back->primaryjoin, followed->secondaryjoin);
	assert_ptr_equal(back->secondaryjoin, followed->primaryjoin);

	/* foreign() on a column without a foreign key: a virtual one. */
	mg_relationship *posts = rel(g, "user", "posts"), *author = rel(g, "post", "author");
	assert_int_equal(posts->join, MG_JOIN_OK);
	assert_kind(posts, MG_CARD_ONE_TO_MANY);
	assert_true(posts->via->virtual_join);
	assert_ptr_equal(posts->via->child, mg_c_test_table(g, "post"));
	assert_ptr_equal(posts->via->parent_columns[0], mg_c_test_column(user, "id"));
	assert_kind(author, MG_CARD_MANY_TO_ONE);
	assert_ptr_equal(author->via, posts->via);
	assert_int_equal(mg_c_test_table(g, "post")->nforeign_keys, 0);

	/* remote(Node.id): the parent, many-to-one; its backref the children. */
	assert_kind(rel(g, "node", "parent"), MG_CARD_MANY_TO_ONE);
	assert_kind(rel(g, "node", "children"), MG_CARD_ONE_TO_MANY);
	mg_graph_free(g);
}

static void back_populates_pairs_only_mutual_names(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Post;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Post **posts MG_RELATIONSHIP(Post, back_populates=author, foreign_keys=[Post.user_id]);\n"
		"    struct Post **edited MG_RELATIONSHIP(Post, back_populates=editor, foreign_keys=[Post.editor_id]);\n"
		"} MG_MODEL(tablename=users);\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int user_id MG_FOREIGN_KEY(users.id);\n"
		"    int editor_id MG_FOREIGN_KEY(users.id);\n"
		"    struct User *author MG_RELATIONSHIP(User, back_populates=posts, foreign_keys=[Post.user_id]);\n"
		"    struct User *editor MG_RELATIONSHIP(User, foreign_keys=[Post.editor_id]);\n"
		"} MG_MODEL();\n");
	mg_relationship *posts = rel(g, "users", "posts"), *author = rel(g, "post", "author");
	assert_ptr_equal(posts->inverse, author);
	assert_ptr_equal(author->inverse, posts);
	assert_false(author->from_backref);
	assert_null(rel(g, "users", "edited")->inverse);
	assert_null(rel(g, "post", "editor")->inverse);
	/* Half a pair is no candidate inverse either: it names its partner. */
	assert_null(rel(g, "post", "editor")->candidate_inverse);
	mg_graph_free(g);
}

static void clashing_backrefs_are_not_made(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Post;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Post **written MG_RELATIONSHIP(Post, backref=user, foreign_keys=[Post.author_id]);\n"
		"    struct Post **edited MG_RELATIONSHIP(Post, backref=user, foreign_keys=[Post.editor_id]);\n"
		"    struct Post **titled MG_RELATIONSHIP(Post, backref=title, foreign_keys=[Post.author_id]);\n"
		"} MG_MODEL(tablename=users);\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    char title[80];\n"
		"    int author_id MG_FOREIGN_KEY(users.id);\n"
		"    int editor_id MG_FOREIGN_KEY(users.id);\n"
		"} MG_MODEL();\n");
	mg_table *post = mg_c_test_table(g, "post");
	assert_int_equal(post->nrelationships, 1);
	/* The first in name order gets it. */
	assert_ptr_equal(rel(g, "post", "user")->inverse, rel(g, "users", "edited"));
	assert_null(rel(g, "users", "written")->inverse);
	assert_null(rel(g, "users", "titled")->inverse);
	mg_findings *findings = mg_test_lint(g);
	assert_int_equal(mg_test_count_rule(findings, "rel-reverse-name-clash"), 1);
	assert_int_equal(mg_test_count_rule(findings, "rel-backref-conflict"), 1);
	mg_findings_free(findings);
	mg_graph_free(g);
}

static void messages_name_both_sides(void **state)
{
	(void)state;
	mg_graph *g = read_models(
		"struct Post;\n"
		"struct User {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    struct Post **posts MG_RELATIONSHIP(Post, backref=author);\n"
		"} MG_MODEL(tablename=users);\n"
		"struct Post {\n"
		"    int id MG_COLUMN(primary_key);\n"
		"    int user_id MG_FOREIGN_KEY(users.id, index=true);\n"
		"    struct User *author MG_RELATIONSHIP(User);\n"
		"} MG_MODEL();\n");
	mg_findings *findings = mg_test_lint(g);
	const mg_finding *f = mg_test_find_rule(findings, "rel-backref-conflict");
	assert_non_null(f);
	assert_string_equal(f->message, "relationship \"User.posts\" has backref \"author\" but \"Post\" "
					"already has a relationship named \"author\"");
	assert_string_equal(f->path, "users.posts");
	assert_int_equal(f->object, MG_OBJECT_RELATIONSHIP);
	assert_int_equal(f->location.line, 5);
	assert_int_equal(f->location.column, 25);
	assert_int_equal(f->nrelated, 1);
	assert_string_equal(f->related[0].path, "post.author");
	assert_int_equal(findings->count, 1);
	mg_findings_free(findings);
	mg_graph_free(g);
}

/* ---- the catalog's examples ---- */

static bool relationship_rule(const mg_rule *rule)
{
	return strncmp(rule->id, "rel-", 4) == 0 || strcmp(rule->id, "c-unmapped-pointer") == 0 ||
	       strcmp(rule->id, "assoc-missing-fk") == 0;
}

static void catalog_examples_fire_as_documented(void **state)
{
	(void)state;
	size_t n = 0;
	bool saw_missing_backref = false, saw_unmapped_pointer = false;
	const mg_rule *const *rules = mg_rules_all(&n);
	for (size_t i = 0; i < n; i++) {
		const mg_rule *rule = rules[i];
		if (!relationship_rule(rule))
			continue;
		assert_non_null(rule->bad_c);
		assert_non_null(rule->good_c);
		assert_non_null(rule->rationale);
		assert_non_null(rule->fix);
		for (int good = 0; good < 2; good++) {
			mg_graph *g = read_models(good ? rule->good_c : rule->bad_c);
			mg_findings *findings = mg_test_lint(g);
			size_t mine = mg_test_count_rule(findings, rule->id);
			if (good ? findings->count != 0 : mine == 0) {
				for (size_t k = 0; k < findings->count; k++)
					fprintf(stderr, "  %u:%u: %s [%s]\n", findings->items[k].location.line,
						findings->items[k].location.column, findings->items[k].message,
						findings->items[k].rule);
				fail_msg("%s: the %s example %s", rule->id, good ? "good" : "bad",
					 good ? "has findings" : "does not fire");
			}
			mg_findings_free(findings);
			mg_graph_free(g);
		}
		saw_missing_backref |= strcmp(rule->id, "rel-missing-backref") == 0;
		saw_unmapped_pointer |= strcmp(rule->id, "c-unmapped-pointer") == 0;
	}
	/* The selection is not empty: two rules it must contain were checked. */
	assert_true(saw_missing_backref && saw_unmapped_pointer);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_teardown(seed_models_resolve_as_sqlalchemy_does, teardown),
		cmocka_unit_test_teardown(joins_follow_the_foreign_keys_in_both_directions, teardown),
		cmocka_unit_test_teardown(remote_side_settles_self_reference, teardown),
		cmocka_unit_test_teardown(backref_options_shape_the_backref, teardown),
		cmocka_unit_test_teardown(secondary_joins_both_sides, teardown),
		cmocka_unit_test_teardown(join_conditions_settle_the_join, teardown),
		cmocka_unit_test_teardown(back_populates_pairs_only_mutual_names, teardown),
		cmocka_unit_test_teardown(clashing_backrefs_are_not_made, teardown),
		cmocka_unit_test_teardown(messages_name_both_sides, teardown),
		cmocka_unit_test_teardown(catalog_examples_fire_as_documented, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
