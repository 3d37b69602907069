/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-types.h"

const char * const up_stage_kinds[] = {
  "needs", "market-analysis", "market-dialogue", "hackathon",
  "innovation-competition", "innovation-partnership", "pilot", "strategy",
  "requirements", "tender", "evaluation", "award", "standstill", "contract",
  "follow-up", "lessons", "milestone", "custom", NULL
};
static const char * const stage_kind_labels[] = {
  NC_("stage kind", "Needs analysis"),
  NC_("stage kind", "Market analysis"),
  NC_("stage kind", "Market dialogue"),
  NC_("stage kind", "Hackathon"),
  NC_("stage kind", "Innovation competition"),
  NC_("stage kind", "Innovation partnership"),
  NC_("stage kind", "Pilot and test before buying"),
  NC_("stage kind", "Procurement strategy"),
  NC_("stage kind", "Requirements and tender documents"),
  NC_("stage kind", "Tender period"),
  NC_("stage kind", "Evaluation"),
  NC_("stage kind", "Award decision"),
  NC_("stage kind", "Standstill period"),
  NC_("stage kind", "Contract"),
  NC_("stage kind", "Contract follow-up"),
  NC_("stage kind", "Lessons learned"),
  NC_("stage kind", "Milestone"),
  NC_("stage kind", "Other stage"),
};

const char * const up_stage_statuses[] = { "planned", "active", "done", NULL };
static const char * const stage_status_labels[] = {
  NC_("stage status", "Planned"),
  NC_("stage status", "In progress"),
  NC_("stage status", "Done"),
};

const char * const up_stakeholder_categories[] = {
  "user", "politician", "management", "procurement", "supplier", "citizen",
  "ngo", "expert", "other", NULL
};
static const char * const stakeholder_category_labels[] = {
  NC_("stakeholder category", "User"),
  NC_("stakeholder category", "Politician"),
  NC_("stakeholder category", "Management"),
  NC_("stakeholder category", "Procurement"),
  NC_("stakeholder category", "Supplier"),
  NC_("stakeholder category", "Citizen"),
  NC_("stakeholder category", "Non-profit organisation"),
  NC_("stakeholder category", "Expert"),
  NC_("stakeholder category", "Other stakeholder"),
};

const char * const up_stakeholder_stances[] = {
  "supporter", "neutral", "critic", "unknown", NULL
};
static const char * const stakeholder_stance_labels[] = {
  NC_("stakeholder stance", "Supporter"),
  NC_("stakeholder stance", "Neutral"),
  NC_("stakeholder stance", "Critic"),
  NC_("stakeholder stance", "Stance unknown"),
};

const char * const up_note_kinds[] = {
  "dialogue", "rfi", "hackathon", "workshop", "interview", "internal", NULL
};
static const char * const note_kind_labels[] = {
  NC_("note kind", "Dialogue meeting"),
  NC_("note kind", "RFI answer"),
  NC_("note kind", "Hackathon"),
  NC_("note kind", "Workshop"),
  NC_("note kind", "Interview"),
  NC_("note kind", "Internal discussion"),
};

const char * const up_note_visibilities[] = { "public", "internal", NULL };
static const char * const note_visibility_labels[] = {
  NC_("note visibility", "Public record"),
  NC_("note visibility", "Internal working note"),
};

const char * const up_sdg_impacts[] = { "positive", "negative", "both", "unknown", NULL };
static const char * const sdg_impact_labels[] = {
  NC_("SDG impact", "Positive impact"),
  NC_("SDG impact", "Negative impact"),
  NC_("SDG impact", "Positive and negative impact"),
  NC_("SDG impact", "Impact unknown"),
};

const char * const up_local_goal_levels[] = { "regional", "local", NULL };
static const char * const local_goal_level_labels[] = {
  NC_("local goal level", "Regional goal"),
  NC_("local goal level", "Local goal"),
};

static const struct {
  const char *kind;
  UpPhase     phase;
} kind_phases[] = {
  { "needs", UP_PHASE_PREPARATION },
  { "market-analysis", UP_PHASE_PREPARATION },
  { "strategy", UP_PHASE_PREPARATION },
  { "market-dialogue", UP_PHASE_DIALOGUE },
  { "hackathon", UP_PHASE_INNOVATION },
  { "innovation-competition", UP_PHASE_INNOVATION },
  { "innovation-partnership", UP_PHASE_INNOVATION },
  { "pilot", UP_PHASE_TEST },
  { "requirements", UP_PHASE_TENDER },
  { "tender", UP_PHASE_TENDER },
  { "evaluation", UP_PHASE_AWARD },
  { "award", UP_PHASE_AWARD },
  { "standstill", UP_PHASE_AWARD },
  { "contract", UP_PHASE_CONTRACT },
  { "follow-up", UP_PHASE_CONTRACT },
  { "milestone", UP_PHASE_MILESTONE },
  { "lessons", UP_PHASE_OTHER },
  { "custom", UP_PHASE_OTHER },
};

/* blue, teal, purple, pink, orange, yellow, green, red, slate */
static const char * const phase_colours[UP_N_PHASES] = {
  "#3584e4", "#2190a4", "#9141ac", "#d56199", "#ed5b00", "#c88800", "#3a944a", "#e62d42", "#6f8396",
};

static const char * const phase_names[UP_N_PHASES] = {
  NC_("phase", "Needs and strategy"),
  NC_("phase", "Market dialogue"),
  NC_("phase", "Hackathon and innovation"),
  NC_("phase", "Pilot and test before buying"),
  NC_("phase", "Requirements and tender"),
  NC_("phase", "Evaluation and award"),
  NC_("phase", "Contract and follow-up"),
  NC_("phase", "Milestone"),
  NC_("phase", "Other stage"),
};

UpPhase
up_stage_kind_get_phase (const char *kind)
{
  for (guint i = 0; i < G_N_ELEMENTS (kind_phases); i++)
    if (g_strcmp0 (kind_phases[i].kind, kind) == 0)
      return kind_phases[i].phase;
  return UP_PHASE_OTHER;
}

const char *
up_phase_get_colour (UpPhase phase)
{
  g_return_val_if_fail (phase < UP_N_PHASES, phase_colours[UP_PHASE_OTHER]);
  return phase_colours[phase];
}

const char *
up_phase_get_name_in (UpPhase phase,
                      UpLang  lang)
{
  g_return_val_if_fail (phase < UP_N_PHASES, "");
  return up_lang_pgettext (lang, "phase", phase_names[phase]);
}

/* Each table's labels have a context of their own, so that a short word
 * ("Contract", "Procurement") can be translated for what it names. */
static const struct {
  const char * const *values;
  const char         *context;
  const char * const *labels;
} enum_labels[] = {
  { up_stage_kinds, "stage kind", stage_kind_labels },
  { up_stage_statuses, "stage status", stage_status_labels },
  { up_stakeholder_categories, "stakeholder category", stakeholder_category_labels },
  { up_stakeholder_stances, "stakeholder stance", stakeholder_stance_labels },
  { up_note_kinds, "note kind", note_kind_labels },
  { up_note_visibilities, "note visibility", note_visibility_labels },
  { up_sdg_impacts, "SDG impact", sdg_impact_labels },
  { up_local_goal_levels, "local goal level", local_goal_level_labels },
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
          return g_dpgettext2 (GETTEXT_PACKAGE, enum_labels[i].context, enum_labels[i].labels[j]);
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
          return up_lang_pgettext (lang, enum_labels[i].context, enum_labels[i].labels[j]);
    }

  return value;
}

/**
 * up_date_parse_ymd:
 *
 * Reads an ISO date (exactly YYYY-MM-DD, a day that exists, of the years
 * 1 to 9999) into its year, month and day; FALSE for anything else.
 */
gboolean
up_date_parse_ymd (const char *iso,
                   guint      *year,
                   guint      *month,
                   guint      *day)
{
  /* Exactly YYYY-MM-DD: text that sorts as the date it means. */
  if (iso == NULL || strlen (iso) != 10 || iso[4] != '-' || iso[7] != '-')
    return FALSE;
  /* Digits only: blanks and signs do not sort as the dates they mean. */
  for (guint i = 0; i < 10; i++)
    if (i != 4 && i != 7 && !g_ascii_isdigit (iso[i]))
      return FALSE;
  /* The digits are checked: read them without sscanf(), which was most of
   * the time of reading a plan's dates. */
  *year = (iso[0] - '0') * 1000 + (iso[1] - '0') * 100 + (iso[2] - '0') * 10 + (iso[3] - '0');
  *month = (iso[5] - '0') * 10 + (iso[6] - '0');
  *day = (iso[8] - '0') * 10 + (iso[9] - '0');
  return *year >= 1 && *year <= 9999 && g_date_valid_dmy (*day, *month, *year);
}

gboolean
up_date_parse (const char *iso,
               GDate      *date)
{
  guint year, month, day;

  g_date_clear (date, 1);
  if (!up_date_parse_ymd (iso, &year, &month, &day))
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
