/*
 * directives.h - the INF vocabulary the graph knows, each piece once: the
 * directives that name sections (rules.md "Directives and their targets"),
 * the companion sections of an install section, and platform decorations.
 * The live-section walk (graph.c) and the reference marking
 * (graph_references.c) both read these tables.
 */
#ifndef INFLINT_DIRECTIVES_H
#define INFLINT_DIRECTIVES_H

#include "graph.h"
#include "model.h"

/* How the live walk follows a directive's targets. */
enum inf_directive_walk {
    INF_WALK_SECTIONS,     /* each target field is a section, walked in the context below */
    INF_WALK_COPY_FILES,   /* file lists or @file */
    INF_WALK_REGISTRY,     /* registry sections: AddReg, DelReg, BitReg */
    INF_WALK_ADD_SERVICE,  /* field 2 service-install, field 3 event-log install section */
    INF_WALK_UMDF_SERVICE, /* field 1 UMDF service section */
    INF_WALK_NEEDS         /* local sections, or external ones through Include */
};

struct inf_directive {
    const char *name;
    size_t name_len;
    unsigned target_fields; /* bit i: field i names a section; ~0u: every field */
    enum inf_directive_walk walk;
    int inherits_context; /* targets keep the HKR context (and service) of the naming
                             section; otherwise they get CONTEXT */
    enum inf_hkr_context context;
    enum inf_registry_op op; /* INF_WALK_REGISTRY */
};

#define INF_ALL_FIELDS (~0u)

/* The directive named KEY (any case), or NULL. */
const struct inf_directive *inf_directive_find(struct inf_text key);

/* Directive INDEX of the table, NULL past the last (for tests). */
const struct inf_directive *inf_directive_at(size_t index);

/* Does D name a section in field FIELD? */
static inline int inf_directive_targets(const struct inf_directive *d, size_t field)
{
    return d->target_fields == INF_ALL_FIELDS || (field < 32 && (d->target_fields >> field) & 1u);
}

/* A companion section of an install section: its suffix and the HKR context there. */
struct inf_companion {
    const char *suffix; /* ".HW" */
    enum inf_hkr_context context;
};
extern const struct inf_companion inf_companions[];
extern const size_t inf_companion_count;
/* The index in inf_companions of the companion whose suffix, without its '.', is SUFFIX but
 * for ASCII case, or -1. */
int inf_companion_find(struct inf_text suffix);

/* A platform decoration: NT[arch][.major[.minor[.product[.suite[.build]]]]]. */
struct inf_decoration {
    int arch;       /* an inf_arch, INF_DECORATION_NO_ARCH or INF_DECORATION_ANY_ARCH ($ARCH$) */
    uint32_t start; /* first build it applies to */
};
#define INF_DECORATION_NO_ARCH (-1)
#define INF_DECORATION_ANY_ARCH (-2)

/* Parses LEN bytes at TEXT as a decoration; returns 0 when it is not one. */
int inf_decoration_parse(const char *text, size_t len, struct inf_decoration *decoration);
/* Does the decoration serve ARCH? (An architecture-less one serves x86 only.) */
int inf_decoration_applies(const struct inf_decoration *decoration, enum inf_arch arch);
/* TEXT with its first "$ARCH$" (either case) replaced by ARCH's name; malloc'd, caller frees. */
char *inf_decoration_stamp(const char *text, enum inf_arch arch);

#endif
