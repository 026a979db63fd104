#ifndef LIVRET_CZLIB_SHIM_H
#define LIVRET_CZLIB_SHIM_H
#include <zlib.h>
#endif
