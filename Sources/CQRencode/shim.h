#ifndef LIVRET_CQRENCODE_SHIM_H
#define LIVRET_CQRENCODE_SHIM_H
#include <qrencode.h>
#endif
