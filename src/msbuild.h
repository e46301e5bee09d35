/*
 * msbuild.h - what a WDK driver project (.vcxproj) says about its INFs,
 * evaluated the way MSBuild would for each of its configurations: the
 * properties of the project and of what it imports inside the repository
 * (Directory.Build.props included), conditions of the simple forms
 * projects use, and its `Inf` items with wildcards and excludes resolved.
 * Nothing outside the repository is read; anything this evaluator does not
 * understand is a warning and is left out, never a guess.
 */
#ifndef INFLINT_MSBUILD_H
#define INFLINT_MSBUILD_H

#include <stddef.h>
#include <stdint.h>

/* Bounds on what one project may make inflint read. */
#define INF_MSBUILD_MAX_FILE_BYTES (8u << 20)
#define INF_MSBUILD_MAX_IMPORT_DEPTH 16
#define INF_MSBUILD_MAX_FILES 64
#define INF_MSBUILD_MAX_CONFIGURATIONS 64
#define INF_MSBUILD_MAX_ITEMS 4096

/* One `Inf` item of one configuration. */
struct inf_msbuild_item {
    char *path;         /* the file: the project's directory joined to the item, '/'-separated */
    const char *where;  /* "FILE:LINE" of its Include (owned by the project) */
    int exists;         /* a regular file is there */
    char *architecture; /* stampinf's -a (SpecifyArchitecture true), or NULL */
};

/* The project evaluated for one configuration (global Configuration and Platform). */
struct inf_msbuild_configuration {
    char *name;                   /* "Release|x64" */
    char *platform;               /* "x64" */
    char *driver_target_platform; /* "Windows Driver", "Universal", "Desktop", or NULL */
    char *infverif_options;       /* InfVerif_AdditionalOptions, or NULL */
    const char *infverif_where;   /* "FILE:LINE" of that property */
    struct inf_msbuild_item *items;
    size_t item_count;
};

struct inf_msbuild_project {
    char *path;
    struct inf_msbuild_configuration *configurations;
    size_t configuration_count;
    char **warnings; /* "FILE:LINE: why", in the order met */
    size_t warning_count, warning_cap;
    int unreadable; /* the project file itself could not be read (a warning says why) */
    char **places;  /* the "FILE:LINE" strings items point to */
    size_t place_count, place_cap;
};

/*
 * Evaluates project PATH. ROOT is the repository root (the directory with
 * .git) or the project's own directory: no file outside it is opened or
 * even looked at. SOLUTION is the solution it is built through (MSBuild then
 * sets $(SolutionDir) and friends), or NULL. Always fills PROJECT (free it
 * with inf_msbuild_project_free); when it cannot be read at all, UNREADABLE
 * is set and WARNINGS say why.
 */
void inf_msbuild_load(const char *path, const char *root, const char *solution,
                      struct inf_msbuild_project *project);
void inf_msbuild_project_free(struct inf_msbuild_project *project);

/*
 * The projects a Visual Studio solution names (.vcxproj entries, joined to
 * the solution's directory), appended to *PATHS (each owned). Returns 0, or
 * an errno value when it cannot be read.
 */
int inf_msbuild_solution_projects(const char *solution, char ***paths, size_t *count);

#endif
