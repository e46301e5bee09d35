/*
 * msbuild_internal.h - what msbuild.c and msbuild_condition.c share: the
 * evaluation state of one project for one configuration.
 */
#ifndef INFLINT_MSBUILD_INTERNAL_H
#define INFLINT_MSBUILD_INTERNAL_H

#include "inflint/alloc.h"
#include "msbuild.h"
#include "xml_tree.h"

#include <stdlib.h>

/* How much of a text msbuild_expand could resolve (the worst part counts). */
#define MSBUILD_RESOLVED 0
#define MSBUILD_UNDEFINED 1   /* it names a property nobody set (an SDK's, an environment's) */
#define MSBUILD_UNSUPPORTED 2 /* a property function or another form not evaluated */

/* A project or an imported file, parsed once for all configurations. */
struct msbuild_file {
    char *path;     /* as reached from the project's path, '/'-separated */
    char *absolute; /* lexically absolute */
    struct inf_xml_tree tree;
    int broken; /* it could not be read: a warning said so */
};

struct msbuild_property {
    char *name, *value;
    const char *where; /* "FILE:LINE" of its last assignment (a project place), or NULL */
    int global; /* set from outside (Configuration, Platform): the project cannot change it */
};

struct msbuild_eval {
    struct inf_msbuild_project *project;
    const char *root;            /* the repository root, lexically absolute, no trailing '/' */
    const char *cwd;             /* the current directory, lexically absolute */
    const char *project_dir;     /* the project's directory as given, "" or ending in '/' */
    const char *solution;        /* the solution it is built through, or NULL */
    struct msbuild_file **files; /* every file met, parsed once (they never move) */
    size_t file_count, file_cap;
    const struct msbuild_file *current; /* the file being read (MSBuildThisFile...) */
    unsigned import_stack[INF_MSBUILD_MAX_IMPORT_DEPTH]; /* file indexes being read */
    unsigned import_depth;
    struct msbuild_property *properties;
    size_t property_count, property_cap;
    int warn; /* warnings go to the project (only on the first evaluation: they would repeat) */
};

/* Expands $(Name) in TEXT; *UNRESOLVED gets the worst MSBUILD_* met. Caller frees. */
char *msbuild_expand(struct msbuild_eval *eval, const char *text, int *unresolved);
/* Exists('PATH'): PATH relative to the project's directory, answered only inside the root. */
int msbuild_exists(struct msbuild_eval *eval, const char *path);
/* Evaluates CONDITION (NULL: true); *UNDERSTOOD is 0 for a form msbuild_condition.c does not
 * read (the caller warns and takes it as false). */
int msbuild_condition(struct msbuild_eval *eval, const char *condition, int *understood);

/* Are A and B the same name but for ASCII case (MSBuild names)? */
int msbuild_equal_nocase(const char *a, const char *b);

#endif
