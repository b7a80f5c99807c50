package dk.star.fokusmaal.generate;

import java.time.YearMonth;

/**
 * Parameters of a synthetic data set (SPEC §10).
 *
 * @param persons persons in the national population of benefit recipients
 * @param from first month with register data
 * @param to last month with register data
 * @param seed the same seed gives the same files, row for row
 * @param deliveries delivery folders per source (later ones correct earlier rows)
 * @param badRows contract violations to inject per source and kind (SPEC §4.9); 0 = none
 */
public record GenerateOptions(
    long persons, YearMonth from, YearMonth to, long seed, int deliveries, int badRows) {}
