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

#include "inflint/model.h"

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

/* One entry point instance: an install section for one architecture and OS range. */
struct inf_install_path {
    enum inf_arch arch;
    uint32_t start_build, end_build; /* [start, end) */
    uint32_t install_section;        /* the resolved DDInstall / DefaultInstall section */
    const struct inf_line *origin;   /* the [Manufacturer] line (NULL for DefaultInstall) */
    int is_default_install;
    int enforced;     /* end_build > min_build */
    int uses_dirid13; /* copies to 13 or names %13% somewhere */
};

/* The source side of a copy for one architecture. */
struct inf_copy_source {
    const struct inf_line *disks_files_line; /* SourceDisksFiles entry, NULL if none */
    const struct inf_line *disks_names_line; /* SourceDisksNames entry, NULL if none */
    char *subdir;                            /* disk path joined with file subdir; owned */
};

/* One live file copy (a file-list line, or CopyFiles=@file). */
struct inf_copy {
    const struct inf_line *directive;   /* the CopyFiles line */
    const struct inf_line *file_line;   /* the file-list line; the directive for @file */
    uint32_t list_section;              /* file-list section, INF_NO_INDEX for @file */
    char *dest_name, *source_name;      /* owned */
    const struct inf_line *destination; /* DestinationDirs entry used, NULL if none */
    int has_dirid;
    long dirid;
    char *dest_subdir;   /* owned; "" when none */
    unsigned long flags; /* copy flags (field 4) */
    struct inf_copy_source sources[INF_ARCH_COUNT];
    struct inf_reach reach;
};

/* One live registry line with the context it was reached from. */
struct inf_registry_line {
    const struct inf_line *line;
    uint32_t section;                 /* the registry section */
    const struct inf_line *directive; /* the AddReg/DelReg/BitReg line that named it */
    int directive_kind;               /* 0 AddReg, 1 DelReg, 2 BitReg */
    enum inf_hkr_context context;
    const struct inf_line *service; /* AddService line for INF_HKR_SERVICE contexts */
    struct inf_reach reach;
};

/* One live service (AddService with an install section, or a UMDF service section). */
struct inf_service {
    const struct inf_line *add_line; /* AddService / UmdfService line */
    uint32_t install_section;        /* INF_NO_INDEX for the null service */
    const struct inf_line *binary;   /* ServiceBinary line, NULL if none */
    int is_umdf;
    struct inf_reach reach;
};

/* One `key = ...` line of a live section (a directive or an entry), once per line. */
struct inf_live_line {
    const struct inf_line *line;
    uint32_t section;
    struct inf_reach reach;
};

/* A directive naming a section that does not exist. */
struct inf_missing_target {
    const struct inf_line *directive;
    char *name; /* owned */
};

/* A section that is live: reached from some install path. */
struct inf_live_section {
    uint32_t section;
    struct inf_reach reach;
};

struct inf_graph {
    const struct inf_model *model;
    uint32_t min_build;
    unsigned all_arches; /* architectures reached by any path */
    int has_entry_points;

    struct inf_install_path *paths;
    size_t path_count, path_cap;
    struct inf_copy *copies;
    size_t copy_count, copy_cap;
    struct inf_registry_line *registry;
    size_t registry_count, registry_cap;
    struct inf_service *services;
    size_t service_count, service_cap;
    struct inf_missing_target *missing;
    size_t missing_count, missing_cap;
    struct inf_live_line *live_lines; /* keyed lines of live sections, in walk order */
    size_t live_line_count, live_line_cap;

    struct inf_reach *section_reach;   /* per section; arches == 0 means not live */
    unsigned char *section_referenced; /* per section: named by something, or a root */
    struct inf_graph_private *priv;
};

/* Builds the graph of MODEL for enforcement build MIN_BUILD. Free with inf_graph_free. */
void inf_graph_build(struct inf_graph *graph, const struct inf_model *model, uint32_t min_build);
void inf_graph_free(struct inf_graph *graph);

/* Non-zero when the reach includes a path that is not exempt as downlevel. */
static inline int inf_reach_enforced(const struct inf_reach *reach)
{
    return reach->enforced_arches != 0;
}

/* Human text for a DIRID ("System32\drivers"), or NULL when unknown. */
const char *inf_dirid_meaning(long dirid);

/* Normalizes a path for comparison: no edge '\', single '\', lower case. Caller frees. */
char *inf_path_normalize(const char *path);

#endif
