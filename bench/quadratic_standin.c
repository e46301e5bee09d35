/*
 * quadratic_standin.c - a stand-in for inflint whose work grows with the square
 * of its input's lines, for scaling_selftest.sh: bench/scaling.sh must fail it.
 * It takes inflint's arguments (the last is the file) and answers --version.
 */
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc < 3)
        return 0; /* --version */
    FILE *f = fopen(argv[argc - 1], "rb");
    if (!f)
        return 2;
    long lines = 0;
    int c;
    while ((c = getc(f)) != EOF)
        lines += c == '\n';
    fclose(f);
    volatile unsigned long sum = 0; /* every pair of lines, once */
    for (long i = 0; i < lines; i++)
        for (long j = 0; j < i; j++)
            sum += (unsigned long)(i ^ j);
    return 0;
}
