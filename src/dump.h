/*
 * dump.h - the model as JSON (--dump-model), a stable interface (conventions.md 5).
 */
#ifndef INFLINT_DUMP_H
#define INFLINT_DUMP_H

#include "inflint/buf.h"
#include "model.h"

#include <stdio.h>

/*
 * Appends MODEL as one JSON object (no trailing newline) to OUT. When STREAM
 * is not NULL, OUT is written to it and emptied whenever it grows large, so
 * memory stays bounded for huge files; the caller writes what remains.
 */
void inf_dump_model(struct inf_buf *out, const struct inf_model *model, FILE *stream);

#endif
