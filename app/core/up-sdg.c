/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-sdg.h"

/* The 17 goals of Agenda 2030 with their colours (the UN palette of 2020),
 * official short names and the ids of their 169 targets: facts, not settings. */
static const UpSdgGoal goals[UP_SDG_N_GOALS] = {
  { 1, "#E5243B", N_("No Poverty"), 7,
    (const char * const[]) { "1.1", "1.2", "1.3", "1.4", "1.5", "1.a", "1.b", NULL } },
  { 2, "#DDA63A", N_("Zero Hunger"), 8,
    (const char * const[]) { "2.1", "2.2", "2.3", "2.4", "2.5", "2.a", "2.b", "2.c", NULL } },
  { 3, "#4C9F38", N_("Good Health and Well-being"), 13,
    (const char * const[]) { "3.1", "3.2", "3.3", "3.4", "3.5", "3.6", "3.7", "3.8", "3.9",
      "3.a", "3.b", "3.c", "3.d", NULL } },
  { 4, "#C5192D", N_("Quality Education"), 10,
    (const char * const[]) { "4.1", "4.2", "4.3", "4.4", "4.5", "4.6", "4.7", "4.a", "4.b",
      "4.c", NULL } },
  { 5, "#FF3A21", N_("Gender Equality"), 9,
    (const char * const[]) { "5.1", "5.2", "5.3", "5.4", "5.5", "5.6", "5.a", "5.b", "5.c",
      NULL } },
  { 6, "#26BDE2", N_("Clean Water and Sanitation"), 8,
    (const char * const[]) { "6.1", "6.2", "6.3", "6.4", "6.5", "6.6", "6.a", "6.b", NULL } },
  { 7, "#FCC30B", N_("Affordable and Clean Energy"), 5,
    (const char * const[]) { "7.1", "7.2", "7.3", "7.a", "7.b", NULL } },
  { 8, "#A21942", N_("Decent Work and Economic Growth"), 12,
    (const char * const[]) { "8.1", "8.2", "8.3", "8.4", "8.5", "8.6", "8.7", "8.8", "8.9",
      "8.10", "8.a", "8.b", NULL } },
  { 9, "#FD6925", N_("Industry, Innovation and Infrastructure"), 8,
    (const char * const[]) { "9.1", "9.2", "9.3", "9.4", "9.5", "9.a", "9.b", "9.c", NULL } },
  { 10, "#DD1367", N_("Reduced Inequalities"), 10,
    (const char * const[]) { "10.1", "10.2", "10.3", "10.4", "10.5", "10.6", "10.7", "10.a",
      "10.b", "10.c", NULL } },
  { 11, "#FD9D24", N_("Sustainable Cities and Communities"), 10,
    (const char * const[]) { "11.1", "11.2", "11.3", "11.4", "11.5", "11.6", "11.7", "11.a",
      "11.b", "11.c", NULL } },
  { 12, "#BF8B2E", N_("Responsible Consumption and Production"), 11,
    (const char * const[]) { "12.1", "12.2", "12.3", "12.4", "12.5", "12.6", "12.7", "12.8",
      "12.a", "12.b", "12.c", NULL } },
  { 13, "#3F7E44", N_("Climate Action"), 5,
    (const char * const[]) { "13.1", "13.2", "13.3", "13.a", "13.b", NULL } },
  { 14, "#0A97D9", N_("Life Below Water"), 10,
    (const char * const[]) { "14.1", "14.2", "14.3", "14.4", "14.5", "14.6", "14.7", "14.a",
      "14.b", "14.c", NULL } },
  { 15, "#56C02B", N_("Life on Land"), 12,
    (const char * const[]) { "15.1", "15.2", "15.3", "15.4", "15.5", "15.6", "15.7", "15.8",
      "15.9", "15.a", "15.b", "15.c", NULL } },
  { 16, "#00689D", N_("Peace, Justice and Strong Institutions"), 12,
    (const char * const[]) { "16.1", "16.2", "16.3", "16.4", "16.5", "16.6", "16.7", "16.8",
      "16.9", "16.10", "16.a", "16.b", NULL } },
  { 17, "#19486A", N_("Partnerships for the Goals"), 19,
    (const char * const[]) { "17.1", "17.2", "17.3", "17.4", "17.5", "17.6", "17.7", "17.8",
      "17.9", "17.10", "17.11", "17.12", "17.13", "17.14", "17.15", "17.16", "17.17", "17.18",
      "17.19", NULL } },
};

const UpSdgGoal *
up_sdg_get_goal (guint number)
{
  g_return_val_if_fail (number >= 1 && number <= UP_SDG_N_GOALS, NULL);

  return &goals[number - 1];
}

const char *
up_sdg_goal_get_name_in (const UpSdgGoal *goal,
                         UpLang           lang)
{
  g_return_val_if_fail (goal != NULL, NULL);

  return up_lang_gettext (lang, goal->name);
}

const char *
up_sdg_goal_get_name (const UpSdgGoal *goal)
{
  g_return_val_if_fail (goal != NULL, NULL);

  return _(goal->name);
}

/**
 * up_sdg_goal_of_target:
 * @target: a target id such as "12.7" or "17.a"
 *
 * Returns: the number of the goal @target belongs to, or 0 when @target is
 *   not one of the 169 targets.
 */
guint
up_sdg_goal_of_target (const char *target)
{
  char prefix[4];
  guint64 number;
  const char *dot;

  if (target == NULL || (dot = strchr (target, '.')) == NULL || dot == target)
    return 0;
  if ((gsize) (dot - target) >= sizeof prefix)
    return 0;
  memcpy (prefix, target, dot - target);
  prefix[dot - target] = '\0';
  if (!g_ascii_string_to_unsigned (prefix, 10,
                                   1, UP_SDG_N_GOALS, &number, NULL))
    return 0;

  for (guint i = 0; goals[number - 1].targets[i] != NULL; i++)
    if (strcmp (goals[number - 1].targets[i], target) == 0)
      return number;

  return 0;
}

gboolean
up_sdg_is_target (const char *target)
{
  return up_sdg_goal_of_target (target) != 0;
}

guint
up_sdg_count_targets (void)
{
  guint n = 0;

  for (guint i = 0; i < UP_SDG_N_GOALS; i++)
    n += goals[i].n_targets;
  return n;
}
