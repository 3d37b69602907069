/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>
#include <upphandla/upphandla.h>

G_BEGIN_DECLS

#define UP_FILE_SUFFIX ".upphandla"
#define UP_MIME_TYPE "application/x-upphandla"

/* The file a name typed in a save dialog means. The dialog asks before it
 * replaces the file it returns; when a name gets an extension added here,
 * the file with the extension is a different one, which it never asked
 * about: up_file_util_confirm_replace() does. */

/* @chosen, with ".upphandla" added when its name lacks it. */
GFile *up_file_util_for_project (GFile          *chosen);
/* @chosen when its name ends in a known export extension, which then sets
 * @format ("grid.pdf" is a PDF whatever the dialog said); else @chosen with
 * the extension of @format added. */
GFile *up_file_util_for_export  (GFile          *chosen,
                                 UpExportFormat *format);

/* The name a save dialog suggests for a copy of the project in @file:
 * "plan (copy).upphandla" for "plan.upphandla", so that a copy saved where
 * the project is does not meet the project itself; where @folder (may be
 * NULL) has a file of that name, "plan (copy 2).upphandla" and so on. */
char  *up_file_util_copy_name   (GFile          *file,
                                 GFile          *folder);

/* Why a project cannot be saved or made in @file, the file of a project
 * that another window shows and saves. */
char  *up_file_util_open_elsewhere_message (GFile *file);

/* The folder of @file when it is one of temporary files, which another
 * program or the system may empty at any time: where a web browser or a
 * mail program puts a download or an attachment it opens (Firefox's and
 * Thunderbird's "mozilla_…" folders), the user's cache (Evolution's
 * attachments, an archive opened from Files, and each Flatpak app's
 * cache), or the system's folder of temporary files itself. NULL for any
 * other file. */
char  *up_file_util_temporary_folder (GFile      *file);

/* In a Flatpak every file from outside comes through the document portal,
 * shown as "<mount>/<document id>/<name>", which hides where it is. */
gboolean up_file_util_is_portal_document    (GFile               *file);

/* For a document of the portal this asks the portal (GetHostPaths, in its
 * version 5) where the file is on the computer and finishes with that
 * path; with NULL and no error for a file the portal does not show. An error where the portal
 * cannot tell (an older portal, no session bus). */
void   up_file_util_portal_host_path_async  (GFile               *file,
                                             GCancellable        *cancellable,
                                             GAsyncReadyCallback  callback,
                                             gpointer             user_data);
char  *up_file_util_portal_host_path_finish (GAsyncResult        *result,
                                             GError             **error);

/* Tests: the portal on @connection (a peer, without a bus name) with its
 * mount at @mount, instead of the session bus's and the runtime folder's
 * "doc"; NULL for both restores them. */
void   _up_file_util_set_document_portal    (GDBusConnection     *connection,
                                             const char          *mount);

/* Where an export is suggested: beside the project, unless the project
 * lives in the app's own data folder (the demo), then the user's
 * documents. Never the process's working folder. */
GFile *up_file_util_export_folder     (UpProject      *project);
/* The name an export of @kind in @lang is suggested: "Project – Chart.png",
 * and the goal's title after the chart's when @goal is set; no slashes. */
char  *up_file_util_export_name       (UpProject      *project,
                                       UpChartKind     kind,
                                       UpLocalGoal    *goal,
                                       UpExportFormat  format,
                                       UpLang          lang);
/* The name the notes exported as a table are suggested: "Project –
 * Notes.csv" in the interface's language. */
char  *up_file_util_notes_name        (UpProject      *project);
char  *up_file_util_stakeholders_name (UpProject      *project);
/* The name the stages exported as a calendar are suggested: "Project –
 * Calendar.ics". */
char  *up_file_util_calendar_name     (UpProject      *project);
/* @chosen when its name ends in ".csv" (any case); else with it added. */
GFile *up_file_util_for_csv           (GFile          *chosen);
/* The same with ".ics", a calendar's extension. */
GFile *up_file_util_for_ics           (GFile          *chosen);
/* Offers the files of @format in @chooser ("PNG", "SVG", "PDF"). */
void   up_file_util_add_export_filter (GtkFileChooser *chooser,
                                       UpExportFormat  format);

/* @file is the file to write, or NULL when the user chose not to replace
 * it; or the file to read, or NULL when the user cancelled. */
typedef void (*UpFileUtilFunc) (GFile    *file,
                                gpointer  user_data);

/* The file chooser's filter of project files ("*.upphandla" and their
 * MIME type), named "Upphandla Projects". */
GtkFileFilter *up_file_util_project_filter (void);

/* @files the files chosen (GFile items, one unless more were allowed),
 * or NULL when the user cancelled. */
typedef void (*UpFileUtilFilesFunc) (GListModel *files,
                                     gpointer    user_data);

/* Asks for a file to read (or several, with @multiple) in a file chooser
 * (the portal's in a Flatpak) over the window of @widget, titled @title,
 * its button @accept; it offers @filter and then all files, from @folder
 * (may be NULL). Calls @func once, with the files chosen, or with NULL
 * when the user cancelled or @widget has left its window by then. */
void   up_file_util_choose_files    (GtkWidget           *widget,
                                     const char          *title,
                                     const char          *accept,
                                     GtkFileFilter       *filter,
                                     GFile               *folder,
                                     gboolean             multiple,
                                     UpFileUtilFilesFunc  func,
                                     gpointer             user_data);

/* Calls @func once: at once with @file when @file is @chosen (the dialog
 * asked already) or does not exist; otherwise after asking in a dialog
 * over @parent whether to replace it, with @file for yes and NULL for no. */
void   up_file_util_confirm_replace (GtkWindow      *parent,
                                     GFile          *chosen,
                                     GFile          *file,
                                     UpFileUtilFunc  func,
                                     gpointer        user_data);

G_END_DECLS
