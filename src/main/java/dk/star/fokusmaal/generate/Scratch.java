package dk.star.fokusmaal.generate;

/**
 * The generator's scratch columns: computed on the way to a source's rows and never written (every
 * source ends in {@link SyntheticRegisters#contract}, which keeps only the contract's columns).
 */
final class Scratch {
  private Scratch() {}

  // A person (Persons.persons): number, pseudonym, career track, career start, residence, pay rhythm.
  static final String ID = "id";
  static final String PHEX = "_phex";
  static final String TRACK = "_track";
  static final String CAREER_START = "_career_start";
  static final String CAREER_DAYS = "_career_days";
  static final String MUNI_FIRST = "_muni_first";
  static final String MUNI_MOVED = "_muni_moved";
  static final String MOVE = "_move";
  static final String RHYTHM = "_rhythm";

  // Episode slot i of a person: these names + i (e.g. _code0) on the person, plain on an episode.
  static final String SLOT = "_slot";
  static final String CODE = "_code";
  static final String OFF = "_off";
  static final String DUR = "_dur";
  static final String PRESENT = "_present";
  static final String NEXT_OFF = "_next_off";
  static final String LAST = "_last";
  static final String EPISODE = "_episode";

  // An episode (Persons.episodes): true first and last day, next episode's start, attributes.
  static final String EPISODE_START = "_episode_start";
  static final String EPISODE_END = "_episode_end";
  static final String NEXT_START = "_next_start";
  static final String CONTACT = "_contact";
  static final String FRAC = "_frac";
  static final String SICK_PARTIAL = "_sick_partial";

  // A stretch of days of an episode (a case, a job, an event window) and the rows cut from it.
  static final String FROM_DAY = "_from_day";
  static final String TO_DAY = "_to_day";
  static final String INDEX = "_index";
  static final String TRUE_END = "_true_end";

  // Episode-years of the event sources (conversations, offers).
  static final String YEAR = "_year";
  static final String CHUNK_START = "_chunk_start";
  static final String CHUNK_END = "_chunk_end";
  static final String DAYS = "_days";
  static final String EVENTS = "_events";

  // municipal_benefits: the cut points of an episode and the integration programme.
  static final String SEG = "_seg";
  static final String BOUNDS = "_bounds";
  static final String PROG_MODE = "_prog_mode";
  static final String PROG_END = "_prog_end";
  static final String BASE_READINESS = "_base_readiness";

  // kmd_sygedagpenge: one or two cases of a sickness episode.
  static final String CASE = "_case";

  // fleur: a payment period's month and fixed length.
  static final String PERIOD_MONTH = "_period_month";
  static final String PERIOD_LENGTH = "_period_length";

  // tass_conversations: the copy of a meeting registered twice.
  static final String DUPLICATE = "_duplicate";

  // plandata_offers: kind of offer (counted, mentor, transport, noise), fate, planned end, cancel day.
  static final String KINDS = "_kinds";
  static final String KIND = "_kind";
  static final String FATE = "_fate";
  static final String PLANNED_END = "_planned_end";
  static final String CANCEL = "_cancel";

  // eindkomst: an employment and its pay periods.
  static final String JOB = "_job";
  static final String EMP_KEY = "_emp_key";
  static final String HOURS = "_hours";
  static final String PAY_MONTHLY = "_pay_monthly";
  static final String FORTNIGHT_FIRST = "_fortnight_first";
  static final String PAY_MONTH = "_pay_month";
  static final String FORTNIGHT_START = "_fortnight_start";

  // benchmark_expected: benchmark periods, micro-FTEs and the expected/actual factor.
  static final String PERIODS = "_periods";
  static final String BENCH = "_bench";
  static final String MONTHS = "_months";
  static final String FTE_MICRO = "_fte_micro";
  static final String FACTOR = "_factor";
}
