/*
 * truncated_mapping.c - an input file truncated while inflint reads it
 * through its mapping ends the run with a message and exit status 2, not a
 * crash (the SIGBUS guard of inf_os_guard_mapped_inputs). Made deterministic
 * here: a child maps a 2 MiB file through the library, truncates it, then
 * lints the mapping; the parent checks how the child ended and what it said.
 */
#define _DEFAULT_SOURCE
#include "inflint/inflint.h"
#include "os.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

int main(void)
{
    char path[] = "/tmp/inflint-truncated-XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0)
        return perror("mkstemp"), 1;
    FILE *f = fdopen(fd, "w");
    fputs("[Version]\nSignature=\"$Windows NT$\"\n[S]\n", f);
    for (int i = 0; ftell(f) < 2 * 1024 * 1024; i++)
        fprintf(f, "HKLM,Software\\Key%d,Value,,%d\n", i, i);
    fclose(f);
    int pipe_fds[2];
    if (pipe(pipe_fds) != 0)
        return perror("pipe"), 1;
    pid_t child = fork();
    if (child == 0) {
        dup2(pipe_fds[1], 2);
        inf_os_guard_mapped_inputs();
        struct inf_input input;
        if (inf_os_read_input(path, &input) != 0 || input.mapped == 0)
            _exit(10); /* the file was not mapped: nothing to test */
        if (truncate(path, 0) != 0)
            _exit(11);
        struct inf_lint_options options;
        inf_lint_options_init(&options);
        struct inf_file_result result;
        inf_lint_input(path, input, &options, &result);
        _exit(0); /* read the vanished pages without a signal: the guard never ran */
    }
    close(pipe_fds[1]);
    char said[256] = "";
    ssize_t n = read(pipe_fds[0], said, sizeof said - 1);
    said[n > 0 ? n : 0] = '\0';
    int status;
    waitpid(child, &status, 0);
    unlink(path);
    int ok = WIFEXITED(status) && WEXITSTATUS(status) == 2 &&
             strstr(said, "an input file was truncated while it was being read") != NULL;
    printf("%s: exit %d%s, stderr: %s\n", ok ? "ok" : "FAILED",
           WIFEXITED(status) ? WEXITSTATUS(status) : -1, WIFSIGNALED(status) ? " (signal)" : "",
           said);
    printf("%d passed, %d failed\n", ok, !ok);
    return ok ? 0 : 1;
}
