/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib.h>

/* What every libFuzzer target here starts with: a GLib critical or error
 * aborts (a finding), a warning is printed, anything less is dropped; the
 * state and data folders point nowhere, away from the user's home. */
void fuzz_common_init (void);
