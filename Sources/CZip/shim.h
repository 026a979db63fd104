#ifndef LIVRET_CZIP_SHIM_H
#define LIVRET_CZIP_SHIM_H
#include <zip.h>
#endif
