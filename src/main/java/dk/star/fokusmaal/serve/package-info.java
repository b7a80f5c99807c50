/**
 * What BI tools see: the Spark Connect endpoint of {@code serve} (which tables are served, the
 * read-only guard, the endpoint's address and token) and {@code export} of a gold table to
 * CSV or Parquet for tools that cannot read Delta.
 */
package dk.star.fokusmaal.serve;
