/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <stdio.h>
#include <string.h>

#include "up-types.h"

const char * const up_stage_kinds[] = {
  "needs", "market-analysis", "market-dialogue", "hackathon",
  "innovation-competition", "innovation-partnership", "pilot", "strategy",
  "requirements", "tender", "evaluation", "award", "standstill", "contract",
  "follow-up", "lessons", "milestone", "custom", NULL
};
static const char * const stage_kind_labels[] = {
  N_("Needs analysis"), N_("Market analysis"), N_("Market dialogue"), N_("Hackathon"),
  N_("Innovation competition"), N_("Innovation partnership"), N_("Pilot and test before buying"),
  N_("Procurement strategy"), N_("Requirements and tender documents"), N_("Tender period"),
  N_("Evaluation"), N_("Award decision"), N_("Standstill period"), N_("Contract"),
  N_("Contract follow-up"), N_("Lessons learned"), N_("Milestone"), N_("Other stage"),
};

const char * const up_stage_statuses[] = { "planned", "active", "done", NULL };
static const char * const stage_status_labels[] = {
  N_("Planned"), N_("In progress"), N_("Done"),
};

const char * const up_stakeholder_categories[] = {
  "user", "politician", "management", "procurement", "supplier", "citizen",
  "ngo", "expert", "other", NULL
};
static const char * const stakeholder_category_labels[] = {
  N_("User"), N_("Politician"), N_("Management"), N_("Procurement"), N_("Supplier"),
  N_("Citizen"), N_("Non-profit organisation"), N_("Expert"), N_("Other stakeholder"),
};

const char * const up_stakeholder_stances[] = {
  "supporter", "neutral", "critic", "unknown", NULL
};
static const char * const stakeholder_stance_labels[] = {
  N_("Supporter"), N_("Neutral"), N_("Critic"), N_("Stance unknown"),
};

const char * const up_note_kinds[] = {
  "dialogue", "rfi", "hackathon", "workshop", "interview", "internal", NULL
};
static const char * const note_kind_labels[] = {
  N_("Dialogue meeting"), N_("RFI answer"), N_("Hackathon"), N_("Workshop"),
  N_("Interview"), N_("Internal discussion"),
};

const char * const up_note_visibilities[] = { "public", "internal", NULL };
static const char * const note_visibility_labels[] = {
  N_("Public record"), N_("Internal working note"),
};

const char * const up_sdg_impacts[] = { "positive", "negative", "both", "unknown", NULL };
static const char * const sdg_impact_labels[] = {
  N_("Positive impact"), N_("Negative impact"), N_("Positive and negative impact"),
  N_("Impact unknown"),
};

const char * const up_local_goal_levels[] = { "regional", "local", NULL };
static const char * const local_goal_level_labels[] = {
  N_("Regional goal"), N_("Local goal"),
};

static const struct {
  const char * const *values;
  const char * const *labels;
} enum_labels[] = {
  { up_stage_kinds, stage_kind_labels },
  { up_stage_statuses, stage_status_labels },
  { up_stakeholder_categories, stakeholder_category_labels },
  { up_stakeholder_stances, stakeholder_stance_labels },
  { up_note_kinds, note_kind_labels },
  { up_note_visibilities, note_visibility_labels },
  { up_sdg_impacts, sdg_impact_labels },
  { up_local_goal_levels, local_goal_level_labels },
};

gboolean
up_enum_contains (const char * const *values,
                  const char         *value)
{
  g_return_val_if_fail (values != NULL, FALSE);

  return value != NULL && g_strv_contains (values, value);
}

/* Returns the translated label of @value, or @value itself when it is not
 * one of @values (a file from a newer version may hold a kind we do not know). */
const char *
up_enum_label (const char * const *values,
               const char         *value)
{
  g_return_val_if_fail (values != NULL, NULL);

  if (value == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    {
      if (enum_labels[i].values != values)
        continue;

      for (guint j = 0; values[j] != NULL; j++)
        if (strcmp (values[j], value) == 0)
          return _(enum_labels[i].labels[j]);
    }

  return value;
}

const char *
up_enum_label_in (const char * const *values,
                  const char         *value,
                  UpLang              lang)
{
  g_return_val_if_fail (values != NULL, NULL);

  if (value == NULL)
    return "";

  for (guint i = 0; i < G_N_ELEMENTS (enum_labels); i++)
    {
      if (enum_labels[i].values != values)
        continue;

      for (guint j = 0; values[j] != NULL; j++)
        if (strcmp (values[j], value) == 0)
          return up_lang_gettext (lang, enum_labels[i].labels[j]);
    }

  return value;
}

gboolean
up_date_parse (const char *iso,
               GDate      *date)
{
  guint year, month, day;
  char end;

  g_date_clear (date, 1);

  /* Exactly YYYY-MM-DD: text that sorts as the date it means. */
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  /* sscanf() would also take blanks and signs, which do not sort as dates. */
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  if (sscanf (iso, "%4u-%2u-%2u%c", &year, &month, &day, &end) != 3)
    return FALSE;
  if (year < 1 || year > 9999 || !g_date_valid_dmy (day, month, year))
    return FALSE;

  g_date_set_dmy (date, day, month, year);
  return TRUE;
}

char *
up_date_format (const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          g_date_get_year (date),
                          g_date_get_month (date),
                          g_date_get_day (date));
}

gboolean
up_date_is_valid (const char *iso)
{
  GDate date;

  return up_date_parse (iso, &date);
}

char *
up_date_add_days (const char *iso,
                  int         days)
{
  GDate date;

  if (!up_date_parse (iso, &date))
    return NULL;

  if (days >= 0)
    g_date_add_days (&date, days);
  else
    g_date_subtract_days (&date, -days);

  return up_date_format (&date);
}

int
up_date_diff (const char *from,
              const char *to)
{
  GDate a, b;

  if (!up_date_parse (from, &a) || !up_date_parse (to, &b))
    return 0;

  return g_date_days_between (&a, &b);
}
