/*
 * baseline.h - recorded findings that a run hides (conventions.md 5).
 *
 * The file is JSON: {"tool": "inflint", "version": 1, "findings": [{"path",
 * "rule", "fingerprint"}]}, paths relative to the baseline file's directory
 * with '/' separators, so the file works from any checkout location.
 */
#ifndef INFLINT_BASELINE_H
#define INFLINT_BASELINE_H

#include "inflint/engine.h"

struct inf_baseline_entry {
    const char *path, *rule, *fingerprint; /* in the baseline's strings */
    int used;
};

struct inf_baseline {
    char *dir; /* absolute directory of the baseline file; owned */
    struct inf_baseline_entry *entries;
    size_t count, cap;
    struct inf_arena *strings; /* every entry's texts, freed at once */
};

/* Reads baseline PATH. Returns 0, or -1 with "PATH: why" (or "PATH:LINE: why") in ERROR. */
int inf_baseline_load(const char *path, struct inf_baseline *baseline, char *error,
                      size_t error_size);
void inf_baseline_free(struct inf_baseline *baseline);

/* As inf_baseline_load, from LEN bytes of TEXT; PATH names the file, DIR is its directory. */
int inf_baseline_parse(const char *path, const char *dir, const char *text, size_t len,
                       struct inf_baseline *baseline, char *error, size_t error_size);

/*
 * Hides the findings of RESULT recorded in BASELINE and marks those entries
 * used. DISPLAY_PATH is how RESULT's file is named relative to the
 * baseline's directory.
 */
void inf_baseline_filter(struct inf_baseline *baseline, const char *relative_path,
                         struct inf_file_result *result);

/*
 * Adds an INF019 note at line 1 of RESULT for each entry of its file
 * (RELATIVE_PATH) that no finding used. ENABLED says whether INF019 is on.
 */
void inf_baseline_report_stale(const struct inf_baseline *baseline, const char *relative_path,
                               struct inf_file_result *result, int enabled);

/*
 * Writes the baseline for COUNT results to PATH atomically; RELATIVE[i] names
 * results[i]'s file relative to PATH's directory. Returns 0 or an errno value.
 */
int inf_baseline_write(const char *path, const struct inf_file_result *results,
                       char *const *relative, size_t count);

#endif
