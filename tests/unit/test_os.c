/*
 * test_os.c - the parallel feed (work published while it is being found,
 * arrays moved while the workers are drained), the directory walk and the
 * order its files are put in afterwards.
 */
#define _XOPEN_SOURCE 700 /* mkdtemp */
#include "helpers.h"
#include "os.h"
#include "temp_files.h"

#include <stdio.h>

/* A producer that publishes COUNT indexes one by one and moves the array they use. */
struct feed_test {
    int jobs;
    size_t count;
    unsigned *times_done; /* per index: how often WORK ran on it */
    size_t cap;           /* of times_done: it moves (only) while the workers are drained */
    int bad_worker;       /* a worker number outside [0, jobs) was seen */
};

static void count_work(void *context, size_t index, int worker)
{
    struct feed_test *t = context;
    if (worker < 0 || worker >= t->jobs)
        t->bad_worker = 1;
    t->times_done[index]++;
}

static void publish_one_by_one(struct inf_os_feed *feed, void *context)
{
    struct feed_test *t = context;
    for (size_t i = 0; i < t->count; i++) {
        if (i == t->cap) {
            inf_os_feed_drain(feed);
            for (size_t k = 0; k < i; k++) /* drained: everything so far is done */
                assert_int_equal(t->times_done[k], 1);
            unsigned *moved = inf_xcalloc(t->cap * 2, sizeof *moved);
            memcpy(moved, t->times_done, t->cap * sizeof *moved);
            free(t->times_done);
            t->times_done = moved;
            t->cap *= 2;
        }
        inf_os_feed_publish(feed, i + 1);
    }
}

static void run_feed_test(int jobs, size_t count)
{
    struct feed_test t = {jobs, count, inf_xcalloc(4, sizeof(unsigned)), 4, 0};
    inf_os_parallel_fed(jobs, publish_one_by_one, count_work, &t);
    for (size_t i = 0; i < count; i++)
        assert_int_equal(t.times_done[i], 1);
    assert_false(t.bad_worker);
    free(t.times_done);
}

static void a_fed_run_works_every_published_index_once(void **state)
{
    (void)state;
    run_feed_test(1, 0);
    run_feed_test(1, 1000); /* alone, draining works what is pending itself */
    run_feed_test(2, 1000);
    run_feed_test(3, 5000);
}

static void plain_parallel_runs_cover_every_index(void **state)
{
    (void)state;
    for (int jobs = 1; jobs <= 4; jobs++) {
        struct feed_test t = {jobs, 777, inf_xcalloc(777, sizeof(unsigned)), 777, 0};
        inf_os_parallel(t.count, jobs, count_work, &t);
        for (size_t i = 0; i < t.count; i++)
            assert_int_equal(t.times_done[i], 1);
        assert_false(t.bad_worker);
        free(t.times_done);
    }
}

static int by_walk_order(const void *a, const void *b)
{
    return inf_os_walk_order(*(char *const *)a, *(char *const *)b);
}

/* Sorted directory listings walked depth first: "a" (and all below it) before "a-b", "a.inf". */
static void walk_order_is_sorted_listings_depth_first(void **state)
{
    (void)state;
    const char *expected[] = {"t/A.inf", "t/a/x.inf",  "t/a/z/y.inf", "t/a-b/y.inf",
                              "t/a.inf", "t/a0/w.inf", "t/b.inf"};
    const size_t n = sizeof expected / sizeof expected[0];
    const char *shuffled[] = {"t/b.inf",     "t/a.inf", "t/a-b/y.inf", "t/a0/w.inf",
                              "t/a/z/y.inf", "t/A.inf", "t/a/x.inf"};
    qsort(shuffled, n, sizeof shuffled[0], by_walk_order);
    for (size_t i = 0; i < n; i++)
        assert_string_equal(shuffled[i], expected[i]);
    assert_int_equal(inf_os_walk_order("t/a.inf", "t/a.inf"), 0);
    /* Plain byte order would put "a-b/" (0x2D) before "a/" (0x2F): the walk does not. */
    assert_true(strcmp("t/a-b/y.inf", "t/a/x.inf") < 0);
    assert_true(inf_os_walk_order("t/a/x.inf", "t/a-b/y.inf") < 0);
}

struct found_files {
    struct inf_path_list list;
    int warned;
};

static void take_found(void *context, char *path)
{
    struct found_files *f = context;
    inf_path_list_add(&f->list, path);
    free(path);
}

static void count_warning(void *context, const char *path, int error)
{
    (void)path, (void)error;
    ((struct found_files *)context)->warned++;
}

static int skip_named_skip(void *context, const char *path)
{
    (void)context;
    return strstr(path, "skip") != NULL;
}

static void touch(const char *path)
{
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fclose(f);
}

/* The walk finds INF and INX files at every depth, and nothing that is skipped or else. */
static void the_walk_finds_every_inf_file_below(void **state)
{
    (void)state;
    char *root = test_temp_dir("inflint-walk");
    assert_non_null(root);
    char path[256];
    const char *dirs[] = {"a", "a/z", "a-b", "skip", "empty"};
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        assert_int_equal(test_mkdir(path), 0);
    }
    const char *files[] = {"b.INF",      "a/x.inf",   "a/z/y.inx", "a-b/y.inf",
                           "skip/s.inf", "notes.txt", "a/inf"};
    for (size_t i = 0; i < sizeof files / sizeof files[0]; i++) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        touch(path);
    }
    struct found_files found = {{0}, 0};
    const struct inf_os_walk_calls calls = {take_found, count_warning, skip_named_skip, NULL, NULL};
    assert_int_equal(inf_os_walk_inf_files(root, &calls, &found), 0);
    qsort(found.list.paths, found.list.count, sizeof *found.list.paths, by_walk_order);
    const char *expected[] = {"a/x.inf", "a/z/y.inx", "a-b/y.inf", "b.INF"};
    assert_int_equal(found.list.count, 4);
    for (size_t i = 0; i < 4; i++) {
        snprintf(path, sizeof path, "%s/%s", root, expected[i]);
        assert_string_equal(found.list.paths[i], path);
    }
    assert_int_equal(found.warned, 0);
    inf_path_list_free(&found.list);
    snprintf(path, sizeof path, "%s/none", root);
    assert_int_not_equal(inf_os_walk_inf_files(path, &calls, &found), 0);
    for (size_t i = sizeof files / sizeof files[0]; i-- > 0;) {
        snprintf(path, sizeof path, "%s/%s", root, files[i]);
        remove(path);
    }
    for (size_t i = sizeof dirs / sizeof dirs[0]; i-- > 0;) {
        snprintf(path, sizeof path, "%s/%s", root, dirs[i]);
        test_rmdir(path);
    }
    test_rmdir(root);
    free(root);
}

/* A file is found beside another without regard to ASCII case; directories and paths are not. */
static void a_file_in_a_directory_is_found_without_case(void **state)
{
    (void)state;
    char *root = test_temp_dir("inflint-beside");
    assert_non_null(root);
    char path[256];
    snprintf(path, sizeof path, "%s/Acme.CAT", root);
    touch(path);
    snprintf(path, sizeof path, "%s/sub.cat", root);
    assert_int_equal(test_mkdir(path), 0);
    assert_true(inf_os_file_in_directory(root, "Acme.CAT"));
    assert_true(inf_os_file_in_directory(root, "acme.cat"));
    assert_false(inf_os_file_in_directory(root, "acme.ca"));
    assert_false(inf_os_file_in_directory(root, "sub.cat")); /* a directory */
    assert_false(inf_os_file_in_directory(root, "../Acme.CAT"));
    assert_false(inf_os_file_in_directory(root, ""));
    test_rmdir(path);
    snprintf(path, sizeof path, "%s/Acme.CAT", root);
    remove(path);
    test_rmdir(root);
    free(root);
}

/*
 * Listings are kept between lookups: a file added, removed or renamed
 * afterwards is still seen as it is now, and more directories than are kept
 * answer alike.
 */
static void a_kept_listing_follows_the_directory(void **state)
{
    (void)state;
    char *root = test_temp_dir("inflint-kept");
    assert_non_null(root);
    char path[512], other[512];
    snprintf(path, sizeof path, "%s/Pkg.CAT", root);
    assert_false(inf_os_file_in_directory(root, "pkg.cat")); /* listed: nothing there */
    touch(path);
    assert_true(inf_os_file_in_directory(root, "pkg.cat")); /* the directory changed */
    snprintf(other, sizeof other, "%s/Other.CAT", root);
    assert_int_equal(rename(path, other), 0);
    assert_false(inf_os_file_in_directory(root, "pkg.cat"));
    assert_true(inf_os_file_in_directory(root, "OTHER.cat"));
    char *spelled = inf_os_spelled_in_directory(root, "other.cat");
    assert_string_equal(spelled, "Other.CAT"); /* as the directory spells it */
    free(spelled);
#ifndef _WIN32
    /* two spellings that lower alike: the first in byte order, every time */
    snprintf(path, sizeof path, "%s/other.cat", root);
    touch(path);
    for (int i = 0; i < 2; i++) {
        spelled = inf_os_spelled_in_directory(root, "OTHER.CAT");
        assert_string_equal(spelled, "Other.CAT");
        free(spelled);
    }
    spelled = inf_os_spelled_in_directory(root, "other.cat"); /* an exact name is itself */
    assert_string_equal(spelled, "other.cat");
    free(spelled);
    remove(path);
#endif
    /* more directories than the listings kept, asked in turn, twice */
    char dirs[6][256];
    for (int i = 0; i < 6; i++) {
        snprintf(dirs[i], sizeof dirs[i], "%s/d%d", root, i);
        assert_int_equal(test_mkdir(dirs[i]), 0);
        snprintf(path, sizeof path, "%s/d%d/F%d.Cat", root, i, i);
        touch(path);
    }
    for (int round = 0; round < 2; round++)
        for (int i = 0; i < 6; i++) {
            char name[32];
            snprintf(name, sizeof name, "f%d.cat", i);
            assert_true(inf_os_file_in_directory(dirs[i], name));
            snprintf(name, sizeof name, "f%d.cat", (i + 1) % 6);
            assert_false(inf_os_file_in_directory(dirs[i], name));
        }
    for (int i = 0; i < 6; i++) {
        snprintf(path, sizeof path, "%s/d%d/F%d.Cat", root, i, i);
        remove(path);
        test_rmdir(dirs[i]);
    }
    remove(other);
    test_rmdir(root);
    free(root);
}

/* The walk knows the kernel's file systems, so that a walk of / does not wander into them. */
static void virtual_file_systems_are_recognised(void **state)
{
    (void)state;
#if defined(__linux__)
    assert_true(inf_os_is_virtual_directory("/proc"));
    assert_true(inf_os_is_virtual_directory("/sys"));
#endif
    assert_false(inf_os_is_virtual_directory("."));
}

/* Paths relative to a directory: by whole components, with one ".." per step up. */
static void relative_paths(void **state)
{
    (void)state;
    static const char *const cases[][3] = {
        {"/a/b", "/a/b/c.inf", "c.inf"},
        {"/a/b", "/a/c/d.inf", "../c/d.inf"},
        {"/a/b/c", "/a/x.inf", "../../x.inf"},
        {"/tmp/ci/build/tests", "/tmp/tmp.x/p.inf", "../../../tmp.x/p.inf"},
        {"/tmp", "/tmp.x/p.inf", "../tmp.x/p.inf"},
        {"/", "/a/b.inf", "a/b.inf"},
        {"/a/b", "/a/b", "."},
        {"/a/b", "/c", "../../c"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char *relative = inf_os_relative(cases[i][0], cases[i][1]);
        if (strcmp(relative, cases[i][2]) != 0)
            fail_msg("relative(%s, %s) = %s, expected %s", cases[i][0], cases[i][1], relative,
                     cases[i][2]);
        free(relative);
    }
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(relative_paths),
        cmocka_unit_test(a_fed_run_works_every_published_index_once),
        cmocka_unit_test(plain_parallel_runs_cover_every_index),
        cmocka_unit_test(walk_order_is_sorted_listings_depth_first),
        cmocka_unit_test(the_walk_finds_every_inf_file_below),
        cmocka_unit_test(a_file_in_a_directory_is_found_without_case),
        cmocka_unit_test(a_kept_listing_follows_the_directory),
        cmocka_unit_test(virtual_file_systems_are_recognised),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
