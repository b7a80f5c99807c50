package dk.star.fokusmaal.rules;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The shipped rules ({@code conf/rules}, which SPEC §7 says must stay editable) still say what
 * SPEC §7's table says, year by year. The table is written out here as literals, so that an edit
 * of {@code conf/rules} that departs from the spec shows up as a failure naming the year and the
 * rule. (The other tests use their own copy, {@code src/test/resources/rules}.)
 */
class RulesConfTest {

  /** One row of SPEC §7's table. */
  private record Year(
      int year,
      GoalStatus samtaler,
      GoalStatus tilbud,
      double hours,
      double conversationThreshold,
      double offerThreshold,
      List<YearMonth> exempt,
      boolean decides,
      SupervisionStatus samtalerFailed,
      SupervisionStatus tilbudFailed) {}

  private static final GoalStatus BINDING = GoalStatus.BINDING;
  private static final List<YearMonth> NONE = List.of();
  private static final List<YearMonth> MARCH_TO_JUNE_2020 =
      List.of(YearMonth.of(2020, 3), YearMonth.of(2020, 4), YearMonth.of(2020, 5), YearMonth.of(2020, 6));

  /** SPEC §7. "Information only" and "selection postponed" years decide nothing. */
  private static final List<Year> SPEC_7 =
      List.of(
          new Year(2019, BINDING, BINDING, 225, 20, 20, NONE, false, SupervisionStatus.NONE, SupervisionStatus.NONE),
          new Year(2020, BINDING, BINDING, 225, 20, 20, MARCH_TO_JUNE_2020, false, SupervisionStatus.NONE, SupervisionStatus.NONE),
          new Year(2021, BINDING, GoalStatus.FOLLOW_UP_ONLY, 225, 20, 20, NONE, true,
              SupervisionStatus.SKAERPET_TILSYN, SupervisionStatus.JUSTERET_OPFOELGNING),
          new Year(2022, BINDING, GoalStatus.LIGHT, 225, 20, 20, NONE, true,
              SupervisionStatus.SKAERPET_TILSYN, SupervisionStatus.SKAERPET_TILSYN_LIGHT),
          new Year(2023, BINDING, GoalStatus.LIGHT, 225, 20, 20, NONE, true,
              SupervisionStatus.SKAERPET_TILSYN, SupervisionStatus.SKAERPET_TILSYN_LIGHT),
          new Year(2024, BINDING, BINDING, 100, 20, 30, NONE, true,
              SupervisionStatus.SKAERPET_TILSYN, SupervisionStatus.SKAERPET_TILSYN),
          // "2024–": the years after 2024 take 2024's rules until a newer file exists
          new Year(2025, BINDING, BINDING, 100, 20, 30, NONE, true,
              SupervisionStatus.SKAERPET_TILSYN, SupervisionStatus.SKAERPET_TILSYN));

  /** SPEC §5.4, §5.5, §5.7 and the small-cell rule of §8: the same in every year. */
  private static final Set<String> CONVERSATION_TYPES =
      Set.of("JOBSAMTALE", "OPFOELGNINGSSAMTALE", "FAELLES_JOBSAMTALE", "INTEGRATIONSSAMTALE", "FLEKSJOB_OPFOELGNING");
  private static final Set<String> OFFER_TYPES =
      Set.of("VIRKSOMHEDSPRAKTIK", "LOENTILSKUD_PRIVAT", "LOENTILSKUD_OFFENTLIG", "VEJLEDNING_OPKVALIFICERING", "NYTTEINDSATS");
  private static final Set<String> OFFER_STATUSES = Set.of("IGANGVAERENDE", "AFSLUTTET");

  @Test
  void shippedRulesAreTheRulesOfSpec7() {
    Rules rules = Rules.load(Path.of("conf/rules"));
    List<Executable> checks = new ArrayList<>();
    for (Year y : SPEC_7) {
      RuleSet r = rules.forYear(y.year());
      String in = y.year() + " (" + r.ruleVersion() + "): ";
      checks.add(() -> assertEquals(y.samtaler(), r.conversationGoal(), in + "samtaler fokusmål"));
      checks.add(() -> assertEquals(y.tilbud(), r.offerGoal(), in + "tilbud fokusmål"));
      checks.add(() -> assertEquals(y.hours(), r.minOrdinaryHours(), in + "ordinary hours replacing an offer"));
      checks.add(() -> assertEquals(y.conversationThreshold(), r.conversationThresholdPct(), in + "samtaler threshold %"));
      checks.add(() -> assertEquals(y.offerThreshold(), r.offerThresholdPct(), in + "tilbud threshold %"));
      checks.add(() -> assertEquals(y.exempt(), r.exemptMonths(), in + "months left out of the average"));
      checks.add(() -> assertEquals(y.decides(), r.decides(), in + "whether the year leads to a supervision decision"));
      checks.add(() -> assertEquals(y.samtalerFailed(), r.statusConversationsFailed(), in + "status when resultatmål + samtaler fail"));
      checks.add(() -> assertEquals(y.tilbudFailed(), r.statusOffersFailed(), in + "status when resultatmål + tilbud fail"));
      checks.add(() -> assertEquals(4, r.minConversations(), in + "held conversations needed (§5.7)"));
      checks.add(() -> assertEquals(CONVERSATION_TYPES, r.conversationTypes(), in + "counted conversation types (§5.4)"));
      checks.add(() -> assertEquals(OFFER_TYPES, r.offerTypes(), in + "counted offer types (§5.5)"));
      checks.add(() -> assertEquals(OFFER_STATUSES, r.offerStatuses(), in + "counted offer statuses (§5.5)"));
      checks.add(() -> assertEquals(5, r.suppressBelow(), in + "cells of 1-4 persons suppressed (§8)"));
    }
    // The exempt months are left out of every average they fall in, and only they.
    for (YearMonth m = YearMonth.of(2019, 1); m.isBefore(YearMonth.of(2026, 1)); m = m.plusMonths(1)) {
      YearMonth month = m;
      boolean exempt = MARCH_TO_JUNE_2020.contains(m);
      checks.add(() -> assertEquals(exempt, rules.isExempt(month), month + ": exempt from the 12-month average"));
    }
    checks.add(
        () -> assertEquals(
            List.of(
                new Rules.Period(LocalDate.of(2020, 3, 12), LocalDate.of(2020, 5, 26)),
                new Rules.Period(LocalDate.of(2020, 12, 20), LocalDate.of(2021, 5, 30))),
            rules.covidPeriods(),
            "COVID-19 periods of §7"));
    checks.add(
        () -> assertEquals(
            0, new BigDecimal("1923.96").compareTo(rules.fleurSeniorityHours()),
            "FLEUR seniority 12 × 160.33 = 1923.96 hours (§5.3), was " + rules.fleurSeniorityHours()));
    checks.add(() -> assertEquals(12, rules.seniorityMonths(), "12 months' seniority (§5.1)"));
    assertAll("conf/rules against SPEC §7", checks);
  }
}
