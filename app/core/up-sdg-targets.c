/* SPDX-License-Identifier: GPL-3.0-or-later */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "up-sdg.h"

/* The msgctxt of every label (written out in each NC_ below, which xgettext
 * reads literally): a label never shares a translation with a UI string of
 * the same English text. */
#define TARGET_CONTEXT "SDG target"

typedef struct
{
  const char *target;
  const char *label;
} TargetLabel;

/* A short label for each of the 169 targets, in catalogue order (the order
 * of UpSdgGoal.targets in up-sdg.c, goal by goal), so a target's row is
 * found by arithmetic. The labels are the project's own short descriptions,
 * not the UN's target texts: they must fit a chart legend or a list row. */
static const TargetLabel labels[] = {
  /* Goal 1, No Poverty */
  /* Translators: a short label for one of the 169 Agenda 2030 targets
     (delmål), in the project's own words, shown beside its id ("12.7") in
     lists and charts. Keep it short, a noun phrase if you can. */
  { "1.1", NC_("SDG target", "An end to extreme poverty") },
  { "1.2", NC_("SDG target", "Halve poverty as each country defines it") },
  { "1.3", NC_("SDG target", "Social protection systems for all") },
  { "1.4", NC_("SDG target", "Equal rights to resources and basic services") },
  { "1.5", NC_("SDG target", "Resilience of the poor to shocks and disasters") },
  { "1.a", NC_("SDG target", "Resources mobilised to end poverty") },
  { "1.b", NC_("SDG target", "Pro-poor, gender-aware policy frameworks") },

  /* Goal 2, Zero Hunger */
  { "2.1", NC_("SDG target", "Year-round access to safe, nourishing food") },
  { "2.2", NC_("SDG target", "No malnutrition in any form") },
  { "2.3", NC_("SDG target", "Double small-scale farmers’ productivity and income") },
  { "2.4", NC_("SDG target", "Sustainable, resilient food production") },
  { "2.5", NC_("SDG target", "Genetic diversity of crops and animals") },
  { "2.a", NC_("SDG target", "Investment in rural areas and farm research") },
  { "2.b", NC_("SDG target", "Fair, undistorted agricultural trade") },
  { "2.c", NC_("SDG target", "Well-functioning food commodity markets") },

  /* Goal 3, Good Health and Well-being */
  { "3.1", NC_("SDG target", "Lower maternal mortality") },
  { "3.2", NC_("SDG target", "No preventable deaths of newborns and children") },
  { "3.3", NC_("SDG target", "An end to AIDS, TB, malaria and other epidemics") },
  { "3.4", NC_("SDG target", "Non-communicable diseases and mental health") },
  { "3.5", NC_("SDG target", "Prevention and treatment of substance abuse") },
  { "3.6", NC_("SDG target", "Fewer road traffic deaths and injuries") },
  { "3.7", NC_("SDG target", "Sexual and reproductive health care for all") },
  { "3.8", NC_("SDG target", "Universal health coverage") },
  { "3.9", NC_("SDG target", "Less illness from pollution and hazardous chemicals") },
  { "3.a", NC_("SDG target", "Stronger tobacco control") },
  { "3.b", NC_("SDG target", "Research and access to vaccines and medicines") },
  { "3.c", NC_("SDG target", "Health financing and health workforce") },
  { "3.d", NC_("SDG target", "Preparedness for global health risks") },

  /* Goal 4, Quality Education */
  { "4.1", NC_("SDG target", "Free, quality primary and secondary schooling") },
  { "4.2", NC_("SDG target", "Early childhood development and pre-school") },
  { "4.3", NC_("SDG target", "Affordable vocational and higher education") },
  { "4.4", NC_("SDG target", "Skills for jobs and entrepreneurship") },
  { "4.5", NC_("SDG target", "Equal access to education, no one left out") },
  { "4.6", NC_("SDG target", "Literacy and numeracy for youth and adults") },
  { "4.7", NC_("SDG target", "Learning for sustainable development and citizenship") },
  { "4.a", NC_("SDG target", "Safe and inclusive learning environments") },
  { "4.b", NC_("SDG target", "Scholarships for students from developing countries") },
  { "4.c", NC_("SDG target", "More qualified teachers") },

  /* Goal 5, Gender Equality */
  { "5.1", NC_("SDG target", "End discrimination against women and girls") },
  { "5.2", NC_("SDG target", "End violence against women and girls") },
  { "5.3", NC_("SDG target", "End child marriage and female genital mutilation") },
  { "5.4", NC_("SDG target", "Value unpaid care and domestic work") },
  { "5.5", NC_("SDG target", "Women’s full participation and leadership") },
  { "5.6", NC_("SDG target", "Sexual and reproductive rights") },
  { "5.a", NC_("SDG target", "Women’s equal rights to economic resources") },
  { "5.b", NC_("SDG target", "Technology to empower women") },
  { "5.c", NC_("SDG target", "Policies and laws for gender equality") },

  /* Goal 6, Clean Water and Sanitation */
  { "6.1", NC_("SDG target", "Safe, affordable drinking water for all") },
  { "6.2", NC_("SDG target", "Sanitation and hygiene for all") },
  { "6.3", NC_("SDG target", "Cleaner water: less pollution and wastewater") },
  { "6.4", NC_("SDG target", "Water-use efficiency and secure supply") },
  { "6.5", NC_("SDG target", "Integrated water resources management") },
  { "6.6", NC_("SDG target", "Protect and restore water-related ecosystems") },
  { "6.a", NC_("SDG target", "International cooperation on water and sanitation") },
  { "6.b", NC_("SDG target", "Local participation in water management") },

  /* Goal 7, Affordable and Clean Energy */
  { "7.1", NC_("SDG target", "Universal access to modern energy") },
  { "7.2", NC_("SDG target", "More renewable energy") },
  { "7.3", NC_("SDG target", "Faster energy efficiency improvement") },
  { "7.a", NC_("SDG target", "Cooperation and investment in clean energy") },
  { "7.b", NC_("SDG target", "Energy infrastructure in developing countries") },

  /* Goal 8, Decent Work and Economic Growth */
  { "8.1", NC_("SDG target", "Sustained economic growth per capita") },
  { "8.2", NC_("SDG target", "Higher productivity through innovation") },
  { "8.3", NC_("SDG target", "Policies for decent jobs and small enterprises") },
  { "8.4", NC_("SDG target", "Resource efficiency, growth without environmental harm") },
  { "8.5", NC_("SDG target", "Full employment and equal pay") },
  { "8.6", NC_("SDG target", "Fewer young people outside work and education") },
  { "8.7", NC_("SDG target", "End forced labour, trafficking and child labour") },
  { "8.8", NC_("SDG target", "Labour rights and safe working environments") },
  { "8.9", NC_("SDG target", "Sustainable tourism that creates jobs") },
  { "8.10", NC_("SDG target", "Access to banking and financial services") },
  { "8.a", NC_("SDG target", "More aid for trade") },
  { "8.b", NC_("SDG target", "Strategy for youth employment") },

  /* Goal 9, Industry, Innovation and Infrastructure */
  { "9.1", NC_("SDG target", "Resilient, sustainable infrastructure for all") },
  { "9.2", NC_("SDG target", "Inclusive and sustainable industrialisation") },
  { "9.3", NC_("SDG target", "Small firms’ access to credit and markets") },
  { "9.4", NC_("SDG target", "Upgrade industry to clean technology") },
  { "9.5", NC_("SDG target", "More research and innovation") },
  { "9.a", NC_("SDG target", "Support for infrastructure in developing countries") },
  { "9.b", NC_("SDG target", "Domestic technology development and innovation") },
  { "9.c", NC_("SDG target", "Universal, affordable internet access") },

  /* Goal 10, Reduced Inequalities */
  { "10.1", NC_("SDG target", "Income growth of the poorest 40 percent") },
  { "10.2", NC_("SDG target", "Social, economic and political inclusion of all") },
  { "10.3", NC_("SDG target", "Equal opportunity, no discriminatory laws") },
  { "10.4", NC_("SDG target", "Fiscal, wage and social policies for equality") },
  { "10.5", NC_("SDG target", "Regulation of global financial markets") },
  { "10.6", NC_("SDG target", "Developing countries’ voice in global institutions") },
  { "10.7", NC_("SDG target", "Safe, orderly and responsible migration") },
  { "10.a", NC_("SDG target", "Special trade treatment for developing countries") },
  { "10.b", NC_("SDG target", "Development aid and investment where most needed") },
  { "10.c", NC_("SDG target", "Cheaper money transfers by migrants") },

  /* Goal 11, Sustainable Cities and Communities */
  { "11.1", NC_("SDG target", "Adequate, affordable housing for all") },
  { "11.2", NC_("SDG target", "Safe, sustainable transport for all") },
  { "11.3", NC_("SDG target", "Inclusive, participatory urban planning") },
  { "11.4", NC_("SDG target", "Protect cultural and natural heritage") },
  { "11.5", NC_("SDG target", "Fewer deaths and losses from disasters") },
  { "11.6", NC_("SDG target", "Cities’ air quality and waste management") },
  { "11.7", NC_("SDG target", "Safe, accessible green and public spaces") },
  { "11.a", NC_("SDG target", "Regional planning linking town and country") },
  { "11.b", NC_("SDG target", "Integrated plans for resilience and disaster risk") },
  { "11.c", NC_("SDG target", "Sustainable buildings in least developed countries") },

  /* Goal 12, Responsible Consumption and Production */
  { "12.1", NC_("SDG target", "Framework for sustainable consumption and production") },
  { "12.2", NC_("SDG target", "Sustainable use of natural resources") },
  { "12.3", NC_("SDG target", "Halve food waste") },
  { "12.4", NC_("SDG target", "Sound management of chemicals and waste") },
  { "12.5", NC_("SDG target", "Less waste: prevention, reuse and recycling") },
  { "12.6", NC_("SDG target", "Sustainability reporting by companies") },
  { "12.7", NC_("SDG target", "Sustainable public procurement practices") },
  { "12.8", NC_("SDG target", "Awareness of sustainable lifestyles") },
  { "12.a", NC_("SDG target", "Scientific capacity for sustainable production") },
  { "12.b", NC_("SDG target", "Monitoring sustainable tourism") },
  { "12.c", NC_("SDG target", "Phase out wasteful fossil fuel subsidies") },

  /* Goal 13, Climate Action */
  { "13.1", NC_("SDG target", "Adaptation to climate hazards and disasters") },
  { "13.2", NC_("SDG target", "Climate action in national policy and planning") },
  { "13.3", NC_("SDG target", "Climate education and awareness") },
  { "13.a", NC_("SDG target", "Climate finance for developing countries") },
  { "13.b", NC_("SDG target", "Climate planning capacity in vulnerable countries") },

  /* Goal 14, Life Below Water */
  { "14.1", NC_("SDG target", "Less marine pollution and litter") },
  { "14.2", NC_("SDG target", "Protect and restore marine ecosystems") },
  { "14.3", NC_("SDG target", "Address ocean acidification") },
  { "14.4", NC_("SDG target", "Sustainable fishing, no overfishing") },
  { "14.5", NC_("SDG target", "Conserve coastal and marine areas") },
  { "14.6", NC_("SDG target", "End harmful fishing subsidies") },
  { "14.7", NC_("SDG target", "Benefits from marine resources for small island states") },
  { "14.a", NC_("SDG target", "Marine research and technology transfer") },
  { "14.b", NC_("SDG target", "Small-scale fishers’ access to resources and markets") },
  { "14.c", NC_("SDG target", "Ocean conservation under international law") },

  /* Goal 15, Life on Land */
  { "15.1", NC_("SDG target", "Conserve land and freshwater ecosystems") },
  { "15.2", NC_("SDG target", "Sustainable forests, stop deforestation") },
  { "15.3", NC_("SDG target", "Combat desertification, restore degraded land") },
  { "15.4", NC_("SDG target", "Conserve mountain ecosystems") },
  { "15.5", NC_("SDG target", "Halt loss of biodiversity and habitats") },
  { "15.6", NC_("SDG target", "Fair sharing of genetic resources") },
  { "15.7", NC_("SDG target", "End poaching and wildlife trafficking") },
  { "15.8", NC_("SDG target", "Prevent invasive alien species") },
  { "15.9", NC_("SDG target", "Ecosystem values in planning and accounts") },
  { "15.a", NC_("SDG target", "Finance for biodiversity and ecosystems") },
  { "15.b", NC_("SDG target", "Finance for sustainable forest management") },
  { "15.c", NC_("SDG target", "Global support against poaching") },

  /* Goal 16, Peace, Justice and Strong Institutions */
  { "16.1", NC_("SDG target", "Less violence and fewer violent deaths") },
  { "16.2", NC_("SDG target", "End abuse, exploitation and violence against children") },
  { "16.3", NC_("SDG target", "Rule of law and equal access to justice") },
  { "16.4", NC_("SDG target", "Combat illicit financial flows and organised crime") },
  { "16.5", NC_("SDG target", "Less corruption and bribery") },
  { "16.6", NC_("SDG target", "Effective, accountable, transparent institutions") },
  { "16.7", NC_("SDG target", "Inclusive, participatory decision-making") },
  { "16.8", NC_("SDG target", "Broader participation in global governance") },
  { "16.9", NC_("SDG target", "Legal identity for all, birth registration") },
  { "16.10", NC_("SDG target", "Public access to information, basic freedoms") },
  { "16.a", NC_("SDG target", "Institutions to prevent violence, terrorism and crime") },
  { "16.b", NC_("SDG target", "Enforce non-discriminatory laws and policies") },

  /* Goal 17, Partnerships for the Goals */
  { "17.1", NC_("SDG target", "Domestic tax and revenue collection") },
  { "17.2", NC_("SDG target", "Official development aid commitments") },
  { "17.3", NC_("SDG target", "Additional finance for developing countries") },
  { "17.4", NC_("SDG target", "Long-term debt sustainability") },
  { "17.5", NC_("SDG target", "Investment promotion for least developed countries") },
  { "17.6", NC_("SDG target", "Cooperation on science, technology and innovation") },
  { "17.7", NC_("SDG target", "Spread of environmentally sound technology") },
  { "17.8", NC_("SDG target", "Technology bank and ICT for least developed countries") },
  { "17.9", NC_("SDG target", "Capacity building in developing countries") },
  { "17.10", NC_("SDG target", "Open, fair multilateral trading system") },
  { "17.11", NC_("SDG target", "More exports from developing countries") },
  { "17.12", NC_("SDG target", "Duty-free, quota-free market access") },
  { "17.13", NC_("SDG target", "Global macroeconomic stability") },
  { "17.14", NC_("SDG target", "Policy coherence for sustainable development") },
  { "17.15", NC_("SDG target", "Respect each country’s policy space") },
  { "17.16", NC_("SDG target", "Global partnership for sustainable development") },
  { "17.17", NC_("SDG target", "Public, public-private and civil society partnerships") },
  { "17.18", NC_("SDG target", "Timely, reliable data broken down by group") },
  { "17.19", NC_("SDG target", "Measures of progress beyond GDP") },
};

G_STATIC_ASSERT (G_N_ELEMENTS (labels) == 169);

/* The row of @target in labels[], or -1 when it is not a target. At most
 * 16 additions and 19 comparisons. */
static int
target_index (const char *target)
{
  const UpSdgGoal *goal;
  guint number;
  guint index = 0;

  number = up_sdg_goal_of_target (target);
  if (number == 0)
    return -1;

  for (guint i = 1; i < number; i++)
    index += up_sdg_get_goal (i)->n_targets;
  goal = up_sdg_get_goal (number);
  for (guint i = 0; strcmp (goal->targets[i], target) != 0; i++)
    index++;

  g_assert (index < G_N_ELEMENTS (labels));
  g_assert (strcmp (labels[index].target, target) == 0);

  return index;
}

/**
 * up_sdg_target_get_label:
 * @target: a target id such as "12.7"
 *
 * Returns: the short label of @target in the UI language, or %NULL when
 *   @target is not one of the 169 targets.
 */
const char *
up_sdg_target_get_label (const char *target)
{
  int index = target_index (target);

  if (index < 0)
    return NULL;

  return g_dpgettext2 (NULL, TARGET_CONTEXT, labels[index].label);
}

/**
 * up_sdg_target_get_label_in:
 * @target: a target id such as "12.7"
 * @lang: the language of the label
 *
 * Returns: the short label of @target in @lang, or %NULL when @target is
 *   not one of the 169 targets.
 */
const char *
up_sdg_target_get_label_in (const char *target,
                            UpLang      lang)
{
  int index = target_index (target);

  if (index < 0)
    return NULL;

  return up_lang_pgettext (lang, TARGET_CONTEXT, labels[index].label);
}
