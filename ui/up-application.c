/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "Upphandla"

#include "config.h"

#include <glib/gi18n.h>
#include <upphandla/up-cli.h>
#include <upphandla/upphandla.h>

#include "up-a11y-util.h"
#include "up-application.h"
#include "up-file-util.h"
#include "up-release-notes.h"
#include "up-renderer.h"
#include "up-route-chooser.h"
#include "up-theme.h"
#include "up-window.h"

#define RESOURCE_BASE_PATH "/io/github/upphandla/Upphandla"


struct _UpApplication
{
  AdwApplication parent_instance;
};

G_DEFINE_FINAL_TYPE (UpApplication, up_application, ADW_TYPE_APPLICATION)

/* One file on its way into a window, kept while a dialog asks the user. */
typedef struct
{
  UpApplication *app;
  GFile         *file;
  UpWindow      *target;  /* weak: the window may close meanwhile */
} OpenRequest;

static void
open_request_free (OpenRequest *request)
{
  g_clear_object (&request->app);
  g_clear_object (&request->file);
  g_clear_weak_pointer (&request->target);
  g_free (request);
}

G_DEFINE_AUTOPTR_CLEANUP_FUNC (OpenRequest, open_request_free)

static void
open_request_closure_free (gpointer  data,
                           GClosure *closure)
{
  open_request_free (data);
}

/* Shows @dialog, a question about opening @file into @target, whose
 * "response" goes to @on_response with an OpenRequest that lives as long
 * as the dialog, however many responses it gives. */
static void
present_open_dialog (UpApplication *self,
                     GtkWidget     *dialog,
                     GFile         *file,
                     UpWindow      *target,
                     GCallback      on_response)
{
  OpenRequest *request = g_new0 (OpenRequest, 1);

  request->app = g_object_ref (self);
  request->file = g_object_ref (file);
  g_set_weak_pointer (&request->target, target);
  g_signal_connect_data (dialog, "response", on_response, request, open_request_closure_free, 0);
  up_a11y_util_name_controls (dialog);
  gtk_window_present (GTK_WINDOW (dialog));
}

static UpWindow *
find_window_for_file (UpApplication *self,
                      GFile         *file)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (UP_IS_WINDOW (l->data) && up_window_shows_file (l->data, file))
        return l->data;
    }

  return NULL;
}

static UpWindow *
get_active_up_window (UpApplication *self)
{
  GtkWindow *window = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (UP_IS_WINDOW (window))
    return UP_WINDOW (window);

  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l; l = l->next)
    {
      if (UP_IS_WINDOW (l->data))
        return l->data;
    }

  return NULL;
}

/* A window for a project that is not open yet: @target (or the active
 * window) when it still shows the start page, else a new window. */
static UpWindow *
get_window_for_new_project (UpApplication *self,
                            UpWindow      *target)
{
  if (target == NULL)
    target = get_active_up_window (self);

  if (target != NULL && up_window_get_project (target) == NULL)
    return target;

  return up_window_new (GTK_APPLICATION (self), NULL);
}

/* Some window to parent a dialog on, created when there is none (the first
 * start with a file that cannot be opened), and shown. */
static GtkWindow *
get_parent_window (UpApplication *self,
                   UpWindow      *target)
{
  UpWindow *window = target ? target : get_active_up_window (self);

  if (window == NULL)
    window = up_window_new (GTK_APPLICATION (self), NULL);
  if (!gtk_widget_get_visible (GTK_WIDGET (window)))
    gtk_window_present (GTK_WINDOW (window));

  return GTK_WINDOW (window);
}

static void
show_open_error (UpApplication *self,
                 UpWindow      *target,
                 const GError  *error)
{
  GtkWindow *parent = get_parent_window (self, target);
  GtkWidget *dialog;

  /* The core writes its error messages for users; show them as they are. */
  dialog = adw_message_dialog_new (parent, _("Could Not Open the Project"), error->message);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "close");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "close");
  up_a11y_util_name_controls (GTK_WIDGET (dialog));
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
show_project (UpApplication *self,
              UpProject     *project,
              UpWindow      *target)
{
  UpWindow *window = get_window_for_new_project (self, target);
  GFile *file = up_project_get_file (project);

  up_window_set_project (window, project);
  gtk_window_present (GTK_WINDOW (window));

  if (file != NULL)
    up_application_add_recent (file);
}

typedef struct
{
  GFile     *file;
  UpProject *project;
  GError    *error;
} OpenJob;

static gpointer
open_thread (gpointer data)
{
  OpenJob *job = data;

  job->project = up_project_open (job->file, &job->error);
  return NULL;
}

/* Reading and checking a project (at 20,000 stages mostly SQLite's
 * quick_check) and building the window it opens in take about as long as
 * each other. When the process has no window yet, as when a file is opened
 * from the file manager, the core opens the project on a thread of its own
 * (it touches no GTK) while this thread builds the window. Returns the
 * window, not shown yet, and the project or the error. */
static UpWindow *
open_beside_new_window (UpApplication  *self,
                        GFile          *file,
                        UpProject     **project,
                        GError        **error)
{
  OpenJob job = { file, NULL, NULL };
  GThread *thread = g_thread_try_new ("upphandla-open", open_thread, &job, NULL);
  UpWindow *window = up_window_new (GTK_APPLICATION (self), NULL);

  if (thread != NULL)
    g_thread_join (thread);
  else
    open_thread (&job);

  *project = job.project;
  if (job.error != NULL)
    g_propagate_error (error, job.error);
  return window;
}

static void
remove_recent (GFile *file)
{
  g_autofree char *uri = g_file_get_uri (file);

  gtk_recent_manager_remove_item (gtk_recent_manager_get_default (), uri, NULL);
}

static void
open_file_now (UpApplication *self,
               GFile         *file,
               UpWindow      *target)
{
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  if (target == NULL && get_active_up_window (self) == NULL)
    target = open_beside_new_window (self, file, &project, &error);
  else
    project = up_project_open (file, &error);

  if (project == NULL)
    {
      /* A project that is gone (moved, renamed, deleted) leaves the recent
       * projects with its message, rather than failing there again. */
      if (g_error_matches (error, UP_STORE_ERROR, UP_STORE_ERROR_NOT_FOUND))
        remove_recent (file);
      show_open_error (self, target, error);
    }
  else
    show_project (self, project, target);
}

static void
recover_file (UpApplication *self,
              GFile         *file,
              UpWindow      *target)
{
  g_autoptr(UpStore) store = NULL;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;

  store = up_store_open_recovery (file, &error);
  if (store != NULL)
    {
      /* The recovery copy stands for the document: saves go there. */
      if (up_store_get_file (store) == NULL)
        up_store_set_file (store, file);
      project = up_project_new_for_store (store, &error);
    }

  if (project == NULL)
    show_open_error (self, target, error);
  else
    show_project (self, project, target);
}

static void
on_recovery_response (AdwMessageDialog *dialog,
                      const char       *response,
                      gpointer          user_data)
{
  OpenRequest *request = user_data;

  if (g_strcmp0 (response, "recover") == 0)
    {
      recover_file (request->app, request->file, request->target);
    }
  else if (g_strcmp0 (response, "discard") == 0)
    {
      up_store_discard_recovery (request->file);
      /* A file that is gone has nothing to open after its changes: the
       * dialog said so, and an error about it would only repeat that. */
      if (g_file_query_exists (request->file, NULL))
        open_file_now (request->app, request->file, request->target);
      else
        {
          remove_recent (request->file);
          for (GList *l = gtk_application_get_windows (GTK_APPLICATION (request->app)); l; l = l->next)
            if (UP_IS_WINDOW (l->data))
              up_window_update_recent (l->data);
        }
    }
  /* Any other response (Escape) opens nothing and keeps the copy. */
}

static void
ask_recovery (UpApplication *self,
              GFile         *file,
              UpWindow      *target)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWindow *parent = get_parent_window (self, target);
  GtkWidget *dialog;

  /* The copy was made on the file as it was then. If someone else has
   * saved it since, recovering does not write over theirs: the first save
   * meets the conflict, and the user chooses there. */
  if (!g_file_query_exists (file, NULL))
    /* Translators: %1$s is the file name of a project. */
    body = g_strdup_printf (_("“%1$s” has changes that were not saved when Upphandla last "
                              "closed, and the file is no longer there. Recover the changes "
                              "and save them again, or discard them?"),
                            name);
  else if (up_store_recovery_document_changed (file))
    /* Translators: %1$s is the file name of a project. */
    body = g_strdup_printf (_("“%1$s” has changes that were not saved when Upphandla last "
                              "closed, and the file has been changed since, perhaps by someone "
                              "else. Recover your changes and then choose which version to keep, "
                              "or discard them and open the file as it is now?"),
                            name);
  else
    /* Translators: %1$s is the file name of a project. */
    body = g_strdup_printf (_("“%1$s” has changes that were not saved when Upphandla last "
                              "closed. The file has not been changed since. Recover the changes, "
                              "or discard them and open the file as it was last saved?"),
                            name);

  dialog = adw_message_dialog_new (parent, _("Recover Unsaved Changes?"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "discard", _("_Discard"),
                                    "recover", _("_Recover"),
                                    NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "discard",
                                              ADW_RESPONSE_DESTRUCTIVE);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "recover",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "recover");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  present_open_dialog (self, dialog, file, target, G_CALLBACK (on_recovery_response));
}

static void
on_in_use_response (AdwMessageDialog *dialog,
                    const char       *response,
                    gpointer          user_data)
{
  OpenRequest *request = user_data;

  if (g_strcmp0 (response, "open") == 0)
    open_file_now (request->app, request->file, request->target);
}

/* The project is open in another instance (another process: a second
 * Flatpak instance, another session), whose edits wait in the recovery
 * copy because its save failed. They are not left behind: recovering
 * them here would make two windows of one set of edits, and discarding
 * them would throw away the other window's only copy. The file opens as
 * it was last saved, if the user wants it here at all; the copy stays
 * with its window. */
static void
ask_open_in_use (UpApplication *self,
                 GFile         *file,
                 UpWindow      *target)
{
  g_autofree char *name = g_file_get_basename (file);
  g_autofree char *body = NULL;
  GtkWindow *parent = get_parent_window (self, target);
  GtkWidget *dialog;

  /* Translators: %1$s is the file name of a project. */
  body = g_strdup_printf (_("“%1$s” is open in another Upphandla window, with changes that are not "
                            "in the file yet. Open the file here as it was last saved, or go on "
                            "in the other window?"),
                          name);
  dialog = adw_message_dialog_new (parent, _("Already Open in Another Window"), body);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog),
                                    "cancel", _("_Cancel"),
                                    "open", _("_Open Here"),
                                    NULL);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");

  present_open_dialog (self, dialog, file, target, G_CALLBACK (on_in_use_response));
}

static void
on_open_response (GtkNativeDialog *chooser,
                  int              response,
                  gpointer         user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GListModel) files = gtk_file_chooser_get_files (GTK_FILE_CHOOSER (chooser));
      UpWindow *target = UP_WINDOW (gtk_native_dialog_get_transient_for (chooser));

      for (guint i = 0; i < g_list_model_get_n_items (files); i++)
        {
          g_autoptr(GFile) file = g_list_model_get_item (files, i);

          up_application_open_file (self, file, i == 0 ? target : NULL);
        }
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

static void
create_new_project (GFile    *file,
                    gpointer  user_data)
{
  g_autoptr(OpenRequest) request = user_data;
  UpApplication *self = request->app;
  g_autoptr(UpProject) project = NULL;
  g_autoptr(GError) error = NULL;
  g_autofree char *title = NULL;

  if (file == NULL)
    return;

  title = g_file_get_basename (file);
  if (g_str_has_suffix (title, UP_FILE_SUFFIX))
    title[strlen (title) - strlen (UP_FILE_SUFFIX)] = '\0';
  g_strstrip (title);
  if (title[0] == '\0')
    {
      g_free (title);
      title = g_strdup (_("New Procurement"));
    }

  /* Made anew under a window that shows it, the file was that window's no
   * more: it went on with its own project and then told of a change by
   * "someone else". */
  if (find_window_for_file (self, file) != NULL)
    {
      g_autofree char *message = up_file_util_open_elsewhere_message (file);

      error = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_BUSY, message);
    }
  else
    project = up_project_create (file, title, &error);
  if (project == NULL)
    {
      GtkWidget *dialog;

      dialog = adw_message_dialog_new (get_parent_window (self, request->target),
                                       _("Could Not Create the Project"),
                                       error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _("_Close"));
      up_a11y_util_name_controls (GTK_WIDGET (dialog));
      gtk_window_present (GTK_WINDOW (dialog));
    }
  else
    {
      show_project (self, project, request->target);
      up_route_chooser_present (GTK_WINDOW (find_window_for_file (self, file)), project);
    }
}

static void
on_new_project_response (GtkNativeDialog *chooser,
                         int              response,
                         gpointer         user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr(GFile) chosen = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
      UpWindow *target = UP_WINDOW (gtk_native_dialog_get_transient_for (chooser));
      OpenRequest *request = g_new0 (OpenRequest, 1);

      request->app = g_object_ref (self);
      request->file = up_file_util_for_project (chosen);
      g_set_weak_pointer (&request->target, target);
      up_file_util_confirm_replace (get_parent_window (self, target), chosen, request->file,
                                    create_new_project, request);
    }

  gtk_native_dialog_destroy (chooser);
  g_object_unref (chooser);
  g_application_release (G_APPLICATION (self));
}

/* Where a new project is suggested: beside the project of @window, the
 * plans of one organisation kept together, else in the Documents folder.
 * Without it the dialog opened in the process's working folder (the
 * folder the app was started from). NULL leaves the dialog its own
 * choice (a folder that is gone, no Documents folder). */
static GFile *
new_project_folder (UpWindow *window)
{
  UpProject *project = window != NULL ? up_window_get_project (window) : NULL;
  GFile *file = project != NULL ? up_project_get_file (project) : NULL;
  g_autoptr(GFile) folder = NULL;
  const char *documents;

  if (file != NULL)
    {
      folder = g_file_get_parent (file);
      if (folder != NULL && g_file_query_exists (folder, NULL))
        return g_steal_pointer (&folder);
    }

  documents = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  if (documents != NULL && g_file_test (documents, G_FILE_TEST_IS_DIR))
    return g_file_new_for_path (documents);
  return NULL;
}

static void
new_project_action (GSimpleAction *action,
                    GVariant      *parameter,
                    gpointer       user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);
  UpWindow *window = get_active_up_window (self);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = up_file_util_project_filter ();
  g_autoptr(GFile) folder = new_project_folder (window);

  chooser = gtk_file_chooser_native_new (_("New Project"),
                                         GTK_WINDOW (window),
                                         GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _("_Create"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  if (folder != NULL)
    gtk_file_chooser_set_current_folder (GTK_FILE_CHOOSER (chooser), folder, NULL);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), _("New procurement.upphandla"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  /* Held so that the application stays while the dialog is its only window. */
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_new_project_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);
  GtkFileChooserNative *chooser;
  g_autoptr(GtkFileFilter) filter = up_file_util_project_filter ();

  chooser = gtk_file_chooser_native_new (_("Open Project"),
                                         GTK_WINDOW (get_active_up_window (self)),
                                         GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _("_Open"),
                                         _("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_select_multiple (GTK_FILE_CHOOSER (chooser), TRUE);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);

  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (on_open_response), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_demo (UpApplication *self,
           UpWindow      *target)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GError) error = NULL;

  file = up_demo_ensure_file (&error);
  if (file == NULL)
    show_open_error (self, target, error);
  else
    up_application_open_file (self, file, target);
}

static void
open_demo_action (GSimpleAction *action,
                  GVariant      *parameter,
                  gpointer       user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);

  open_demo (self, get_active_up_window (self));
}

static void
about_action (GSimpleAction *action,
              GVariant      *parameter,
              gpointer       user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);
  g_autofree char *release_notes = NULL;
  GtkWidget *about;

  /* libadwaita 1.2 cannot read the metainfo itself (1.4 can): what's new
   * in this version comes from the same file as in a software centre,
   * translated like the rest of it. */
  release_notes = up_release_notes_for_version (PACKAGE_VERSION);

  about = g_object_new (ADW_TYPE_ABOUT_WINDOW,
                        "transient-for", get_active_up_window (self),
                        "modal", TRUE,
                        "application-name", "Upphandla",
                        "application-icon", APPLICATION_ID,
                        "version", PACKAGE_VERSION,
                        /* the desktop file's comment, which says what it is for */
                        "comments", _("Plan strategic public procurements and link them to Agenda 2030"),
                        "developer-name", _("The Upphandla developers"),
                        "copyright", _("© The Upphandla developers"),
                        "license-type", GTK_LICENSE_GPL_3_0,
                        /* the addresses of the metainfo file */
                        "website", "https://github.com/upphandla/upphandla",
                        "issue-url", "https://github.com/upphandla/upphandla/issues",
                        /* Translators: Replace "translator-credits" with your
                         * name and email address, one translator a line. */
                        "translator-credits", _("translator-credits"),
                        "release-notes-version", release_notes ? PACKAGE_VERSION : "",
                        "release-notes", release_notes ? release_notes : "",
                        NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
quit_action (GSimpleAction *action,
             GVariant      *parameter,
             gpointer       user_data)
{
  UpApplication *self = UP_APPLICATION (user_data);
  g_autoptr(GList) windows = NULL;

  /* Close each window the normal way, so that each one saves its project
   * first and can refuse to close when that fails. The application quits
   * when the last window has gone. */
  windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));
  for (GList *l = windows; l; l = l->next)
    gtk_window_close (l->data);
}

static const GActionEntry app_actions[] = {
  { "new-project", new_project_action },
  { "open", open_action },
  { "open-demo", open_demo_action },
  { "about", about_action },
  { "quit", quit_action },
};

static int
on_handle_local_options (GApplication *app,
                         GVariantDict *options,
                         gpointer      user_data)
{
  return up_cli_handle_local_options (app, options);
}

static void
up_application_activate (GApplication *app)
{
  UpApplication *self = UP_APPLICATION (app);
  UpWindow *window = get_active_up_window (self);

  if (window == NULL)
    window = up_window_new (GTK_APPLICATION (self), NULL);

  gtk_window_present (GTK_WINDOW (window));
}

static void
up_application_open (GApplication  *app,
                     GFile        **files,
                     int            n_files,
                     const char    *hint)
{
  UpApplication *self = UP_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    up_application_open_file (self, files[i], NULL);
}

static int
up_application_command_line (GApplication            *app,
                             GApplicationCommandLine *command_line)
{
  UpApplication *self = UP_APPLICATION (app);
  GVariantDict *options = g_application_command_line_get_options_dict (command_line);
  g_autofree const char **remaining = NULL;
  gboolean demo = FALSE;
  gboolean opened = FALSE;

  g_variant_dict_lookup (options, "demo", "b", &demo);

  /* up_cli_add_options() declares G_OPTION_REMAINING, so the file
   * arguments are always in the options, never mixed with options like
   * --demo in the raw arguments. */
  if (g_variant_dict_lookup (options, G_OPTION_REMAINING, "^a&ay", &remaining))
    {
      for (guint i = 0; remaining[i] != NULL; i++)
        {
          g_autoptr(GFile) file = g_application_command_line_create_file_for_arg (command_line, remaining[i]);

          up_application_open_file (self, file, NULL);
          opened = TRUE;
        }
    }

  if (demo)
    {
      open_demo (self, NULL);
      opened = TRUE;
    }

  if (!opened)
    g_application_activate (app);

  return EXIT_SUCCESS;
}

static void
bench_on_icon_theme_changed (GtkIconTheme *theme)
{
  g_print ("icon-theme-changed\n");
}

/* Whether the application's icon is installed where the icon theme looks
 * for it: the folders GTK searches by default, the user's and the system's
 * data folders (in a Flatpak, /app/share is one of them). Asked of the
 * files rather than of the theme, which would read the whole theme on the
 * main thread when GTK's thread has not yet begun to, or wait for that
 * thread's read to end. */
static gboolean
application_icon_installed (void)
{
  const char * const *system_dirs = g_get_system_data_dirs ();
  g_autoptr(GPtrArray) dirs = g_ptr_array_new ();

  g_ptr_array_add (dirs, (gpointer) g_get_user_data_dir ());
  for (guint i = 0; system_dirs[i] != NULL; i++)
    g_ptr_array_add (dirs, (gpointer) system_dirs[i]);

  for (guint i = 0; i < dirs->len; i++)
    {
      g_autofree char *icon = g_build_filename (g_ptr_array_index (dirs, i), "icons", "hicolor",
                                                "scalable", "apps", APPLICATION_ID ".svg", NULL);

      if (g_file_test (icon, G_FILE_TEST_IS_REGULAR))
        return TRUE;
    }

  return FALSE;
}

/* The style sheet and the application's icon, which GtkApplication and
 * AdwApplication would take from the resource base path; it is left
 * unset (see up_application_new()) because of the icon theme. GTK reads
 * the display's icon theme on a thread from the moment it is first asked
 * for, and adding a resource path to a theme already read throws the
 * read away: the theme is read again on the main thread at the window's
 * first icon, and its "changed" lays out every image of the window once
 * more. With both GtkApplication's path and libadwaita's added, the
 * second came after the thread's read in 11 of 16 starts (counted with
 * GTK_DEBUG=icontheme, in a GTK built with its debugging). Now
 * libadwaita's is the only one, added as it makes the theme, and the icons
 * of an uninstalled build are added only where the application's icon is
 * not installed. */
static void
load_resources (void)
{
  GdkDisplay *display = gdk_display_get_default ();
  g_autoptr(GtkCssProvider) style = gtk_css_provider_new ();
  GtkIconTheme *theme;

  if (display == NULL)
    return;

  gtk_css_provider_load_from_resource (style, RESOURCE_BASE_PATH "/style.css");
  gtk_style_context_add_provider_for_display (display, GTK_STYLE_PROVIDER (style),
                                              GTK_STYLE_PROVIDER_PRIORITY_APPLICATION);

  up_application_add_own_icons (display);
  theme = gtk_icon_theme_get_for_display (display);

  /* Benchmark hook (see up-window.c), inert unless UPPHANDLA_BENCH_FIRST_FRAME
   * is set: each time the theme is read anew. The theme's paths and whether
   * it finds the icon are printed at the first frame, by the window, so that
   * the hook does not itself wait here for the theme. */
  if (g_getenv ("UPPHANDLA_BENCH_FIRST_FRAME") != NULL)
    g_signal_connect (theme, "changed", G_CALLBACK (bench_on_icon_theme_changed), NULL);
}

static void
up_application_startup (GApplication *app)
{
  static const char *quit_accels[] = { "<Control>q", NULL };
  static const char *new_accels[] = { "<Control>n", NULL };
  static const char *open_accels[] = { "<Control>o", NULL };
  static const char *help_overlay_accels[] = { "<Control>question", NULL };

  /* GTK and the display's settings before libadwaita (see up-theme.h).
   * Without a display GTK's own start-up, which would stop the program,
   * takes GTK for initialised after that first try and goes on to crash. */
  if (!up_theme_init_display ())
    {
      g_printerr ("%s\n", _("Upphandla needs a graphical desktop, and no display could be opened. "
                            "Charts and project facts are available without one: see “upphandla --help”."));
      exit (EXIT_FAILURE);
    }
  G_APPLICATION_CLASS (up_application_parent_class)->startup (app);
  up_renderer_restore_environment ();
  load_resources ();

  /* Before the first window, whose renderer GTK picks when it is realized. */
  if (gdk_display_get_default () != NULL)
    g_free (up_renderer_choose_for_display (gdk_display_get_default ()));

  g_action_map_add_action_entries (G_ACTION_MAP (app),
                                   app_actions, G_N_ELEMENTS (app_actions),
                                   app);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.quit", quit_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.new-project", new_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "app.open", open_accels);
  gtk_application_set_accels_for_action (GTK_APPLICATION (app), "win.show-help-overlay",
                                         help_overlay_accels);
}

static void
up_application_class_init (UpApplicationClass *klass)
{
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  app_class->activate = up_application_activate;
  app_class->open = up_application_open;
  app_class->command_line = up_application_command_line;
  app_class->startup = up_application_startup;
}

static void
up_application_init (UpApplication *self)
{
  up_cli_add_options (G_APPLICATION (self));
  g_signal_connect (self, "handle-local-options", G_CALLBACK (on_handle_local_options), NULL);
}

UpApplication *
up_application_new (void)
{
  UpApplication *self = g_object_new (UP_TYPE_APPLICATION,
                                      "application-id", APPLICATION_ID,
                                      "flags", G_APPLICATION_HANDLES_OPEN | G_APPLICATION_HANDLES_COMMAND_LINE,
                                      NULL);

  /* GApplication derives a base path from the id; the resources are
   * loaded by load_resources() instead (and the .Devel build, with
   * another id, has the same resources). */
  g_application_set_resource_base_path (G_APPLICATION (self), NULL);

  return self;
}

void
up_application_open_file (UpApplication *self,
                          GFile         *file,
                          UpWindow      *target)
{
  g_autoptr(GFile) recovery = NULL;
  UpWindow *window;

  g_return_if_fail (UP_IS_APPLICATION (self));
  g_return_if_fail (G_IS_FILE (file));
  g_return_if_fail (target == NULL || UP_IS_WINDOW (target));

  /* A project open twice would be two stores saving over each other. */
  window = find_window_for_file (self, file);
  if (window != NULL)
    {
      gtk_window_present (GTK_WINDOW (window));
      return;
    }

  recovery = up_store_find_recovery (file);
  if (recovery != NULL && up_store_recovery_in_use (file))
    ask_open_in_use (self, file, target);
  else if (recovery != NULL)
    ask_recovery (self, file, target);
  else
    open_file_now (self, file, target);
}

void
up_application_add_recent (GFile *file)
{
  g_autofree char *uri = NULL;
  g_autofree char *display_name = NULL;
  GtkRecentData data = { 0 };

  g_return_if_fail (G_IS_FILE (file));

  uri = g_file_get_uri (file);
  display_name = g_file_get_basename (file);

  /* add_full() rather than add_item(): add_item() guesses the type from
   * the content, which fails where our MIME type is not installed. */
  data.display_name = display_name;
  data.mime_type = (char *) UP_MIME_TYPE;
  data.app_name = (char *) "Upphandla";
  data.app_exec = (char *) "upphandla %u";

  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

void
up_application_add_own_icons (GdkDisplay *display)
{
  g_return_if_fail (GDK_IS_DISPLAY (display));

  if (!application_icon_installed ())
    gtk_icon_theme_add_resource_path (gtk_icon_theme_get_for_display (display), RESOURCE_BASE_PATH "/icons/");
}
