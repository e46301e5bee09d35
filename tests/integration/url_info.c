/*
 * url_info.c - replaces build_info.c in the test binary `inflint_url`, to
 * show that a configured project URL reaches SARIF's informationUri and
 * each rule's helpUri.
 */
const char inf_information_uri[] = "https://example.invalid/inflint";
const char inf_help_base[] = "https://example.invalid/inflint/blob/HEAD/rules/README.md";
