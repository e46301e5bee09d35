/*
 * projects.h - the WDK projects of a run, and what each says about the
 * INFs it builds (issue "zero configuration in a WDK repository"): the
 * profile its DriverTargetPlatform or InfVerif switches ask for, the codes
 * those switches silence, /wbuild, and whether and for which platforms the
 * build stamps the INF. Configurations are merged to the strictest unless
 * one is chosen.
 */
#ifndef INFLINT_PROJECTS_H
#define INFLINT_PROJECTS_H

#include "infverif_switches.h"
#include "inflint/engine.h"

#include <stddef.h>

/* What linting one INF takes from the project that builds it. */
struct inf_project_settings {
    const char *project;       /* the project file, as reached */
    const char *configuration; /* the configuration(s) considered, ';'-separated */
    const char *inf;           /* the INF (its Inf item's path) */
    int has_profile;
    enum inf_profile profile;
    const char *profile_source; /* "DriverTargetPlatform 'Universal'", "/w in ..." */
    int has_min_build;
    uint32_t min_build;
    unsigned arches; /* the stamped template's platforms (INF_ARCH_BIT), 0 when unknown */
    struct inf_infverif_switches silenced; /* only the silenced codes are used */
};

struct inf_projects;

/*
 * A run's projects. CONFIGURATION ("Release|x64", or NULL for the strictest
 * of all) picks one. Messages (warnings, and with VERBOSE the settings each
 * INF takes) go through inf_tool_message.
 */
struct inf_projects *inf_projects_new(const char *configuration, int verbose);
void inf_projects_free(struct inf_projects *projects);

/*
 * Reads the project (.vcxproj) or the projects of the solution (.sln) at
 * PATH, named on the command line: their INFs are linted as they build
 * them. Calls ITEM for each Inf item (once per file; PLACE is "FILE:LINE" of
 * its Include, EXISTS whether the file is there). Returns 0, or an errno
 * value when PATH cannot be read.
 */
int inf_projects_add(struct inf_projects *projects, const char *path,
                     void (*item)(void *context, const char *inf, const char *place, int exists),
                     void *context);

/*
 * The settings for the INF at PATH, or NULL when no project builds it: the
 * projects named on the command line first, then the .vcxproj files in its
 * directory and those above it up to the repository root (the directory
 * holding .git). Missing Inf items of the projects found that way are
 * reported through MISSING (once per file).
 */
const struct inf_project_settings *
inf_projects_for_inf(struct inf_projects *projects, const char *path,
                     void (*missing)(void *context, const char *inf, const char *place),
                     void *context);

/* Applies SETTINGS to OPTIONS (before the configuration file and the command line). */
void inf_project_settings_apply(const struct inf_project_settings *settings,
                                struct inf_lint_options *options);

/* Does PATH name a project or a solution (.vcxproj, .sln)? */
int inf_projects_is_project_path(const char *path);

/* The number of projects read so far. */
size_t inf_projects_count(const struct inf_projects *projects);

#endif
