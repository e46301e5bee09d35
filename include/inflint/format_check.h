/*
 * format_check.h - INF_PRINTF(F, A): the compiler checks calls of a
 * printf-like function whose format is argument F and arguments start at A.
 * MinGW builds use the C99 printf (__USE_MINGW_ANSI_STDIO), whose checks
 * are gnu_printf's, not msvcrt's.
 */
#ifndef INFLINT_FORMAT_CHECK_H
#define INFLINT_FORMAT_CHECK_H

#if defined(__MINGW32__)
#define INF_PRINTF(fmt, first) __attribute__((format(gnu_printf, fmt, first)))
#elif defined(__GNUC__)
#define INF_PRINTF(fmt, first) __attribute__((format(printf, fmt, first)))
#else
#define INF_PRINTF(fmt, first)
#endif

#endif
