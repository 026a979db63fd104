#ifndef LIVRET_CXLSXWRITER_SHIM_H
#define LIVRET_CXLSXWRITER_SHIM_H
#include <xlsxwriter.h>
#endif
