#define _XOPEN_SOURCE 700
#include "CLargeur.h"

#include <locale.h>
#include <wchar.h>

int livret_wcwidth(uint32_t scalar) {
    return wcwidth((wchar_t)scalar);
}

void livret_locale_utf8(void) {
    if (setlocale(LC_CTYPE, "C.UTF-8") != NULL) return;
    if (setlocale(LC_CTYPE, "en_US.UTF-8") != NULL) return;
    setlocale(LC_CTYPE, "");
}
