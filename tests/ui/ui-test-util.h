/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <gtk/gtk.h>

#include "up-window.h"

G_BEGIN_DECLS

/* The start of a GUI test program: the locale, and the catalogue of the
 * build tree (UPPHANDLA_LOCALEDIR) or the installed one. */
void     ui_test_bind_textdomain (void);
/* Empties the test's data and state folders (meson's "<name>-data-home"
 * and "-state-home"): a run that crashed left its recent files there, and
 * the next run's start page listed them. Not in a child process of a
 * test, which shares them with the running test. */
void     ui_test_clear_homes     (void);
/* GTK and libadwaita started, with GTK's accessibility backend @a11y:
 * "test" keeps what a screen reader would be told, for
 * gtk_test_accessible_*(); "none" keeps nothing; NULL leaves the
 * environment's choice. */
void     ui_test_init_gtk        (const char *a11y);
/* The pointer moved off the test's windows to the screen's bottom right
 * corner, where xdotool is installed: resting on a widget with a
 * tooltip, it left GTK a timer that could fire after the window was gone. */
void     ui_test_park_pointer    (void);
/* ui_test_bind_textdomain(), ui_test_clear_homes(), g_test_init(),
 * ui_test_init_gtk() and ui_test_park_pointer(). */
void     ui_test_init            (int         *argc,
                                  char      ***argv,
                                  const char  *a11y);

/* The application's style sheet, which GtkApplication loads itself: a
 * test without an application needs it to look and measure as the app. */
void     ui_test_load_app_style  (void);

/* "sv" or "en" after LANGUAGE, for screenshot names; "C" without it. */
const char *test_language (void);

/* The template child @name of @widget, an instance of @type; fails when
 * there is none. */
gpointer template_child (gpointer    widget,
                         GType       type,
                         const char *name);

typedef gboolean (*WidgetTest) (GtkWidget *widget,
                                gpointer   data);

/* The first widget at or below @root, depth first (a menu button's
 * popover below it), that passes @test; NULL when there is none. */
GtkWidget *find_widget     (GtkWidget  *root,
                            WidgetTest  test,
                            gpointer    data);
/* The first button (an actionable widget) at or below @root, a menu
 * button's popover too, that activates @action ("win.duplicate-stage"). */
GtkWidget *find_action_button (GtkWidget  *root,
                               const char *action);
/* The first widget at or below @root (depth first) named @name, or
 * of @type; NULL when there is none. A menu button's popover counts as
 * below it. */
GtkWidget *find_named      (GtkWidget  *root,
                            const char *name);
GtkWidget *find_descendant (GtkWidget  *root,
                            GType       type);
/* The first label at or below @root that shows @text (without markup), or
 * NULL. */
GtkWidget *find_label      (GtkWidget  *root,
                            const char *text);
/* The item of the popover menu @menu labelled @label (with its "_"):
 * GTK's model buttons name no action. */
GtkWidget  *menu_item      (GtkWidget  *menu,
                            const char *label);
/* The gesture of @widget's secondary clicks; fails the test if none. */
GtkGesture *secondary_click_gesture (GtkWidget *widget);
/* The first combo row at or below @root titled @title, or NULL: a
 * choice of a dialog's. */
AdwComboRow *find_combo_row (GtkWidget  *root,
                             const char *title);
/* find_named() that fails when there is none. */
GtkWidget *get_named       (GtkWidget  *root,
                            const char *name);

/* The first event controller of @widget that is a @type; fails when
 * there is none. */
GtkEventController *get_controller (GtkWidget *widget,
                                    GType      type);

/* Mnemonics (access keys, Alt+letter): a table of each key, in lower
 * case, to the texts of the labels that underline it (a GPtrArray of
 * strings). */
GHashTable *mnemonics_new       (void);
/* @text, with its underlined @keyval, added to @keys. */
void        mnemonics_add       (GHashTable *keys,
                                 guint       keyval,
                                 const char *text);
/* The mnemonic of every label in sight (mapped) at or below @root, but not
 * at or below @skip (may be NULL), added to @keys. */
void        mnemonics_collect   (GHashTable *keys,
                                 GtkWidget  *root,
                                 GtkWidget  *skip);
/* @label's mnemonic ("Save _As…"), as the label would show it, added. */
void        mnemonics_add_label (GHashTable *keys,
                                 const char *label);
/* Every key of @keys and its labels told with g_test_message(), after
 * @where; FALSE when a key has two or more labels ("clash"). */
gboolean    mnemonics_unique    (GHashTable *keys,
                                 const char *where);

/* The key binding of @keyval with @modifiers among @widget's shortcut
 * controllers (its class's bindings, its own shortcuts), run as a key
 * press that reaches @widget runs it. FALSE when there is none, or when
 * its action did not run (disabled: the key would go on). */
gboolean run_key_binding (GtkWidget       *widget,
                          guint            keyval,
                          GdkModifierType  modifiers);

/* The message dialog shown over @parent; fails when there is none. */
AdwMessageDialog *get_message_dialog (GtkWindow *parent);
/* For wait_until(): whether a message dialog is shown over the GtkWindow
 * @data. */
gboolean is_message_dialog_shown (gpointer data);
/* The first event controller of @widget that is a @type; fails when
 * there is none. */
GtkEventController *get_controller (GtkWidget *widget,
                                    GType      type);

/* The message dialog shown over @parent, answered with @response. */
void     respond_to_dialog (GtkWindow  *parent,
                            const char *response);

/* A copy of the demo project for one test, in a new temporary folder
 * (*@dir), as demo.upphandla (*@file, when @file is not NULL). */
UpProject *demo_project_create (char   **dir,
                                GFile  **file);
/* The end of a test on demo_project_create()'s project: the pending save
 * written, @window destroyed, @held (the test's reference to the window or
 * a widget in it, or NULL) dropped, then the project and @file (if not
 * NULL) too, and the folder removed. */
void     demo_project_close  (char       **dir,
                              UpProject  **project,
                              GFile      **file,
                              GtkWindow   *window,
                              gpointer     held);

/* The main window on the demo project, the fixture of the tests of the
 * window and its views. */
typedef struct
{
  char      *dir;
  UpProject *project;
  UpWindow  *window;
} WindowFixture;

/* The window on a new copy of the demo project, @width × @height, not yet
 * shown. */
void     window_fixture_set_up    (WindowFixture *fixture,
                                   int            width,
                                   int            height);
/* Presents the window and waits until it is drawn. */
void     show_window              (WindowFixture *fixture);
void     window_fixture_tear_down (WindowFixture *fixture);
/* The window's view @name (the name in its view stack), shown and drawn. */
void     show_view                (WindowFixture *fixture,
                                   const char    *name);
/* The window as wide and high as the user made it, as far as it can be. */
void     resize_window            (WindowFixture *fixture,
                                   int            width,
                                   int            height);

void     wait_until      (gboolean  (*done) (gpointer),
                          gpointer    data);
gboolean is_mapped       (gpointer    data);
gboolean is_unmapped     (gpointer    data);
/* For wait_until(): whether a file chooser is shown, set in the
 * GtkWindow * that @data points to. */
gboolean is_file_chooser_shown (gpointer data);
/* For wait_until(): whether the file at the path @data exists. */
gboolean file_is_there   (gpointer    data);
/* The mapped toplevel whose type is called @type_name, or NULL. */
GtkWindow *find_toplevel (const char *type_name);
/* For wait_until(): GTK's print dialog is shown; sets *@data to it. */
gboolean is_print_dialog_shown (gpointer data);
/* Keyboard Shortcuts (Ctrl+?) opened from @window, once it is mapped. */
GtkWindow *open_shortcuts_window (GtkWidget *window);
void     wait_for_frames (GtkWidget  *widget);
void     iterate_pending (void);
/* Whether @widget, mapped, is drawn whole inside @area's height (a list,
 * or the scrolled window round one); @name says which in the test's log. */
gboolean shows_whole_in  (GtkWidget  *widget,
                          GtkWidget  *area,
                          const char *name);
/* What @widget shows, at its size; NULL when it draws nothing. */
GdkTexture *render_texture (GtkWidget *widget);
/* What @widget shows as 0xAARRGGBB pixels (premultiplied), *@width by
 * *@height; fails when it draws nothing. */
guint32    *widget_pixels  (GtkWidget *widget,
                            int       *width,
                            int       *height);
void     save_screenshot (GtkWidget  *widget,
                          const char *name);
/* A text field of a row, given the focus, puts it on a widget that GTK 4.8
 * tells a screen reader about: the text of a GtkEntry, named once, by a
 * label (AdwEntryRow's text is left out of the accessibility tree, and
 * the row could not say that it had the focus). Needs GTK_A11Y=test. */
void     assert_text_field_accessible (GtkWidget *row);
/* Opens the choices of @widget (a GtkDropDown or an AdwComboRow) as Return
 * does, checks that the keyboard focus is on the one chosen (GTK 4.8 put
 * it on the first) and, under GTK_A11Y=test, that each choice is named as
 * it shows (and a combo row's list after the row), and closes them.
 * Choose another than the first before. */
void     assert_choices_open_on_chosen (GtkWidget *widget);

G_END_DECLS
