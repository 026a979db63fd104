#ifndef LIVRET_CLARGEUR_H
#define LIVRET_CLARGEUR_H

#include <stdint.h>

/// Column width of one Unicode scalar according to the C library (`wcwidth`):
/// 0, 1 or 2, and -1 for non-printable scalars (glibc).
int livret_wcwidth(uint32_t scalar);

/// Sets LC_CTYPE to a UTF-8 locale ("C.UTF-8", else "en_US.UTF-8", else the
/// environment's), without which glibc's wcwidth knows only ASCII.
void livret_locale_utf8(void);

#endif
