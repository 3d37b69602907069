/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#include <glib-object.h>

#include "up-i18n.h"

G_BEGIN_DECLS

typedef struct _UpChangeSet   UpChangeSet;
typedef struct _UpHistory     UpHistory;
typedef struct _UpLocalGoal   UpLocalGoal;
typedef struct _UpNote        UpNote;
typedef struct _UpProject     UpProject;
typedef struct _UpRecord      UpRecord;
typedef struct _UpSdgLink     UpSdgLink;
typedef struct _UpStage       UpStage;
typedef struct _UpStakeholder UpStakeholder;
typedef struct _UpStore       UpStore;

/* The schema version this build writes. Older files are migrated on open;
 * newer ones are refused with UP_STORE_ERROR_TOO_NEW. */
#define UP_SCHEMA_VERSION 2

/* PRAGMA application_id of every project file: "UPHA". */
#define UP_APPLICATION_ID 0x55504841

/* The values of the enumerated text columns of the schema. Each table ends
 * with NULL. The strings are what the file
 * stores; up_enum_label() gives the translated label for a user. */
extern const char * const up_stage_kinds[];
extern const char * const up_stage_statuses[];
extern const char * const up_stakeholder_categories[];
extern const char * const up_stakeholder_stances[];
extern const char * const up_note_kinds[];
extern const char * const up_note_visibilities[];
extern const char * const up_sdg_impacts[];
extern const char * const up_local_goal_levels[];

gboolean     up_enum_contains (const char * const *values,
                               const char         *value);
const char  *up_enum_label    (const char * const *values,
                               const char         *value);
/* The label in @lang, for exports. */
const char  *up_enum_label_in (const char * const *values,
                               const char         *value,
                               UpLang              lang);

/* The phases of a procurement, which the timeline and its exported chart
 * colour the stages by: the kinds of one phase share a colour, so that the
 * phases read at a glance. */
typedef enum
{
  UP_PHASE_PREPARATION,
  UP_PHASE_DIALOGUE,
  UP_PHASE_INNOVATION,
  UP_PHASE_TEST,
  UP_PHASE_TENDER,
  UP_PHASE_AWARD,
  UP_PHASE_CONTRACT,
  UP_PHASE_MILESTONE,
  UP_PHASE_OTHER,
  UP_N_PHASES
} UpPhase;

/* The phase of a stage of @kind (one of up_stage_kinds; any other: other). */
UpPhase      up_stage_kind_get_phase (const char      *kind);
/* "#rrggbb": libadwaita's accent palette, which carries white text on light
 * and dark pages alike. */
const char  *up_phase_get_colour     (UpPhase          phase);
/* The phase's name in @lang ("Market dialogue"), for a chart's legend. */
const char  *up_phase_get_name_in    (UpPhase          phase,
                                      UpLang           lang);

/* Dates are stored as ISO 8601 calendar dates ("2026-11-28"). */
gboolean     up_date_parse_ymd (const char        *iso,
                                guint             *year,
                                guint             *month,
                                guint             *day);
gboolean     up_date_parse    (const char         *iso,
                               GDate              *date);
char        *up_date_format   (const GDate        *date);
gboolean     up_date_is_valid (const char         *iso);
char        *up_date_add_days (const char         *iso,
                               int                 days);
int          up_date_diff     (const char         *from,
                               const char         *to);

G_END_DECLS
