/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <adwaita.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_TYPE_WINDOW (up_window_get_type ())

G_DECLARE_FINAL_TYPE (UpWindow, up_window, UP, WINDOW, AdwApplicationWindow)

/* @application may be NULL (tests); @project may be NULL for the start page. */
UpWindow  *up_window_new         (GtkApplication *application,
                                  UpProject      *project);
UpProject *up_window_get_project (UpWindow       *self);
void       up_window_set_project (UpWindow       *self,
                                  UpProject      *project);

/* Whether the window shows @file, by its name or as the same file on disk
 * (a link to it). */
gboolean   up_window_shows_file  (UpWindow       *self,
                                  GFile          *file);

/* Moves the project to @file and saves it there (the banner's Save As). */
void       up_window_save_as     (UpWindow       *self,
                                  GFile          *file);

/* Lists the recent projects on the start page again, after a change the
 * recent files do not tell of (a recovery copy discarded). */
void       up_window_update_recent (UpWindow     *self);

/* Whether an export of the timeline is under way (Export Timeline is off
 * meanwhile). */
gboolean   up_window_get_exporting_timeline (UpWindow *self);

/* A short message at the bottom of the window; @message is plain text. */
void       up_window_add_toast   (UpWindow       *self,
                                  const char     *message);

/* For tests: windows made after this read the desktop's clock-format
 * through the settings portal on @session_bus, as they do in a Flatpak;
 * NULL ends that. */
void       up_window_set_sandboxed_for_testing (GDBusConnection *session_bus);

G_END_DECLS
