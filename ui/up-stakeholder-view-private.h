/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include "up-entry-row.h"
#include "up-stakeholder-grid.h"
#include "up-stakeholder-view.h"

G_BEGIN_DECLS

/* The columns of the register, in their order on screen. */
typedef enum
{
  UP_STAKEHOLDER_COLUMN_NAME,
  UP_STAKEHOLDER_COLUMN_ORGANISATION,
  UP_STAKEHOLDER_COLUMN_CATEGORY,
  UP_STAKEHOLDER_COLUMN_INFLUENCE,
  UP_STAKEHOLDER_COLUMN_INTEREST,
  UP_STAKEHOLDER_COLUMN_STANCE,
  UP_STAKEHOLDER_N_COLUMNS
} UpStakeholderColumn;

/* The view's parts, shared with the tests, which drive the real widgets. */
struct _UpStakeholderView
{
  AdwBin               parent_instance;

  UpProject           *project;
  UpStakeholder       *selected;
  GSignalGroup        *project_signals;
  guint                updating;
  char                *search_key;     /* casefolded, NFC; NULL: no search */
  /* The ids of the project's stakeholders at its last change: one more
   * is a stakeholder added or brought back (an Undo), and selected. */
  GHashTable          *listed;

  /* An export of the grid is under way (its dialogs, then the file
   * written on a thread): Export Grid is off meanwhile. */
  gboolean             exporting;
  GtkWidget           *export_button;

  /* The toast of the latest delete, until it goes (the tests read it). */
  AdwToast            *delete_toast;

  /* Template */
  GtkStack            *stack;
  AdwBin              *register_bin;

  /* The register, built when the view is first shown. */
  gboolean             built;
  GtkSearchEntry      *search_entry;
  GtkDropDown         *category_dropdown;
  GtkLabel            *count_label;
  GtkToggleButton     *grid_button;
  AdwLeaflet          *leaflet;
  guint                fold_idle_id;
  /* The register and the editor: side by side, or the editor below
   * (stacked) where beside it would leave the register too narrow. */
  GtkPaned            *paned;
  gboolean             stacked;
  GtkStack            *list_stack;
  GtkColumnView       *column_view;
  GtkColumnViewColumn *columns[UP_STAKEHOLDER_N_COLUMNS];
  /* The width of each column while fit_columns() hides it. */
  int                  hidden_widths[UP_STAKEHOLDER_N_COLUMNS];
  guint                fit_idle_id;
  guint                rescale_idle_id;
  GtkCustomFilter     *filter;
  GtkFilterListModel  *filter_model;
  GtkSortListModel    *sort_model;
  GtkSingleSelection  *selection;
  UpStakeholderGrid   *grid;

  /* The editor of the selected stakeholder. */
  GtkStack            *editor_stack;
  UpStakeholder       *editing;
  gulong               notify_id;
  UpEntryRow          *name_row;
  UpEntryRow          *organisation_row;
  AdwComboRow         *category_row;
  GtkSpinButton       *influence_spin;
  GtkSpinButton       *interest_spin;
  AdwComboRow         *stance_row;
  UpEntryRow          *contact_row;
  /* Their notes: the newest few, a way to all of them and Add Note;
   * made again when the notes change while the view is on screen, else
   * when it is next shown (notes_dirty). */
  AdwPreferencesGroup *notes_group;
  GtkListBox          *notes_list;
  gboolean             notes_dirty;
  /* The menu of a stakeholder, in the register and the grid. */
  GMenuModel          *row_menu;
};

/* How many of a stakeholder's notes their panel shows, newest first. */
#define UP_STAKEHOLDER_VIEW_NOTES_SHOWN 3

/* Builds the register now rather than when the view is first shown. */
void _up_stakeholder_view_ensure_built (UpStakeholderView *self);

G_END_DECLS
