/**
 * Ingest: landing → bronze and quarantine (SPEC §3, §4).
 *
 * <p>{@link dk.star.fokusmaal.pipeline.IngestJob} lists and writes; {@link
 * dk.star.fokusmaal.bronze.Validation} holds the row rules of SPEC §4.9 as pure transformations
 * that work for every source from its {@link dk.star.fokusmaal.contract.SourceSpec}; {@link
 * dk.star.fokusmaal.bronze.Landing} lists files and checks their footers before anything is
 * written.
 *
 * <p>Choices where the spec is silent:
 *
 * <ul>
 *   <li>Corrections are not resolved in bronze. Bronze keeps every valid delivered row; readers
 *       (the build) take, per key, the row with the latest {@code reported_at}. A researcher can
 *       thus rebuild with the data as it stood, and a late correction needs no rewrite of bronze.
 *   <li>A tie (same key, same {@code reported_at}, other contract values) is resolved by the later
 *       {@code _ingested_at}, then the {@code _source_file} that sorts last, then the content: the
 *       non-key contract columns in contract order, the greatest value winning, nulls lowest
 *       ({@code silver.Corrections}). Rows differing only in extra columns are no tie. {@code
 *       CORRECTION_TIES} in {@code meta.dq_results} counts the (key, reported_at) groups with
 *       differing rows that include a row of the run, whether the other row came in the same run
 *       or an earlier one; it costs one aggregate over the source's bronze table per ingest.
 *   <li>{@code CPR_LIKE_ID}: a person_id of ten ASCII digits, optionally with a dash after the
 *       sixth, whitespace around it ignored; delivered as a number, nine digits too (the leading
 *       zero is lost). Nine or eleven digits in a string are not CPR-like. Quarantine keeps the
 *       value with its last four digits replaced by {@code X} ({@code 010190-XXXX}): the birth
 *       date and the shape stay for debugging, the CPR number does not.
 *   <li>{@code REPORTED_IN_FUTURE}: reported_at later than the run's one {@code _ingested_at}
 *       instant (equal is fine). A reported_at outside 2000–2100 is {@code DATE_OUT_OF_RANGE} only.
 *   <li>Rows in = bronze + quarantine: per file, the rows validated must equal the row count of
 *       its Parquet footer (all row groups), and the rows of the bronze and quarantine commits
 *       (Delta's operation metrics) the rows validated; otherwise the run fails before the DQ
 *       summary and the manifest, and the rerun replaces what it wrote. No extra pass over the
 *       data: the footers are read when the files are planned, the validated counts are the
 *       per-file stats the manifest needs anyway.
 *   <li>A file is identified by path, size and modification time. The same file is never read
 *       twice; a file rewritten in place is a new delivery and replaces the rows it gave before.
 *   <li>Every violated rule of a row is listed in {@code _rule} (joined by "; "), but a value that
 *       is missing or of the wrong type is not checked further, so a row names the cause once.
 *   <li>An empty or blank string in a key column counts as a missing key. NaN and ±Infinity in a
 *       double column are {@code WRONG_TYPE}. {@code population.year} has the 2000–2100 range of
 *       the dates.
 *   <li>A value of another Parquet type is accepted when it converts without loss: long 101 →
 *       int, "101" → int; but 101.5 → int, 2 → boolean, a timestamp with a time of day → date are
 *       {@code WRONG_TYPE}.
 *   <li>Extra columns keep their landed type, one type per column and source: a file that brings
 *       an extra column with another type than bronze already has fails the ingest before anything
 *       is written (so does a column named like a lineage column, or one whose name Delta refuses).
 *   <li>{@code meta.dq_results} has the totals {@code ROWS_IN_FOOTER, ROWS_READ, ROWS_BRONZE,
 *       ROWS_QUARANTINE, CORRECTION_TIES} (also when zero) and one row per rule; a row that breaks
 *       two rules counts under both.
 *   <li>The data-quality summary and the manifest are written once per run, after all sources, the
 *       manifest last. If a run dies between them, its DQ rows stay (the run has no SUCCEEDED row in
 *       meta.run_log) and the rerun ingests the files again without duplicating bronze or
 *       quarantine rows.
 * </ul>
 */
package dk.star.fokusmaal.bronze;

