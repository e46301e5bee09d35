/*
 * test_msbuild.c - the WDK project reader: configurations and conditions,
 * imports (Directory.Build.props, cycles, the repository's edge), Inf items
 * (wildcards, Exclude, Remove, ExcludedFromBuild), solutions, and project
 * files that are broken or hostile.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp (temp_files.h) */
#include "helpers.h"
#include "msbuild.h"
#include "temp_files.h"

#include <string.h>

/* A directory tree of test files, removed when the test ends. */
struct tree {
    char *root;
    char *paths[64]; /* made, in order: removed in reverse */
    int dirs[64];
    size_t count;
};

static void tree_init(struct tree *t)
{
    memset(t, 0, sizeof *t);
    t->root = test_temp_dir("inflint-msbuild");
    assert_non_null(t->root);
}

static char *tree_path(const struct tree *t, const char *relative)
{
    char *path = malloc(strlen(t->root) + strlen(relative) + 2);
    sprintf(path, "%s/%s", t->root, relative);
    return path;
}

/* Writes TEXT at RELATIVE, making its directories. */
static void tree_write(struct tree *t, const char *relative, const char *text)
{
    for (const char *slash = strchr(relative, '/'); slash; slash = strchr(slash + 1, '/')) {
        char *dir_relative = inf_xstrndup(relative, (size_t)(slash - relative));
        char *dir = tree_path(t, dir_relative);
        free(dir_relative);
        if (test_mkdir(dir) == 0) {
            t->dirs[t->count] = 1;
            t->paths[t->count++] = dir;
        } else {
            free(dir);
        }
    }
    char *path = tree_path(t, relative);
    FILE *f = fopen(path, "wb");
    assert_non_null(f);
    fputs(text, f);
    fclose(f);
    t->dirs[t->count] = 0;
    t->paths[t->count++] = path;
}

static void tree_free(struct tree *t)
{
    while (t->count--) {
        if (t->dirs[t->count])
            test_rmdir(t->paths[t->count]);
        else
            remove(t->paths[t->count]);
        free(t->paths[t->count]);
    }
    test_rmdir(t->root);
    free(t->root);
}

static void load(const struct tree *t, const char *project, struct inf_msbuild_project *out)
{
    char *path = tree_path(t, project);
    inf_msbuild_load(path, t->root, NULL, out);
    free(path);
}

static const struct inf_msbuild_configuration *configuration(const struct inf_msbuild_project *p,
                                                             const char *name)
{
    for (size_t i = 0; i < p->configuration_count; i++)
        if (strcmp(p->configurations[i].name, name) == 0)
            return &p->configurations[i];
    fail_msg("no configuration %s", name);
    return NULL;
}

/* Non-zero when some warning of P contains TEXT. */
static int warned(const struct inf_msbuild_project *p, const char *text)
{
    for (size_t i = 0; i < p->warning_count; i++)
        if (strstr(p->warnings[i], text))
            return 1;
    return 0;
}

/* The item of C whose path ends in NAME, or NULL. */
static const struct inf_msbuild_item *item(const struct inf_msbuild_configuration *c,
                                           const char *name)
{
    for (size_t i = 0; i < c->item_count; i++) {
        size_t n = strlen(c->items[i].path), k = strlen(name);
        if (n >= k && strcmp(c->items[i].path + n - k, name) == 0 &&
            (n == k || c->items[i].path[n - k - 1] == '/'))
            return &c->items[i];
    }
    return NULL;
}

#define PROJECT_HEAD "<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<Project xmlns=\"x\">\n"
#define CONFIGS                                                                                    \
    "<ItemGroup Label=\"ProjectConfigurations\">\n"                                                \
    "  <ProjectConfiguration Include=\"Debug|x64\"><Configuration>Debug</Configuration>"           \
    "<Platform>x64</Platform></ProjectConfiguration>\n"                                            \
    "  <ProjectConfiguration Include=\"Release|ARM64\"><Configuration>Release</Configuration>"     \
    "<Platform>ARM64</Platform></ProjectConfiguration>\n"                                          \
    "</ItemGroup>\n"

static void each_configuration_has_its_own_properties(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, ".git/HEAD", "ref\n");
    tree_write(&t, "drv/a.inx", "[Version]\n");
    tree_write(&t, "drv/drv.vcxproj",
               PROJECT_HEAD CONFIGS
               "<PropertyGroup><Configuration Condition=\"'$(Configuration)' == ''\">Debug"
               "</Configuration></PropertyGroup>\n"
               "<PropertyGroup Condition=\"'$(Configuration)|$(Platform)'=='Debug|x64'\">\n"
               "  <DriverTargetPlatform>Universal</DriverTargetPlatform>\n"
               "  <InfVerif_AdditionalOptions>/sw1284</InfVerif_AdditionalOptions>\n"
               "</PropertyGroup>\n"
               "<PropertyGroup Condition=\"'$(Configuration)|$(Platform)'=='Release|ARM64'\">\n"
               "  <DriverTargetPlatform>Windows Driver</DriverTargetPlatform>\n"
               "</PropertyGroup>\n"
               "<ItemGroup><Inf Include=\"a.inx\" /></ItemGroup>\n</Project>\n");
    struct inf_msbuild_project p;
    load(&t, "drv/drv.vcxproj", &p);
    assert_false(p.unreadable);
    assert_int_equal(p.configuration_count, 2);
    const struct inf_msbuild_configuration *debug = configuration(&p, "Debug|x64");
    assert_string_equal(debug->driver_target_platform, "Universal");
    assert_string_equal(debug->infverif_options, "/sw1284");
    assert_non_null(strstr(debug->infverif_where, "drv.vcxproj:10"));
    assert_string_equal(debug->platform, "x64");
    const struct inf_msbuild_configuration *release = configuration(&p, "Release|ARM64");
    assert_string_equal(release->driver_target_platform, "Windows Driver");
    assert_null(release->infverif_options);
    assert_int_equal(release->item_count, 1);
    assert_true(release->items[0].exists);
    assert_non_null(strstr(release->items[0].where, "drv.vcxproj:15"));
    assert_int_equal(p.warning_count, 0);
    inf_msbuild_project_free(&p);
    tree_free(&t);
}

static void condition_forms(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, ".git/HEAD", "ref\n");
    tree_write(&t, "here.txt", "x");
    tree_write(&t, "p.vcxproj",
               PROJECT_HEAD
               "<PropertyGroup>\n"
               "  <A>one</A>\n"
               "  <B Condition=\"'$(A)' == 'ONE' and ('x' != 'y' or false)\">and-or</B>\n"
               "  <C Condition=\"!('$(A)' == 'one')\">negated</C>\n"
               "  <D Condition=\"Exists('here.txt') and !Exists('absent.txt')\">exists</D>\n"
               "  <E Condition=\"'$(Undefined)' == ''\">undefined-is-empty</E>\n"
               "  <F Condition=\"'$(A.Length)' &gt; 2\">not-understood</F>\n"
               "  <G Condition=\"HasTrailingSlash('dir\\')\">slash</G>\n"
               "  <DriverTargetPlatform>$(B)|$(C)|$(D)|$(E)|$(F)|$(G)</DriverTargetPlatform>\n"
               "</PropertyGroup>\n</Project>\n");
    struct inf_msbuild_project p;
    load(&t, "p.vcxproj", &p);
    assert_int_equal(p.configuration_count, 1);
    assert_string_equal(p.configurations[0].driver_target_platform,
                        "and-or||exists|undefined-is-empty||slash");
    assert_true(warned(&p, "p.vcxproj:9: condition not understood"));
    inf_msbuild_project_free(&p);
    tree_free(&t);
}

static void imports_inside_the_repository(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, ".git/HEAD", "ref\n");
    tree_write(&t, "Directory.Build.props",
               PROJECT_HEAD "<PropertyGroup><FromRoot>yes</FromRoot></PropertyGroup></Project>\n");
    tree_write(&t, "common/driver.props",
               PROJECT_HEAD "<PropertyGroup><DriverTargetPlatform>$(FromRoot)-Desktop"
                            "</DriverTargetPlatform></PropertyGroup>\n"
                            "<Import Project=\"driver.props\" />\n</Project>\n");
    tree_write(&t, "drv/p.vcxproj",
               PROJECT_HEAD "<Import Project=\"$(VCTargetsPath)\\Microsoft.Cpp.Default.props\" />\n"
                            "<Import Project=\"..\\common\\driver.props\" />\n"
                            "<Import Project=\"..\\..\\outside.props\" />\n"
                            "<Import Project=\"missing.props\" />\n"
                            "<Import Project=\"p.vcxproj\" />\n</Project>\n");
    struct inf_msbuild_project p;
    load(&t, "drv/p.vcxproj", &p);
    assert_false(p.unreadable);
    assert_string_equal(p.configurations[0].driver_target_platform, "yes-Desktop");
    assert_true(warned(&p, "driver.props:4:")); /* it imports itself */
    assert_true(warned(&p, "imports itself"));
    assert_true(warned(&p, "p.vcxproj:5:")); /* outside the repository */
    assert_true(warned(&p, "outside the repository"));
    assert_true(warned(&p, "p.vcxproj:6: imported file"));
    assert_true(warned(&p, "p.vcxproj:7:"));   /* the project imports itself */
    assert_false(warned(&p, "Microsoft.Cpp")); /* the toolset's imports are not ours */
    inf_msbuild_project_free(&p);
    tree_free(&t);
}

static void inf_items_wildcards_excludes_and_metadata(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, ".git/HEAD", "ref\n");
    tree_write(&t, "d/a.inf", "");
    tree_write(&t, "d/b.INF", "");
    tree_write(&t, "d/c.inx", "");
    tree_write(&t, "d/old.inf", "");
    tree_write(&t, "d/sub/deep.inf", "");
    tree_write(&t, "d/x/skip.inf", "");
    tree_write(&t, "d/p.vcxproj",
               PROJECT_HEAD
               "<ItemDefinitionGroup><Inf><SpecifyArchitecture>true</SpecifyArchitecture>"
               "<Architecture>amd64</Architecture></Inf></ItemDefinitionGroup>\n"
               "<ItemGroup>\n"
               "  <Inf Exclude=\"@(Inf)\" Include=\"*.inf;*.inx\" />\n"
               "  <Inf Exclude=\"@(Inf)\" Include=\"*.inf\" />\n"
               "  <Inf Include=\"sub\\**\\*.inf\"><SpecifyArchitecture>false</SpecifyArchitecture>"
               "</Inf>\n"
               "  <Inf Remove=\"old.inf\" />\n"
               "  <Inf Include=\"x\\skip.inf\"><ExcludedFromBuild>true</ExcludedFromBuild></Inf>\n"
               "  <Inf Include=\"gone.inf\" />\n"
               "</ItemGroup>\n</Project>\n");
    struct inf_msbuild_project p;
    load(&t, "d/p.vcxproj", &p);
    const struct inf_msbuild_configuration *c = &p.configurations[0];
    assert_non_null(item(c, "a.inf"));
    assert_non_null(item(c, "b.INF")); /* wildcards ignore letter case, as on Windows */
    assert_non_null(item(c, "c.inx"));
    assert_non_null(item(c, "sub/deep.inf"));
    assert_null(item(c, "old.inf"));
    assert_null(item(c, "x/skip.inf")); /* ExcludedFromBuild: not built, not stamped */
    const struct inf_msbuild_item *gone = item(c, "gone.inf");
    assert_non_null(gone);
    assert_false(gone->exists);
    assert_non_null(strstr(gone->where, "p.vcxproj:10"));
    assert_string_equal(item(c, "a.inf")->architecture, "amd64");
    assert_null(item(c, "sub/deep.inf")->architecture);
    /* a, b, c, deep and gone: the second line's files are there already, old is removed */
    assert_int_equal(c->item_count, 5);
    inf_msbuild_project_free(&p);
    tree_free(&t);
}

/* A wildcard the path's ".." takes away leaves a plain path, not a pattern without a wildcard. */
static void wildcard_removed_by_dot_dot(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, ".git/HEAD", "ref\n");
    tree_write(&t, "d/a.inf", "");
    tree_write(&t, "d/p.vcxproj",
               PROJECT_HEAD "<ItemGroup>\n"
                            "  <Inf Include=\"*\\..\\a.inf\" />\n"
                            "  <Inf Include=\"x?\\..\\missing.inf\" />\n"
                            "</ItemGroup>\n</Project>\n");
    struct inf_msbuild_project p;
    load(&t, "d/p.vcxproj", &p);
    const struct inf_msbuild_configuration *c = &p.configurations[0];
    assert_non_null(item(c, "a.inf"));
    assert_true(item(c, "a.inf")->exists);
    assert_non_null(item(c, "missing.inf"));
    assert_false(item(c, "missing.inf")->exists);
    assert_int_equal(c->item_count, 2);
    inf_msbuild_project_free(&p);
    tree_free(&t);
}

static void broken_and_hostile_project_files(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, ".git/HEAD", "ref\n");
    tree_write(&t, "text.vcxproj", "this is not XML\n");
    tree_write(&t, "other.vcxproj", "<?xml version=\"1.0\"?><Solution/>\n");
    tree_write(&t, "entities.vcxproj",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [<!ENTITY lol \"lol\">"
               "<!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">]>\n"
               "<Project><PropertyGroup><A>&lol2;</A></PropertyGroup></Project>\n");
    tree_write(&t, "external.vcxproj",
               "<?xml version=\"1.0\"?>\n<!DOCTYPE p [<!ENTITY x SYSTEM \"/etc/passwd\">]>\n"
               "<Project><PropertyGroup><A>&x;</A></PropertyGroup></Project>\n");
    /* 100,000 levels of nesting */
    size_t depth = 100000;
    char *deep = malloc(depth * 7 + 64);
    char *p = deep;
    p += sprintf(p, "<Project>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "<a>");
    for (size_t i = 0; i < depth; i++)
        p += sprintf(p, "</a>");
    sprintf(p, "</Project>\n");
    tree_write(&t, "deep.vcxproj", deep);
    free(deep);
    static const struct {
        const char *file, *warning;
    } cases[] = {{"text.vcxproj", "not a readable project file"},
                 {"other.vcxproj", "root element is <Solution>"},
                 {"entities.vcxproj", "document type declaration"},
                 {"external.vcxproj", "document type declaration"},
                 {"deep.vcxproj", "nested too deep"},
                 {"absent.vcxproj", "cannot read"}};
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        struct inf_msbuild_project project;
        load(&t, cases[i].file, &project);
        assert_true(project.unreadable);
        assert_int_equal(project.configuration_count, 0);
        if (!warned(&project, cases[i].warning))
            fail_msg("%s: no warning '%s'", cases[i].file, cases[i].warning);
        inf_msbuild_project_free(&project);
    }
    tree_free(&t);
}

static void solution_names_its_projects(void **state)
{
    (void)state;
    struct tree t;
    tree_init(&t);
    tree_write(&t, "all.sln",
               "Microsoft Visual Studio Solution File, Format Version 12.00\r\n"
               "Project(\"{8BC9CEB8-8B4A-11D0-8D11-00A0C91BC942}\") = \"echo\", "
               "\"drv\\echo.vcxproj\", \"{44FE3C21-35D7-4253-B15A-3E0F6AAB8B66}\"\r\n"
               "EndProject\r\n"
               "Project(\"{2150E333-8FDC-42A3-9474-1A3956D46DE8}\") = \"folder\", \"folder\", "
               "\"{1}\"\r\nEndProject\r\n"
               "Project(\"{8BC9CEB8-8B4A-11D0-8D11-00A0C91BC942}\") = \"app\", "
               "\"..\\app\\app.vcxproj\", \"{2}\"\r\nEndProject\r\n");
    char *sln = tree_path(&t, "all.sln");
    char **paths = NULL;
    size_t count = 0;
    assert_int_equal(inf_msbuild_solution_projects(sln, &paths, &count), 0);
    assert_int_equal(count, 2);
    assert_non_null(strstr(paths[0], "/drv/echo.vcxproj"));
    assert_null(strstr(paths[1], "..")); /* joined and normalized */
    assert_non_null(strstr(paths[1], "/app/app.vcxproj"));
    for (size_t i = 0; i < count; i++)
        free(paths[i]);
    free(paths);
    free(sln);
    tree_free(&t);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(each_configuration_has_its_own_properties),
        cmocka_unit_test(condition_forms),
        cmocka_unit_test(imports_inside_the_repository),
        cmocka_unit_test(inf_items_wildcards_excludes_and_metadata),
        cmocka_unit_test(wildcard_removed_by_dot_dot),
        cmocka_unit_test(broken_and_hostile_project_files),
        cmocka_unit_test(solution_names_its_projects),
    };
    return cmocka_run_group_tests_name("msbuild", tests, NULL, NULL);
}
