/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-route"

#include "config.h"

#include <glib/gi18n.h>

#include "up-route.h"

/* Procurement routes: the usual order of stages of each way to procure,
 * with typical durations in days, laid out one after the other from a
 * start date. They are a starting point to drag into place, not rules:
 * the real time limits depend on the procedure and the thresholds. */

typedef struct
{
  const char *kind;
  const char *title;   /* NULL: the kind's label */
  int         days;    /* 1 for a milestone */
} RouteStage;

#define END { NULL, NULL, 0 }

static const RouteStage standard[] = {
  { "needs", NULL, 42 },
  { "market-analysis", NULL, 28 },
  { "milestone", N_("Decision to procure"), 1 },
  { "requirements", NULL, 56 },
  { "tender", NULL, 35 },
  { "evaluation", NULL, 28 },
  { "award", NULL, 1 },
  { "standstill", NULL, 10 },
  { "contract", NULL, 1 },
  { "follow-up", NULL, 365 },
  END
};

static const RouteStage innovation[] = {
  { "needs", NULL, 42 },
  { "market-analysis", NULL, 28 },
  { "market-dialogue", NULL, 56 },
  { "pilot", NULL, 84 },
  { "requirements", NULL, 56 },
  { "tender", NULL, 35 },
  { "evaluation", NULL, 28 },
  { "award", NULL, 1 },
  { "standstill", NULL, 10 },
  { "contract", NULL, 1 },
  { "follow-up", NULL, 365 },
  { "lessons", NULL, 14 },
  END
};

static const RouteStage partnership[] = {
  { "needs", NULL, 42 },
  { "market-dialogue", NULL, 56 },
  { "requirements", NULL, 56 },
  { "tender", N_("Requests to participate and tenders"), 56 },
  { "evaluation", NULL, 28 },
  { "award", NULL, 1 },
  { "standstill", NULL, 10 },
  { "contract", NULL, 1 },
  { "innovation-partnership", N_("Development phase of the partnership"), 365 },
  { "pilot", N_("Validation of the solution"), 84 },
  { "milestone", N_("Decision to buy the solution"), 1 },
  { "follow-up", N_("Purchase and contract follow-up"), 365 },
  END
};

static const RouteStage pcp[] = {
  { "needs", NULL, 42 },
  { "market-dialogue", N_("Open market consultation"), 56 },
  { "requirements", NULL, 42 },
  { "tender", NULL, 42 },
  { "evaluation", NULL, 28 },
  { "award", NULL, 1 },
  { "contract", N_("Framework agreements with the competing suppliers"), 1 },
  { "custom", N_("Phase 1: solution design"), 84 },
  { "custom", N_("Phase 2: prototypes"), 182 },
  { "pilot", N_("Phase 3: test series in real use"), 273 },
  { "lessons", NULL, 28 },
  END
};

static const RouteStage competition[] = {
  { "needs", NULL, 28 },
  { "hackathon", NULL, 3 },
  { "innovation-competition", NULL, 84 },
  { "milestone", N_("Winners announced"), 1 },
  { "requirements", NULL, 56 },
  { "tender", NULL, 35 },
  { "evaluation", NULL, 28 },
  { "award", NULL, 1 },
  { "standstill", NULL, 10 },
  { "contract", NULL, 1 },
  { "follow-up", NULL, 365 },
  END
};

static const RouteStage test_bed[] = {
  { "needs", NULL, 28 },
  { "market-analysis", NULL, 28 },
  { "pilot", N_("Test bed: test before buying"), 112 },
  { "evaluation", N_("Evaluation of the test"), 21 },
  { "requirements", NULL, 42 },
  { "tender", NULL, 35 },
  /* two evaluations: this one named for what it evaluates */
  { "evaluation", N_("Evaluation of tenders"), 28 },
  { "award", NULL, 1 },
  { "standstill", NULL, 10 },
  { "contract", NULL, 1 },
  { "follow-up", NULL, 365 },
  END
};

static const struct {
  UpRoute           route;
  const RouteStage *stages;
} routes[] = {
  { { "standard", N_("Standard procurement"),
      N_("A procurement under the Public Procurement Act (LOU): needs analysis, tender documents, tender period, award and contract.") },
    standard },
  { { "innovation", N_("Innovation procurement"),
      N_("Market dialogue and a pilot before the tender, so that the requirements build on what works.") },
    innovation },
  { { "innovation-partnership", N_("Innovation partnership"),
      N_("Develop a solution that does not exist yet together with suppliers, then buy it without a new tender.") },
    partnership },
  { { "pcp", N_("Pre-commercial procurement"),
      N_("Research and development bought in three competing phases, from solution design to tests in real use.") },
    pcp },
  { { "competition", N_("Hackathon or innovation competition"),
      N_("Ideas from a hackathon or a competition first, then a procurement of the best solution.") },
    competition },
  { { "test-bed", N_("Test before buying"),
      N_("Solutions are tried in a test bed of your own before the requirements are written.") },
    test_bed },
};

guint
up_route_get_n_routes (void)
{
  return G_N_ELEMENTS (routes);
}

/**
 * up_route_get:
 *
 * Returns: the route at @index, with untranslated texts: pass them
 *   through gettext to show them.
 */
const UpRoute *
up_route_get (guint index)
{
  g_return_val_if_fail (index < G_N_ELEMENTS (routes), NULL);

  return &routes[index].route;
}

static const RouteStage *
lookup (const char *id)
{
  for (guint i = 0; i < G_N_ELEMENTS (routes); i++)
    if (g_strcmp0 (routes[i].route.id, id) == 0)
      return routes[i].stages;
  return NULL;
}

/**
 * up_route_apply:
 * @start_date: the first day of the first stage, YYYY-MM-DD
 *
 * Adds the stages of the route @id after the project's last stage, each
 * starting the day after the one before ends, in the current language.
 * The whole route is one undo step.
 */
gboolean
up_route_apply (UpProject   *project,
                const char  *id,
                const char  *start_date,
                GError     **error)
{
  const RouteStage *stages;
  g_autofree char *start = NULL;
  gboolean ok = TRUE;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);
  g_return_val_if_fail (id != NULL, FALSE);

  stages = lookup (id);
  g_return_val_if_fail (stages != NULL, FALSE);

  if (!up_date_is_valid (start_date))
    {
      g_set_error_literal (error, UP_STORE_ERROR, UP_STORE_ERROR_INVALID,
                           _("A date must be written as YYYY-MM-DD, for example 2026-11-28."));
      return FALSE;
    }

  start = g_strdup (start_date);
  up_project_begin_group (project, _("Lay Out Procurement Route"));

  for (guint i = 0; ok && stages[i].kind != NULL; i++)
    {
      g_autofree char *end = up_date_add_days (start, stages[i].days - 1);
      const char *title = stages[i].title != NULL ? _(stages[i].title)
                                                  : up_enum_label (up_stage_kinds, stages[i].kind);

      ok = up_project_add_stage (project, stages[i].kind, title, start, end, NULL, NULL) != NULL;

      g_free (start);
      start = up_date_add_days (end, 1);
    }

  return up_project_end_group (project, error);
}
