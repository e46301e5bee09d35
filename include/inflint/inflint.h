/*
 * inflint.h - umbrella header of libinflint, the INF driver-package
 * isolation linter library. See docs in README.md.
 */
#ifndef INFLINT_H
#define INFLINT_H

#define INFLINT_VERSION "0.1.0"

#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "inflint/source.h"
#include "inflint/model.h"
#include "inflint/dump.h"
#include "inflint/os.h"
#include "inflint/graph.h"
#include "inflint/rule.h"
#include "inflint/engine.h"
#include "inflint/report.h"
#include "inflint/run.h"

#endif
