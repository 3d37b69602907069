/* SPDX-License-Identifier: GPL-3.0-or-later */

#define G_LOG_DOMAIN "up-demo"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>

#include "up-demo.h"

/* A realistic procurement to learn the app on and to test it with: a
 * municipality replaces analogue safety alarms in elderly care with digital
 * ones, through needs analysis, market dialogue, a hackathon and a pilot to
 * a contract and its follow-up. Everything is written through the edit API,
 * so the demo is exactly what a user could have made. */

typedef struct
{
  const char *kind;
  const char *title;
  const char *start;
  const char *end;
  const char *status;
  const char *description;
} DemoStage;

static const DemoStage stages[] = {
  { "needs", N_("Needs analysis with home care staff"), "2026-02-02", "2026-03-13", "done",
    N_("Interviews and shadowing in home care and at the alarm centre: what goes wrong with the analogue alarms today, and what users and staff need.") },
  { "market-analysis", N_("Market analysis of digital alarms"), "2026-03-02", "2026-04-10", "done",
    N_("Which digital safety alarms, response centres and integrations exist, and what other municipalities have bought.") },
  { "milestone", N_("Decision to procure"), "2026-04-20", "2026-04-20", "done",
    N_("The Elderly Care Board decides to procure digital safety alarms as an innovation procurement.") },
  { "market-dialogue", N_("Market dialogue with suppliers"), "2026-04-20", "2026-06-05", "done",
    N_("Request for information, an open supplier day and one-to-one meetings on the same terms for everyone.") },
  { "hackathon", N_("Hackathon: alarms that work for everyone"), "2026-05-18", "2026-05-20", "done",
    N_("Suppliers, users, relatives and staff build and test ideas together for users with hearing loss, dementia or another language.") },
  { "pilot", N_("Pilot: test before buying in two home care areas"), "2026-08-17", "2026-11-13", "done",
    N_("Two suppliers’ alarms tested by forty users for three months, with the response centre and the night patrol.") },
  { "requirements", N_("Requirements and tender documents"), "2026-10-05", "2026-12-18", "active",
    N_("Functional requirements from the pilot, award criteria for quality and accessibility, and contract terms for follow-up and take-back.") },
  { "tender", N_("Tender period"), "2027-01-11", "2027-02-19", "planned",
    N_("The procurement is advertised; questions from suppliers are answered for everyone in the procurement system.") },
  { "evaluation", N_("Evaluation of tenders"), "2027-02-22", "2027-03-26", "planned",
    N_("Qualification and evaluation, including a practical test of the alarms by a user panel.") },
  { "award", N_("Award decision"), "2027-04-06", "2027-04-06", "planned",
    N_("The award decision is sent to all tenderers.") },
  { "standstill", N_("Standstill period"), "2027-04-06", "2027-04-16", "planned",
    N_("Ten days in which a tenderer can apply for review before the contract is signed.") },
  { "contract", N_("Contract signed"), "2027-04-19", "2027-04-19", "planned",
    N_("The contract is signed once the standstill period is over.") },
  { "custom", N_("Switch-over to digital alarms"), "2027-05-03", "2027-06-30", "planned",
    N_("Every user’s alarm is replaced, with a home visit and training for staff.") },
  { "follow-up", N_("Contract follow-up and user survey"), "2027-07-01", "2027-08-31", "planned",
    N_("Response times, availability and a survey of users and relatives, followed up with the supplier every quarter.") },
  { "lessons", N_("Lessons learned"), "2027-08-16", "2027-08-31", "planned",
    N_("What the next innovation procurement can reuse: the dialogue, the pilot and the requirements.") },
};

typedef struct
{
  const char *name;
  const char *organisation;
  const char *category;
  int         influence;
  int         interest;
  const char *stance;
} DemoStakeholder;

static const DemoStakeholder stakeholders[] = {
  { "Karin Lindqvist", N_("Chair, Elderly Care Board"), "politician", 5, 4, "supporter" },
  { "Erik Holm", N_("Head of Social Services"), "management", 5, 3, "neutral" },
  { "Johan Nilsson", N_("Procurement Unit"), "procurement", 4, 5, "supporter" },
  { "Ahmed Hassan", N_("Home care, north district"), "user", 2, 5, "supporter" },
  { "Birgitta Ek", N_("Pensioners’ Association"), "citizen", 2, 5, "critic" },
  { "Maria Svensson", N_("IT and Digitalisation"), "expert", 3, 4, "neutral" },
  { "Lena Berg", N_("Trygga Hem AB, supplier"), "supplier", 1, 5, "neutral" },
  { "Sara Öberg", N_("Regional e-health centre"), "expert", 2, 3, "supporter" },
};

typedef struct
{
  int         stage;          /* index into stages, or -1 */
  const char *kind;
  const char *visibility;
  const char *said_on;
  const char *body;
  int         who[3];         /* indexes into stakeholders, -1 ends */
} DemoNote;

static const DemoNote notes[] = {
  { 0, "interview", "internal", "2026-02-10",
    N_("“At night we sometimes drive out to an alarm that was only the base unit losing its phone line. With the old equipment we cannot tell the difference.”"),
    { 3, -1 } },
  { 0, "interview", "internal", "2026-02-17",
    N_("Several users do not wear the wristband because it is ugly and chafes. A pendant or a watch would be used more."),
    { 3, -1 } },
  { 0, "workshop", "public", "2026-03-04",
    N_("Workshop with the pensioners’ association: fear of being monitored, and of being left alone with a machine instead of a person. The alarm must always reach a human being."),
    { 4, -1 } },
  { 0, "internal", "internal", "2026-03-11",
    N_("The analogue network is being switched off by the operator in 2027. We must be done before then, which sets the latest date for the contract."),
    { 2, 5, -1 } },
  { 1, "interview", "internal", "2026-03-20",
    N_("Call with a neighbouring municipality that bought digital alarms in 2024: their largest problem was the interface between the response centre and the home care planning system."),
    { 2, -1 } },
  { 1, "internal", "internal", "2026-04-02",
    N_("At least six suppliers can deliver alarms that meet the national specification for digital safety alarms. The market for fall sensors is less mature."),
    { 2, 5, -1 } },
  { 2, "internal", "public", "2026-04-20",
    N_("The board decided to procure digital alarms as an innovation procurement with a pilot before the tender. The chair asked for a report on the pilot before the summer."),
    { 0, 1, -1 } },
  { 3, "rfi", "public", "2026-05-06",
    N_("Eleven suppliers answered the request for information. Most offer a monthly fee per user; two propose paying per answered alarm instead."),
    { 2, -1 } },
  { 3, "dialogue", "public", "2026-05-12",
    N_("Supplier day with 34 participants. Questions were about interfaces, battery life and who owns the data. All questions and answers are published on the municipality’s website."),
    { 2, 6, -1 } },
  { 3, "dialogue", "internal", "2026-05-27",
    N_("One-to-one meeting: the supplier warned that a requirement for a specific wristband model would exclude most of the market. We will describe the function instead."),
    { 6, 2, -1 } },
  { 4, "hackathon", "public", "2026-05-19",
    N_("The winning team showed an alarm that flashes and vibrates for users with hearing loss, and a call centre that answers in the user’s own language."),
    { 3, 7, -1 } },
  { 4, "hackathon", "public", "2026-05-20",
    N_("“I want to be able to press the button without my daughter getting a text message every time.” The user decides who is told."),
    { 4, -1 } },
  { 5, "workshop", "internal", "2026-09-08",
    N_("Pilot check-in after three weeks: two users had put the alarm in a drawer. Staff now show the alarm at every visit during the first month."),
    { 3, -1 } },
  { 5, "interview", "internal", "2026-10-14",
    N_("The night patrol says the digital alarm tells them when the battery is low, so there are fewer false callouts than with the old alarms."),
    { 3, 7, -1 } },
  { 5, "internal", "public", "2026-11-13",
    N_("Pilot report: 38 of 40 users want to keep the new alarm. The median time to answer fell from 74 to 41 seconds."),
    { 0, 1, 2 } },
  { 6, "internal", "internal", "2026-10-21",
    N_("Legal review: the response centre will process health data, so the supplier must sign a data processing agreement and keep the data within the EU."),
    { 2, 5, -1 } },
  { 6, "workshop", "internal", "2026-11-03",
    N_("Award criteria agreed: price 40%, quality in the user test 40%, accessibility 20%. The user panel from the pilot will test the alarms."),
    { 2, 3, 5 } },
  { 6, "dialogue", "public", "2026-11-18",
    N_("Draft tender documents published for comments. Two suppliers asked for a longer transition period; we extend it from six to eight weeks."),
    { 6, 2, -1 } },
  { -1, "internal", "internal", "2026-11-24",
    N_("The budget for the switch-over is approved, including a home visit for every user."),
    { 1, 0, -1 } },
  { 13, "internal", "internal", "2026-11-25",
    N_("Follow-up plan: response times every month, a user survey after six months, and take-back of the old alarms for recycling."),
    { 2, 7, -1 } },
};

typedef struct
{
  int         stage;
  const char *target;
  const char *impact;
  int         strength;
  const char *comment;
} DemoLink;

static const DemoLink links[] = {
  { 0, "3.8", "positive", 3, N_("Safe care at home for older people.") },
  { 0, "10.2", "positive", 2, N_("Users with disabilities and other languages are part of the needs analysis.") },
  { 3, "17.17", "positive", 2, N_("Dialogue with the market and civil society.") },
  { 4, "9.5", "positive", 2, N_("New solutions developed with users.") },
  { 4, "10.2", "positive", 2, N_("Alarms for users with hearing loss.") },
  { 5, "3.8", "positive", 3, N_("Faster answers to alarms in the pilot.") },
  { 5, "9.5", "positive", 1, NULL },
  { 6, "12.7", "positive", 3, N_("Sustainability requirements in the tender documents.") },
  { 6, "8.8", "positive", 2, N_("Working conditions in the supply chain.") },
  { 6, "12.5", "both", 2, N_("Take-back of old alarms, but the switch-over creates electronic waste.") },
  { 9, "16.6", "positive", 2, N_("A transparent and well-documented award decision.") },
  { 12, "13.2", "negative", 1, N_("Transport for home visits during the switch-over.") },
  { 12, "3.8", "positive", 2, NULL },
  { 13, "12.5", "positive", 2, N_("Recycling of the old alarms is followed up.") },
  { 13, "16.6", "positive", 1, NULL },
};

typedef struct
{
  const char *level;
  const char *title;
  const char *indicator;
  const char *baseline;
  const char *target_value;
  const char *targets[4];
  int         stages[4];
} DemoGoal;

static const DemoGoal goals[] = {
  { "regional", N_("Older people can live safely at home for as long as they wish"),
    N_("Share of residents aged 80 or over who live in ordinary housing"), N_("87% (2025)"), N_("90% by 2030"),
    { "3.8", "10.2", NULL }, { 0, 5, 12, -1 } },
  { "local", N_("Every alarm is answered within 60 seconds"),
    N_("Share of alarm calls answered within 60 seconds"), N_("71% (2025)"), N_("95% by 2028"),
    { "3.8", "16.6", NULL }, { 5, 13, -1 } },
  { "local", N_("Climate-smart and circular procurement"),
    N_("Share of procurements with climate and take-back requirements"), N_("30% (2025)"), N_("100% by 2027"),
    { "12.7", "12.5", "13.2", NULL }, { 6, 13, -1 } },
};

static gboolean
fill (UpProject  *project,
      GError    **error)
{
  g_autoptr(GPtrArray) stage_records = g_ptr_array_new ();
  g_autoptr(GPtrArray) people = g_ptr_array_new ();

  if (!up_project_set_string (project, project, "title", _("Digital safety alarms for elderly care"), error) ||
      !up_project_set_string (project, project, "organisation", _("Älvby Municipality"), error) ||
      !up_project_set_string (project, project, "description",
                              _("Älvby replaces the analogue safety alarms of 1,200 older people living at home with digital ones, through market dialogue, a hackathon and a pilot before the tender."),
                              error))
    return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (stages); i++)
    {
      UpStage *stage = up_project_add_stage (project, stages[i].kind, _(stages[i].title),
                                             stages[i].start, stages[i].end, NULL, error);

      if (stage == NULL ||
          !up_project_set_string (project, stage, "status", stages[i].status, error) ||
          !up_project_set_string (project, stage, "description", _(stages[i].description), error))
        return FALSE;
      g_ptr_array_add (stage_records, stage);
    }

  for (guint i = 0; i < G_N_ELEMENTS (stakeholders); i++)
    {
      UpStakeholder *person = up_project_add_stakeholder (project, stakeholders[i].name,
                                                          _(stakeholders[i].organisation),
                                                          stakeholders[i].category, error);

      if (person == NULL ||
          !up_project_set_int (project, person, "influence", stakeholders[i].influence, error) ||
          !up_project_set_int (project, person, "interest", stakeholders[i].interest, error) ||
          !up_project_set_string (project, person, "stance", stakeholders[i].stance, error))
        return FALSE;
      g_ptr_array_add (people, person);
    }

  for (guint i = 0; i < G_N_ELEMENTS (notes); i++)
    {
      UpStage *stage = notes[i].stage >= 0 ? g_ptr_array_index (stage_records, notes[i].stage) : NULL;
      UpNote *note = up_project_add_note (project, _(notes[i].body), notes[i].kind,
                                          notes[i].said_on, stage, error);

      if (note == NULL ||
          !up_project_set_string (project, note, "visibility", notes[i].visibility, error))
        return FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (notes[i].who) && notes[i].who[j] >= 0; j++)
        if (!up_project_link_note_stakeholder (project, note, g_ptr_array_index (people, notes[i].who[j]), error))
          return FALSE;
    }

  for (guint i = 0; i < G_N_ELEMENTS (links); i++)
    if (!up_project_add_sdg_link (project, g_ptr_array_index (stage_records, links[i].stage),
                                  links[i].target, links[i].impact, links[i].strength,
                                  links[i].comment ? _(links[i].comment) : NULL, error))
      return FALSE;

  for (guint i = 0; i < G_N_ELEMENTS (goals); i++)
    {
      UpLocalGoal *goal = up_project_add_local_goal (project, goals[i].level, _(goals[i].title), error);

      if (goal == NULL ||
          !up_project_set_string (project, goal, "indicator", _(goals[i].indicator), error) ||
          !up_project_set_string (project, goal, "baseline", _(goals[i].baseline), error) ||
          !up_project_set_string (project, goal, "target-value", _(goals[i].target_value), error))
        return FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (goals[i].targets) && goals[i].targets[j] != NULL; j++)
        if (!up_project_link_local_goal_target (project, goal, goals[i].targets[j], error))
          return FALSE;

      for (guint j = 0; j < G_N_ELEMENTS (goals[i].stages) && goals[i].stages[j] >= 0; j++)
        if (!up_project_link_stage_local_goal (project, g_ptr_array_index (stage_records, goals[i].stages[j]),
                                               goal, error))
          return FALSE;
    }

  return TRUE;
}

/**
 * up_demo_fill:
 *
 * Writes the demo into @project (in one transaction) and leaves no undo
 * step: the demo is where the user starts, not an edit of theirs.
 */
gboolean
up_demo_fill (UpProject  *project,
              GError    **error)
{
  g_autoptr(GError) local_error = NULL;
  gboolean ok;

  g_return_val_if_fail (UP_IS_PROJECT (project), FALSE);

  up_project_begin_group (project, NULL);
  ok = fill (project, &local_error);
  /* A failed fill already holds the reason; the group only rolls back. */
  if (!up_project_end_group (project, ok ? error : NULL))
    {
      if (!ok)
        g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }

  up_history_clear (up_project_get_history (project));
  return TRUE;
}

/**
 * up_demo_create:
 * @file: (nullable): where to write the demo, or %NULL for one in memory
 */
UpProject *
up_demo_create (GFile   *file,
                GError **error)
{
  g_autoptr(UpProject) project = up_project_new (NULL, error);

  if (project == NULL || !up_demo_fill (project, error))
    return NULL;

  if (file != NULL)
    {
      up_store_set_file (up_project_get_store (project), file);
      if (!up_store_save (up_project_get_store (project), error))
        return NULL;
    }

  return g_steal_pointer (&project);
}

GFile *
up_demo_ensure_file (GError **error)
{
  g_autoptr(UpProject) project = NULL;
  g_autofree char *name = NULL;
  g_autofree char *dir = g_build_filename (g_get_user_data_dir (), "upphandla", NULL);
  g_autoptr(GFile) file = NULL;

  /* Translators: the file name of the demo project, without extension. */
  name = g_strconcat (_("Demo – digital safety alarms"), ".upphandla", NULL);
  file = g_file_new_build_filename (dir, name, NULL);

  if (g_file_query_exists (file, NULL))
    return g_steal_pointer (&file);

  if (g_mkdir_with_parents (dir, 0700) != 0)
    {
      int saved_errno = errno;

      g_set_error (error, UP_STORE_ERROR, UP_STORE_ERROR_WRITE_FAILED,
                   /* Translators: %1$s is a folder, %2$s the system's reason. */
                   _("The folder “%1$s” could not be created: %2$s"), dir, g_strerror (saved_errno));
      return NULL;
    }

  project = up_demo_create (file, error);
  if (project == NULL)
    return NULL;

  return g_steal_pointer (&file);
}
