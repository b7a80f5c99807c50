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
 *   <li>{@code meta.dq_results} has the totals {@code ROWS_READ, ROWS_BRONZE, ROWS_QUARANTINE}
 *       and one row per rule; a row that breaks two rules counts under both.
 *   <li>The data-quality summary and the manifest are written once per run, after all sources, the
 *       manifest last. If a run dies between them, its DQ rows stay (the run has no SUCCEEDED row in
 *       meta.run_log) and the rerun ingests the files again without duplicating bronze or
 *       quarantine rows.
 * </ul>
 */
package dk.star.fokusmaal.bronze;

