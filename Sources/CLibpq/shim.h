#ifndef CLIBPQ_SHIM_H
#define CLIBPQ_SHIM_H
#include <libpq-fe.h>

/* PG_DIAG_* are char macros that Swift cannot import; re-export them as ints. */
static const int CLibpqDiagSQLState = 'C';
static const int CLibpqDiagMessagePrimary = 'M';
static const int CLibpqDiagMessageDetail = 'D';
static const int CLibpqDiagMessageHint = 'H';
static const int CLibpqDiagConstraintName = 'n';
static const int CLibpqDiagSeverity = 'V';
#endif
