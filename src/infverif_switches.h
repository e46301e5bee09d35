/*
 * infverif_switches.h - InfVerif's command-line switches as a WDK project
 * or a build script passes them (InfVerif_AdditionalOptions, or inflint's
 * --infverif-options and infverif-options key), read into what they mean
 * for inflint: a profile, silenced codes, the /wbuild build, stamping.
 */
#ifndef INFLINT_INFVERIF_SWITCHES_H
#define INFLINT_INFVERIF_SWITCHES_H

#include "inflint/engine.h"

#include <stddef.h>
#include <stdint.h>

#define INF_MAX_SILENCED_CODES 64

struct inf_infverif_switches {
    int has_profile; /* /w, /u or /h was given (the last one counts) */
    enum inf_profile profile;
    int has_wbuild;
    uint32_t wbuild; /* /wbuild M.m.B as a build number */
    int stampinf;    /* /stampinf: $ARCH$ is accepted, as in a template */
    unsigned short silenced[INF_MAX_SILENCED_CODES]; /* /swCODE and /samples, each once */
    size_t silenced_count;
};

/* Parses a build number (17763) or InfVerif's /wbuild form (10.0.17763). Returns 0 or -1. */
int inf_parse_build(const char *text, uint32_t *build);

/* The codes /samples silences: those Microsoft's samples may keep. */
extern const unsigned short inf_infverif_samples_codes[5];

/*
 * Reads the switches in TEXT (blank-separated, '/' or '-' prefixed, any
 * letter case) into OUT. WARN (may be NULL) hears of each switch inflint
 * does not know, or that has no effect it models, with CONTEXT: its text and
 * why. Returns the number of such warnings.
 */
int inf_infverif_switches_parse(const char *text, struct inf_infverif_switches *out,
                                void (*warn)(void *context, const char *why), void *context);

/* Non-zero when CODE is silenced in SWITCHES. */
int inf_infverif_silenced(const struct inf_infverif_switches *switches, unsigned code);

/*
 * Applies SWITCHES to OPTIONS: the profile and the minimum build when given,
 * and every rule that covers a silenced code turned off.
 */
void inf_infverif_switches_apply(const struct inf_infverif_switches *switches,
                                 struct inf_lint_options *options);

/* Only the last part of that: every rule that covers a code SWITCHES silences turned off. */
void inf_infverif_silence_rules(const struct inf_infverif_switches *switches,
                                struct inf_lint_options *options);

#endif
