/*
 * graph.h - which parts of an INF Windows would execute (rules.md, "How
 * sections become live"), and what they do: resolved file copies, registry
 * lines with their HKR context, services.
 *
 * The graph is the only code that knows how sections reference each other.
 * Rules ask it questions and never walk sections themselves.
 */
#ifndef INFLINT_GRAPH_H
#define INFLINT_GRAPH_H

#include "model.h"

struct inf_arena;

#include <stdint.h>

enum inf_arch { INF_ARCH_X86, INF_ARCH_AMD64, INF_ARCH_ARM, INF_ARCH_ARM64, INF_ARCH_IA64 };
#define INF_ARCH_COUNT 5
#define INF_ARCH_BIT(a) (1u << (a))

/* Name used in section suffixes: "x86", "amd64", ... */
const char *inf_arch_name(enum inf_arch arch);

#define INF_DEFAULT_MIN_BUILD 17763u
#define INF_BUILD_MAX UINT32_MAX

/* How a thing is reached from the entry points. */
struct inf_reach {
    unsigned arches;          /* architectures of all paths reaching it */
    unsigned enforced_arches; /* those of paths whose OS range reaches --min-build */
    uint32_t min_start;       /* lowest OS build any reaching path starts at */
};

/* Where HKR points for a registry section, by where it was reached from. */
enum inf_hkr_context {
    INF_HKR_SOFTWARE,  /* DDInstall: the device's software key */
    INF_HKR_HARDWARE,  /* DDInstall.HW: the device's hardware key */
    INF_HKR_SERVICE,   /* service-install section: the service key */
    INF_HKR_EVENTLOG,  /* event-log install section */
    INF_HKR_INTERFACE, /* add-interface section */
    INF_HKR_NONE,      /* DefaultInstall: HKR is not allowed */
    INF_HKR_OTHER      /* other sections (co-installers, components, ...) */
};
#define INF_HKR_CONTEXT_COUNT 7

/*
 * A field of a fact: its text after %strkey% substitution (DIRID tokens kept
 * as written), NUL-terminated, valid as long as the graph, and where it is
 * in the source. An absent field has text "" and an empty span.
 */
struct inf_field {
    const char *text;
    size_t len;
    struct inf_span span;
};

/* One entry point instance: an install section for one architecture and OS range. */
struct inf_install_path {
    enum inf_arch arch;
    uint32_t start_build, end_build; /* [start, end) */
    uint32_t install_section;        /* the resolved DDInstall / DefaultInstall section */
    const struct inf_line *origin;   /* the [Manufacturer] line (NULL for DefaultInstall) */
    struct inf_field models;         /* field 0 of ORIGIN: the Models section name */
    int is_default_install;
    uint32_t subject; /* index of the first path with the same origin (or DefaultInstall section) */
    int enforced;     /* end_build > min_build */
    int uses_dirid13; /* copies to 13 or names %13% somewhere */
};

/* The source side of a copy for one architecture. */
struct inf_copy_source {
    const struct inf_line *disks_files_line; /* SourceDisksFiles entry, NULL if none */
    const struct inf_line *disks_names_line; /* SourceDisksNames entry, NULL if none */
    const char *subdir; /* disk path joined with file subdir; NULL if unresolved */
};

struct inf_destination;

/* One live file copy (a file-list line, or CopyFiles=@file). */
struct inf_copy {
    const struct inf_line *directive;          /* the CopyFiles line */
    const struct inf_line *file_line;          /* the file-list line; the directive for @file */
    struct inf_span span;                      /* FILE_LINE on its first physical line */
    uint32_t list_section;                     /* file-list section, INF_NO_INDEX for @file */
    struct inf_field dest_name;                /* field 0, or the @file name */
    struct inf_field source_name;              /* field 1; the destination name when empty */
    unsigned long flags;                       /* copy flags (field 3) */
    const struct inf_destination *destination; /* the DestinationDirs entry used, NULL if none */
    int has_dirid;                             /* copies of destination->... for the common tests */
    long dirid;
    const char *dest_subdir; /* "" when none */
    struct inf_copy_source sources[INF_ARCH_COUNT];
    struct inf_reach reach;
};

/* A [DestinationDirs] entry (or DefaultDestDir) that live copies use, once per entry. */
struct inf_destination {
    const struct inf_line *line;
    struct inf_span span;
    struct inf_field list;   /* the key: a file-list name or DefaultDestDir */
    struct inf_field subdir; /* field 1 */
    int has_dirid;
    long dirid;
    const struct inf_copy
        *example;           /* the first copy using it on an enforced path (else the first) */
    struct inf_reach reach; /* of every copy using it */
};

/* What a registry line does. */
enum inf_registry_op { INF_REGISTRY_ADD, INF_REGISTRY_DEL, INF_REGISTRY_BIT };

/* One live registry line, once per line, with where HKR points for it. */
struct inf_registry_write {
    const struct inf_line *line;
    struct inf_span span;             /* the entry on its first physical line */
    uint32_t section;                 /* the registry section */
    const struct inf_line *directive; /* the AddReg/DelReg/BitReg line that first named it */
    enum inf_registry_op op;
    struct inf_field root, subkey, value_name, flags; /* fields 0-3 */
    const struct inf_field *data;                     /* fields 4 and on */
    size_t data_count;
    enum inf_hkr_context context;   /* of the first enforced path reaching it (else the first) */
    unsigned contexts;              /* bit per inf_hkr_context of every path reaching it */
    unsigned enforced_contexts;     /* the same for enforced paths */
    const struct inf_line *service; /* the AddService line for a service context */
    struct inf_reach reach;
    int names_dirid13; /* a field names %13% (the package uses the driver store) */
};

/* One live service (AddService with an install section, or a UMDF service section). */
struct inf_service {
    const struct inf_line *add_line; /* AddService / UmdfService line */
    struct inf_field name;           /* field 0 of ADD_LINE */
    uint32_t install_section;        /* INF_NO_INDEX for the null service */
    const struct inf_line *binary;   /* ServiceBinary line, NULL if none */
    struct inf_field binary_path;    /* its field 0 */
    int is_umdf;
    struct inf_reach reach;
};

/* One `key = ...` line of a live section (a directive or an entry), once per line. */
struct inf_live_line {
    const struct inf_line *line;
    struct inf_span span;
    struct inf_field key;
    uint32_t section;
    struct inf_reach reach;
};

/* A directive naming a section that does not exist. */
struct inf_missing_target {
    const struct inf_line *directive;
    struct inf_span span;
    const char *name;
};

/* A CopyFiles list (or the @files of one CopyFiles line) that a live path uses, once each. */
struct inf_copy_list_use {
    const struct inf_line *directive;
    struct inf_span span;
    uint32_t list_section;                     /* INF_NO_INDEX for @file */
    struct inf_field target;                   /* the list name, or the first @file name */
    const struct inf_destination *destination; /* NULL: none, not even DefaultDestDir */
    int copies_files;                          /* the list (or @file) copies at least one file */
};

struct inf_directive; /* directives.h */

/* One section named by a directive, anywhere in the file (live or not). */
struct inf_directive_use {
    const struct inf_directive *directive; /* its entry in the directive table */
    const struct inf_line *line;
    struct inf_span span;    /* the directive line on its first physical line */
    uint32_t from_section;   /* the section holding the directive */
    struct inf_field target; /* the field naming the section (substituted) */
    uint32_t section;        /* the section named, INF_NO_INDEX when there is none */
};

/* One [header] of the file, in file order (a section repeated has several). */
struct inf_header_fact {
    uint32_t section;
    struct inf_span span; /* the header with its brackets */
    int first;            /* the first header of its section */
    uint32_t first_line;  /* its entries: model lines [first_line, first_line + line_count) */
    uint32_t line_count;
};

/* What the graph knows of every section, live or not. */
struct inf_section_fact {
    struct inf_text name;
    struct inf_span header; /* the first header */
    uint32_t header_line;   /* its physical line */
    uint32_t header_count;  /* > 1: merged from several headers */
    uint32_t line_count;
    struct inf_reach reach; /* arches == 0: not live */
    int referenced;         /* named by something, or a root (INF016) */
    int is_strings;         /* [Strings] or [Strings.xxxx] */
};

struct inf_graph {
    const struct inf_model *model;
    uint32_t min_build;
    unsigned all_arches; /* architectures reached by any path */
    int has_entry_points;
    struct inf_arena *arena; /* the file's arena: every text and record below lives there */

    struct inf_install_path *paths;
    size_t path_count, path_cap;
    struct inf_copy *copies;
    size_t copy_count, copy_cap;
    const struct inf_destination *const *destinations; /* in order of first use */
    size_t destination_count;
    struct inf_copy_list_use *copy_lists;
    size_t copy_list_count, copy_list_cap;
    struct inf_registry_write *registry;
    size_t registry_count, registry_cap;
    struct inf_service *services;
    size_t service_count, service_cap;
    struct inf_missing_target *missing;
    size_t missing_count, missing_cap;
    struct inf_live_line *live_lines; /* keyed lines of live sections, in walk order */
    size_t live_line_count, live_line_cap;

    struct inf_section_fact *sections; /* per model section */
    size_t section_count;
    struct inf_header_fact *headers; /* in file order */
    size_t header_count;
    uint32_t *models_sections; /* see inf_graph_models_sections */
    size_t models_section_count;
    int has_models_sections;
    struct inf_install_names *install_names;  /* per section, see inf_graph_install_names */
    struct inf_directive_use *directive_uses; /* see inf_graph_directive_uses */
    size_t directive_use_count, directive_use_cap;
    int has_directive_uses;
    struct inf_missing_target *reachable_missing; /* see inf_graph_reachable_missing */
    size_t reachable_missing_count;
    int has_reachable_missing;
    struct inf_graph_private *priv;
};

/*
 * Builds the graph of MODEL for enforcement build MIN_BUILD. TEMPLATE_ARCHES
 * (INF_ARCH_BIT) are the architectures $ARCH$ stands for in a template its
 * project stamps for those platforms only (0: any). Its texts and records
 * are allocated from ARENA, which must outlive it: free it with inf_graph_free before the
 * arena.
 */
void inf_graph_build(struct inf_graph *graph, const struct inf_model *model, uint32_t min_build,
                     unsigned template_arches, struct inf_arena *arena);
void inf_graph_free(struct inf_graph *graph);

/*
 * Every section-naming field of every directive in the file, in file order
 * (CopyFiles=@file and DelFiles=@file name a file, not a section, and are
 * left out). Made on
 * the first call, in the graph's arena; *COUNT gets the number.
 */
const struct inf_directive_use *inf_graph_directive_uses(struct inf_graph *graph, size_t *count);

/*
 * Section names used in sections reachable from any root (every Models
 * decoration, DefaultInstall*, DefaultUninstall*, ClassInstall32* and what
 * their directives name) that do not exist, beyond those of the live walk
 * (inf_graph.missing): Models device lines and directive lines it did not
 * walk. Made on the first call (graph_reachable.c); *COUNT gets the number.
 */
const struct inf_missing_target *inf_graph_reachable_missing(struct inf_graph *graph,
                                                             size_t *count);

/* One install name of a Models section (the first field of its device lines, substituted). */
struct inf_install_name {
    struct inf_text text;         /* in the graph's arena (may be empty) */
    const struct inf_line *first; /* the first device line naming it */
};

/* The install names of a Models section, each once (ignoring case), in the order first named. */
struct inf_install_names {
    struct inf_install_name *items;
    size_t count;
    int read; /* the section's lines were read (it may name none) */
};

/*
 * The install names of Models section MODELS, read on the first call for
 * that section and kept with the graph: the live walk, the references and
 * the reachable walk each need them, and a vendor Models section names a few
 * install sections on thousands of lines (graph_references.c).
 */
const struct inf_install_names *inf_graph_install_names(struct inf_graph *graph, uint32_t models);

/*
 * Calls SEEN for each device line of Models section MODELS whose install
 * name is NAME (ignoring case), with that line's own spelling: for the rare
 * names that need every line, such as a missing one (graph_references.c).
 */
void inf_graph_each_device_named(struct inf_graph *graph, uint32_t models, struct inf_text name,
                                 void (*seen)(void *context, const struct inf_line *line,
                                              struct inf_text spelled),
                                 void *context);

/*
 * Every Models section the [Manufacturer] lines name and that exists, once each in the order
 * named: for each line the plain name, then each decoration as written and, for NT$ARCH$,
 * stamped for every architecture. Made on the first call and kept with the graph; *COUNT
 * gets its length (graph_references.c).
 */
const uint32_t *inf_graph_models_sections(struct inf_graph *graph, size_t *count);

/* The section SECTION is a companion of (X for X.Services, X.NT.Remove...), or INF_NO_INDEX;
 * with SECURITY_TOO, X for X.Security too. */
uint32_t inf_graph_companion_base(const struct inf_model *model, uint32_t section,
                                  int security_too);

/* Is NAME PREFIX, or PREFIX followed by a '.' decoration (any case)? Inline: PREFIX is a
 * literal, whose length the compiler knows, and every section name is asked. */
static inline int inf_graph_has_prefix(struct inf_text name, const char *prefix)
{
    size_t n = strlen(prefix);
    return name.len >= n && inf_text_equal_nocase2(name.ptr, n, prefix, n) &&
           (name.len == n || name.ptr[n] == '.');
}

/* Non-zero when the reach includes a path that is not exempt as downlevel. */
static inline int inf_reach_enforced(const struct inf_reach *reach)
{
    return reach->enforced_arches != 0;
}

/* Human text for a DIRID ("System32\drivers"), or NULL when unknown. */
const char *inf_dirid_meaning(long dirid);

/* Normalizes a path for comparison: no edge '\', single '\', lower case; in ARENA. */
char *inf_path_normalize(struct inf_arena *arena, const char *path);

#endif
