/* SPDX-License-Identifier: GPL-3.0-or-later */
#pragma once

#define UPPHANDLA_INSIDE

#include "up-types.h"
#include "up-store.h"
#include "up-record.h"
#include "up-stage.h"
#include "up-stakeholder.h"
#include "up-note.h"
#include "up-sdg-link.h"
#include "up-local-goal.h"
#include "up-history.h"
#include "up-project.h"
#include "up-demo.h"
#include "up-sdg.h"
#include "up-route.h"
#include "up-i18n.h"
#include "up-coverage.h"
#include "up-chart.h"
#include "up-export.h"
#include "up-import.h"
#include "up-merge.h"
#include "up-search.h"

#undef UPPHANDLA_INSIDE
