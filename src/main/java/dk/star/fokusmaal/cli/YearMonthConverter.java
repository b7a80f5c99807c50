package dk.star.fokusmaal.cli;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/** Parses YYYY-MM. */
public final class YearMonthConverter implements ITypeConverter<YearMonth> {
  @Override
  public YearMonth convert(String value) {
    try {
      return YearMonth.parse(value);
    } catch (DateTimeParseException e) {
      throw new TypeConversionException("'" + value + "' is not a month (YYYY-MM)");
    }
  }
}
