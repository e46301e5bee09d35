/*
 * run.c - one run over the paths of a command line (run.h). Files are
 * linted as the directory walk finds them, on worker threads, each with the
 * options of its configuration; then they are put in walk order, the
 * baseline is applied, and one report is rendered.
 */
#include "inflint/run.h"
#include "inflint/alloc.h"
#include "inflint/baseline.h"
#include "inflint/config.h"
#include "dump.h"
#include "infverif_switches.h"
#include "inflint/profile.h"
#include "os.h"
#include "projects.h"
#include "c_lexer.h"
#include "source_scan.h"
#include "fix_apply.h"
#include "report_parts.h"
#include "report_statistics.h"
#include "engine_check.h"
#include "graph_index.h"
#include "string_map.h"
#include "suppress.h"
#include "write_file.h"

#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

void inf_tool_message(const char *format, ...)
{
    /* File names reach stderr too, which CI runners also read for workflow commands. */
    char small[1024];
    va_list args;
    va_start(args, format);
    int n = vsnprintf(small, sizeof small, format, args);
    va_end(args);
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_adds(&text, "inflint: ");
    if (n >= 0 && (size_t)n >= sizeof small) {
        char *whole = inf_xmalloc((size_t)n + 1);
        va_start(args, format);
        vsnprintf(whole, (size_t)n + 1, format, args);
        va_end(args);
        inf_buf_add_visible(&text, whole, (size_t)n, 0);
        free(whole);
    } else if (n > 0) {
        inf_buf_add_visible(&text, small, (size_t)n, 0);
    }
    inf_buf_addc(&text, '\n');
    fwrite(text.data, 1, text.len, stderr);
    inf_buf_free(&text);
}

int inf_lint_input_rules(const char *path, struct inf_input input,
                         const struct inf_lint_options *options,
                         const struct inf_rule *const *extra_rules, size_t extra_count,
                         struct inf_file_result *result)
{
    struct inf_model model;
    if (inf_engine_check(path, input, options, extra_rules, extra_count, result, &model) != 0)
        return -1;
    inf_findings_apply_overrides(result, options, 0);
    inf_suppressions_apply(&model.source, model.comments, model.comment_count, &model, result,
                           options);
    inf_findings_finish(result);
    inf_model_free(&model);
    return 0;
}

int inf_lint_input(const char *path, struct inf_input input, const struct inf_lint_options *options,
                   struct inf_file_result *result)
{
    return inf_lint_input_rules(path, input, options, NULL, 0, result);
}

int inf_lint_buffer(const char *path, unsigned char *bytes, size_t len,
                    const struct inf_lint_options *options, struct inf_file_result *result)
{
    struct inf_input input = {bytes, len, 0, 0};
    return inf_lint_input(path, input, options, result);
}

static const char *read_error_text(int err);

int inf_lint_file(const char *path, const struct inf_lint_options *options,
                  struct inf_file_result *result)
{
    struct inf_input input = {NULL, 0, 0, strcmp(path, "-") == 0};
    int err = input.from_stdin ? inf_os_read_stdin(&input.bytes, &input.len)
                               : inf_os_read_input(path, &input);
    if (err) {
        memset(result, 0, sizeof *result);
        result->path = inf_xstrndup(path, strlen(path));
        result->error = inf_xstrndup(read_error_text(err), strlen(read_error_text(err)));
        return err;
    }
    return inf_lint_input(path, input, options, result);
}

/* The options of a run and the configuration files met so far. */
struct run {
    const struct inf_run_options *opt;
    struct inf_config *configs; /* loaded configuration files, by path */
    size_t config_count, config_cap;
    char *last_dir, *last_found;    /* the last directory looked up, and its configuration file */
    char *last_ignored;             /* the last untrusted configuration warned about */
    struct inf_string_map searched; /* directory -> index in found, or NO_CONFIG_FILE */
    char **found;                   /* configuration files found by the search */
    size_t found_count, found_cap;
    struct inf_string_map loaded;  /* configuration path -> index in configs */
    int config_broken;             /* a configuration file could not be loaded: the run ends */
    struct inf_projects *projects; /* WDK projects read (NULL with --no-project) */
    struct inf_infverif_switches cli_switches; /* --infverif-options */
    struct inf_source_macros *source_macros;   /* #defines of headers named on the line */
};

static void run_free(struct run *run)
{
    for (size_t i = 0; i < run->config_count; i++)
        inf_config_free(&run->configs[i]);
    free(run->configs);
    free(run->last_dir);
    free(run->last_found);
    free(run->last_ignored);
    inf_string_map_free(&run->searched);
    inf_string_map_free(&run->loaded);
    for (size_t i = 0; i < run->found_count; i++)
        free(run->found[i]);
    free(run->found);
    inf_projects_free(run->projects);
    inf_source_macros_free(run->source_macros);
}

#define NO_CONFIG_FILE ((size_t)-1)

/* The directory part of DIR one level up, as the walk spells paths, or NULL at its top. */
static char *lexical_parent(const char *dir)
{
    const char *slash = NULL;
    for (const char *p = dir; *p; p++)
        if (inf_os_is_separator(*p))
            slash = p;
    if (!slash || strcmp(dir, "/") == 0 || (slash == dir + 2 && dir[1] == ':' && !dir[3]))
        return NULL; /* "/" or "C:\" */
    if (slash == dir)
        return inf_xstrndup("/", 1);
    return inf_xstrndup(dir, (size_t)(slash - dir));
}

/*
 * The configuration file that applies in directory DIR: its own
 * .inflint.ini, else its parent's answer; above the top of DIR as written,
 * the search of inf_config_find. Each directory is looked at once per run,
 * so a deep tree costs a stat per directory, not one per file and level.
 * Returns a path (caller frees) or NULL.
 */
static char *search_config(struct run *run, const char *dir)
{
    char **pending = NULL;
    size_t pending_count = 0, pending_cap = 0, answer = NO_CONFIG_FILE;
    char *current = inf_xstrndup(dir, strlen(dir));
    for (;;) {
        if (inf_string_map_get(&run->searched, current, &answer)) {
            free(current);
            break;
        }
        pending = inf_xgrow(pending, &pending_cap, pending_count + 1, sizeof *pending);
        pending[pending_count++] = current;
        struct inf_buf candidate = INF_BUF_INIT;
        char sep[2] = {inf_os_separator_of(current), '\0'};
        inf_buf_printf(&candidate, "%s%s" INF_CONFIG_NAME, current,
                       inf_os_is_separator(current[strlen(current) - 1]) ? "" : sep);
        char *found = inf_os_is_file(candidate.data) ? inf_os_absolute(candidate.data) : NULL;
        inf_buf_free(&candidate);
        char *parent = found ? NULL : lexical_parent(current);
        if (!found && !parent)
            found = inf_config_find(current); /* above what the path names */
        if (found || !parent) {
            if (found) {
                run->found = inf_xgrow(run->found, &run->found_cap, run->found_count + 1,
                                       sizeof *run->found);
                run->found[run->found_count] = found;
                answer = run->found_count++;
            }
            free(parent);
            break;
        }
        current = parent;
    }
    for (size_t i = 0; i < pending_count; i++) {
        inf_string_map_put(&run->searched, pending[i], answer);
        free(pending[i]);
    }
    free(pending);
    return answer == NO_CONFIG_FILE ? NULL
                                    : inf_xstrndup(run->found[answer], strlen(run->found[answer]));
}

/*
 * The configuration for PATH (a file, a directory or "-"): --config, else
 * the nearest .inflint.ini above it, else none (NULL). Loads each file once;
 * a broken one is reported and sets run->config_broken (the run then ends
 * with status 2).
 */
static const struct inf_config *config_for(struct run *run, const char *path, int is_directory)
{
    const struct inf_run_options *opt = run->opt;
    if (opt->no_config)
        return NULL;
    char *found = NULL;
    if (opt->config_path) {
        found = inf_xstrndup(opt->config_path, strlen(opt->config_path));
    } else {
        /* Files of one directory come together: the last directory is answered at once. */
        char *dir = is_directory ? inf_xstrndup(path, strlen(path))
                                 : inf_os_dirname(strcmp(path, "-") == 0 ? "./-" : path);
        if (run->last_dir && strcmp(run->last_dir, dir) == 0) {
            free(dir);
            if (!run->last_found)
                return NULL;
            found = inf_xstrndup(run->last_found, strlen(run->last_found));
        } else {
            found = search_config(run, strcmp(path, "-") == 0 ? "." : dir);
            char why[160];
            const char *trust_all = getenv("INFLINT_TRUST_CONFIG");
            if (found && !(trust_all && strcmp(trust_all, "1") == 0) &&
                !inf_os_config_trusted(found, why, sizeof why)) {
                if (!run->last_ignored || strcmp(run->last_ignored, found) != 0) {
                    inf_tool_message("warning: ignoring %s: %s (name it with --config, or set "
                                     "INFLINT_TRUST_CONFIG=1, to use it)",
                                     found, why);
                    free(run->last_ignored);
                    run->last_ignored = inf_xstrndup(found, strlen(found));
                }
                free(found);
                found = NULL; /* the defaults apply */
            }
            free(run->last_dir);
            free(run->last_found);
            run->last_dir = dir;
            run->last_found = found ? inf_xstrndup(found, strlen(found)) : NULL;
        }
    }
    if (!found)
        return NULL;
    size_t known;
    if (inf_string_map_get(&run->loaded, found, &known)) {
        free(found);
        return &run->configs[known];
    }
    run->configs =
        inf_xgrow(run->configs, &run->config_cap, run->config_count + 1, sizeof *run->configs);
    struct inf_config *config = &run->configs[run->config_count++];
    char error[512];
    if (inf_config_load(found, config, error, sizeof error) != 0) {
        inf_tool_message("%s", error);
        free(found);
        inf_config_free(config);
        run->config_count--;
        run->config_broken = 1;
        return NULL;
    }
    inf_string_map_put(&run->loaded, found, run->config_count - 1);
    free(found);
    return config;
}

/*
 * The options for one file, key by key: defaults, then what the WDK project
 * that builds it says (SETTINGS, may be NULL), then its configuration file,
 * then the command line (which always wins). Returns the --fail-on level
 * that applies. Free OUT with inf_lint_options_free.
 */
static int file_options(const struct run *run, const struct inf_config *config,
                        const struct inf_project_settings *settings, struct inf_lint_options *out)
{
    const struct inf_run_options *opt = run->opt;
    inf_lint_options_init(out);
    if (settings)
        inf_project_settings_apply(settings, out);
    if (config)
        inf_config_apply(config, out);
    if (opt->infverif_options)
        inf_infverif_switches_apply(&run->cli_switches, out);
    if (opt->has_profile)
        out->rule.profile = opt->lint.rule.profile;
    if (opt->has_min_build)
        out->rule.min_build = opt->lint.rule.min_build;
    for (size_t i = 0; i < inf_rule_count; i++)
        if (opt->lint.severity[i] >= 0)
            out->severity[i] = opt->lint.severity[i];
    out->report_unused_suppressions = opt->lint.report_unused_suppressions;
    out->source_macros = run->source_macros;
    char bad[128];
    inf_lint_options_filter(out, opt->select, opt->ignore, bad, sizeof bad);
    if (opt->fail_on)
        return opt->fail_on;
    return config && config->has_fail_on ? config->fail_on : INF_SEVERITY_ERROR;
}

/* Reads PATH (or stdin for "-"); returns 0 or an errno value. */
static int read_input(const char *path, const struct inf_run_options *opt, const char **name,
                      struct inf_input *input)
{
    if (strcmp(path, "-") == 0) {
        *name = opt->stdin_filename ? opt->stdin_filename : "<stdin>";
        input->mapped = 0;
        input->from_stdin = 1;
        return inf_os_read_stdin(&input->bytes, &input->len);
    }
    *name = path;
    return inf_os_read_input(path, input);
}

static const char *read_error_text(int err)
{
    return err == EFBIG ? "file too large (over 2 GiB)" : strerror(err);
}

static int dump_files(const struct inf_run_options *opt, const struct inf_path_list *inputs,
                      int many)
{
    int status = 0, dumped = 0;
    struct inf_buf out = INF_BUF_INIT;
    if (many)
        fputs("[", stdout);
    for (size_t i = 0; i < inputs->count; i++) {
        const char *name;
        struct inf_input input;
        int err = read_input(inputs->paths[i], opt, &name, &input);
        if (err) {
            inf_tool_message("%s: %s", name, read_error_text(err));
            status = INF_EXIT_FAILURE;
            continue;
        }
        inf_alloc_set_path(name);
        struct inf_model model;
        if (inf_model_parse_input(&model, name, input) != 0) {
            inf_tool_message("%s: %s", name, read_error_text(EFBIG));
            status = INF_EXIT_FAILURE;
        } else {
            if (dumped++)
                inf_buf_addc(&out, ',');
            inf_dump_model(&out, &model, stdout);
            fwrite(out.data ? out.data : "", 1, out.len, stdout);
            inf_buf_clear(&out);
        }
        inf_model_free(&model);
    }
    fputs(many ? "]\n" : "\n", stdout);
    inf_buf_free(&out);
    return status;
}

/* The options of the files under one configuration (or none): a run usually has one or two. */
struct file_setup {
    size_t config;                              /* index in run.configs, or NO_CONFIG */
    const struct inf_project_settings *project; /* the WDK project's settings, or NULL */
    struct inf_lint_options options;
    int fail_on;
    uint32_t same_key; /* the setup made before with the same setup_key, or INF_NO_INDEX */
};

#define NO_CONFIG ((size_t)-1)

/*
 * What one worker counts while the report is rendered ahead. Padded so that
 * no two workers' tallies share a cache line (each would slow the other).
 */
union worker_tally {
    struct {
        struct inf_summary summary;
        int failing;
    } t;
    char padding[128];
};

/* One file of the run and all that is known of it. */
struct run_file {
    char *path;                  /* as found (owned) */
    size_t input;                /* the command-line path it came from */
    size_t setup;                /* its options: an index in setups */
    int fail_on;                 /* the least severity that fails the run */
    unsigned char stale_enabled; /* INF019 is on */
    int walk_error;              /* the walk could not read this path (an errno value), or 0 */
    const char *missing_item;    /* "FILE:LINE" of the Inf item naming this missing file */
    /* --fix and --diff: the fixed bytes (NULL: nothing changed), the fixes applied, and the
     * diff (--diff), made by the worker and written or printed by the main thread in order. */
    unsigned char *fixed;
    size_t fixed_len, fixes_applied, fixes_left, fixes_hidden;
    char *diff;
    struct inf_file_result result;
};

/*
 * The files of a run, in the order the walk finds them (sorted once it is
 * over), and what linting each needs. Workers lint files while the walk
 * goes on; the file array only moves while no worker runs
 * (inf_os_feed_drain), and each worker touches only its own file and its
 * own tally.
 */
struct lint_job {
    struct run *run;
    int resolve_setups; /* find each file's options (not when only dumping) */
    struct run_file *files;
    size_t file_count, file_cap;
    struct file_setup *setups; /* one per configuration file and project settings met */
    size_t setup_count, setup_cap;
    struct inf_key_map last_setup_of_key; /* setup_key -> the latest setup with that key */
    size_t stale_rule;
    struct inf_os_feed *feed; /* while the walk runs */
    size_t walking;           /* the command-line path being walked */
    size_t walk_config;       /* its configuration, or NO_CONFIG */
    int status;               /* 2 once some command-line path is unreadable */
    /* When the report is rendered while linting (else NULL): the parts, and per worker the
     * counts and whether a finding fails the run, taken before the findings are freed. */
    struct inf_report_parts *parts;
    union worker_tally *tallies;
};

/* Makes room for one more file: the array grows only once every worker is idle. */
static void reserve_file(struct lint_job *job)
{
    if (job->file_count < job->file_cap)
        return;
    inf_os_feed_drain(job->feed);
    job->file_cap = job->file_cap ? job->file_cap * 2 : 1024;
    job->files = inf_xrealloc(job->files, job->file_cap * sizeof *job->files);
    if (job->parts)
        inf_report_parts_reserve(job->parts, job->file_cap);
}

/* A hash of a (configuration, project settings) pair: setups with equal pairs have equal keys. */
static uint64_t setup_key(size_t config_index, const struct inf_project_settings *settings)
{
    uint64_t h = (uint64_t)config_index * 0x9E3779B97F4A7C15ull ^ (uint64_t)(uintptr_t)settings;
    h ^= h >> 31;
    return h * 0xBF58476D1CE4E5B9ull;
}

/*
 * The index in job->setups of the options for files under CONFIG built as SETTINGS say. A run
 * may meet a configuration or a WDK project per directory, thousands of them: setups are found
 * through a hash of the pair (those sharing a hash chained), not searched all for each file.
 */
static size_t setup_for(struct lint_job *job, const struct inf_config *config,
                        const struct inf_project_settings *settings)
{
    struct run *run = job->run;
    size_t config_index = config ? (size_t)(config - run->configs) : NO_CONFIG;
    uint64_t key = setup_key(config_index, settings);
    uint32_t newest = inf_key_map_get(&job->last_setup_of_key, key);
    for (uint32_t i = newest; i != INF_NO_INDEX; i = job->setups[i].same_key)
        if (job->setups[i].config == config_index && job->setups[i].project == settings)
            return i;
    size_t k = job->setup_count;
    if (job->setup_count == job->setup_cap) {
        inf_os_feed_drain(job->feed); /* workers read setups */
        job->setups =
            inf_xgrow(job->setups, &job->setup_cap, job->setup_count + 1, sizeof *job->setups);
    }
    job->setups[k].config = config_index;
    job->setups[k].project = settings;
    job->setups[k].fail_on = file_options(run, config, settings, &job->setups[k].options);
    job->setups[k].same_key = newest;
    inf_key_map_put(&job->last_setup_of_key, key, (uint32_t)k);
    job->setup_count++;
    return k;
}

/* An Inf item names a file that is not there: a file of the run with that error. */
static void missing_item(void *context, const char *inf, const char *place);

/* Adds PATH (owned) as the next file and lets the workers have it. */
static void add_file(void *context, char *path)
{
    struct lint_job *job = context;
    struct run *run = job->run;
    if (run->config_broken) { /* the run is over: nothing more to lint */
        free(path);
        return;
    }
    /* First: finding the project may add its missing Inf items as files. */
    const struct inf_project_settings *settings = NULL;
    if (job->resolve_setups && run->projects && strcmp(path, "-") != 0)
        settings = inf_projects_for_inf(run->projects, path, missing_item, job);
    reserve_file(job);
    struct run_file *file = &job->files[job->file_count];
    memset(file, 0, sizeof *file);
    file->path = path;
    file->input = job->walking;
    file->fail_on = INF_SEVERITY_ERROR;
    if (job->resolve_setups) {
        const char *stdin_name = run->opt->stdin_filename;
        const char *named = strcmp(path, "-") == 0 && stdin_name ? stdin_name : path;
        int named_directory = named != path && inf_os_is_directory(named);
        const struct inf_config *config = config_for(run, named, named_directory);
        if (run->config_broken) {
            free(path);
            return;
        }
        size_t k = setup_for(job, config, settings);
        file = &job->files[job->file_count]; /* setup_for may have let workers go on */
        file->setup = k;
        file->fail_on = job->setups[k].fail_on;
        file->stale_enabled = job->setups[k].options.enabled[job->stale_rule];
    }
    job->file_count++;
    inf_os_feed_publish(job->feed, job->file_count);
}

/*
 * A path the walk could not read: a file of the run with that error, so that
 * every report lists it, its message comes in walk order and the run ends
 * with status 2. MISSING_ITEM is the "FILE:LINE" of the Inf item that names
 * it, or NULL; it is set before workers may see the file.
 */
static void add_unreadable_item(struct lint_job *job, const char *path, int error,
                                const char *missing_item)
{
    if (job->run->config_broken)
        return;
    reserve_file(job);
    struct run_file *file = &job->files[job->file_count];
    memset(file, 0, sizeof *file);
    file->path = inf_xstrndup(path, strlen(path));
    file->input = job->walking;
    file->fail_on = INF_SEVERITY_ERROR;
    file->walk_error = error ? error : EIO;
    file->missing_item = missing_item;
    job->file_count++;
    inf_os_feed_publish(job->feed, job->file_count);
}

static void add_unreadable(struct lint_job *job, const char *path, int error)
{
    add_unreadable_item(job, path, error, NULL);
}

static void missing_item(void *context, const char *inf, const char *place)
{
    add_unreadable_item(context, inf, ENOENT, place);
}

/* An Inf item of a project named on the command line: linted, or reported missing. */
static void project_item(void *context, const char *inf, const char *place, int exists)
{
    if (exists)
        add_file(context, inf_xstrndup(inf, strlen(inf)));
    else
        missing_item(context, inf, place);
}

static void unreadable_directory(void *context, const char *path, int error)
{
    add_unreadable(context, path, error);
}

/* An entry the walk does not read on purpose: a note on stderr, the run goes on. */
static void passed_over(void *context, const char *path, const char *why)
{
    (void)context;
    inf_tool_message("note: %s: not read: %s", path, why);
}

static int excluded(void *context, const char *path)
{
    const struct lint_job *job = context;
    /* Looked up each time: loading another file's configuration may move the array. */
    return job->walk_config != NO_CONFIG &&
           inf_config_excludes(&job->run->configs[job->walk_config], path);
}

/* --force-exclude: is file P, named on the command line, excluded by its configuration? */
static int force_excluded(struct run *run, const char *p)
{
    if (!run->opt->force_exclude)
        return 0;
    const char *named = strcmp(p, "-") == 0 ? run->opt->stdin_filename : p;
    if (!named)
        return 0; /* standard input without a name matches no pattern */
    const struct inf_config *config = config_for(run, named, 0);
    return config && inf_config_excludes(config, named);
}

/*
 * The producer of the run: expands the command-line paths into files (a
 * directory's INF files, less what its configuration excludes) and hands
 * each to the workers as soon as it is found.
 */
/* --source: a directory walk finds C and C++ files besides INFs. */
static int inf_or_source_name(const char *name)
{
    return inf_os_is_inf_name(name) || c_is_source_name(name);
}

static void find_files(struct inf_os_feed *feed, void *context)
{
    struct lint_job *job = context;
    struct run *run = job->run;
    const struct inf_os_walk_calls calls = {add_file, unreadable_directory, excluded, passed_over,
                                            run->opt->source ? inf_or_source_name : NULL};
    job->feed = feed;
    for (size_t i = 0; i < run->opt->path_count && !run->config_broken; i++) {
        /* As typed, with one separator throughout (Windows): "samples\rules/x.inf" is shown,
         * and its files are named, as "samples\rules\x.inf". Same length as typed. */
        char *p = inf_xstrndup(run->opt->paths[i], strlen(run->opt->paths[i]));
        inf_os_normalize_separators(p);
        job->walking = i;
        if (strcmp(p, "-") != 0 && inf_os_is_directory(p)) {
            const struct inf_config *config = config_for(run, p, 1);
            if (run->config_broken) {
                free(p);
                break;
            }
            job->walk_config = config ? (size_t)(config - run->configs) : NO_CONFIG;
            size_t before = job->file_count;
            int err = inf_os_walk_inf_files(p, &calls, job);
            if (err)
                add_unreadable(job, p, err);
            else if (job->file_count == before && !run->config_broken && !run->opt->quiet)
                inf_tool_message("note: %s: no INF or INX files found", p);
        } else if (run->projects && inf_projects_is_project_path(p) && inf_os_is_file(p)) {
            int err = inf_projects_add(run->projects, p, project_item, job);
            if (err)
                add_unreadable(job, p, err);
        } else if (!force_excluded(run, p)) {
            add_file(job, inf_xstrndup(p, strlen(p)));
        }
        free(p);
    }
    job->feed = NULL;
}

/* A file to sort: its place in the walk's order is mostly settled by KEY alone. */
struct sort_item {
    size_t input;     /* the command-line path it came from */
    uint64_t key;     /* the 8 bytes after that path, big-endian, '/' as 0 (as walk order has it) */
    const char *rest; /* the path after the command-line path */
    size_t index;
};

static int compare_items(const void *a, const void *b)
{
    const struct sort_item *x = a, *y = b;
    if (x->input != y->input)
        return x->input < y->input ? -1 : 1;
    if (x->key != y->key)
        return x->key < y->key ? -1 : 1;
    return inf_os_walk_order(x->rest, y->rest);
}

/* The order (indexes into JOB's files) that puts them as sorted listings would. */
static size_t *walk_order(const struct lint_job *job)
{
    size_t count = job->file_count;
    struct sort_item *items = inf_xcalloc(count + 1, sizeof *items);
    for (size_t i = 0; i < count; i++) {
        struct sort_item *item = &items[i];
        const struct run_file *file = &job->files[i];
        /* Every file a walk finds starts with its command-line path: only the rest can differ.
         * (A project's Inf items may lie anywhere: their whole path is the rest.) */
        const char *typed = job->run->opt->paths[file->input];
        size_t skip = 0;
        while (typed[skip] &&
               (typed[skip] == file->path[skip] ||
                (inf_os_is_separator(typed[skip]) && inf_os_is_separator(file->path[skip]))))
            skip++;
        item->input = file->input;
        item->rest = typed[skip] ? file->path : file->path + skip;
        item->index = i;
        for (size_t k = 0; k < 8; k++) {
            unsigned char c = (unsigned char)item->rest[k];
            item->key = item->key << 8 | (inf_os_is_separator((char)c) ? 0 : c);
            if (!c) {
                item->key <<= 8 * (7 - k);
                break;
            }
        }
    }
    qsort(items, count, sizeof *items, compare_items);
    size_t *order = inf_xcalloc(count + 1, sizeof *order);
    for (size_t k = 0; k < count; k++)
        order[k] = items[k].index;
    free(items);
    return order;
}

/* Puts the files in walk order (they were linted as found). */
static void sort_files(struct lint_job *job)
{
    size_t count = job->file_count;
    size_t *order = walk_order(job);
    if (count) {
        struct run_file *sorted = inf_xmalloc(count * sizeof *sorted);
        for (size_t k = 0; k < count; k++)
            sorted[k] = job->files[order[k]];
        memcpy(job->files, sorted, count * sizeof *sorted);
        free(sorted);
    }
    if (job->parts)
        inf_report_parts_reorder(job->parts, order, count);
    free(order);
}

static void lint_job_free(struct lint_job *job)
{
    for (size_t k = 0; k < job->setup_count; k++)
        inf_lint_options_free(&job->setups[k].options);
    free(job->setups);
    inf_key_map_free(&job->last_setup_of_key);
    for (size_t i = 0; i < job->file_count; i++) {
        free(job->files[i].path);
        free(job->files[i].fixed);
        free(job->files[i].diff);
        inf_file_result_free(&job->files[i].result);
    }
    free(job->files);
    inf_report_parts_free(job->parts);
    free(job->tallies);
    memset(job, 0, sizeof *job);
}

static void nothing_to_do(void *context, size_t index, int worker)
{
    (void)context, (void)index, (void)worker;
}

/* Non-zero when a finding of RESULT fails the run (INF019 notes never do). */
static int result_fails(const struct inf_file_result *result, int fail_on)
{
    for (size_t k = 0; k < result->count; k++)
        if ((int)result->findings[k].severity >= fail_on &&
            strcmp(result->findings[k].rule->code, "INF019") != 0)
            return 1;
    return 0;
}

/*
 * --fix and --diff: lints FILE's bytes and applies its fixes in memory, pass
 * after pass, into RESULT (the findings that remain); keeps the fixed bytes
 * (and with --diff the diff) for the main thread, which writes files one at
 * a time and prints in order.
 */
static void fix_one(struct lint_job *job, struct run_file *file, const char *name,
                    struct inf_input input, struct inf_file_result *result)
{
    const struct inf_run_options *opt = job->run->opt;
    struct inf_fix_outcome outcome;
    int broken = inf_fix_bytes(name, input.bytes, input.len, input.from_stdin,
                               &job->setups[file->setup].options, opt->unsafe_fixes, &outcome);
    if (!broken && outcome.bytes) {
        if (opt->diff) {
            struct inf_buf diff = INF_BUF_INIT;
            inf_fix_diff(name, input.bytes, input.len, outcome.bytes, outcome.len, &diff);
            file->diff = diff.data;
        }
        file->fixed = outcome.bytes;
        file->fixed_len = outcome.len;
        outcome.bytes = NULL;
    }
    file->fixes_applied = outcome.applied;
    file->fixes_left = outcome.left;
    file->fixes_hidden = outcome.hidden;
    *result = outcome.result;
    memset(&outcome.result, 0, sizeof outcome.result);
    inf_fix_outcome_free(&outcome);
    if (input.mapped)
        inf_os_unmap(input.bytes, input.mapped);
    else
        free(input.bytes);
}

/* Reads and lints file INDEX into its result (errors are recorded, not printed). */
static void lint_one(void *context, size_t index, int worker)
{
    struct lint_job *job = context;
    struct run_file *file = &job->files[index];
    const char *name;
    struct inf_input input;
    /* Built in a local: neighbouring results, in one cache line, belong to other workers. */
    struct inf_file_result local;
    struct inf_file_result *result = &local;
    int err = file->walk_error;
    if (err)
        name = file->path;
    else
        err = read_input(file->path, job->run->opt, &name, &input);
    if (err && file->missing_item) {
        memset(result, 0, sizeof *result);
        result->path = inf_xstrndup(name, strlen(name));
        struct inf_buf why = INF_BUF_INIT;
        inf_buf_printf(&why, "no such file, but the Inf item at %s names it", file->missing_item);
        result->error = why.data;
    } else if (err) {
        memset(result, 0, sizeof *result);
        result->path = inf_xstrndup(name, strlen(name));
        result->error = inf_xstrndup(read_error_text(err), strlen(read_error_text(err)));
    } else {
        inf_alloc_set_path(name);
        const struct file_setup *setup = &job->setups[file->setup];
        if (c_is_source_name(name)) /* driver source: the SRC rules, no fixes */
            inf_lint_source_input(name, input, &setup->options, result);
        else if (job->run->opt->fix || job->run->opt->diff)
            fix_one(job, file, name, input, result);
        else
            inf_lint_input(name, input, &setup->options, result);
        inf_alloc_set_path(NULL);
        result->profile = inf_profile_name(setup->options.rule.profile);
        if (setup->project) {
            result->project = setup->project->project;
            result->configuration = setup->project->configuration;
        }
    }
    if (job->parts) { /* report it now, while it is in the cache, and keep only its name */
        if (!result->error)
            inf_summary_add(&job->tallies[worker].t.summary, result);
        job->tallies[worker].t.failing |= result_fails(result, file->fail_on);
        inf_report_parts_render(job->parts, index, worker, result);
        inf_file_result_free_findings(result);
    }
    file->result = local;
}

/* FILE's path relative to directory BASE (absolute), for baselines; caller frees. */
static char *baseline_path(const char *base, const struct run_file *file)
{
    const char *name = file->result.path ? file->result.path : "";
    char *absolute = strcmp(file->path, "-") == 0 ? NULL : inf_os_absolute(file->path);
    if (!absolute)
        return inf_xstrndup(name, strlen(name));
    char *relative = inf_os_relative(base, absolute);
    free(absolute);
    return relative;
}

/* The absolute directory that will hold the baseline file PATH (caller frees). */
static char *baseline_dir(const char *path)
{
    char *dir = inf_os_dirname(path);
    char *absolute = inf_os_absolute(dir);
    free(dir);
    return absolute;
}

/* --write-baseline: records every finding of JOB. Returns the exit status. */
static int write_baseline(const struct lint_job *job, const char *path, int quiet)
{
    char *dir = baseline_dir(path);
    if (!dir) {
        inf_tool_message("%s: directory does not exist", path);
        return INF_EXIT_FAILURE;
    }
    size_t count = job->file_count, recorded = 0;
    char **relative = inf_xcalloc(count + 1, sizeof *relative);
    struct inf_file_result *results = inf_xcalloc(count + 1, sizeof *results);
    for (size_t i = 0; i < count; i++) {
        relative[i] = baseline_path(dir, &job->files[i]);
        results[i] = job->files[i].result; /* a view: the job keeps them */
        recorded += results[i].count;
    }
    int status = 0;
    int err = inf_baseline_write(path, results, relative, count);
    if (err) {
        inf_tool_message("%s: %s", path, inf_write_error_text(err));
        status = INF_EXIT_FAILURE;
    } else if (!quiet) {
        inf_tool_message("recorded %zu finding%s in %s", recorded, recorded == 1 ? "" : "s", path);
    }
    for (size_t i = 0; i < count; i++)
        free(relative[i]);
    free(relative);
    free(results);
    free(dir);
    return status;
}

/* --baseline: hides the recorded findings of JOB and reports stale entries. Returns 0 or 2. */
static int apply_baseline(struct lint_job *job, const char *path)
{
    struct inf_baseline baseline;
    char error[512];
    if (inf_baseline_load(path, &baseline, error, sizeof error) != 0) {
        inf_tool_message("%s", error);
        inf_baseline_free(&baseline);
        return INF_EXIT_FAILURE;
    }
    for (size_t i = 0; i < job->file_count; i++) {
        struct run_file *file = &job->files[i];
        if (file->result.error || !file->result.path)
            continue;
        char *relative = baseline_path(baseline.dir, file);
        inf_baseline_filter(&baseline, relative, &file->result);
        inf_baseline_report_stale(&baseline, relative, &file->result, file->stale_enabled);
        free(relative);
    }
    inf_baseline_free(&baseline);
    return 0;
}

/* Renders the report of JOB on stdout (or into --output-file); returns 1 when a finding fails
 * the run, 2 when the output file cannot be written, else 0. */
static int report(struct lint_job *job, const struct inf_reporter *reporter,
                  struct inf_report_options *options, int jobs)
{
    struct inf_summary summary = {0, 0, 0, 0};
    int failing = 0;
    size_t count = job->file_count;
    struct inf_file_result *results = inf_xcalloc(count + 1, sizeof *results);
    for (size_t i = 0; i < count; i++)
        results[i] = job->files[i].result; /* a view: the job keeps them */
    if (job->parts) {
        for (int w = 0; w < jobs; w++) {
            const struct inf_summary *counted = &job->tallies[w].t.summary;
            summary.files += counted->files;
            summary.errors += counted->errors;
            summary.warnings += counted->warnings;
            summary.notes += counted->notes;
            failing |= job->tallies[w].t.failing;
        }
    } else {
        for (size_t i = 0; i < count; i++) {
            if (!results[i].error)
                inf_summary_add(&summary, &results[i]);
            failing |= result_fails(&results[i], job->files[i].fail_on);
        }
    }
    options->parts = job->parts;
    const struct inf_run_options *opt = job->run->opt;
    struct inf_buf out = INF_BUF_INIT;
    if (!opt->output_file) { /* written out 64 KiB at a time, not held whole */
        out.sink = stdout;
        inf_buf_reserve(&out, 65536);
    }
    if (opt->statistics)
        inf_write_statistics(&out, results, count, strcmp(reporter->name, "json") == 0);
    else
        reporter->write(&out, results, count, &summary, options);
    int status = failing ? 1 : 0;
    if (opt->output_file) {
        int err = inf_write_file(opt->output_file, out.data ? out.data : "", out.len,
                                 INF_WRITE_STREAM_SPECIAL);
        if (err) {
            inf_tool_message("%s: %s", opt->output_file, inf_write_error_text(err));
            status = INF_EXIT_FAILURE;
        }
    } else {
        fwrite(out.data ? out.data : "", 1, out.len, stdout);
    }
    inf_buf_free(&out);
    free(results);
    return status;
}

/* A run of OPT and its (empty) job, ready for inf_os_parallel_fed. */
/* --diff: every file's diff in order on stdout. Returns 1 when there is one, else 0. */
static int print_diffs(const struct lint_job *job)
{
    int changes = 0;
    for (size_t i = 0; i < job->file_count; i++)
        if (job->files[i].diff) {
            fputs(job->files[i].diff, stdout);
            changes = 1;
        }
    return changes;
}

/*
 * --fix: writes every fixed file, one at a time and in order (atomically, its mode and
 * owner kept), and says what was fixed. Returns 0, or -1 when a file could not be written.
 */
static int write_fixes(const struct lint_job *job)
{
    int status = 0;
    size_t applied = 0, left = 0, hidden = 0, files = 0;
    for (size_t i = 0; i < job->file_count; i++) {
        const struct run_file *file = &job->files[i];
        left += file->fixes_left;
        hidden += file->fixes_hidden;
        if (!file->fixed)
            continue;
        if (strcmp(file->path, "-") == 0) {
            inf_tool_message("--fix does not rewrite standard input (use --diff)");
            status = -1;
            continue;
        }
        int err = inf_write_file(file->path, (const char *)file->fixed, file->fixed_len,
                                 INF_WRITE_REPLACE);
        if (err) {
            inf_tool_message("%s: not fixed: %s", file->path, inf_write_error_text(err));
            status = -1;
            continue;
        }
        applied += file->fixes_applied;
        files++;
    }
    if (applied || left || hidden) {
        struct inf_buf line = INF_BUF_INIT;
        inf_buf_printf(&line, "fixed %zu finding%s in %zu file%s", applied, applied == 1 ? "" : "s",
                       files, files == 1 ? "" : "s");
        if (left)
            inf_buf_printf(&line, "; %zu fix%s could not be applied", left, left == 1 ? "" : "es");
        if (hidden)
            inf_buf_printf(&line, "; %zu unsafe fix%s not applied (--unsafe-fixes applies them)",
                           hidden, hidden == 1 ? "" : "es");
        inf_tool_message("%s", line.data);
        inf_buf_free(&line);
    }
    return status;
}

/* Is PATH a C or C++ header (.h .hh .hpp .hxx)? */
static int is_header(const char *path)
{
    const char *dot = strrchr(path, '.');
    return dot && (dot[1] == 'h' || dot[1] == 'H');
}

static void warn_cli_switch(void *context, const char *why)
{
    (void)context;
    inf_tool_message("warning: --infverif-options: %s", why);
}

static void start_run(const struct inf_run_options *opt, struct run *run, struct lint_job *job)
{
    memset(run, 0, sizeof *run);
    run->opt = opt;
    if (!opt->no_project)
        run->projects = inf_projects_new(opt->configuration, opt->verbose);
    if (opt->infverif_options)
        inf_infverif_switches_parse(opt->infverif_options, &run->cli_switches, warn_cli_switch,
                                    NULL);
    /* Headers named on the command line lend their literal #defines to every source file. */
    char **headers = inf_xcalloc(opt->path_count + 1, sizeof *headers);
    size_t header_count = 0;
    for (size_t i = 0; i < opt->path_count; i++)
        if (c_is_source_name(opt->paths[i]) && is_header(opt->paths[i]) &&
            inf_os_is_file(opt->paths[i]))
            headers[header_count++] = opt->paths[i];
    if (header_count)
        run->source_macros = inf_source_macros_read(headers, header_count);
    free(headers);
    memset(job, 0, sizeof *job);
    job->run = run;
}

/* --verbose, after a walk that met WDK projects: the INFs none of them builds. */
static void list_unbuilt(const struct lint_job *job)
{
    const struct run *run = job->run;
    if (!run->opt->verbose || !run->projects || !inf_projects_count(run->projects))
        return;
    for (size_t i = 0; i < job->file_count; i++) {
        const struct run_file *file = &job->files[i];
        if (!file->walk_error && strcmp(file->path, "-") != 0 && !job->setups[file->setup].project)
            inf_tool_message("%s: no WDK project builds it (a stale copy?)", file->path);
    }
}

/* Does the command line name one file to lint at most: one path, which is standard input or
 * a file, not a directory or a WDK project (the cases find_files expands)? */
static int lints_one_file(const struct run *run)
{
    if (run->opt->path_count != 1)
        return 0;
    const char *p = run->opt->paths[0];
    if (strcmp(p, "-") == 0)
        return 1;
    return !inf_os_is_directory(p) &&
           !(run->projects && inf_projects_is_project_path(p) && inf_os_is_file(p));
}

int inf_run_lint(const struct inf_run_options *opt)
{
    struct run run;
    struct lint_job job;
    start_run(opt, &run, &job);
    job.resolve_setups = 1;
    job.stale_rule = inf_rule_index(inf_rule_find("INF019"));
    int jobs = opt->jobs ? opt->jobs : inf_os_cpu_count();
    const struct inf_reporter *reporter = inf_reporter_find(opt->format ? opt->format : "text");
    char *base_dir = inf_os_absolute(".");
    struct inf_report_options report_options = {0, opt->quiet, NULL, base_dir, NULL};
    const char *color = opt->color ? opt->color : "auto";
    if (strcmp(color, "always") == 0)
        report_options.color = 1;
    else if (strcmp(color, "auto") == 0)
        report_options.color = !getenv("NO_COLOR") && inf_os_stdout_supports_color();
    /* Baselines need every finding after linting: then the report is rendered at the end.
     * --diff prints diffs, not findings. A single file's report is rendered at the end too,
     * straight to the output: ahead, its part would be held whole (tens of MB for a file with
     * tens of thousands of findings) and then copied out. */
    if (!opt->write_baseline && !opt->baseline && !opt->statistics && !opt->diff &&
        !lints_one_file(&run))
        job.parts = inf_report_parts_new(reporter, &report_options, jobs);
    if (job.parts)
        job.tallies = inf_xcalloc((size_t)jobs, sizeof *job.tallies);
    /* Files are linted as the walk finds them (configurations are resolved in walk order
     * too: a broken one ends the run), then put in order. */
    inf_os_parallel_fed(jobs, find_files, lint_one, &job);
    int status = job.status;
    if (run.config_broken) {
        status = INF_EXIT_FAILURE;
        goto done;
    }
    sort_files(&job);
    list_unbuilt(&job);
    /* SARIF's helpUri base: sarif-help-base of the configuration that governs the current
     * directory (or of --config). */
    const struct inf_config *here = opt->no_config ? NULL : config_for(&run, ".", 1);
    if (run.config_broken) {
        status = INF_EXIT_FAILURE;
        goto done;
    }
    if (here && here->sarif_help_base) /* SARIF renders its rules at the end, not in parts */
        report_options.help_base = here->sarif_help_base;
    /* Messages in input order, whatever the thread that met them. */
    for (size_t i = 0; i < job.file_count; i++)
        if (job.files[i].result.error) {
            inf_tool_message("%s: %s", job.files[i].result.path, job.files[i].result.error);
            status = INF_EXIT_FAILURE;
        }
    inf_alloc_set_path(NULL);
    if (opt->diff) {
        int changes = print_diffs(&job);
        status = status ? status : changes;
        goto done;
    }
    if (opt->fix && write_fixes(&job) != 0)
        status = INF_EXIT_FAILURE;
    if (opt->write_baseline) {
        int written = write_baseline(&job, opt->write_baseline, opt->quiet);
        status = status ? status : written;
        goto done;
    }
    if (opt->baseline && apply_baseline(&job, opt->baseline) != 0) {
        status = INF_EXIT_FAILURE;
        goto done;
    }
    int reported = report(&job, reporter, &report_options, jobs);
    if (!status || reported == INF_EXIT_FAILURE)
        status = reported;
done:
    lint_job_free(&job);
    run_free(&run);
    free(base_dir);
    return status;
}

int inf_run_dump(const struct inf_run_options *opt)
{
    struct run run;
    struct lint_job job;
    start_run(opt, &run, &job);
    inf_os_parallel_fed(1, find_files, nothing_to_do, &job);
    int status = job.status;
    if (!run.config_broken) {
        sort_files(&job);
        struct inf_path_list inputs = {NULL, 0, 0};
        for (size_t i = 0; i < job.file_count; i++) {
            if (job.files[i].walk_error) {
                inf_tool_message("%s: %s", job.files[i].path, strerror(job.files[i].walk_error));
                status = INF_EXIT_FAILURE;
            } else {
                inf_path_list_add(&inputs, job.files[i].path);
            }
        }
        int many = inputs.count != 1 || opt->path_count != 1 || inf_os_is_directory(opt->paths[0]);
        int dumped = dump_files(opt, &inputs, many);
        if (status == 0 || dumped == INF_EXIT_FAILURE)
            status = dumped;
        inf_path_list_free(&inputs);
    } else {
        status = INF_EXIT_FAILURE;
    }
    lint_job_free(&job);
    run_free(&run);
    return status;
}
