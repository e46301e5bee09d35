/*
 * lexer.h - the Windows INF tokenizer (internal to the model).
 */
#ifndef INFLINT_LEXER_H
#define INFLINT_LEXER_H

#include "model.h"

/*
 * Tokenizes MODEL->source into MODEL's tokens, lines, runs (one per header,
 * with its name), comments, marked tokens and parse issues: arrays the lexer
 * only appends to. It knows nothing of sections: the model merges the runs
 * into sections afterwards (and fills the marked tokens' section). Called
 * once by inf_model_parse.
 */
void inf_lexer_run(struct inf_model *model);

/*
 * Test hook: with ENABLED 0 every token takes the lexer's general path,
 * which the fast path must match exactly. Not for concurrent use.
 */
void inf_lexer_use_fast_path(int enabled);

#endif
