/*
 * lexer.h - the Windows INF tokenizer (internal to the model).
 */
#ifndef INFLINT_LEXER_H
#define INFLINT_LEXER_H

#include "inflint/model.h"

/*
 * Tokenizes MODEL->source into MODEL's tokens, lines, runs, sections,
 * comments and parse issues. Called once by inf_model_parse.
 */
void inf_lexer_run(struct inf_model *model);

/*
 * Test hook: with ENABLED 0 every token takes the lexer's general path,
 * which the fast path must match exactly. Not for concurrent use.
 */
void inf_lexer_use_fast_path(int enabled);

/* Opens (or re-opens) a section by name; used by the lexer. Returns its index. */
uint32_t inf_model_open_section(struct inf_model *model, uint32_t name_offset, uint32_t name_len);

#endif
