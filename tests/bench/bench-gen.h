/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "upphandla.h"

/* Writes a project of @n stages through the edit API and saves it to @file:
 * 2×N notes (each linked to a stakeholder), 5×N Agenda 2030 links, N/4
 * stakeholders, Swedish text of realistic length. Returns the open project. */
UpProject *bench_generate_project (guint  n,
                                   GFile *file);

/* The median of @n values, which it sorts. */
double     bench_median           (double     *values,
                                   guint       n);

/* A figure of this process's /proc/self/status in kB ("VmRSS", "VmHWM"),
 * as MB; 0 where it is not known. */
double     bench_status_mb        (const char *field);
