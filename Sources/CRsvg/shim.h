#ifndef LIVRET_CRSVG_SHIM_H
#define LIVRET_CRSVG_SHIM_H
#include <librsvg/rsvg.h>
#include <cairo.h>
#endif
