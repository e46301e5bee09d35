/*
 * projects.c - which WDK project builds an INF, and the settings it gives
 * the lint of that INF (projects.h).
 *
 * Merging configurations: the profile is the strictest one asked for
 * (isolation > whql > universal), a code is silenced only when every
 * configuration silences it, /wbuild is the lowest given, and a stamped
 * template's architectures are the platforms of every configuration.
 */
#include "projects.h"
#include "graph.h" /* INF_ARCH_* */
#include "inflint/alloc.h"
#include "inflint/buf.h"
#include "inflint/profile.h"
#include "inflint/run.h"
#include "msbuild.h"
#include "msbuild_paths.h"
#include "os.h"
#include "string_map.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

/* One INF a project builds, with the configurations (bits) whose Inf items name it. */
struct project_item {
    char *absolute; /* canonical */
    char *key;      /* inf_os_path_key of absolute: what INFs are matched on */
    const struct inf_msbuild_item *first;
    uint64_t configurations;
    struct inf_project_settings *settings; /* made when first asked for */
};

struct loaded_project {
    struct inf_msbuild_project project;
    char *absolute; /* the project file's canonical path */
    struct project_item *items;
    size_t item_count;
    struct inf_string_map item_of_path; /* inf_os_path_key of an item's absolute -> its index */
    size_t index;                       /* in inf_projects.projects */
    int named;                          /* on the command line (directly or through a solution) */
    int missing_reported;
    int switches_warned; /* its unknown InfVerif switches were named */
};

/* The projects that may build the INFs of one directory, nearest first (indexes). */
struct dir_chain {
    size_t *projects;
    size_t count;
};

struct inf_projects {
    const char *configuration;
    int verbose;
    struct loaded_project **projects;
    size_t count, cap;
    /* inf_os_path_key of an INF a named project builds -> the first such project (the
     * lowest index: projects are looked in in load order); empty when none is named */
    struct inf_string_map named_owner;
    struct inf_string_map by_path;      /* canonical project path -> index */
    struct inf_string_map chain_of_dir; /* an INF's directory -> index in chains */
    struct inf_string_map root_of_dir;  /* a directory -> its root's index in roots + 1, or 0 */
    char **roots;
    size_t root_count, root_cap;
    struct dir_chain *chains;
    size_t chain_count, chain_cap;
    /* The directory part of the last INF path looked up, as typed (up to its last separator
     * or drive colon), and its chain's index: a tree's INFs come a directory at a time, and the
     * same text names the same directory, so its lookup is not made again. */
    char *last_dir;
    size_t last_dir_len, last_chain;
    char *cwd;
};

struct inf_projects *inf_projects_new(const char *configuration, int verbose)
{
    struct inf_projects *p = inf_xcalloc(1, sizeof *p);
    p->configuration = configuration;
    p->verbose = verbose;
    p->cwd = inf_os_absolute(".");
    return p;
}

static void free_settings(struct inf_project_settings *s)
{
    if (!s)
        return;
    free((char *)s->configuration);
    free((char *)s->profile_source);
    free(s);
}

void inf_projects_free(struct inf_projects *p)
{
    if (!p)
        return;
    for (size_t i = 0; i < p->count; i++) {
        struct loaded_project *lp = p->projects[i];
        for (size_t k = 0; k < lp->item_count; k++) {
            free(lp->items[k].absolute);
            free(lp->items[k].key);
            free_settings(lp->items[k].settings);
        }
        free(lp->items);
        inf_string_map_free(&lp->item_of_path);
        free(lp->absolute);
        inf_msbuild_project_free(&lp->project);
        free(lp);
    }
    free(p->projects);
    inf_string_map_free(&p->named_owner);
    inf_string_map_free(&p->by_path);
    inf_string_map_free(&p->chain_of_dir);
    inf_string_map_free(&p->root_of_dir);
    for (size_t i = 0; i < p->root_count; i++)
        free(p->roots[i]);
    free(p->roots);
    free(p->last_dir);
    for (size_t i = 0; i < p->chain_count; i++)
        free(p->chains[i].projects);
    free(p->chains);
    free(p->cwd);
    free(p);
}

size_t inf_projects_count(const struct inf_projects *p)
{
    return p->count;
}

/* Does directory DIR hold .git (a directory, or a file for worktrees)? */
static int has_git(const char *dir)
{
    char *git = msbuild_path_join(dir, ".git");
    int found = inf_os_is_directory(git) || inf_os_is_file(git);
    free(git);
    return found;
}

/*
 * The repository root of lexical directory DIR: the nearest directory with
 * .git at or above it, or NULL when there is none. Known once per directory:
 * the answer goes to every directory walked through to find it.
 */
static const char *root_of(struct inf_projects *p, const char *dir)
{
    struct inf_path_list walked = {0};
    size_t answer = 0; /* index in roots + 1; 0: none */
    char *at = inf_xstrndup(dir, strlen(dir));
    for (;;) {
        size_t known;
        if (inf_string_map_get(&p->root_of_dir, at, &known)) {
            answer = known;
            break;
        }
        inf_path_list_add(&walked, at);
        if (has_git(at)) {
            p->roots = inf_xgrow(p->roots, &p->root_cap, p->root_count + 1, sizeof *p->roots);
            p->roots[p->root_count++] = inf_xstrndup(at, strlen(at));
            answer = p->root_count;
            break;
        }
        char *slash = strrchr(at, '/');
        if (!slash || slash == at)
            break; /* the top: no repository */
        *slash = '\0';
    }
    for (size_t i = 0; i < walked.count; i++)
        inf_string_map_put(&p->root_of_dir, walked.paths[i], answer);
    inf_path_list_free(&walked);
    free(at);
    return answer ? p->roots[answer - 1] : NULL;
}

/* Loads project PATH (built through SOLUTION, or NULL) once; returns it. */
static struct loaded_project *load(struct inf_projects *p, const char *path, const char *solution)
{
    char *canonical = inf_os_absolute(path);
    const char *key = canonical ? canonical : path;
    size_t index;
    if (inf_string_map_get(&p->by_path, key, &index)) {
        free(canonical);
        return p->projects[index];
    }
    struct loaded_project *lp = inf_xcalloc(1, sizeof *lp);
    lp->absolute = canonical ? inf_xstrndup(canonical, strlen(canonical))
                             : msbuild_path_absolute(p->cwd ? p->cwd : "/", path);
    /* What the project may read: its repository (or its own directory outside one). */
    char *dir = msbuild_path_directory(lp->absolute);
    size_t n = strlen(dir);
    if (n > 1 && dir[n - 1] == '/')
        dir[n - 1] = '\0';
    const char *root = root_of(p, dir);
    char *real_root = inf_os_absolute(root ? root : dir);
    inf_msbuild_load(path, real_root ? real_root : (root ? root : dir), solution, &lp->project);
    free(real_root);
    free(dir);
    for (size_t i = 0; i < lp->project.warning_count; i++)
        inf_tool_message("warning: %s", lp->project.warnings[i]);
    /* Every INF the project builds in some configuration, once. */
    for (size_t c = 0; c < lp->project.configuration_count; c++) {
        const struct inf_msbuild_configuration *conf = &lp->project.configurations[c];
        for (size_t k = 0; k < conf->item_count; k++) {
            const struct inf_msbuild_item *item = &conf->items[k];
            char *absolute = item->exists ? inf_os_absolute(item->path) : NULL;
            if (!absolute)
                absolute = msbuild_path_absolute(p->cwd ? p->cwd : "/", item->path);
            char *item_key = inf_os_path_key(absolute);
            size_t found;
            if (!inf_string_map_get(&lp->item_of_path, item_key, &found)) {
                found = lp->item_count;
                inf_string_map_put(&lp->item_of_path, item_key, found);
                lp->items = inf_xrealloc(lp->items, (lp->item_count + 1) * sizeof *lp->items);
                memset(&lp->items[found], 0, sizeof *lp->items);
                lp->items[found].absolute = absolute;
                lp->items[found].key = item_key;
                lp->items[found].first = item;
                lp->item_count++;
            } else {
                free(absolute);
                free(item_key);
            }
            if (c < 64)
                lp->items[found].configurations |= (uint64_t)1 << c;
        }
    }
    p->projects = inf_xgrow(p->projects, &p->cap, p->count + 1, sizeof *p->projects);
    lp->index = p->count;
    p->projects[p->count] = lp;
    inf_string_map_put(&p->by_path, key, p->count++);
    free(canonical);
    return lp;
}

/* ---------------------------------------------------------------- settings */

static int profile_rank(enum inf_profile profile)
{
    return profile == INF_PROFILE_ISOLATION ? 3 : profile == INF_PROFILE_WHQL ? 2 : 1;
}

static unsigned platform_arch(const char *platform)
{
    static const struct {
        const char *name;
        enum inf_arch arch;
    } names[] = {{"Win32", INF_ARCH_X86},   {"x86", INF_ARCH_X86},     {"x64", INF_ARCH_AMD64},
                 {"amd64", INF_ARCH_AMD64}, {"ARM64", INF_ARCH_ARM64}, {"ARM", INF_ARCH_ARM}};
    for (size_t i = 0; platform && i < sizeof names / sizeof names[0]; i++) {
        size_t n = strlen(names[i].name);
        if (strlen(platform) == n) {
            size_t k = 0;
            while (k < n && (platform[k] | 32) == (names[i].name[k] | 32))
                k++;
            if (k == n)
                return INF_ARCH_BIT(names[i].arch);
        }
    }
    return 0;
}

/* Where a switch warning comes from: the project property's place. */
struct switch_place {
    const char *where;
};

static void warn_switch(void *context, const char *why)
{
    const struct switch_place *place = context;
    inf_tool_message("warning: %s: InfVerif_AdditionalOptions: %s", place->where, why);
}

/* The settings for ITEM of LP, merged over the configurations considered. */
static struct inf_project_settings *make_settings(struct inf_projects *p, struct loaded_project *lp,
                                                  struct project_item *item)
{
    struct inf_project_settings *s = inf_xcalloc(1, sizeof *s);
    s->project = lp->project.path;
    s->inf = item->first->path;
    struct inf_buf names = INF_BUF_INIT, source = INF_BUF_INIT;
    int considered = 0, chosen_found = 0;
    const struct inf_msbuild_project *project = &lp->project;
    for (size_t c = 0; c < project->configuration_count && c < 64; c++)
        if (p->configuration && strcmp(project->configurations[c].name, p->configuration) == 0)
            chosen_found = 1;
    if (p->configuration && !chosen_found)
        inf_tool_message("warning: %s has no configuration '%s': the strictest of its "
                         "configurations applies",
                         project->path, p->configuration);
    for (size_t c = 0; c < project->configuration_count && c < 64; c++) {
        const struct inf_msbuild_configuration *conf = &project->configurations[c];
        if (!(item->configurations & ((uint64_t)1 << c)))
            continue;
        if (chosen_found && strcmp(conf->name, p->configuration) != 0)
            continue;
        if (names.len)
            inf_buf_addc(&names, ';');
        inf_buf_adds(&names, conf->name);
        /* The profile: the target platform's, unless a mode switch names another. */
        int has_profile = 0;
        enum inf_profile profile = INF_PROFILE_ISOLATION;
        struct inf_buf why = INF_BUF_INIT;
        const char *dtp = conf->driver_target_platform;
        if (dtp) {
            if (strcmp(dtp, "Windows Driver") == 0)
                has_profile = 1, profile = INF_PROFILE_ISOLATION;
            else if (strcmp(dtp, "Universal") == 0)
                has_profile = 1, profile = INF_PROFILE_UNIVERSAL;
            else if (strcmp(dtp, "Desktop") == 0)
                has_profile = 1, profile = INF_PROFILE_WHQL;
            if (has_profile)
                inf_buf_printf(&why, "DriverTargetPlatform '%s'", dtp);
        }
        struct inf_infverif_switches switches;
        struct switch_place place = {conf->infverif_where ? conf->infverif_where : project->path};
        inf_infverif_switches_parse(conf->infverif_options, &switches,
                                    lp->switches_warned ? NULL : warn_switch, &place);
        if (switches.has_profile) {
            has_profile = 1, profile = switches.profile;
            inf_buf_clear(&why);
            inf_buf_printf(&why, "InfVerif_AdditionalOptions '%s'", conf->infverif_options);
        }
        if (has_profile && (!s->has_profile || profile_rank(profile) > profile_rank(s->profile))) {
            s->has_profile = 1;
            s->profile = profile;
            inf_buf_clear(&source);
            inf_buf_printf(&source, "%s in %s", why.data, conf->name);
        }
        inf_buf_free(&why);
        if (switches.has_wbuild && (!s->has_min_build || switches.wbuild < s->min_build))
            s->has_min_build = 1, s->min_build = switches.wbuild;
        /* Silenced: the codes every configuration silences. */
        if (considered == 0) {
            s->silenced = switches;
        } else {
            size_t kept = 0;
            for (size_t i = 0; i < s->silenced.silenced_count; i++)
                if (inf_infverif_silenced(&switches, s->silenced.silenced[i]))
                    s->silenced.silenced[kept++] = s->silenced.silenced[i];
            s->silenced.silenced_count = kept;
        }
        s->arches |= platform_arch(conf->platform);
        considered++;
    }
    lp->switches_warned = 1;
    if (item->first->architecture) /* stampinf -a names it outright */
        s->arches |= platform_arch(item->first->architecture);
    s->configuration = names.data ? names.data : inf_xstrndup("", 0);
    s->profile_source = source.data;
    if (p->verbose) {
        struct inf_buf line = INF_BUF_INIT;
        inf_buf_printf(&line, "project %s (%s): %s as ", project->path, s->configuration, s->inf);
        if (s->has_profile)
            inf_buf_printf(&line, "%s (%s)", inf_profile_name(s->profile), s->profile_source);
        else
            inf_buf_adds(&line, "the default profile (no DriverTargetPlatform)");
        inf_buf_adds(&line, ", a stamped template");
        for (int a = 0, first = 1; a < INF_ARCH_COUNT; a++)
            if (s->arches & INF_ARCH_BIT(a)) {
                inf_buf_printf(&line, "%s%s", first ? " for " : ", ",
                               inf_arch_name((enum inf_arch)a));
                first = 0;
            }
        if (s->silenced.silenced_count) {
            inf_buf_adds(&line, "; InfVerif codes silenced:");
            for (size_t i = 0; i < s->silenced.silenced_count; i++)
                inf_buf_printf(&line, " %u", (unsigned)s->silenced.silenced[i]);
        }
        if (s->has_min_build)
            inf_buf_printf(&line, "; /wbuild %u", (unsigned)s->min_build);
        inf_tool_message("%s", line.data);
        inf_buf_free(&line);
    }
    return s;
}

void inf_project_settings_apply(const struct inf_project_settings *s,
                                struct inf_lint_options *options)
{
    if (s->has_profile)
        options->rule.profile = s->profile;
    if (s->has_min_build)
        options->rule.min_build = s->min_build;
    inf_infverif_silence_rules(&s->silenced, options); /* profile and build: merged above */
    options->template_override = 1;                    /* the WDK stamps every Inf item it builds */
    options->template_arches = s->arches;
}

/* ---------------------------------------------------------------- lookups */

/* Does PATH end in EXT (lower case, with its dot) in any letter case, after a name? */
static int has_extension(const char *path, const char *ext)
{
    size_t n = strlen(path), e = strlen(ext);
    if (n <= e)
        return 0;
    for (size_t i = 0; i < e; i++)
        if ((path[n - e + i] | 32) != ext[i])
            return 0;
    return 1;
}

int inf_projects_is_project_path(const char *path)
{
    return has_extension(path, ".vcxproj") || has_extension(path, ".sln");
}

static void report_missing(struct loaded_project *lp,
                           void (*missing)(void *context, const char *inf, const char *place),
                           void *context)
{
    if (lp->missing_reported || !missing)
        return;
    lp->missing_reported = 1;
    for (size_t k = 0; k < lp->item_count; k++)
        if (!lp->items[k].first->exists)
            missing(context, lp->items[k].first->path, lp->items[k].first->where);
}

/* A project named on the command line (through SOLUTION, or NULL): its items are linted. */
static void add_named(struct inf_projects *p, const char *path, const char *solution,
                      void (*item)(void *, const char *, const char *, int), void *context)
{
    struct loaded_project *lp = load(p, path, solution);
    if (!lp->named) /* (named before: its items own what they can already) */
        for (size_t k = 0; k < lp->item_count; k++) {
            size_t owner;
            const char *key = lp->items[k].key;
            if (!inf_string_map_get(&p->named_owner, key, &owner) || owner > lp->index)
                inf_string_map_put(&p->named_owner, key, lp->index);
        }
    lp->named = 1;
    lp->missing_reported = 1; /* the items below include the missing ones */
    for (size_t k = 0; k < lp->item_count; k++)
        item(context, lp->items[k].first->path, lp->items[k].first->where,
             lp->items[k].first->exists);
}

int inf_projects_add(struct inf_projects *p, const char *path,
                     void (*item)(void *context, const char *inf, const char *place, int exists),
                     void *context)
{
    if (!inf_os_is_file(path))
        return ENOENT;
    if (!has_extension(path, ".sln")) {
        add_named(p, path, NULL, item, context);
        return 0;
    }
    char **projects = NULL;
    size_t count = 0;
    int err = inf_msbuild_solution_projects(path, &projects, &count);
    if (err)
        return err;
    for (size_t i = 0; i < count; i++) {
        if (inf_os_is_file(projects[i]))
            add_named(p, projects[i], path, item, context);
        else
            inf_tool_message("warning: %s names project %s, which is not there", path, projects[i]);
        free(projects[i]);
    }
    free(projects);
    return 0;
}

/* The item of LP that is the INF whose path key (inf_os_path_key of its absolute) is KEY. */
static struct project_item *find_item(struct loaded_project *lp, const char *key)
{
    size_t k;
    return inf_string_map_get(&lp->item_of_path, key, &k) ? &lp->items[k] : NULL;
}

/* Adds PROJECT (an index) to MEMBERS unless it is one already. */
static void add_member(struct dir_chain *members, size_t project)
{
    for (size_t i = 0; i < members->count; i++)
        if (members->projects[i] == project)
            return;
    members->projects = inf_xrealloc(members->projects, (members->count + 1) * sizeof(size_t));
    members->projects[members->count++] = project;
}

/*
 * The projects of directory DIR (absolute): its .vcxproj files, and the
 * projects its solutions name (a solution often sits beside INFs that a
 * project in a subdirectory builds). Read once per directory.
 */
static struct dir_chain load_directory(struct inf_projects *p, const char *dir)
{
    struct dir_chain members = {NULL, 0};
    struct inf_path_list files = {0};
    if (inf_os_list_files_named(dir, inf_projects_is_project_path, &files) == 0)
        for (size_t i = 0; i < files.count; i++) {
            char *relative = p->cwd ? inf_os_relative(p->cwd, files.paths[i]) : NULL;
            const char *path = relative ? relative : files.paths[i];
            if (has_extension(path, ".vcxproj")) {
                add_member(&members, load(p, path, NULL)->index);
            } else if (has_extension(path, ".sln")) {
                char **named = NULL;
                size_t count = 0;
                if (inf_msbuild_solution_projects(path, &named, &count) == 0)
                    for (size_t k = 0; k < count; k++) {
                        if (inf_os_is_file(named[k]))
                            add_member(&members, load(p, named[k], path)->index);
                        free(named[k]);
                    }
                free(named);
            }
            free(relative);
        }
    inf_path_list_free(&files);
    return members;
}

/*
 * The projects in directory DIR (lexically absolute) and those above it up to
 * its repository root (only DIR's own outside a repository), nearest first:
 * each directory's own chain plus its parent's, worked out once per directory,
 * so that a deep tree costs what its directories do.
 */
static const struct dir_chain *chain_for(struct inf_projects *p, const char *dir,
                                         void (*missing)(void *, const char *, const char *),
                                         void *context)
{
    size_t known;
    if (inf_string_map_get(&p->chain_of_dir, dir, &known))
        return &p->chains[known];
    struct dir_chain chain = {NULL, 0};
    size_t before = p->count;
    struct dir_chain members = load_directory(p, dir);
    for (size_t i = before; i < p->count; i++)
        report_missing(p->projects[i], missing, context);
    for (size_t i = 0; i < members.count; i++)
        add_member(&chain, members.projects[i]);
    free(members.projects);
    const char *root = root_of(p, dir);
    const char *slash = strrchr(dir, '/');
    if (root && inf_os_path_compare(dir, root) != 0 && slash && slash != dir) {
        char *parent = inf_xstrndup(dir, (size_t)(slash - dir));
        const struct dir_chain *up = chain_for(p, parent, missing, context);
        for (size_t i = 0; i < up->count; i++)
            add_member(&chain, up->projects[i]);
        free(parent);
    }
    p->chains = inf_xgrow(p->chains, &p->chain_cap, p->chain_count + 1, sizeof *p->chains);
    p->chains[p->chain_count] = chain;
    inf_string_map_put(&p->chain_of_dir, dir, p->chain_count);
    return &p->chains[p->chain_count++];
}

/* The chain of the directory holding the INF at PATH. */
static const struct dir_chain *chain_of_inf(struct inf_projects *p, const char *path,
                                            void (*missing)(void *, const char *, const char *),
                                            void *context)
{
    size_t typed = strlen(path);
    while (typed && !inf_os_is_separator(path[typed - 1]) && path[typed - 1] != ':')
        typed--; /* (a drive's colon ends it too: C:x.inf is not in the current directory) */
    if (p->last_dir && typed == p->last_dir_len && memcmp(path, p->last_dir, typed) == 0)
        return &p->chains[p->last_chain];
    char *lexical = msbuild_path_absolute(p->cwd ? p->cwd : "/", path);
    char *dir = msbuild_path_directory(lexical);
    size_t n = strlen(dir);
    if (n > 1 && dir[n - 1] == '/')
        dir[n - 1] = '\0';
    free(lexical);
    const struct dir_chain *chain = chain_for(p, dir, missing, context);
    free(dir);
    free(p->last_dir);
    p->last_dir = inf_xstrndup(path, typed);
    p->last_dir_len = typed;
    p->last_chain = (size_t)(chain - p->chains);
    return chain;
}

const struct inf_project_settings *
inf_projects_for_inf(struct inf_projects *p, const char *path,
                     void (*missing)(void *context, const char *inf, const char *place),
                     void *context)
{
    const struct dir_chain *chain = chain_of_inf(p, path, missing, context);
    if (!chain->count && !p->named_owner.count)
        return NULL; /* no project around: the usual case, and cheap */
    char *absolute = inf_os_absolute(path);
    if (!absolute)
        return NULL;
    char *key = inf_os_path_key(absolute);
    free(absolute);
    struct loaded_project *owner = NULL;
    struct project_item *item = NULL;
    size_t named_owner;
    if (inf_string_map_get(&p->named_owner, key, &named_owner)) {
        owner = p->projects[named_owner];
        item = find_item(owner, key);
    }
    for (size_t i = 0; i < chain->count && !item; i++)
        if ((item = find_item(p->projects[chain->projects[i]], key)) != NULL)
            owner = p->projects[chain->projects[i]];
    free(key);
    if (!item)
        return NULL;
    if (!item->settings)
        item->settings = make_settings(p, owner, item);
    return item->settings;
}
