#!/bin/sh
# Checks include/modelgraph/annotations.h: annotated.c must compile warning-free
# in strict C11 with gcc (macros vanish) and clang (macros become annotate
# attributes), and clang must attach exactly the expected strings, with the
# macro arguments unexpanded (`true` not turned into 1 by <stdbool.h>, a macro
# named like a table left alone).
#
# usage: check-header.sh SRC_DIR      (GCC and CLANG override the compilers)
set -eu

if [ $# -ne 1 ]; then
	echo "usage: $0 SRC_DIR" >&2
	exit 2
fi
src=$1
here=$(cd "$(dirname "$0")" && pwd)
input=$here/annotated.c
gcc=${GCC:-gcc}
clang=${CLANG:-clang}
flags="-std=c11 -Wall -Wextra -pedantic -Werror -fsyntax-only -I $src/include"

tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0

fail() {
	echo "check-header: $*" >&2
	status=1
}

for cc in "$gcc" "$clang"; do
	# shellcheck disable=SC2086 # flags is a list of words
	if ! $cc $flags "$input" 2>"$tmp/cc.err"; then
		fail "$cc $flags $input failed:"
		cat "$tmp/cc.err" >&2
	fi
done

# Under gcc the annotations must leave no trace.
if "$gcc" -std=c11 -E -P -I "$src/include" "$input" >"$tmp/gcc.i" 2>&1; then
	if grep -n 'annotate(\|"mg:' "$tmp/gcc.i" >&2; then
		fail "annotations survive preprocessing by $gcc"
	fi
else
	fail "$gcc -E $input failed"
fi

# Under clang: the annotate strings, in declaration order.
# shellcheck disable=SC2086
if ! "$clang" $flags -Xclang -ast-dump "$input" >"$tmp/ast" 2>"$tmp/ast.err"; then
	fail "$clang -ast-dump failed:"
	cat "$tmp/ast.err" >&2
fi
grep 'AnnotateAttr' "$tmp/ast" | sed -n 's/^[^"]*"\(mg:.*\)"$/\1/p' >"$tmp/actual" || true

if grep -n 'primary_key=1' "$tmp/actual" >&2; then
	fail "primary_key=true was macro-expanded to primary_key=1 (see lines above)"
fi
if grep -n 'playlist_tracks\|=42' "$tmp/actual" >&2; then
	fail "a user macro rewrote an annotation (see lines above)"
fi
if ! grep -qx 'mg:column:primary_key=true' "$tmp/actual"; then
	fail 'no AnnotateAttr "mg:column:primary_key=true" in the AST'
fi

cat >"$tmp/expected" <<'EOF'
mg:model:tablename=users, comment="people who sign in"
mg:column:primary_key=true
mg:column:unique=true, nullable=false
mg:column:unique, nullable=false, index=True, comment="address, \"as typed\""
mg:column:server_default=CURRENT_TIMESTAMP
mg:relationship:Post, backref=author, lazy=select, order_by=Post.created desc, cascade="all, delete-orphan"
mg:relationship:UserProfile, uselist=false, backref=backref(user, lazy=joined)
mg:transient:
mg:association_proxy:posts, title
mg:model:
mg:index:ix_post_user_created, user_id, created
mg:column:primary_key=true, autoincrement
mg:column:nullable=false, type=VARCHAR(200)
mg:column:default="", comment="markdown"
mg:column:server_default=CURRENT_TIMESTAMP
mg:foreign_key:users.id, nullable=false, ondelete=CASCADE
mg:model:tablename=user_profiles
mg:column:primary_key=true
mg:foreign_key:users.id, unique=true, nullable=false, ondelete=CASCADE, onupdate=NO ACTION
mg:column:nullable=true
mg:model:
mg:column:primary_key
mg:column:nullable=false
mg:relationship:Playlist, secondary=playlist_songs, backref=songs, lazy=selectin
mg:model:
mg:unique:owner_id, name
mg:column:primary_key=true
mg:column:nullable=false
mg:foreign_key:users.id, ondelete=SET NULL
mg:allow:fk-missing-index, "few playlists per user"
mg:table:playlist_songs
mg:primary_key:song_id, playlist_id
mg:foreign_key:song.id
mg:foreign_key:playlist.id
mg:column:nullable=false, default=0
EOF
if ! diff -u "$tmp/expected" "$tmp/actual" >"$tmp/diff"; then
	fail "clang's annotate strings differ from the expected ones (- expected, + actual):"
	cat "$tmp/diff" >&2
fi

if [ "$status" -eq 0 ]; then
	echo "check-header: ok ($(wc -l <"$tmp/actual") annotations)"
fi
exit "$status"
