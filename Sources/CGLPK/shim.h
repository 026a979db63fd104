#ifndef LIVRET_CGLPK_SHIM_H
#define LIVRET_CGLPK_SHIM_H
#include <glpk.h>
#endif
