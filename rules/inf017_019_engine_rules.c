/*
 * INF017 unknown-rule-in-suppression, INF018 unused-suppression and INF019
 * stale-baseline-entry. They are reported by the engine (suppressions and
 * baselines are its business, not a rule's), so they have no check function;
 * they live in the registry so they can be selected, re-rated and explained.
 */
#include "check.h"

const struct inf_rule inf_rule_inf017 = {
    "INF017",
    "unknown-rule-in-suppression",
    INF_SEVERITY_WARNING,
    "A suppression comment names a rule that does not exist.",
    "An inline suppression (`; inflint: disable=...`) names rules by code or name. An unknown "
    "one is usually a typo, and the finding it was meant to hide still shows.",
    "HKLM,SOFTWARE\\Acme,Level,0x00010001,1 ; inflint: disable=ISO601\n",
    "HKLM,SOFTWARE\\Acme,Level,0x00010001,1 ; inflint: disable=ISO106 -- legacy tool reads it\n",
    NULL,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0}};

const struct inf_rule inf_rule_inf018 = {
    "INF018",
    "unused-suppression",
    INF_SEVERITY_NOTE,
    "A suppression comment hides nothing.",
    "A suppression that no longer matches a finding (the line was fixed, or moved) is clutter "
    "that may one day hide a new problem. Reported only with --report-unused-suppressions.",
    "HKR,,Level,0x00010001,1 ; inflint: disable=ISO106\n",
    "HKR,,Level,0x00010001,1\n",
    NULL,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0}};

const struct inf_rule inf_rule_inf019 = {
    "INF019",
    "stale-baseline-entry",
    INF_SEVERITY_NOTE,
    "A baseline entry matches no finding any more.",
    "With --baseline, findings recorded in the baseline file are hidden. An entry whose "
    "finding is gone (fixed, or its line changed) is stale: run --write-baseline again to "
    "shrink the file. Reported at line 1 of the file the entry belongs to; it never fails "
    "a run.",
    "{ \"path\": \"drv/acme.inf\", \"rule\": \"ISO101\", \"fingerprint\": \"...\" }  ; fixed "
    "since\n",
    "inflint --write-baseline inflint-baseline.json drv/\n",
    NULL,
    {{0, INF_SEVERITY_OFF}},
    0,
    .infverif = {0}};
