/*
 * inflint.h - umbrella header of libinflint, the INF driver-package
 * isolation linter library. See docs in README.md.
 */
#ifndef INFLINT_H
#define INFLINT_H

#define INFLINT_VERSION "0.1.0"

#include "inflint/alloc.h"
#include "inflint/baseline.h"
#include "inflint/buf.h"
#include "inflint/config.h"
#include "inflint/engine.h"
#include "inflint/input.h"
#include "inflint/profile.h"
#include "inflint/report.h"
#include "inflint/rule.h"
#include "inflint/run.h"

#endif
