/*
 * suggest.h - "did you mean ...?" for a mistyped option or rule name.
 */
#ifndef INFLINT_SUGGEST_H
#define INFLINT_SUGGEST_H

#include <stddef.h>

/*
 * The candidate closest to WORD (edit distance, case ignored), or NULL when
 * none is close enough to be a likely typo: at most 2 edits, and fewer than
 * half of WORD's letters.
 */
const char *inf_suggest(const char *word, const char *const *candidates, size_t count);

/* The rule code or name closest to WORD, as inf_suggest judges (NULL: none). */
const char *inf_suggest_rule(const char *word);

#endif
