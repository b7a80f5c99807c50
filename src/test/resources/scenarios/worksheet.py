"""The arithmetic behind the hand-made expected files of ScenarioGoldenTest.

What is decided by a rule of SPEC §5 (who is in the population in which month, in which
municipality and on which benefit; who is passive for what in which month; each person's
full-time share of each benchmark period) is typed in below, by hand, person by person, with the
reason in README.md. This script does only what SPEC §5.7 and §8 make arithmetic: counting,
percentages, suppression, pooling, averages, ranks and the yes/no decisions on them.

It never reads the pipeline's output, and the test never runs it. After changing a scenario,
change its facts below (and README.md), run `python3 worksheet.py` in this folder, and review the
diff of expected/.
"""
import os
from fractions import Fraction as F

HERE = os.path.dirname(os.path.abspath(__file__))
EXPECTED = os.path.join(HERE, "expected")

# ---------------------------------------------------------------------------------------------
# Months. Built: 2021-01 … 2022-12. Monthly shares exist from 2020-02 (the window of the first
# built month's 12-month average starts there).


def months(a, b):
    y, m = map(int, a.split("-"))
    by, bm = map(int, b.split("-"))
    out = []
    while (y, m) <= (by, bm):
        out.append(f"{y}-{m:02d}")
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


ALL_MONTHS = months("2020-02", "2022-12")
BUILT = months("2021-01", "2022-12")

KBH, AAR, BOR, LAE = 101, 751, 400, 825
NAMES = {KBH: ("København", "Region Hovedstaden"), AAR: ("Aarhus", "Region Midtjylland"),
         BOR: ("Bornholm", "Region Hovedstaden"), LAE: ("Læsø", "Region Nordjylland")}
MUNIS = (KBH, AAR, BOR, LAE)
GROUP = {  # SPEC §6.1
    "A_DAGPENGE": "A_DAGPENGE_MV", "SYGEDAGPENGE": "SYGEDAGPENGE_MV",
    "JOBAFKLARINGSFORLOEB": "SYGEDAGPENGE_MV", "KONTANTHJAELP": "KONTANTHJAELP_MV",
    "OVERGANGSYDELSE": "KONTANTHJAELP_MV",
}
KH, SD, JAF, AD, OVG = "KONTANTHJAELP", "SYGEDAGPENGE", "JOBAFKLARINGSFORLOEB", "A_DAGPENGE", "OVERGANGSYDELSE"
ALWAYS = [("2020-02", "2022-12")]
NEVER = []

# ---------------------------------------------------------------------------------------------
# Person facts, by hand (README.md says why).
#   pop:   (first month, last month, municipality, benefit, spell_start) in the population
#   conv:  month ranges in which the person is NOT passive for conversations (4+ counted)
#   offer: month ranges in which the person is NOT passive for offers (an offer, or 225 hours)
#   fte:   {benchmark period: [(municipality, benefit group, full-time persons)]}
#          municipal/sickness: days in force inside the period / days of the period
#          fleur: paid hours inside the period / (160.33 × 12)
P20, H1, P21, P22 = "2020", "2020H2-2021H1", "2021", "2022"
D20, DH1, D21, D22 = 366, 365, 365, 365
FH = F("1923.96")  # 160.33 × 12
ONE = F(1)
KM, SM, AM = "KONTANTHJAELP_MV", "SYGEDAGPENGE_MV", "A_DAGPENGE_MV"


def whole(muni, group):
    return {P20: [(muni, group, ONE)], H1: [(muni, group, ONE)], P21: [(muni, group, ONE)], P22: [(muni, group, ONE)]}


S19 = "2019-01-01"
persons = {}


def person(name, pop, conv, offer, fte):
    assert name not in persons, name
    persons[name] = dict(pop=pop, conv=conv, offer=offer, fte=fte)


def kh_2019(name, muni, conv, offer):
    person(name, [("2020-02", "2022-12", muni, KH, S19)], conv, offer, whole(muni, KM))


# København: conversations (open offer: never passive for offers)
kh_2019("kh_4_conversations_not_passive", KBH, [("2021-08", "2022-01")], ALWAYS)
kh_2019("kh_3_conversations_passive", KBH, NEVER, ALWAYS)
kh_2019("conv_cancelled_and_no_show_not_counted", KBH, NEVER, ALWAYS)
kh_2019("conv_uncounted_types_not_counted", KBH, NEVER, ALWAYS)
kh_2019("conv_same_day_twice_counts_once", KBH, NEVER, ALWAYS)
kh_2019("conv_window_first_and_last_day", KBH, [("2021-12", "2021-12")], ALWAYS)
kh_2019("correction_conversation_held_then_cancelled", KBH, NEVER, ALWAYS)
kh_2019("quarantined_conversation_not_counted", KBH, NEVER, ALWAYS)
# København: offers and hours (quarterly conversations: never passive for conversations)
kh_2019("offer_mentor_and_transport_not_offers", KBH, ALWAYS, NEVER)
kh_2019("offer_planned_or_cancelled_not_counted", KBH, ALWAYS, NEVER)
kh_2019("offer_ends_first_day_of_window", KBH, ALWAYS, [("2020-06", "2021-12")])
kh_2019("offer_starts_last_day_of_window_open_ended", KBH, ALWAYS, [("2022-06", "2022-12")])
kh_2019("hours_225_from_two_employers_not_passive", KBH, ALWAYS, [("2021-03", "2022-02")])
kh_2019("hours_224_99_passive", KBH, ALWAYS, NEVER)
kh_2019("hours_prorated_at_window_start_reach_225", KBH, ALWAYS, [("2021-01", "2021-12")])
kh_2019("hours_prorated_at_window_start_224_99_passive", KBH, ALWAYS, [("2021-01", "2021-11")])
kh_2019("hours_subsidised_and_fleksjob_not_counted", KBH, ALWAYS, NEVER)
kh_2019("correction_pay_report_later_wins", KBH, ALWAYS, NEVER)
kh_2019("correction_benefit_period_reopened", KBH, ALWAYS, ALWAYS)

# København: spells and seniority (no activity: passive for both when in the population)
person("gap_20_days_across_month_end_continues",
       [("2021-01", "2022-12", KBH, KH, "2020-02-01")], NEVER, NEVER,
       {P20: [(KBH, KM, F(141 + 175, D20))], H1: [(KBH, KM, F(175 + 181, DH1))],
        P21: [(KBH, KM, ONE)], P22: [(KBH, KM, ONE)]})
person("gap_31jan_to_1mar_breaks_spell",
       [("2020-12", "2021-01", KBH, KH, "2020-01-01"), ("2022-02", "2022-12", KBH, KH, "2021-03-01")], NEVER, NEVER,
       {P20: [(KBH, KM, ONE)], H1: [(KBH, KM, F(184 + 31 + 122, DH1))],
        P21: [(KBH, KM, F(31 + 306, D21))], P22: [(KBH, KM, ONE)]})
person("gap_31jan_to_29feb_continues_spell",
       [("2020-02", "2022-12", KBH, KH, "2019-03-01")], NEVER, NEVER,
       {P20: [(KBH, KM, F(31 + 307, D20))], H1: [(KBH, KM, ONE)], P21: [(KBH, KM, ONE)], P22: [(KBH, KM, ONE)]})
person("sick_then_jobafklaring_new_spell",
       [("2021-05", "2021-05", KBH, SD, "2020-06-01"), ("2022-05", "2022-12", KBH, JAF, "2021-06-01")], NEVER, NEVER,
       {P20: [(KBH, SM, F(214, D20))], H1: [(KBH, SM, F(335, DH1)), (KBH, SM, F(30, DH1))],
        P21: [(KBH, SM, F(151, D21)), (KBH, SM, F(214, D21))], P22: [(KBH, SM, ONE)]})
person("overgangsydelse_then_kh_one_spell",
       [("2020-09", "2022-12", KBH, KH, "2019-09-01")], NEVER, NEVER,
       {P20: [(KBH, KM, F(122, D20))], H1: [(KBH, KM, F(122 + 181, DH1))], P21: [(KBH, KM, ONE)], P22: [(KBH, KM, ONE)]})
person("overgangsydelse_in_programme_not_in_population", [], NEVER, NEVER, {})
person("overgangsydelse_leaves_programme_in_population",
       [("2021-06", "2022-12", KBH, OVG, "2019-06-01")], NEVER, NEVER,
       {H1: [(KBH, KM, F(30, DH1))], P21: [(KBH, KM, F(214, D21))], P22: [(KBH, KM, ONE)]})
person("kh_starts_1jan2021_12_months_31dec2021",
       [("2021-12", "2022-12", KBH, KH, "2021-01-01")], NEVER, NEVER,
       {H1: [(KBH, KM, F(181, DH1))], P21: [(KBH, KM, ONE)], P22: [(KBH, KM, ONE)]})
person("kh_starts_2jan2021_one_day_short_in_dec",
       [("2022-01", "2022-12", KBH, KH, "2021-01-02")], NEVER, NEVER,
       {H1: [(KBH, KM, F(180, DH1))], P21: [(KBH, KM, F(364, D21))], P22: [(KBH, KM, ONE)]})
person("sick_starts_1jan2021_12_months_31dec2021",
       [("2021-12", "2022-12", KBH, SD, "2021-01-01")], NEVER, NEVER,
       {H1: [(KBH, SM, F(181, DH1))], P21: [(KBH, SM, ONE)], P22: [(KBH, SM, ONE)]})
person("sick_ends_30dec2021_one_day_short_not_in_population", [], NEVER, NEVER,
       {H1: [(KBH, SM, F(181, DH1))], P21: [(KBH, SM, F(364, D21))]})
person("sick_two_cases_joined_across_gap",
       [("2021-02", "2022-12", KBH, SD, "2020-03-01")], NEVER, NEVER,
       {P20: [(KBH, SM, F(229 + 42, D20))], H1: [(KBH, SM, F(107 + 42 + 181, DH1))],
        P21: [(KBH, SM, ONE)], P22: [(KBH, SM, ONE)]})

# København: FLEUR (hours / 1923.96)
h = F("160.33")
person("fleur_12_fulltime_months_exactly",
       [("2021-12", "2022-12", KBH, AD, "2021-01-01")], NEVER, NEVER,
       {H1: [(KBH, AM, 6 * h / FH)], P21: [(KBH, AM, 12 * h / FH)], P22: [(KBH, AM, 12 * h / FH)]})
person("fleur_parttime_120h_takes_17_months",
       [("2022-05", "2022-12", KBH, AD, "2021-01-01")], NEVER, NEVER,
       {H1: [(KBH, AM, 6 * F(120) / FH)], P21: [(KBH, AM, 12 * F(120) / FH)], P22: [(KBH, AM, 12 * F(120) / FH)]})
person("fleur_1923_95_hours_not_yet",
       [("2022-01", "2022-12", KBH, AD, "2021-01-01")], NEVER, NEVER,
       {H1: [(KBH, AM, 6 * h / FH)], P21: [(KBH, AM, (11 * h + F("160.32")) / FH)], P22: [(KBH, AM, 12 * h / FH)]})
person("fleur_month_without_payment_breaks_spell",
       [("2021-11", "2022-12", KBH, AD, "2020-12-01")], NEVER, NEVER,
       {P20: [(KBH, AM, 11 * h / FH)], H1: [(KBH, AM, 11 * h / FH)], P21: [(KBH, AM, 12 * h / FH)], P22: [(KBH, AM, 12 * h / FH)]})
w = F(148)
person("fleur_4_weekly_periods_prorated_at_d",
       [("2022-01", "2022-12", KBH, AD, "2021-01-04")], NEVER, NEVER,
       {H1: [(KBH, AM, (6 * w + w * 10 / 28) / FH)], P21: [(KBH, AM, (12 * w + w * 26 / 28) / FH)],
        P22: [(KBH, AM, (w * 2 / 28 + 12 * w + w * 27 / 28) / FH)]})
y = F("1923.96")
person("fleur_yearly_periods_always_active",
       [("2020-02", "2022-12", KBH, AD, S19)], ALWAYS, ALWAYS,
       {P20: [(KBH, AM, y / FH)], H1: [(KBH, AM, (y * 184 / 366 + y * 181 / 365) / FH)],
        P21: [(KBH, AM, y / FH)], P22: [(KBH, AM, y / FH)]})

# København: tie-breaks
person("spells_earlier_start_then_latest_d_wins",
       [("2020-02", "2021-05", KBH, SD, S19), ("2021-06", "2022-12", KBH, KH, "2019-06-01")], NEVER, NEVER,
       {P20: [(KBH, SM, ONE), (KBH, KM, ONE)], H1: [(KBH, SM, F(184 + 166, DH1)), (KBH, KM, ONE)],
        P21: [(KBH, SM, F(166, D21)), (KBH, KM, ONE)], P22: [(KBH, KM, ONE)]})
person("spells_same_start_benefit_code_alphabetical",
       [("2020-02", "2022-12", KBH, JAF, S19)], NEVER, NEVER,
       {p: [(KBH, SM, ONE), (KBH, KM, ONE)] for p in (P20, H1, P21, P22)})
person("periods_later_start_decides_municipality",
       [("2020-02", "2021-02", AAR, KH, S19), ("2021-03", "2022-12", KBH, KH, S19)], ALWAYS, NEVER,
       {P20: [(AAR, KM, ONE)], H1: [(AAR, KM, F(184 + 90, DH1)), (KBH, KM, F(108, DH1))],
        P21: [(AAR, KM, F(90, D21)), (KBH, KM, F(292, D21))], P22: [(KBH, KM, ONE)]})
person("periods_same_start_lowest_municipality",
       [("2020-02", "2021-04", KBH, KH, S19), ("2021-05", "2022-12", AAR, KH, S19)], ALWAYS, NEVER,
       {P20: [(KBH, KM, ONE)], H1: [(KBH, KM, F(184 + 90, DH1)), (KBH, KM, F(30, DH1)), (AAR, KM, F(91, DH1))],
        P21: [(KBH, KM, F(90, D21)), (KBH, KM, F(30, D21)), (AAR, KM, F(275, D21))], P22: [(AAR, KM, ONE)]})
person("out_of_scope_fleksjob_and_efterloen_ignored", [], NEVER, NEVER, {})

# Aarhus
kh_2019("aarhus_conversations_no_offer_1", AAR, ALWAYS, NEVER)
kh_2019("aarhus_conversations_no_offer_2", AAR, ALWAYS, NEVER)
kh_2019("aarhus_conversations_no_offer_3", AAR, ALWAYS, NEVER)
person("gap_whole_january_breaks_spell",
       [("2020-12", "2020-12", AAR, KH, "2020-01-01"), ("2022-01", "2022-12", AAR, KH, "2021-02-01")], ALWAYS, NEVER,
       {P20: [(AAR, KM, ONE)], H1: [(AAR, KM, F(184 + 150, DH1))], P21: [(AAR, KM, F(334, D21))], P22: [(AAR, KM, ONE)]})
kh_2019("aarhus_offer_no_conversations", AAR, NEVER, ALWAYS)

# Bornholm
kh_2019("bornholm_small_cell_suppressed", BOR, NEVER, NEVER)
person("move_101_to_400_mid_june",
       [("2020-02", "2021-05", KBH, KH, S19), ("2021-06", "2022-12", BOR, KH, S19)], ALWAYS, NEVER,
       {P20: [(KBH, KM, ONE)], H1: [(KBH, KM, F(184 + 165, DH1)), (BOR, KM, F(16, DH1))],
        P21: [(KBH, KM, F(165, D21)), (BOR, KM, F(200, D21))], P22: [(BOR, KM, ONE)]})

# Læsø: a second always-small municipality, so that Bornholm's hidden cells are not recoverable
# from the national figure without hiding Aarhus (secondary suppression, smallest sibling first)
kh_2019("laesoe_second_small_cell", LAE, NEVER, NEVER)

# ---------------------------------------------------------------------------------------------
# Benchmark model and population (the landing files benchmark_expected.csv and population.csv).
PERIODS = {P20: ("2020-01-01", "2020-12-31"), H1: ("2020-07-01", "2021-06-30"),
           P21: ("2021-01-01", "2021-12-31"), P22: ("2022-01-01", "2022-12-31")}
POP_16_66 = {(KBH, 2020): 1000, (KBH, 2021): 1000, (KBH, 2022): 1000,
             (AAR, 2020): 500, (AAR, 2021): 500, (AAR, 2022): 500,
             (BOR, 2020): 100, (BOR, 2021): 100, (BOR, 2022): 100,
             (LAE, 2020): 50, (LAE, 2021): 50, (LAE, 2022): 50}
EXPECTED_FTE = {}  # filled from benchmark_expected.csv below

# ---------------------------------------------------------------------------------------------
# Rules of the years (SPEC §7, as src/test/resources/rules holds them).
EXEMPT = set(months("2020-03", "2020-06"))
COVID = [("2020-03-12", "2020-05-26"), ("2020-12-20", "2021-05-30")]
CONV_THRESHOLD = {2021: 20.0, 2022: 20.0}
OFFER_THRESHOLD = {2021: 20.0, 2022: 20.0}
OFFER_GOAL = {2021: "FOLLOW_UP_ONLY", 2022: "LIGHT"}  # samtaler BINDING both years
STATUS_CONV_FAILED = {2021: "SKAERPET_TILSYN", 2022: "SKAERPET_TILSYN"}
STATUS_OFFERS_FAILED = {2021: "JUSTERET_OPFOELGNING", 2022: "SKAERPET_TILSYN_LIGHT"}
SEVERITY = ["NONE", "JUSTERET_OPFOELGNING", "SKAERPET_TILSYN_LIGHT", "SKAERPET_TILSYN"]
RULE_VERSION = {2021: "2021.1", 2022: "2022.1"}
MIN_POP = 5


def in_ranges(m, ranges):
    return any(a <= m <= b for a, b in ranges)


def person_month(name, m):
    """(municipality, benefit, spell_start, passive_conversations, passive_offers) or None."""
    p = persons[name]
    for a, b, muni, benefit, start in p["pop"]:
        if a <= m <= b:
            return muni, benefit, start, not in_ranges(m, p["conv"]), not in_ranges(m, p["offer"])
    return None


def last_day(m):
    import calendar
    y, mo = map(int, m.split("-"))
    return f"{m}-{calendar.monthrange(y, mo)[1]:02d}"


def window_start(m):
    y, mo = map(int, m.split("-"))
    i = y * 12 + mo - 1 - 11
    return f"{i // 12}-{i % 12 + 1:02d}-01"


def covid(m):
    return any(window_start(m) <= b and last_day(m) >= a for a, b in COVID)


def fmt(v):
    if v is None:
        return ""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, float):
        return f"{v:.6f}"
    return str(v)


def write(table, header, rows):
    lines = [",".join(header)]
    # GoldenTest's order: every column ascending, nulls first, in column order
    def key(r):
        return tuple((0, 0) if v is None else (1, v) for v in r)
    for r in sorted(rows, key=key):
        lines.append(",".join(fmt(v) for v in r))
    with open(os.path.join(EXPECTED, table + ".csv"), "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def month_date(m):
    return m + "-01"


# ---- counts per month × municipality × breakdown, and nationally ------------------------------
counts = {}  # (month, muni or None, breakdown, value) -> [population, passive_conv, passive_offers]
for m in ALL_MONTHS:
    for name in persons:
        pm = person_month(name, m)
        if pm is None:
            continue
        muni, benefit, _, pc, po = pm
        for bd, val in (("ALL", "ALL"), ("BENEFIT_GROUP", GROUP[benefit]), ("BENEFIT", benefit)):
            for where in (muni, None):
                c = counts.setdefault((m, where, bd, val), [0, 0, 0])
                c[0] += 1
                c[1] += pc
                c[2] += po


# ---- suppression: primary (population below MIN_POP) and secondary (SPEC §8, issue 11) --------
# Populations are published, so a hidden count is recoverable wherever it is the only hidden cell
# of an additive relation: per month, in each municipality and nationally ALL = sum of groups,
# ALL = sum of benefits, group = sum of its benefits (phase 1 municipal, 3 national), and
# nation = sum of municipalities per breakdown cell (phase 2). While some relation has exactly one
# hidden cell, hide its smallest published part, the smallest sibling (population, then key; the
# total only when no part is left); each round settles the open relations of the first phase that
# has any.
def cell_key(k):
    m, muni, bd, val = k
    return "|".join([month_date(m), "N" if muni is None else str(muni), bd, val])


hidden = {k: c[0] < MIN_POP for k, c in counts.items()}
relations = []  # (phase, [(key, is_total)])
scopes = {}
for k in counts:
    scopes.setdefault((k[0], k[1]), []).append(k)
for (m, where), cells in scopes.items():
    phase = 3 if where is None else 1
    all_ = (m, where, "ALL", "ALL")
    groups = [k for k in cells if k[2] == "BENEFIT_GROUP"]
    benefits = [k for k in cells if k[2] == "BENEFIT"]
    relations.append((phase, [(all_, True)] + [(k, False) for k in groups]))
    relations.append((phase, [(all_, True)] + [(k, False) for k in benefits]))
    for g in groups:
        relations.append((phase, [(g, True)] + [(k, False) for k in benefits if GROUP[k[3]] == g[3]]))
for k in counts:
    if k[1] is None:
        parts = [p for p in counts if p[1] is not None and (p[0], p[2], p[3]) == (k[0], k[2], k[3])]
        relations.append((2, [(k, True)] + [(p, False) for p in parts]))
while True:
    open_ = []
    for phase, members in relations:
        if sum(hidden[k] for k, _ in members) != 1:
            continue
        # parts first, the smallest sibling
        shown_ = [(t, counts[k][0], cell_key(k), k) for k, t in members if not hidden[k]]
        if shown_:
            open_.append((phase, min(shown_)[3]))
    if not open_:
        break
    first = min(p for p, _ in open_)
    for p, k in open_:
        if p == first:
            hidden[k] = True


def share(c, k):
    """(passive_conv, pct, passive_offers, pct, suppressed) of a cell."""
    pop, pc, po = c
    if hidden[k]:
        return None, None, None, None, True
    return pc, pc * 100.0 / pop, po, po * 100.0 / pop, False


def shown(m, bd):
    """The reviewable subset: ALL and BENEFIT_GROUP every month, BENEFIT in December 2022."""
    return bd in ("ALL", "BENEFIT_GROUP") or m == "2022-12"


monthly, national = [], []
for (m, muni, bd, val), c in counts.items():
    if m not in BUILT or not shown(m, bd):
        continue
    pc, pcp, po, pop_, sup = share(c, (m, muni, bd, val))
    if muni is None:
        national.append((month_date(m), bd, val, c[0], pc, pcp, po, pop_, sup, covid(m)))
    else:
        monthly.append((month_date(m), muni, NAMES[muni][0], NAMES[muni][1], bd, val, c[0], pc, pcp, po, pop_, sup, covid(m)))
SHARE_COLS = ["breakdown", "breakdown_value", "population", "passive_conversations", "passive_conversations_pct",
              "passive_offers", "passive_offers_pct", "suppressed", "covid_flag"]
write("focus_goal_monthly", ["month", "municipality_code", "municipality_name", "region_name"] + SHARE_COLS, monthly)
write("focus_goal_national_monthly", ["month"] + SHARE_COLS, national)

# ---- 12-month averages ------------------------------------------------------------------------
def average(muni, m):
    i = ALL_MONTHS.index(m)
    conv, off = [], []
    for k in ALL_MONTHS[i - 11:i + 1]:
        if k in EXEMPT:
            continue
        c = counts.get((k, muni, "ALL", "ALL"))
        if c is None:
            continue
        _, pcp, _, pop_, sup = share(c, (k, muni, "ALL", "ALL"))
        if sup:
            continue
        conv.append(pcp)
        off.append(pop_)
    a = sum(conv) / len(conv) if conv else None
    b = sum(off) / len(off) if off else None
    return a, b, len(conv)


def meets(avg, threshold):
    return None if avg is None else avg <= threshold


twelve = {}
rows = []
for m in BUILT:
    y = int(m[:4])
    for muni in MUNIS + (None,):
        a, b, n = average(muni, m)
        twelve[(m, muni)] = (a, b)
        rows.append((month_date(m), muni, NAMES[muni][0] if muni else None, a, b, n,
                     meets(a, CONV_THRESHOLD[y]), meets(b, OFFER_THRESHOLD[y])))
write("focus_goal_12m", ["month", "municipality_code", "municipality_name", "avg_passive_conversations_pct_12m",
                         "avg_passive_offers_pct_12m", "months_in_average", "meets_conversation_goal",
                         "meets_offer_goal"], rows)

# ---- result goal ------------------------------------------------------------------------------
import csv

with open(os.path.join(HERE, "landing", "benchmark_expected.csv"), encoding="utf-8") as f:
    latest = {}
    for r in csv.DictReader(line for line in f if not line.startswith("#")):
        k = (int(r["municipality_code"]), r["period_start"], r["period_end"], r["benefit_group"])
        if k not in latest or r["reported_at"] > latest[k][1]:  # SPEC §4: latest reported_at wins
            latest[k] = (F(r["expected_fte"]), r["reported_at"])
    for k, (v, _) in latest.items():
        EXPECTED_FTE[k] = v

actual = {}
for name, p in persons.items():
    for period, parts in p["fte"].items():
        for muni, group, v in parts:
            actual[(period, muni, group)] = actual.get((period, muni, group), F(0)) + v

result = {}  # (period, muni, group) -> row values
for period, (ps, pe) in PERIODS.items():
    year = int(pe[:4])
    rowsp = []
    for muni in MUNIS:
        groups = [g for g in (AM, KM, SM) if (muni, ps, pe, g) in EXPECTED_FTE]
        exp_all, act_all = F(0), F(0)
        for g in groups + ["ALL"]:
            if g == "ALL":
                e, a = exp_all, act_all
            else:
                e, a = EXPECTED_FTE[(muni, ps, pe, g)], actual.get((period, muni, g), F(0))
                exp_all += e
                act_all += a
            pop = POP_16_66[(muni, year)]
            ep, ap = e * 100 / pop, a * 100 / pop
            rowsp.append([period, muni, g, e, a, pop, ep, ap, ap - ep])
    for g in (AM, KM, SM, "ALL"):
        diffs = sorted(r[8] for r in rowsp if r[2] == g)
        for r in rowsp:
            if r[2] == g:
                r.append(1 + sum(1 for d in diffs if d < r[8]))  # ties share the lowest rank
    for r in rowsp:
        result[(r[0], r[1], r[2])] = r
rows = []
for (period, muni, g), r in result.items():
    if period == P20:
        continue  # ends before the first month built: used by the quarterly report only
    ps, pe = PERIODS[period]
    _, _, _, e, a, pop, ep, ap, dpp, rank = r
    rows.append((ps, pe, muni, NAMES[muni][0], g, float(e), float(a), float(a - e), pop, float(ep), float(ap),
                 float(dpp), rank, ap <= ep))
write("result_goal", ["period_start", "period_end", "municipality_code", "municipality_name", "benefit_group",
                      "expected_fte", "actual_fte", "difference_fte", "population_16_66", "expected_pct",
                      "actual_pct", "difference_pp", "rank", "meets_result_goal"], rows)

# ---- supervision status -----------------------------------------------------------------------
rows = []
for year, period in ((2021, P21), (2022, P22)):
    for muni in MUNIS:
        r = result[(period, muni, "ALL")]
        meets_rg, dpp = r[7] <= r[6], float(r[8])
        a, b = twelve[(f"{year}-12", muni)]
        mc, mo = meets(a, CONV_THRESHOLD[year]), meets(b, OFFER_THRESHOLD[year])
        if meets_rg:
            status = "NONE"  # SPEC §7: meeting the resultatmål, never under supervision
        else:
            assert mc is not None and mo is not None, "not derivable from the spec"
            cands = ["NONE"] + ([STATUS_CONV_FAILED[year]] if not mc else []) + ([STATUS_OFFERS_FAILED[year]] if not mo else [])
            status = max(cands, key=SEVERITY.index)
        rows.append((year, muni, NAMES[muni][0], meets_rg, dpp, a, b, mc, mo, status, RULE_VERSION[year]))
write("supervision_status", ["year", "municipality_code", "municipality_name", "meets_result_goal", "difference_pp",
                             "avg_passive_conversations_pct", "avg_passive_offers_pct", "meets_conversation_goal",
                             "meets_offer_goal", "status", "rule_version"], rows)

# ---- quarterly report -------------------------------------------------------------------------
rows = []
for m in BUILT:
    if int(m[5:]) not in (3, 6, 9, 12):
        continue
    y = int(m[:4])
    ended = [p for p, (ps, pe) in PERIODS.items() if pe <= last_day(m)]
    latest_p = max(ended, key=lambda p: (PERIODS[p][1], PERIODS[p][0]))
    for muni in MUNIS:
        a, b = twelve[(m, muni)]
        mc, mo = meets(a, CONV_THRESHOLD[y]), meets(b, OFFER_THRESHOLD[y])
        r = result[(latest_p, muni, "ALL")]
        mrg = r[7] <= r[6]
        # binding fokusmål: samtaler always; tilbud in 2022 (light: it has a consequence), not 2021
        binding_failed = [mc is False] + ([mo is False] if OFFER_GOAL[y] != "FOLLOW_UP_ONLY" else [])
        if mrg:
            at_risk = False
        else:
            assert None not in ([mc] + ([mo] if OFFER_GOAL[y] != "FOLLOW_UP_ONLY" else [])), "not derivable"
            at_risk = any(binding_failed)
        rows.append((month_date(m), muni, NAMES[muni][0], a, b, mc, mo, mrg, at_risk))
write("quarterly_report", ["month", "municipality_code", "municipality_name", "avg_passive_conversations_pct_12m",
                           "avg_passive_offers_pct_12m", "meets_conversation_goal", "meets_offer_goal",
                           "meets_result_goal", "at_risk"], rows)

# ---- persons: runs of equal months (silver.person_month, built months) -------------------------
rows = []
for name in persons:
    run = None
    for m in BUILT:
        pm = person_month(name, m)
        if run and pm == run[2] and pm is not None:
            run[1] = m
            continue
        if run and run[2] is not None:
            rows.append((name, run[0], run[1]) + run[2])
        run = [m, m, pm]
    if run and run[2] is not None:
        rows.append((name, run[0], run[1]) + run[2])
write("persons", ["person_id", "from_month", "to_month", "municipality_code", "benefit_code", "spell_start",
                  "passive_conversations", "passive_offers"], rows)

# ---- the actual FTE, for choosing the benchmark (printed) -------------------------------------
if __name__ == "__main__":
    for (period, muni, g), v in sorted(actual.items()):
        print(period, muni, g, float(v))
