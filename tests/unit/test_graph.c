/*
 * test_graph.c - live sections: entry points, architecture resolution,
 * companions, OS ranges and the downlevel exemption, HKR contexts, copies.
 */
#include "helpers.h"
#include "graph_index.h"
#include "arena.h"
#include "directives.h"

#include <stdio.h>

#define VERSION "[Version]\nSignature=\"$Windows NT$\"\nPnpLockdown=1\n"

/* The graph's arena; each test frees it after the graph. */
static struct inf_arena test_arena = INF_ARENA_INIT;

static void build(struct inf_model *m, struct inf_graph *g, const char *name, const char *text)
{
    parse_bytes(m, name, text, strlen(text));
    inf_graph_build(g, m, INF_DEFAULT_MIN_BUILD, 0, &test_arena);
}

static int live(const struct inf_model *m, const struct inf_graph *g, const char *section)
{
    uint32_t s = inf_model_find_section(m, section, strlen(section));
    assert_int_not_equal(s, INF_NO_INDEX);
    return g->sections[s].reach.arches != 0;
}

static void install_section_resolves_per_architecture(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\n%M%=Models,NTamd64,NTx86\n[Models.NTamd64]\nD=Inst,HW\n"
                  "[Models.NTx86]\nD=Inst,HW\n[Inst.NTamd64]\nAddReg=A64\n[Inst.NT]\nAddReg=ANT\n"
                  "[Inst]\nAddReg=Plain\n[A64]\n[ANT]\n[Plain]\n[Strings]\nM=m\n");
    assert_int_equal(g.path_count, 2);
    assert_true(live(&m, &g, "A64"));    /* amd64 uses Inst.NTamd64 */
    assert_true(live(&m, &g, "ANT"));    /* x86 falls back to Inst.NT */
    assert_false(live(&m, &g, "Plain")); /* never chosen: Inst.NT exists */
    assert_int_equal(g.sections[inf_model_find_section(&m, "A64", 3)].reach.arches,
                     INF_ARCH_BIT(INF_ARCH_AMD64));
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

static void companions_follow_the_chosen_decoration(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models,NTamd64\n[Models.NTamd64]\nD=Inst,HW\n[Inst.NT]\n"
                  "[Inst.NT.HW]\nAddReg=HwReg\n[Inst.HW]\nAddReg=Dead\n[Inst.NT.Services]\n"
                  "AddService=svc,2,Svc,EventLog\n[Svc]\nServiceBinary=%13%\\a.sys\nAddReg=SvcReg\n"
                  "[EventLog]\nAddReg=LogReg\n[HwReg]\nHKR,,A\n[SvcReg]\nHKR,Parameters,B\n"
                  "[LogReg]\nHKR,,C\n[Dead]\nHKLM,X\n");
    assert_true(live(&m, &g, "HwReg"));
    assert_false(live(&m, &g, "Dead"));
    assert_int_equal(g.registry_count, 3);
    for (size_t i = 0; i < g.registry_count; i++) {
        struct inf_text name = inf_model_section_name(&m, g.registry[i].section);
        if (inf_text_equal_nocase(name, "HwReg"))
            assert_int_equal(g.registry[i].context, INF_HKR_HARDWARE);
        else if (inf_text_equal_nocase(name, "SvcReg"))
            assert_int_equal(g.registry[i].context, INF_HKR_SERVICE);
        else
            assert_int_equal(g.registry[i].context, INF_HKR_EVENTLOG);
    }
    assert_int_equal(g.service_count, 1);
    assert_non_null(g.services[0].binary);
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

/* Companions are found without case, each after the install section, and only whole
 * suffixes: X.NT.Servicesx is no companion, nor is a companion of a section that is not X. */
static void companions_are_matched_without_case(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models,NTamd64\n[Models.NTamd64]\nD=Inst,HW\n[Inst.NT]\n"
                  "[INST.nt.hw]\nAddReg=HwReg\n[inst.NT.coinstallers]\nAddReg=CoReg\n"
                  "[Inst.NT.Servicesx]\nAddReg=NotReg\n[Other.NT.Services]\nAddReg=NotReg2\n"
                  "[HwReg]\nHKR,,A\n[CoReg]\nHKR,,B\n[NotReg]\nHKR,,C\n[NotReg2]\nHKR,,D\n");
    assert_true(live(&m, &g, "HwReg"));
    assert_true(live(&m, &g, "CoReg"));
    assert_false(live(&m, &g, "NotReg"));
    assert_false(live(&m, &g, "NotReg2"));
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

static void os_ranges_and_downlevel_exemption(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models,NTamd64,NTamd64.10.0...16299,NTamd64.10.0...19041\n"
                  "[Models.NTamd64]\nD=Old,HW\n[Models.NTamd64.10.0...16299]\nD=Mid,HW\n"
                  "[Models.NTamd64.10.0...19041]\nD=New,HW\n[Old]\n[Mid]\n[New]\n");
    assert_int_equal(g.path_count, 3);
    for (size_t i = 0; i < g.path_count; i++) {
        struct inf_text name = inf_model_section_name(&m, g.paths[i].install_section);
        if (inf_text_equal_nocase(name, "Old")) {
            assert_int_equal(g.paths[i].start_build, 0);
            assert_int_equal(g.paths[i].end_build, 16299);
            assert_false(g.paths[i].enforced);
        } else if (inf_text_equal_nocase(name, "Mid")) {
            assert_int_equal(g.paths[i].start_build, 16299);
            assert_int_equal(g.paths[i].end_build, 19041);
            assert_true(g.paths[i].enforced); /* reaches 17763 */
        } else {
            assert_int_equal(g.paths[i].start_build, 19041);
            assert_int_equal(g.paths[i].end_build, INF_BUILD_MAX);
        }
    }
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

static void default_install_and_uninstall(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[DefaultInstall.NTamd64]\nCopyFiles=Files\n[DefaultInstall.NTamd64.Services]\n"
                  "AddService=svc,,Svc\n[Svc]\nServiceBinary=%13%\\a.sys\n"
                  "[DefaultUninstall.NTamd64]\nDelFiles=Files2\n[Files]\na.sys\n[Files2]\nb.sys\n");
    assert_true(g.has_entry_points);
    assert_int_equal(g.path_count, 1);
    assert_true(g.paths[0].is_default_install);
    assert_true(live(&m, &g, "Files"));
    assert_true(live(&m, &g, "Svc"));
    assert_false(live(&m, &g, "Files2")); /* DefaultUninstall is no entry point */
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

static void no_entry_points_means_nothing_is_live(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "hive.inf", VERSION "[AddReg]\nHKLM,X,Y\n[Install]\nAddReg=AddReg\n");
    assert_false(g.has_entry_points);
    assert_int_equal(g.registry_count, 0);
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

static int referenced(const struct inf_model *m, const struct inf_graph *g, const char *section)
{
    uint32_t s = inf_model_find_section(m, section, strlen(section));
    assert_int_not_equal(s, INF_NO_INDEX);
    return g->sections[s].referenced;
}

/*
 * Directive targets are looked up a few names behind (their table slots
 * prefetched): far more targets than that, substituted ones, file names
 * that are no section and a name reused all still mark exactly the named.
 */
static void every_directive_target_is_marked_referenced(void **state)
{
    (void)state;
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_adds(&text, VERSION "[Install]\nCopyFiles=");
    for (int i = 0; i < 40; i += 2) /* even sections, with a file name and a repeat between */
        inf_buf_printf(&text, "%sFiles%d,x%d.sys,Files%d", i ? "," : "", i, i, i);
    inf_buf_adds(&text, "\nAddReg=%Reg%\n");
    for (int i = 0; i < 40; i++)
        inf_buf_printf(&text, "[Files%d]\nf%d.sys\n", i, i);
    inf_buf_adds(&text, "[Reg.Key]\nHKR,,X\n[Strings]\nReg=\"Reg.Key\"\n");
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "many.inf", text.data);
    for (int i = 0; i < 40; i++) {
        char name[16];
        snprintf(name, sizeof name, "Files%d", i);
        assert_int_equal(referenced(&m, &g, name), i % 2 == 0);
    }
    assert_true(referenced(&m, &g, "Reg.Key"));
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
    inf_buf_free(&text);
}

static void copies_resolve_source_and_destination(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION
          "[Manufacturer]\nM=Models,NTamd64,NTx86\n[Models.NTamd64]\nD=Inst,HW\n"
          "[Models.NTx86]\nD=Inst,HW\n[Inst]\nCopyFiles=Files,@extra.dll\n"
          "[SourceDisksNames]\n1=Disk,,,\\pkg\n[SourceDisksNames.amd64]\n1=Disk,,,\\pkg64\n"
          "[SourceDisksFiles]\na.sys=1,sub\nextra.dll=1\n[SourceDisksFiles.amd64]\na.sys=1,x64\n"
          "[DestinationDirs]\nDefaultDestDir=11\nFiles=13,drv\n[Files]\na.sys,,,0x4000\n");
    assert_int_equal(g.copy_count, 2);
    const struct inf_copy *c = &g.copies[0];
    assert_string_equal(c->dest_name.text, "a.sys");
    assert_int_equal(c->dirid, 13);
    assert_string_equal(c->dest_subdir, "drv");
    assert_int_equal(c->flags, 0x4000);
    assert_string_equal(c->sources[INF_ARCH_AMD64].subdir, "\\pkg64\\x64");
    assert_string_equal(c->sources[INF_ARCH_X86].subdir, "\\pkg\\sub");
    const struct inf_copy *at = &g.copies[1];
    assert_int_equal(at->list_section, INF_NO_INDEX);
    assert_int_equal(at->dirid, 11); /* @file always uses DefaultDestDir */
    assert_true(g.paths[0].uses_dirid13);
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

static void templates_use_arch_token_for_every_architecture(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inx",
          VERSION "[Manufacturer]\nM=Models,NT$ARCH$\n[Models.NT$ARCH$]\nD=Inst,HW\n"
                  "[Inst.NT$ARCH$]\nCopyFiles=Files\n[SourceDisksFiles.$ARCH$]\na.sys=1\n"
                  "[SourceDisksNames]\n1=d\n[DestinationDirs]\nFiles=13\n[Files]\na.sys\n");
    assert_int_equal(g.path_count, 4); /* x86, amd64, arm, arm64 */
    assert_int_equal(g.copy_count, 1);
    for (int a = 0; a < 4; a++)
        assert_non_null(g.copies[0].sources[a].disks_files_line);
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

/* A template's $ARCH$ reaches ia64 too when some section name holds "ia64", in any case and
 * anywhere in it; names with a '6' that is not one of "ia64" leave it out. */
static void ia64_is_considered_when_a_section_names_it(void **state)
{
    (void)state;
    static const struct {
        const char *section;
        size_t paths;
    } cases[] = {{"Models.NTia64", 5},  {"IA64", 5},          {"old.Ia64.x", 5}, {"xIA64", 5},
                 {"Models.NTamd64", 4}, {"ia6", 4},           {"a64", 4},        {"ia 64", 4},
                 {"i664", 4},           {"Models.NTia6.4", 4}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char text[512];
        snprintf(text, sizeof text,
                 VERSION "[Manufacturer]\nM=Models,NT$ARCH$\n[Models.NT$ARCH$]\nD=Inst,HW\n"
                         "[Inst.NT$ARCH$]\n[%s]\n",
                 cases[i].section);
        struct inf_model m;
        struct inf_graph g;
        build(&m, &g, "a.inx", text);
        if (g.path_count != cases[i].paths)
            fail_msg("[%s]: %zu paths, not %zu", cases[i].section, g.path_count, cases[i].paths);
        inf_graph_free(&g);
        inf_arena_free(&test_arena);
        inf_model_free(&m);
    }
}

static void needs_cycles_end_and_missing_targets_are_recorded(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models,NTamd64\n[Models.NTamd64]\nD=Inst,HW\n"
                  "[Inst]\nNeeds=A\nAddReg=Nowhere\n[A]\nNeeds=B\n[B]\nNeeds=A\n"
                  "[Inc]\nInclude=machine.inf\nNeeds=External\n");
    assert_true(live(&m, &g, "B"));
    assert_int_equal(g.missing_count, 1);
    assert_string_equal(g.missing[0].name, "Nowhere");
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

/* Directive uses: every section-naming field anywhere, live or not; @file is no section. */
static void directive_uses_cover_the_whole_file(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models\n[Models]\nD=Inst,HW\n"
                  "[Inst]\nCopyFiles=Files,@one.sys\nAddReg=Reg\n"
                  "[Inst.Services]\nAddService=svc,2,Svc,Log\n"
                  "[Dead]\nDelReg=Reg\nCopyFiles=Gone\n[Files]\n[Reg]\n[Svc]\n[Log]\n");
    size_t count;
    const struct inf_directive_use *uses = inf_graph_directive_uses(&g, &count);
    assert_int_equal(count, 6); /* Files, Reg, Svc, Log, Reg (from Dead), Gone */
    assert_string_equal(uses[0].directive->name, "CopyFiles");
    assert_string_equal(uses[0].target.text, "Files");
    assert_string_equal(uses[2].directive->name, "AddService");
    assert_string_equal(uses[2].target.text, "Svc");
    assert_string_equal(uses[3].target.text, "Log");
    assert_string_equal(uses[4].directive->name, "DelReg");
    assert_int_equal(uses[4].section, uses[1].section); /* the same [Reg] */
    assert_int_equal(uses[5].section, INF_NO_INDEX);    /* [Gone] does not exist */
    assert_int_equal(uses[5].from_section, inf_model_find_section(&m, "Dead", 4));
    size_t again;
    assert_ptr_equal(inf_graph_directive_uses(&g, &again), uses); /* made once */
    assert_int_equal(again, count);
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

/* Every use names its section (or none), however many uses come before and after it: they are
 * resolved a few behind, the last ones at the end. */
static void directive_uses_resolve_every_section(void **state)
{
    (void)state;
    for (int uses_made = 1; uses_made <= 40; uses_made += 13) {
        struct inf_buf text = INF_BUF_INIT;
        inf_buf_adds(&text, VERSION "[Inst]\n");
        for (int i = 0; i < uses_made; i++)
            inf_buf_printf(&text, "AddReg = R%d\n", i);
        for (int i = 0; i < uses_made; i += 2) /* every other one exists */
            inf_buf_printf(&text, "[r%d]\n", i);
        struct inf_model m;
        struct inf_graph g;
        build(&m, &g, "a.inf", text.data);
        size_t count;
        const struct inf_directive_use *uses = inf_graph_directive_uses(&g, &count);
        assert_int_equal(count, (size_t)uses_made);
        for (size_t k = 0; k < count; k++) {
            uint32_t want = inf_model_find_section(&m, uses[k].target.text, uses[k].target.len);
            assert_int_equal(uses[k].section, want);
            assert_int_equal(want == INF_NO_INDEX, k % 2 == 1);
        }
        inf_graph_free(&g);
        inf_arena_free(&test_arena);
        inf_model_free(&m);
        inf_buf_free(&text);
    }
}

/* %strkey% keys name a directive when their string does; keys seen before are told apart by
 * their text (a hash slot shared by two keys must not answer for the other). */
static void substituted_keys_name_directives(void **state)
{
    (void)state;
    struct inf_buf text = INF_BUF_INIT;
    inf_buf_adds(&text, VERSION "[X]\n");
    for (int i = 0; i < 200; i++) /* 200 keys over 64 slots, each twice */
        inf_buf_printf(&text, "%%K%d%% = T%d\n%%K%d%% = T%d\n", i, i, i, i);
    inf_buf_adds(&text, "[Strings]\n");
    for (int i = 0; i < 200; i++)
        inf_buf_printf(&text, "K%d = %s\n", i, i % 3 == 0 ? "CopyFiles" : "Plain");
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf", text.data);
    size_t count;
    const struct inf_directive_use *uses = inf_graph_directive_uses(&g, &count);
    assert_int_equal(count, 2 * 67); /* K0, K3, ... K198: 67 keys, two lines each */
    for (size_t k = 0; k < count; k++) {
        assert_string_equal(uses[k].directive->name, "CopyFiles");
        int n = atoi(uses[k].target.text + 1);
        assert_int_equal(n % 3, 0);
        assert_int_equal(n, (int)(k / 2) * 3);
    }
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
    inf_buf_free(&text);
}

/* Whether the substituted TEXT holds %13%, the slow way: substitute, then read every
 * reference of the result. */
static int dirid13_slowly(const struct inf_model *m, const struct inf_token *token)
{
    struct inf_buf scratch = INF_BUF_INIT;
    struct inf_text v = inf_token_value(m, token, &scratch, NULL);
    size_t pos = 0;
    struct inf_percent_ref ref;
    int found = 0;
    while (!found && inf_model_next_percent(m, v, &pos, &ref))
        found = ref.kind == INF_PERCENT_DIRID && ref.dirid == 13 && ref.name_len == 2;
    inf_buf_free(&scratch);
    return found;
}

/* A registry value names DIRID 13 exactly when its substituted text does, whatever its
 * strings bring ('%' of their own, a key named "13") and wherever %% stands. */
static void registry_values_naming_dirid13_agree_with_substitution(void **state)
{
    (void)state;
    static const char *const pieces[] = {"%13%", "%a%", "%b%", "%%", "%", "13", "1", "x", "\\"};
    static const char *const values[] = {"x", "%13%", "%1", "3%", "13", "%", "%%"};
    unsigned seed = 777;
#define NEXT_RANDOM(n) ((seed = seed * 1103515245u + 12345u) >> 16) % (n)
    int named = 0;
    for (int round = 0; round < 3000; round++) {
        struct inf_buf text = INF_BUF_INIT;
        inf_buf_adds(&text, VERSION "[DefaultInstall]\nAddReg=R\n[R]\nHKR,,V,,");
        for (int n = 1 + (int)NEXT_RANDOM(5); n > 0; n--)
            inf_buf_adds(&text, pieces[NEXT_RANDOM(sizeof pieces / sizeof pieces[0])]);
        if (text.data[text.len - 1] == '\\')
            inf_buf_addc(&text, '.'); /* (it would continue the line) */
        const char *a = values[NEXT_RANDOM(sizeof values / sizeof values[0])];
        const char *b = values[NEXT_RANDOM(sizeof values / sizeof values[0])];
        inf_buf_printf(&text, "\n[Strings]\na=%s\nb=%s\n", a, b);
        if (NEXT_RANDOM(4) == 0)
            inf_buf_adds(&text, "13=y\n");
        struct inf_model m;
        struct inf_graph g;
        build(&m, &g, "a.inf", text.data);
        assert_int_equal(g.registry_count, 1);
        const struct inf_token *value = inf_line_field(&m, g.registry[0].line, 4);
        assert_non_null(value);
        int slow = dirid13_slowly(&m, value);
        if (g.registry[0].names_dirid13 != slow)
            fail_msg("%s: %d, substituted %d", text.data, g.registry[0].names_dirid13, slow);
        named += slow;
        inf_graph_free(&g);
        inf_arena_free(&test_arena);
        inf_model_free(&m);
        inf_buf_free(&text);
    }
#undef NEXT_RANDOM
    assert_true(named > 300); /* both answers were tried often */
    assert_true(named < 2700);
}

/*
 * A Models section's install names are read once, each name once without
 * case; a missing one is recorded on every device line naming it, with that
 * line's spelling, for the live walk and for the decorations it does not walk.
 */
static void install_names_are_read_once_and_missing_ones_reported_per_line(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models,NTamd64,NTx86,NTarm,NTarm64\n"
                  "[Models.NTamd64]\nA=Gone_Inst,HW1\nB=Good,HW2\nC=gone_inst,HW3\nD=Good,HW4\n"
                  "[Models.NTx86]\n[Models.NTarm]\n[Models.NTarm64]\n"
                  "[Models]\nE=Old_Gone,HW5\nF=old_gone,HW6\n[Good]\n");
    uint32_t models = inf_model_find_section(&m, "Models.NTamd64", 14);
    const struct inf_install_names *names = inf_graph_install_names(&g, models);
    assert_int_equal(names->count, 2);
    assert_string_equal(names->items[0].text.ptr, "Gone_Inst");
    assert_string_equal(names->items[1].text.ptr, "Good");
    assert_int_equal(names->items[1].first->line, 8);             /* B, not D */
    assert_ptr_equal(inf_graph_install_names(&g, models), names); /* read once */
    size_t models_count, again;
    const uint32_t *all = inf_graph_models_sections(&g, &models_count);
    assert_int_equal(models_count, 5); /* the plain name, then the four decorations */
    assert_int_equal(all[0], inf_model_find_section(&m, "Models", 6));
    assert_int_equal(all[1], models);
    assert_ptr_equal(inf_graph_models_sections(&g, &again), all); /* found once */
    assert_int_equal(again, models_count);
    /* the live walk (amd64): both lines naming the missing section, each as spelled */
    assert_int_equal(g.missing_count, 2);
    assert_string_equal(g.missing[0].name, "Gone_Inst");
    assert_string_equal(g.missing[1].name, "gone_inst");
    assert_int_equal(g.missing[1].directive->line, 9);
    /* the reachable walk: every Models section (the undecorated one is no architecture's
     * choice), each line naming a missing section as spelled */
    size_t count;
    const struct inf_missing_target *more = inf_graph_reachable_missing(&g, &count);
    assert_int_equal(count, 4);
    assert_string_equal(more[0].name, "Old_Gone"); /* the plain name comes first */
    assert_string_equal(more[1].name, "old_gone");
    assert_int_equal(more[1].directive->line, 16);
    assert_string_equal(more[2].name, "Gone_Inst");
    assert_string_equal(more[3].name, "gone_inst");
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

/* Runs of lines naming one install section: each name once, at its first line, however
 * the names around it are spelled (the same length, a %strkey% that names it too). */
static void install_names_in_runs_are_each_named_once(void **state)
{
    (void)state;
    struct inf_model m;
    struct inf_graph g;
    build(&m, &g, "a.inf",
          VERSION "[Manufacturer]\nM=Models\n"
                  "[Models]\nA=Inst1,HW1\nB=Inst1,HW2\nC=Inst2,HW3\nD=Inst2,HW4\nE=%S%,HW5\n"
                  "F=%S%,HW6\nG=Inst1,HW7\nH=inst3,HW8\n[Inst1]\n[Inst2]\n[Inst3]\n"
                  "[Strings]\nM=m\nS=Inst3\n");
    const struct inf_install_names *names =
        inf_graph_install_names(&g, inf_model_find_section(&m, "Models", 6));
    assert_int_equal(names->count, 3);
    assert_string_equal(names->items[0].text.ptr, "Inst1");
    assert_int_equal(names->items[0].first->line, 7); /* A */
    assert_string_equal(names->items[1].text.ptr, "Inst2");
    assert_int_equal(names->items[1].first->line, 9); /* C */
    assert_string_equal(names->items[2].text.ptr, "Inst3");
    assert_int_equal(names->items[2].first->line, 11); /* E, through [Strings] */
    assert_int_equal(g.path_count, 3);
    inf_graph_free(&g);
    inf_arena_free(&test_arena);
    inf_model_free(&m);
}

/* The line map: nothing before a put, each line its own value, lines past the model's
 * ignored, and value 0 told apart from none. */
static void line_map_keeps_a_value_per_line(void **state)
{
    (void)state;
    struct inf_line_map map;
    inf_line_map_init(&map, 1000);
    assert_int_equal(inf_line_map_get(&map, 5), INF_NO_INDEX);
    assert_null(map.chunks); /* nothing allocated before a put */
    for (uint32_t line = 0; line < 1000; line += 3)
        if (line < 300 || line >= 700) /* lines 300-699: chunks never made */
            inf_line_map_put(&map, line, line / 3);
    inf_line_map_put(&map, 1000, 7); /* past the last line: ignored */
    for (uint32_t line = 0; line < 1000; line++)
        assert_int_equal(inf_line_map_get(&map, line),
                         line % 3 || (line >= 300 && line < 700) ? INF_NO_INDEX : line / 3);
    assert_int_equal(inf_line_map_get(&map, 1000), INF_NO_INDEX);
    inf_line_map_free(&map);
    assert_int_equal(inf_line_map_get(&map, 0), INF_NO_INDEX);
}

/* The precomputed directive slots find every directive, in any case, and nothing else. */
static void directive_table_finds_every_directive(void **state)
{
    (void)state;
    size_t count = 0;
    for (const struct inf_directive *d; (d = inf_directive_at(count)) != NULL; count++) {
        struct inf_text name = {d->name, d->name_len};
        assert_ptr_equal(inf_directive_find(name), d);
        char upper[32];
        for (size_t i = 0; i <= d->name_len; i++)
            upper[i] =
                (char)(d->name[i] >= 'a' && d->name[i] <= 'z' ? d->name[i] - 32 : d->name[i]);
        struct inf_text shouted = {upper, d->name_len};
        assert_ptr_equal(inf_directive_find(shouted), d);
        assert_int_equal(d->name_len, strlen(d->name));
    }
    assert_int_equal(count, 24);
    static const char *const others[] = {
        "ServiceBinary",         "AddRegs", "Need", "CopyFile", "DelService", "Include",
        "AddAutoLoggerProviders"};
    for (size_t i = 0; i < sizeof others / sizeof others[0]; i++) {
        struct inf_text name = {others[i], strlen(others[i])};
        assert_null(inf_directive_find(name));
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(install_section_resolves_per_architecture),
        cmocka_unit_test(companions_follow_the_chosen_decoration),
        cmocka_unit_test(companions_are_matched_without_case),
        cmocka_unit_test(os_ranges_and_downlevel_exemption),
        cmocka_unit_test(default_install_and_uninstall),
        cmocka_unit_test(no_entry_points_means_nothing_is_live),
        cmocka_unit_test(copies_resolve_source_and_destination),
        cmocka_unit_test(every_directive_target_is_marked_referenced),
        cmocka_unit_test(templates_use_arch_token_for_every_architecture),
        cmocka_unit_test(ia64_is_considered_when_a_section_names_it),
        cmocka_unit_test(needs_cycles_end_and_missing_targets_are_recorded),
        cmocka_unit_test(directive_table_finds_every_directive),
        cmocka_unit_test(line_map_keeps_a_value_per_line),
        cmocka_unit_test(directive_uses_cover_the_whole_file),
        cmocka_unit_test(directive_uses_resolve_every_section),
        cmocka_unit_test(substituted_keys_name_directives),
        cmocka_unit_test(install_names_are_read_once_and_missing_ones_reported_per_line),
        cmocka_unit_test(install_names_in_runs_are_each_named_once),
        cmocka_unit_test(registry_values_naming_dirid13_agree_with_substitution),
    };
    return cmocka_run_group_tests_name("graph", tests, NULL, NULL);
}
