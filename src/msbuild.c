/*
 * msbuild.c - a WDK project evaluated per configuration (msbuild.h).
 *
 * As MSBuild does it, in two passes over the project with its imports in
 * place: properties (and imports) in document order first, then item
 * definitions and items with the final properties. Configuration and
 * Platform are global properties: the project's own defaults for them do
 * not override the configuration being evaluated.
 */
#include "msbuild_internal.h"
#include "glob_match.h"
#include "inflint/buf.h"
#include "inflint/input.h"
#include "msbuild_paths.h"
#include "os.h"
#include "string_map.h"
#include "text.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* ---------------------------------------------------------------- text */

int msbuild_equal_nocase(const char *a, const char *b)
{
    return inf_text_equal_nocase2(a, strlen(a), b, strlen(b));
}

static char *dup(const char *text)
{
    return inf_xstrndup(text, strlen(text));
}

/* ---------------------------------------------------------------- messages */

/* "FILE:LINE", kept by the project for as long as it lives. */
static const char *place(struct msbuild_eval *e, const struct msbuild_file *f, uint32_t line)
{
    struct inf_msbuild_project *p = e->project;
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_printf(&text, "%s:%u", f->path, (unsigned)line);
    p->places = inf_xgrow(p->places, &p->place_cap, p->place_count + 1, sizeof *p->places);
    p->places[p->place_count++] = text.data;
    return text.data;
}

INF_PRINTF(4, 5)
static void warn(struct msbuild_eval *e, const struct msbuild_file *f, uint32_t line,
                 const char *format, ...)
{
    if (!e->warn)
        return;
    struct inf_msbuild_project *p = e->project;
    struct inf_buf text = INF_BUF_INIT;
    if (line)
        inf_buf_printf(&text, "%s:%u: ", f->path, (unsigned)line);
    else
        inf_buf_printf(&text, "%s: ", f->path);
    char why[512];
    va_list args;
    va_start(args, format);
    vsnprintf(why, sizeof why, format, args);
    va_end(args);
    inf_buf_adds(&text, why);
    p->warnings =
        inf_xgrow(p->warnings, &p->warning_cap, p->warning_count + 1, sizeof *p->warnings);
    p->warnings[p->warning_count++] = text.data;
}

/* ---------------------------------------------------------------- properties */

static struct msbuild_property *find_property(struct msbuild_eval *e, const char *name, size_t len)
{
    for (size_t i = 0; i < e->property_count; i++)
        if (inf_text_equal_nocase2(e->properties[i].name, strlen(e->properties[i].name), name, len))
            return &e->properties[i];
    return NULL;
}

static void set_property(struct msbuild_eval *e, const char *name, const char *value,
                         const char *where, int global)
{
    struct msbuild_property *p = find_property(e, name, strlen(name));
    if (p && p->global && !global)
        return; /* a global property wins over the project's */
    if (!p) {
        e->properties = inf_xgrow(e->properties, &e->property_cap, e->property_count + 1,
                                  sizeof *e->properties);
        p = &e->properties[e->property_count++];
        p->name = dup(name);
        p->value = NULL;
    }
    free(p->value);
    p->value = dup(value);
    p->where = where;
    p->global = global;
}

static const char *property_value(struct msbuild_eval *e, const char *name)
{
    struct msbuild_property *p = find_property(e, name, strlen(name));
    return p ? p->value : NULL;
}

/* The reserved MSBuild* properties this reader knows, into OUT; 0 when NAME is none of them. */
static int reserved_property(struct msbuild_eval *e, const char *name, size_t len,
                             struct inf_buf *out)
{
    const char *project = e->project->path;
    const char *base = strrchr(project, '/') ? strrchr(project, '/') + 1 : project;
    const char *dot = strrchr(base, '.');
    size_t stem = dot ? (size_t)(dot - base) : strlen(base);
#define IS(n) inf_text_equal_nocase2(name, len, n, sizeof(n) - 1)
    if (IS("MSBuildProjectDirectory")) {
        char *absolute = msbuild_path_absolute(e->cwd, e->project_dir[0] ? e->project_dir : ".");
        inf_buf_adds(out, absolute);
        free(absolute);
    } else if (IS("MSBuildThisFileDirectory")) {
        char *dir = msbuild_path_directory(e->current->absolute);
        inf_buf_adds(out, dir);
        free(dir);
    } else if (IS("MSBuildProjectName")) {
        inf_buf_add(out, base, stem);
    } else if (IS("MSBuildProjectFile")) {
        inf_buf_adds(out, base);
    } else if (IS("MSBuildThisFile")) {
        const char *slash = strrchr(e->current->path, '/');
        inf_buf_adds(out, slash ? slash + 1 : e->current->path);
    } else {
        return 0;
    }
#undef IS
    return 1;
}

char *msbuild_expand(struct msbuild_eval *e, const char *text, int *unresolved)
{
    struct inf_buf out = INF_BUF_INIT;
    inf_buf_adds(&out, ""); /* never NULL */
    for (const char *p = text; *p;) {
        if (p[0] != '$' || p[1] != '(') {
            inf_buf_addc(&out, *p++);
            continue;
        }
        const char *start = p + 2, *q = start;
        int depth = 1;
        while (*q && depth) {
            depth += *q == '(' ? 1 : *q == ')' ? -1 : 0;
            if (depth)
                q++;
        }
        if (!*q) { /* no closing parenthesis: the text as it is */
            inf_buf_adds(&out, p);
            *unresolved = MSBUILD_UNSUPPORTED;
            break;
        }
        size_t len = (size_t)(q - start);
        int plain = len > 0;
        for (size_t i = 0; i < len; i++) {
            char c = start[i];
            plain &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
                     c == '_' || c == '-';
        }
        if (!plain) { /* $([System.IO.Path]::...), $(Name.Trim()): not evaluated */
            *unresolved = MSBUILD_UNSUPPORTED;
        } else if (!reserved_property(e, start, len, &out)) {
            struct msbuild_property *prop = find_property(e, start, len);
            if (prop)
                inf_buf_adds(&out, prop->value);
            else if (*unresolved < MSBUILD_UNDEFINED)
                *unresolved = MSBUILD_UNDEFINED;
        }
        p = q + 1;
    }
    return out.data;
}

int msbuild_exists(struct msbuild_eval *e, const char *path)
{
    if (!*path || strstr(path, "$(") || strchr(path, '*'))
        return 0;
    char *joined = msbuild_path_join(e->project_dir, path);
    int exists = msbuild_path_inside(e->root, e->cwd, joined) &&
                 (inf_os_is_file(joined) || inf_os_is_directory(joined));
    free(joined);
    return exists;
}

/* ---------------------------------------------------------------- files */

/* The index of file PATH among those read, reading it first; -1 when it cannot be read. */
static int load_file(struct msbuild_eval *e, const char *path, const struct msbuild_file *from,
                     uint32_t line)
{
    char *absolute = msbuild_path_absolute(e->cwd, path);
    for (size_t i = 0; i < e->file_count; i++)
        if (strcmp(e->files[i]->absolute, absolute) == 0) {
            free(absolute);
            return e->files[i]->broken ? -1 : (int)i;
        }
    if (e->file_count >= INF_MSBUILD_MAX_FILES) {
        warn(e, from, line, "more than %d project files to read: '%s' is not read",
             INF_MSBUILD_MAX_FILES, path);
        free(absolute);
        return -1;
    }
    e->files = inf_xgrow(e->files, &e->file_cap, e->file_count + 1, sizeof *e->files);
    struct msbuild_file *f = inf_xcalloc(1, sizeof *f);
    unsigned index = (unsigned)e->file_count;
    e->files[e->file_count++] = f;
    f->path = dup(path);
    f->absolute = absolute;
    struct inf_input input;
    int err = inf_os_read_input(path, &input);
    const struct msbuild_file *about = from ? from : f;
    if (err) {
        warn(e, about, from ? line : 0, "cannot read %s: %s", path, strerror(err));
        f->broken = 1;
        return -1;
    }
    char why[200];
    if (input.len > INF_MSBUILD_MAX_FILE_BYTES) {
        warn(e, about, from ? line : 0, "%s is over %u MB: not read as a project file", path,
             INF_MSBUILD_MAX_FILE_BYTES >> 20);
        f->broken = 1;
    } else if (inf_xml_parse((const char *)input.bytes, input.len, &f->tree, why, sizeof why) !=
               0) {
        warn(e, f, 0, "not a readable project file (line %s)", why);
        f->broken = 1;
    } else if (!msbuild_equal_nocase(f->tree.elements[0].name, "Project")) {
        warn(e, f, 0, "not an MSBuild project file (its root element is <%s>)",
             f->tree.elements[0].name);
        f->broken = 1;
    }
    if (input.mapped)
        inf_os_unmap(input.bytes, input.mapped);
    else
        free(input.bytes);
    return f->broken ? -1 : (int)index;
}

/* ---------------------------------------------------------------- pass 1: properties */

/* An ItemGroup or ItemDefinitionGroup kept for the second pass. */
struct deferred {
    unsigned file;
    uint32_t element;
};

struct evaluation {
    struct msbuild_eval *e;
    struct deferred *groups;
    size_t group_count, group_cap;
};

static const struct inf_xml_element *element(const struct msbuild_file *f, uint32_t index)
{
    return index == INF_XML_NONE ? NULL : &f->tree.elements[index];
}

#define FOR_CHILDREN(f, parent, child)                                                             \
    for (const struct inf_xml_element *child = element((f), (parent)->first_child); child;         \
         child = element((f), child->next_sibling))

/* Does ELEMENT's Condition hold? One that is not understood does not, with a warning. */
static int holds(struct msbuild_eval *e, const struct msbuild_file *f,
                 const struct inf_xml_element *el)
{
    const char *condition = inf_xml_attribute(el, "Condition");
    int understood;
    int value = msbuild_condition(e, condition, &understood);
    if (!understood)
        warn(e, f, el->line, "condition not understood, taken as false: %s", condition);
    return value;
}

static void read_file(struct evaluation *ev, unsigned index);

static void import(struct evaluation *ev, const struct msbuild_file *f,
                   const struct inf_xml_element *el)
{
    struct msbuild_eval *e = ev->e;
    if (!holds(e, f, el))
        return;
    const char *project = inf_xml_attribute(el, "Project");
    if (!project)
        return;
    int unresolved = MSBUILD_RESOLVED;
    char *value = msbuild_expand(e, project, &unresolved);
    /* $(VCTargetsPath)\Microsoft.Cpp.props and friends: the toolset's, not the repository's. */
    if (unresolved != MSBUILD_RESOLVED || !*value) {
        free(value);
        return;
    }
    if (strchr(value, '*') || strchr(value, '?')) {
        warn(e, f, el->line, "wildcard imports are not read: %s", value);
        free(value);
        return;
    }
    char *dir = msbuild_path_directory(f->path);
    char *path = msbuild_path_join(dir, value);
    free(dir);
    free(value);
    if (!msbuild_path_inside(e->root, e->cwd, path)) {
        warn(e, f, el->line, "%s is outside the repository: not read", path);
    } else if (!inf_os_is_file(path)) {
        warn(e, f, el->line, "imported file %s not found", path);
    } else if (e->import_depth >= INF_MSBUILD_MAX_IMPORT_DEPTH) {
        warn(e, f, el->line, "imports nested deeper than %d: %s is not read",
             INF_MSBUILD_MAX_IMPORT_DEPTH, path);
    } else {
        int k = load_file(e, path, f, el->line);
        int cycle = 0;
        for (unsigned i = 0; k >= 0 && i < e->import_depth; i++)
            cycle |= e->import_stack[i] == (unsigned)k;
        if (cycle)
            warn(e, f, el->line, "%s imports itself (directly or through others): not read again",
                 path);
        else if (k >= 0)
            read_file(ev, (unsigned)k);
    }
    free(path);
}

/* A child of <Project>, <When> or <Otherwise> in the first pass. */
static void first_pass(struct evaluation *ev, unsigned file, const struct inf_xml_element *el)
{
    struct msbuild_eval *e = ev->e;
    const struct msbuild_file *f = e->files[file];
    const char *name = el->name;
    if (msbuild_equal_nocase(name, "PropertyGroup")) {
        if (!holds(e, f, el))
            return;
        FOR_CHILDREN(f, el, property)
        {
            if (!holds(e, f, property))
                continue;
            int unresolved = MSBUILD_RESOLVED;
            char *value = msbuild_expand(e, property->text, &unresolved);
            set_property(e, property->name, value, place(e, f, property->line), 0);
            free(value);
        }
    } else if (msbuild_equal_nocase(name, "Import")) {
        import(ev, f, el);
    } else if (msbuild_equal_nocase(name, "ImportGroup")) {
        if (!holds(e, f, el))
            return;
        FOR_CHILDREN(f, el, child)
        {
            if (msbuild_equal_nocase(child->name, "Import"))
                import(ev, f, child);
        }
    } else if (msbuild_equal_nocase(name, "Choose")) {
        FOR_CHILDREN(f, el, branch)
        {
            int when = msbuild_equal_nocase(branch->name, "When");
            if (!when && !msbuild_equal_nocase(branch->name, "Otherwise"))
                continue;
            if (when && !holds(e, f, branch))
                continue;
            FOR_CHILDREN(f, branch, child)
            {
                first_pass(ev, file, child);
            }
            break;
        }
    } else if (msbuild_equal_nocase(name, "ItemGroup") ||
               msbuild_equal_nocase(name, "ItemDefinitionGroup")) {
        ev->groups = inf_xgrow(ev->groups, &ev->group_cap, ev->group_count + 1, sizeof *ev->groups);
        ev->groups[ev->group_count++] = (struct deferred){file, (uint32_t)(el - f->tree.elements)};
    }
}

static void read_file(struct evaluation *ev, unsigned index)
{
    struct msbuild_eval *e = ev->e;
    const struct msbuild_file *saved = e->current;
    e->import_stack[e->import_depth++] = index;
    e->current = e->files[index];
    const struct inf_xml_element *root = &e->files[index]->tree.elements[0];
    FOR_CHILDREN(e->files[index], root, child)
    {
        e->current = e->files[index]; /* (an import changed it) */
        first_pass(ev, index, child);
    }
    e->import_depth--;
    e->current = saved;
}

/* ---------------------------------------------------------------- pass 2: items */

struct metadata {
    char *name, *value;
};

/* What the second pass collects: Inf items with their metadata, and configurations. */
struct item_list {
    struct inf_msbuild_item *items;
    size_t count, cap;
    /* item_key of each item -> 1 while an item has it (0 once removed): a glob may add
     * thousands, each checked against those before it */
    struct inf_string_map keys;
    struct metadata *defaults; /* <ItemDefinitionGroup><Inf> metadata */
    size_t default_count, default_cap;
    char **configurations; /* ProjectConfiguration Include values */
    size_t configuration_count, configuration_cap;
};

static void set_metadata(struct metadata **list, size_t *count, size_t *cap, const char *name,
                         const char *value)
{
    for (size_t i = 0; i < *count; i++)
        if (msbuild_equal_nocase((*list)[i].name, name)) {
            free((*list)[i].value);
            (*list)[i].value = dup(value);
            return;
        }
    *list = inf_xgrow(*list, cap, *count + 1, sizeof **list);
    (*list)[*count].name = dup(name);
    (*list)[(*count)++].value = dup(value);
}

static const char *get_metadata(const struct metadata *list, size_t count, const char *name)
{
    for (size_t i = 0; i < count; i++)
        if (msbuild_equal_nocase(list[i].name, name))
            return list[i].value;
    return NULL;
}

static void free_metadata(struct metadata *list, size_t count)
{
    for (size_t i = 0; i < count; i++) {
        free(list[i].name);
        free(list[i].value);
    }
    free(list);
}

/* A project path for the item at PATH: relative to the current directory when below it. */
static char *item_path(struct msbuild_eval *e, const char *path)
{
    if (!msbuild_path_is_absolute(path))
        return dup(path);
    size_t n = strlen(e->cwd);
    if (strncmp(path, e->cwd, n) == 0 && path[n] == '/')
        return dup(path + n + 1);
    return dup(path);
}

/* What tells an item's file from another's: its absolute path as the file system compares. */
static char *item_key(struct msbuild_eval *e, const char *path)
{
    char *absolute = msbuild_path_absolute(e->cwd, path);
    char *key = inf_os_path_key(absolute);
    free(absolute);
    return key;
}

static int same_file(struct msbuild_eval *e, const char *a, const char *b)
{
    char *x = msbuild_path_absolute(e->cwd, a), *y = msbuild_path_absolute(e->cwd, b);
    int same = inf_os_path_compare(x, y) == 0;
    free(x);
    free(y);
    return same;
}

/*
 * PATH's file as its directory spells it when only the letter case of its
 * name differs (Windows finds "Driver.InX" for an item "driver.inx"; on
 * Linux the name must be looked up), or NULL. Only inside the repository.
 */
static char *spelled_on_disk(struct msbuild_eval *e, const char *path)
{
    char *dir = msbuild_path_directory(path);
    const char *listed = dir[0] ? dir : ".";
    char *spelled = NULL;
    char *name = msbuild_path_inside(e->root, e->cwd, listed)
                     ? inf_os_spelled_in_directory(listed, path + strlen(dir))
                     : NULL;
    if (name)
        spelled = msbuild_path_join(dir, name);
    free(name);
    free(dir);
    return spelled;
}

static void collect_path(void *context, char *path)
{
    inf_path_list_add(context, path);
    free(path);
}

/* Appends the files an Include entry names (a path or a wildcard pattern) to FOUND. */
static void resolve_entry(struct msbuild_eval *e, const struct msbuild_file *f, uint32_t line,
                          const char *entry, struct inf_path_list *found)
{
    /* Decided on the joined path: "a\*\..\b.inf" loses its wildcard to the "..". */
    char *pattern = msbuild_path_join(e->project_dir, entry);
    char *first = strpbrk(pattern, "*?");
    if (!first) {
        char *spelled = inf_os_is_file(pattern) ? NULL : spelled_on_disk(e, pattern);
        inf_path_list_add(found, spelled ? spelled : pattern);
        free(spelled);
        free(pattern);
        return;
    }
    /* The directory before the first wildcard component. */
    char *cut = first;
    while (cut > pattern && cut[-1] != '/')
        cut--;
    char *dir = inf_xstrndup(pattern, (size_t)(cut - pattern));
    const char *rest = cut;
    if (!msbuild_path_inside(e->root, e->cwd, dir[0] ? dir : ".")) {
        warn(e, f, line, "%s is outside the repository: not searched", pattern);
    } else if (strstr(rest, "**")) { /* Inf items are INF and INX files: the INF walk finds them */
        struct inf_path_list all = {0};
        struct inf_os_walk_calls calls = {collect_path, NULL, NULL, NULL, NULL};
        const char *base = dir[0] ? dir : "./";
        if (inf_os_walk_inf_files(dir[0] ? dir : ".", &calls, &all) == 0)
            for (size_t i = 0; i < all.count; i++)
                if (strlen(all.paths[i]) > strlen(base) &&
                    inf_glob_match(rest, all.paths[i] + strlen(base)))
                    inf_path_list_add(found, all.paths[i]);
        inf_path_list_free(&all);
    } else if (strchr(rest, '/')) {
        warn(e, f, line, "wildcards in a directory name are not resolved: %s", entry);
    } else {
        struct inf_path_list all = {0};
        if (inf_os_list_files(dir[0] ? dir : ".", &all) == 0)
            for (size_t i = 0; i < all.count; i++) {
                const char *slash = strrchr(all.paths[i], '/');
                const char *name = slash ? slash + 1 : all.paths[i];
                if (inf_glob_match(rest, name)) {
                    char *joined = msbuild_path_join(dir, name);
                    inf_path_list_add(found, joined);
                    free(joined);
                }
            }
        inf_path_list_free(&all);
    }
    free(dir);
    free(pattern);
}

/* Splits TEXT at ';' into trimmed, non-empty parts appended to PARTS (TEXT is cut up). */
static void split_list(char *text, struct inf_path_list *parts)
{
    for (char *p = text; p && *p;) {
        char *semicolon = strchr(p, ';');
        if (semicolon)
            *semicolon = '\0';
        while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
            p++;
        size_t n = strlen(p);
        while (n && (p[n - 1] == ' ' || p[n - 1] == '\t' || p[n - 1] == '\r' || p[n - 1] == '\n'))
            p[--n] = '\0';
        if (*p)
            inf_path_list_add(parts, p);
        p = semicolon ? semicolon + 1 : NULL;
    }
}

/*
 * The entries of a ';'-separated item list, each expanded (a property may
 * hold a list too). Those naming items (@, %) only set *NAMES_ITEMS; those
 * using a property set outside the project ($(SolutionDir) when built alone)
 * are left out with a warning: where they point is not known.
 */
static void list_entries(struct msbuild_eval *e, const struct msbuild_file *f, uint32_t line,
                         const char *text, struct inf_path_list *entries, int *names_items)
{
    struct inf_path_list raw = {0};
    char *copy = inf_xstrndup(text, strlen(text));
    split_list(copy, &raw);
    free(copy);
    for (size_t i = 0; i < raw.count; i++) {
        if (strstr(raw.paths[i], "@(") || strstr(raw.paths[i], "%(")) {
            *names_items = 1;
            continue;
        }
        int unresolved = MSBUILD_RESOLVED;
        char *value = msbuild_expand(e, raw.paths[i], &unresolved);
        if (unresolved != MSBUILD_RESOLVED)
            warn(e, f, line, "'%s' uses a property this project does not set: left out",
                 raw.paths[i]);
        else
            split_list(value, entries);
        free(value);
    }
    inf_path_list_free(&raw);
}

static int excluded(struct msbuild_eval *e, const char *path, const struct inf_path_list *excludes)
{
    for (size_t i = 0; i < excludes->count; i++) {
        char *pattern = msbuild_path_join(e->project_dir, excludes->paths[i]);
        int hit =
            strpbrk(pattern, "*?") ? inf_glob_match(pattern, path) : same_file(e, pattern, path);
        free(pattern);
        if (hit)
            return 1;
    }
    return 0;
}

static int is_true(const char *value)
{
    return value && msbuild_equal_nocase(value, "true");
}

static void add_inf_items(struct msbuild_eval *e, const struct msbuild_file *f,
                          const struct inf_xml_element *el, struct item_list *list)
{
    /* Metadata: the item definitions', then the item's own (attributes and child elements). */
    struct metadata *meta = NULL;
    size_t meta_count = 0, meta_cap = 0;
    for (size_t i = 0; i < list->default_count; i++)
        set_metadata(&meta, &meta_count, &meta_cap, list->defaults[i].name,
                     list->defaults[i].value);
    static const char *const not_metadata[] = {"Include",   "Exclude", "Remove",
                                               "Condition", "Update",  "Label"};
    for (size_t a = 0; a < el->attribute_count; a++) {
        int skip = 0;
        for (size_t k = 0; k < sizeof not_metadata / sizeof not_metadata[0]; k++)
            skip |= msbuild_equal_nocase(el->attributes[a].name, not_metadata[k]);
        if (!skip) {
            int unresolved = MSBUILD_RESOLVED;
            char *value = msbuild_expand(e, el->attributes[a].value, &unresolved);
            set_metadata(&meta, &meta_count, &meta_cap, el->attributes[a].name, value);
            free(value);
        }
    }
    FOR_CHILDREN(f, el, child)
    {
        if (!holds(e, f, child))
            continue;
        int unresolved = MSBUILD_RESOLVED;
        char *value = msbuild_expand(e, child->text, &unresolved);
        set_metadata(&meta, &meta_count, &meta_cap, child->name, value);
        free(value);
    }
    int names_items = 0;
    struct inf_path_list includes = {0}, excludes = {0}, files = {0};
    list_entries(e, f, el->line, inf_xml_attribute(el, "Include"), &includes, &names_items);
    const char *exclude = inf_xml_attribute(el, "Exclude");
    if (exclude) /* Exclude="@(Inf)": no duplicates, as below anyway */
        list_entries(e, f, el->line, exclude, &excludes, &names_items);
    if (names_items && !exclude)
        warn(e, f, el->line, "an Inf item made from other items is not resolved");
    for (size_t i = 0; i < includes.count; i++)
        resolve_entry(e, f, el->line, includes.paths[i], &files);
    const char *where = NULL;
    int built = !is_true(get_metadata(meta, meta_count, "ExcludedFromBuild"));
    for (size_t i = 0; built && i < files.count; i++) {
        const char *path = files.paths[i];
        char *key = item_key(e, path);
        size_t listed = 0;
        inf_string_map_get(&list->keys, key, &listed);
        if (listed || excluded(e, path, &excludes)) {
            free(key);
            continue;
        }
        if (list->count >= INF_MSBUILD_MAX_ITEMS) {
            warn(e, f, el->line, "more than %d Inf items: the rest are not read",
                 INF_MSBUILD_MAX_ITEMS);
            free(key);
            break;
        }
        inf_string_map_put(&list->keys, key, 1);
        free(key);
        if (!where)
            where = place(e, f, el->line);
        list->items = inf_xgrow(list->items, &list->cap, list->count + 1, sizeof *list->items);
        struct inf_msbuild_item *item = &list->items[list->count++];
        item->path = item_path(e, path);
        item->where = where;
        item->exists = inf_os_is_file(path);
        const char *arch = get_metadata(meta, meta_count, "Architecture");
        item->architecture = is_true(get_metadata(meta, meta_count, "SpecifyArchitecture")) && arch
                                 ? dup(arch)
                                 : NULL;
    }
    inf_path_list_free(&includes);
    inf_path_list_free(&excludes);
    inf_path_list_free(&files);
    free_metadata(meta, meta_count);
}

static void remove_inf_items(struct msbuild_eval *e, const struct msbuild_file *f,
                             const struct inf_xml_element *el, struct item_list *list)
{
    int names_items = 0;
    struct inf_path_list removes = {0};
    list_entries(e, f, el->line, inf_xml_attribute(el, "Remove"), &removes, &names_items);
    size_t out = 0;
    for (size_t i = 0; i < list->count; i++) {
        if (excluded(e, list->items[i].path, &removes)) {
            char *key = item_key(e, list->items[i].path);
            inf_string_map_put(&list->keys, key, 0);
            free(key);
            free(list->items[i].path);
            free(list->items[i].architecture);
        } else {
            list->items[out++] = list->items[i];
        }
    }
    list->count = out;
    inf_path_list_free(&removes);
}

/* <ItemDefinitionGroup><Inf>: metadata every later Inf item starts with. */
static void read_item_definition(struct msbuild_eval *e, const struct msbuild_file *f,
                                 const struct inf_xml_element *el, struct item_list *list)
{
    FOR_CHILDREN(f, el, meta)
    {
        if (!holds(e, f, meta))
            continue;
        int unresolved = MSBUILD_RESOLVED;
        char *value = msbuild_expand(e, meta->text, &unresolved);
        set_metadata(&list->defaults, &list->default_count, &list->default_cap, meta->name, value);
        free(value);
    }
}

static void second_pass(struct evaluation *ev, struct item_list *list)
{
    struct msbuild_eval *e = ev->e;
    /* Item definitions first, whatever their place, then the items. */
    for (int definitions = 1; definitions >= 0; definitions--)
        for (size_t g = 0; g < ev->group_count; g++) {
            const struct msbuild_file *f = e->files[ev->groups[g].file];
            const struct inf_xml_element *group = &f->tree.elements[ev->groups[g].element];
            if (msbuild_equal_nocase(group->name, "ItemDefinitionGroup") != definitions)
                continue;
            e->current = f;
            if (!holds(e, f, group))
                continue;
            FOR_CHILDREN(f, group, el)
            {
                int inf = msbuild_equal_nocase(el->name, "Inf");
                if (definitions) {
                    if (inf && holds(e, f, el))
                        read_item_definition(e, f, el, list);
                } else if (inf && holds(e, f, el)) {
                    if (inf_xml_attribute(el, "Remove"))
                        remove_inf_items(e, f, el, list);
                    else if (inf_xml_attribute(el, "Include"))
                        add_inf_items(e, f, el, list);
                } else if (msbuild_equal_nocase(el->name, "ProjectConfiguration") &&
                           holds(e, f, el) && inf_xml_attribute(el, "Include")) {
                    int unresolved = MSBUILD_RESOLVED;
                    char *name = msbuild_expand(e, inf_xml_attribute(el, "Include"), &unresolved);
                    list->configurations =
                        inf_xgrow(list->configurations, &list->configuration_cap,
                                  list->configuration_count + 1, sizeof *list->configurations);
                    list->configurations[list->configuration_count++] = name;
                }
            }
        }
}

/* ---------------------------------------------------------------- evaluations */

static void reset_properties(struct msbuild_eval *e)
{
    for (size_t i = 0; i < e->property_count; i++) {
        free(e->properties[i].name);
        free(e->properties[i].value);
    }
    e->property_count = 0;
}

/* The nearest Directory.Build.props at or above the project's directory, inside the root. */
static char *directory_build_props(struct msbuild_eval *e)
{
    char *dir = msbuild_path_absolute(e->cwd, e->project_dir[0] ? e->project_dir : ".");
    char *found = NULL;
    for (;;) {
        char *candidate = msbuild_path_join(dir, "Directory.Build.props");
        if (inf_os_is_file(candidate)) {
            found = candidate;
            break;
        }
        free(candidate);
        char *slash = strrchr(dir, '/');
        if (!slash || inf_os_path_compare(dir, e->root) == 0 || strlen(dir) <= strlen(e->root))
            break;
        *slash = '\0';
    }
    free(dir);
    if (found && !msbuild_path_inside(e->root, e->cwd, found)) {
        free(found);
        found = NULL;
    }
    return found;
}

/*
 * One evaluation: with CONFIGURATION and PLATFORM as global properties (NULL:
 * the project's defaults). Fills OUT (when not NULL) and LIST.
 */
static void evaluate(struct msbuild_eval *e, const char *configuration, const char *platform,
                     struct inf_msbuild_configuration *out, struct item_list *list)
{
    reset_properties(e);
    if (e->solution) { /* what msbuild sets building a solution's project */
        char *absolute = msbuild_path_absolute(e->cwd, e->solution);
        char *dir = msbuild_path_directory(absolute);
        const char *base = absolute + strlen(dir);
        const char *dot = strrchr(base, '.');
        char *name = inf_xstrndup(base, dot ? (size_t)(dot - base) : strlen(base));
        set_property(e, "SolutionDir", dir, NULL, 1);
        set_property(e, "SolutionPath", absolute, NULL, 1);
        set_property(e, "SolutionFileName", base, NULL, 1);
        set_property(e, "SolutionName", name, NULL, 1);
        free(name);
        free(dir);
        free(absolute);
    }
    if (configuration)
        set_property(e, "Configuration", configuration, NULL, 1);
    if (platform)
        set_property(e, "Platform", platform, NULL, 1);
    struct evaluation ev = {e, NULL, 0, 0};
    e->import_depth = 0;
    char *props = directory_build_props(e);
    if (props) {
        int k = load_file(e, props, e->files[0], 0);
        if (k > 0) {
            e->import_stack[e->import_depth++] = 0; /* the project imports it */
            read_file(&ev, (unsigned)k);
            e->import_depth = 0;
        }
        free(props);
    }
    read_file(&ev, 0);
    second_pass(&ev, list);
    free(ev.groups);
    if (!out)
        return;
    const char *c = property_value(e, "Configuration"), *p = property_value(e, "Platform");
    struct inf_buf name = INF_BUF_INIT;
    inf_buf_printf(&name, "%s|%s", c ? c : "", p ? p : "");
    out->name = name.data;
    out->platform = dup(p ? p : "");
    const char *dtp = property_value(e, "DriverTargetPlatform");
    out->driver_target_platform = dtp && *dtp ? dup(dtp) : NULL;
    struct msbuild_property *options = find_property(e, "InfVerif_AdditionalOptions", 26);
    out->infverif_options = options && *options->value ? dup(options->value) : NULL;
    out->infverif_where = options ? options->where : NULL;
    out->items = list->items;
    out->item_count = list->count;
    list->items = NULL;
    list->count = list->cap = 0;
    inf_string_map_free(&list->keys);
}

static void free_list(struct item_list *list)
{
    for (size_t i = 0; i < list->count; i++) {
        free(list->items[i].path);
        free(list->items[i].architecture);
    }
    free(list->items);
    inf_string_map_free(&list->keys);
    free_metadata(list->defaults, list->default_count);
    for (size_t i = 0; i < list->configuration_count; i++)
        free(list->configurations[i]);
    free(list->configurations);
    memset(list, 0, sizeof *list);
}

void inf_msbuild_load(const char *path, const char *root, const char *solution,
                      struct inf_msbuild_project *project)
{
    memset(project, 0, sizeof *project);
    char *normal = msbuild_path_normalize(path);
    project->path = normal;
    char *cwd = inf_os_absolute(".");
    char *root_absolute = msbuild_path_absolute(cwd ? cwd : "/", root);
    char *dir = msbuild_path_directory(normal);
    struct msbuild_eval e;
    memset(&e, 0, sizeof e);
    e.project = project;
    e.root = root_absolute;
    e.cwd = cwd ? cwd : "/";
    e.project_dir = dir;
    e.solution = solution;
    e.warn = 1;
    if (load_file(&e, normal, NULL, 0) != 0) {
        project->unreadable = 1;
    } else {
        /* The configurations the project declares, read with its own defaults. */
        struct item_list declared = {0};
        struct inf_msbuild_configuration defaults;
        memset(&defaults, 0, sizeof defaults);
        evaluate(&e, NULL, NULL, &defaults, &declared);
        e.warn = 0; /* the same warnings would come again */
        size_t n = declared.configuration_count;
        if (n > INF_MSBUILD_MAX_CONFIGURATIONS)
            n = INF_MSBUILD_MAX_CONFIGURATIONS;
        if (n == 0) {
            project->configurations = inf_xmalloc(sizeof *project->configurations);
            project->configurations[0] = defaults;
            project->configuration_count = 1;
        } else {
            project->configurations = inf_xcalloc(n, sizeof *project->configurations);
            for (size_t i = 0; i < n; i++) {
                const char *text = declared.configurations[i];
                const char *bar = strchr(text, '|');
                char *configuration = inf_xstrndup(text, bar ? (size_t)(bar - text) : strlen(text));
                struct item_list list = {0};
                evaluate(&e, configuration, bar ? bar + 1 : "", &project->configurations[i], &list);
                free_list(&list);
                free(configuration);
            }
            project->configuration_count = n;
            free(defaults.name);
            free(defaults.platform);
            free(defaults.driver_target_platform);
            free(defaults.infverif_options);
            for (size_t i = 0; i < defaults.item_count; i++) {
                free(defaults.items[i].path);
                free(defaults.items[i].architecture);
            }
            free(defaults.items);
        }
        free_list(&declared);
    }
    reset_properties(&e);
    free(e.properties);
    for (size_t i = 0; i < e.file_count; i++) {
        free(e.files[i]->path);
        free(e.files[i]->absolute);
        inf_xml_tree_free(&e.files[i]->tree);
        free(e.files[i]);
    }
    free(e.files);
    free(dir);
    free(root_absolute);
    free(cwd);
}

void inf_msbuild_project_free(struct inf_msbuild_project *project)
{
    for (size_t i = 0; i < project->configuration_count; i++) {
        struct inf_msbuild_configuration *c = &project->configurations[i];
        free(c->name);
        free(c->platform);
        free(c->driver_target_platform);
        free(c->infverif_options);
        for (size_t k = 0; k < c->item_count; k++) {
            free(c->items[k].path);
            free(c->items[k].architecture);
        }
        free(c->items);
    }
    free(project->configurations);
    for (size_t i = 0; i < project->warning_count; i++)
        free(project->warnings[i]);
    free(project->warnings);
    for (size_t i = 0; i < project->place_count; i++)
        free(project->places[i]);
    free(project->places);
    free(project->path);
    memset(project, 0, sizeof *project);
}

/* ---------------------------------------------------------------- solutions */

int inf_msbuild_solution_projects(const char *solution, char ***paths, size_t *count)
{
    unsigned char *bytes;
    size_t len;
    int err = inf_os_read_file(solution, &bytes, &len);
    if (err)
        return err;
    char *normal = msbuild_path_normalize(solution);
    char *dir = msbuild_path_directory(normal);
    size_t cap = *count;
    /* Project("{type}") = "name", "relative\path.vcxproj", "{guid}" */
    const char *text = (const char *)bytes, *end = text + len;
    for (const char *line = text; line < end;) {
        const char *eol = memchr(line, '\n', (size_t)(end - line));
        const char *stop = eol ? eol : end;
        if ((size_t)(stop - line) > 8 && memcmp(line, "Project(", 8) == 0) {
            /* The second quoted value after '=' is the path. */
            const char *q = memchr(line, '=', (size_t)(stop - line));
            int quote = 0;
            const char *start = NULL;
            for (; q && q < stop; q++) {
                if (*q != '"')
                    continue;
                quote++;
                if (quote == 3)
                    start = q + 1;
                if (quote == 4) {
                    char *relative = inf_xstrndup(start, (size_t)(q - start));
                    size_t n = strlen(relative);
                    if (n > 8 && msbuild_equal_nocase(relative + n - 8, ".vcxproj")) {
                        *paths = inf_xgrow(*paths, &cap, *count + 1, sizeof **paths);
                        (*paths)[(*count)++] = msbuild_path_join(dir, relative);
                    }
                    free(relative);
                    break;
                }
            }
        }
        line = eol ? eol + 1 : end;
    }
    free(dir);
    free(normal);
    free(bytes);
    return 0;
}
