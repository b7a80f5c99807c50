package dk.star.fokusmaal.rules;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The rules of one measurement year (SPEC §7), read from {@code conf/rules/<year>.properties}.
 *
 * @param year the first measurement year the file applies to (it applies until the next file)
 * @param ruleVersion recorded with every output, e.g. {@code 2022.1}
 * @param conversationTypes conversation types that count (SPEC §5.4)
 * @param minConversations fewer held conversations than this in the window is passive (4)
 * @param conversationThresholdPct the samtaler fokusmål is met at or below this average (20)
 * @param conversationGoal how the samtaler fokusmål counts this year
 * @param offerTypes offer types that count (SPEC §5.5)
 * @param offerStatuses offer statuses that count
 * @param minOrdinaryHours ordinary hours in the window that replace an offer (225; 100 from 2024)
 * @param offerThresholdPct the tilbud fokusmål is met at or below this average (20; 30 from 2024)
 * @param offerGoal how the tilbud fokusmål counts this year
 * @param exemptMonths months left out of every 12-month average they fall in (March–June 2020)
 * @param suppressBelow cells with a population of 1 to this minus one are suppressed (5)
 * @param decides whether the year's result leads to a supervision decision (not 2019–2020)
 * @param statusConversationsFailed status when resultatmål and a binding/light samtaler goal fail
 * @param statusOffersFailed status when resultatmål and the tilbud goal fail
 * @param values every key of the year's file, overrides applied (for descriptions of the rules)
 */
public record RuleSet(
    int year,
    String ruleVersion,
    Set<String> conversationTypes,
    int minConversations,
    double conversationThresholdPct,
    GoalStatus conversationGoal,
    Set<String> offerTypes,
    Set<String> offerStatuses,
    double minOrdinaryHours,
    double offerThresholdPct,
    GoalStatus offerGoal,
    List<YearMonth> exemptMonths,
    int suppressBelow,
    boolean decides,
    SupervisionStatus statusConversationsFailed,
    SupervisionStatus statusOffersFailed,
    Map<String, String> values) {

  /** The value of a rules key as the file (with overrides) gives it, e.g. {@code offers.min_hours}. */
  public String value(String key) {
    String v = values.get(key);
    if (v == null) throw new IllegalArgumentException("rules " + ruleVersion + ": no key " + key);
    return v;
  }
}
