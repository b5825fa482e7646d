#ifndef MG_GLOB_H
#define MG_GLOB_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/*
 * Shell-style patterns over object paths, for configuration ignores
 * ("audit_*", "*.created_at", "user_[0-9]"). A pattern matches the whole
 * path, case-sensitively:
 *
 *   *        any run of characters, possibly empty; dots included, so
 *            "audit_*" matches "audit_log" and "audit_log.user_id"
 *   ?        exactly one character
 *   [abc]    one character of the set; [a-z] a range; [!a-z] or [^a-z] one
 *            character outside the set; a "]" right after "[" (or "[!") is
 *            a member, a "-" first or last is a member
 *   \c       the character c itself ("\*" is a star, "\\" a backslash)
 *
 * Characters are UTF-8 code points; a byte that starts no valid UTF-8
 * sequence is one character of its own.
 */

/* True when `text` matches `pattern`. A malformed pattern still matches
 * something definite: an unclosed "[" and a trailing "\" are themselves,
 * a reversed range ("[z-a]") holds nothing. */
bool mg_glob_match(const char *pattern, const char *text);

/*
 * 0 when `pattern` is well formed; else -1, with a one-line description of
 * the first problem written to `problem` (`"[" without a closing "]"`).
 */
int mg_glob_check(const char *pattern, char *problem, size_t size);

/*
 * The literal text at the ends of `pattern`, for indexing patterns: every
 * text it matches starts with the `prefix` (the characters before its first
 * wildcard, "\" escapes undone) and ends with the `suffix` (those after its
 * last), byte for byte. `prefix` and `suffix` need strlen(pattern) + 1 bytes
 * each; neither is NUL-terminated. Returns true when `pattern` has no
 * wildcard at all: it then matches no text but `prefix` (`suffix` holds the
 * same). A wildcard is "*", "?" or a closed bracket class.
 */
bool mg_glob_literal_ends(const char *pattern, char *prefix, size_t *prefix_len, char *suffix,
			  size_t *suffix_len);

/*
 * The character at `s` (not at its end): returns its length in bytes and
 * sets *out to its code point. A byte that starts no valid UTF-8 sequence
 * (overlong forms, surrogates and code points past U+10FFFF are invalid) has
 * length 1 and the code point 0xDC00 + byte, a lone surrogate no valid
 * sequence decodes to.
 */
size_t mg_glob_char(const char *s, uint32_t *out);

#endif
