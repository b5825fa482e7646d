/*
 * An issue tracker's data model, written as a team using Flask-SQLAlchemy
 * would write it: the realistic model set modelgraph's precision is held to
 * (tests/corpus/REVIEW.md reviews every finding).
 */
#include "accounts.h"
#include "projects.h"
#include "issues.h"
#include "code.h"
