package dev.noema.conversation;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the many ways chat exporters write a date and time, in two steps so that an ambiguous
 * day/month order can be decided for a whole file: {@link #read} turns a text into a {@link
 * WrittenTime}, and {@link WrittenTime#resolve} turns that into an instant once the file's {@link
 * DateOrder} is known (see {@link #fileOrder}).
 *
 * <p>Accepted styles (case-insensitive, surrounding whitespace ignored):
 *
 * <ul>
 *   <li>ISO 8601 with or without zone: {@code 2025-07-26T10:07:07.000Z}, {@code
 *       2025-07-26T12:07+02:00}, {@code 2025-07-26 10:07:07};
 *   <li>year first: {@code 2025/07/26 at 10:07:07}, {@code 2025.07.26 10:07};
 *   <li>numeric day and month with {@code .}, {@code /} or {@code -}: {@code 26.07.2025 at 10:07},
 *       {@code 07/26/2025 at 10:07:07 AM}, {@code 26/07/2025, 10:07};
 *   <li>English month names, optionally after a weekday: {@code July 26, 2025 at 10:07 AM}, {@code
 *       Sat, Jul 26, 2025 10:07}, {@code Sat, 26 Jul 2025 10:07:07 GMT};
 *   <li>a date alone (midnight).
 * </ul>
 *
 * <p>The date and the time may be separated by {@code T}, a space, a comma or the word {@code at}.
 * The time is {@code H:mm}, {@code H:mm:ss} or {@code H:mm:ss.SSS}, with an optional {@code
 * AM}/{@code PM} and an optional zone ({@code Z}, {@code UTC}, {@code GMT}, {@code +02:00}, {@code
 * +0200}). <b>A time without a zone is taken as UTC</b>: the exporters write local time without
 * saying which, and UTC is the one reading that does not depend on the machine importing.
 *
 * <p><b>Day/month order.</b> In a numeric date like {@code 05/06/2025} the order of day and month
 * cannot be told from the text. It is decided per file: if any timestamp in the file is unambiguous
 * (one of its two fields is greater than 12), the order it shows is used for every ambiguous
 * timestamp of that file (the first such timestamp decides); when none is, dots mean day.month
 * (European, {@code 05.06.2025} is 5 June) and slashes or hyphens mean month/day (US, {@code
 * 05/06/2025} is 6 May). An unambiguous timestamp is always read in its own order.
 *
 * <p>Stateless and thread-safe; all patterns are compiled once.
 */
public final class Timestamps {

  /** The order of the two numeric fields of a date whose year comes last. */
  public enum DateOrder {
    /** {@code 26.07.2025}: day, then month. */
    DAY_FIRST,
    /** {@code 07/26/2025}: month, then day. */
    MONTH_FIRST
  }

  private static final String SEPARATOR = "(?:\\s*,\\s*|\\s+at\\s+|\\s*T\\s*|\\s+)";
  private static final String TIME =
      "(\\d{1,2}):(\\d{2})(?::(\\d{2})(?:[.,](\\d{1,9}))?)?"
          + "(?:\\s*([ap])\\.?m\\.?)?"
          + "(?:\\s*(z|utc|gmt|[+-]\\d{2}:?\\d{2}|(?:utc|gmt)[+-]\\d{1,2}(?::?\\d{2})?))?";
  private static final String WEEKDAY = "(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\\.?,?\\s+)?";
  private static final String MONTH_NAME =
      "(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\\.?";

  /**
   * Numeric date; the year is group 1 (year first) or group 4 (year last), the separator group 2.
   */
  private static final Pattern NUMERIC =
      Pattern.compile(
          "^"
              + WEEKDAY
              + "(\\d{1,4})([./-])(\\d{1,2})\\2(\\d{1,4})\\.?(?:"
              + SEPARATOR
              + TIME
              + ")?$",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern MONTH_FIRST_NAME =
      Pattern.compile(
          "^"
              + WEEKDAY
              + MONTH_NAME
              + "\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})(?:"
              + SEPARATOR
              + TIME
              + ")?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern DAY_FIRST_NAME =
      Pattern.compile(
          "^"
              + WEEKDAY
              + "(\\d{1,2})\\.?\\s+"
              + MONTH_NAME
              + ",?\\s+(\\d{4})(?:"
              + SEPARATOR
              + TIME
              + ")?$",
          Pattern.CASE_INSENSITIVE);
  private static final Pattern ISO_LIKE =
      Pattern.compile("^\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}.*");

  private static final Map<String, Integer> MONTHS =
      Map.ofEntries(
          Map.entry("jan", 1),
          Map.entry("feb", 2),
          Map.entry("mar", 3),
          Map.entry("apr", 4),
          Map.entry("may", 5),
          Map.entry("jun", 6),
          Map.entry("jul", 7),
          Map.entry("aug", 8),
          Map.entry("sep", 9),
          Map.entry("oct", 10),
          Map.entry("nov", 11),
          Map.entry("dec", 12));

  private Timestamps() {}

  /**
   * A timestamp as written, before the day/month order is known.
   *
   * @param year the four-digit year
   * @param first the first numeric field of a year-last date (day or month), else the month
   * @param second the second numeric field of a year-last date, else the day
   * @param order the order when the text fixes it (ISO, year first, month names), null when it
   *     depends on the file
   * @param separator the date separator of a numeric year-last date ({@code . / -}), else 0
   * @param time the time of day (midnight when none was written)
   * @param offset the zone offset written, or UTC when none was
   */
  public record WrittenTime(
      int year,
      int first,
      int second,
      DateOrder order,
      char separator,
      LocalTime time,
      ZoneOffset offset) {

    /** The order this timestamp alone proves (one field above 12), or empty when it proves none. */
    public Optional<DateOrder> evidence() {
      if (order != null) {
        return Optional.empty();
      }
      if (first > 12 && second <= 12) {
        return Optional.of(DateOrder.DAY_FIRST);
      }
      if (second > 12 && first <= 12) {
        return Optional.of(DateOrder.MONTH_FIRST);
      }
      return Optional.empty();
    }

    /**
     * The instant, reading an ambiguous date in {@code fileOrder} (or, when that is null, by its
     * separator: dots day-first, others month-first); null when the fields make no valid date (31
     * February).
     */
    public Instant resolve(DateOrder fileOrder) {
      DateOrder use =
          order != null ? order : evidence().orElse(fileOrder != null ? fileOrder : defaultOrder());
      int month = use == DateOrder.MONTH_FIRST ? first : second;
      int day = use == DateOrder.MONTH_FIRST ? second : first;
      try {
        return LocalDateTime.of(LocalDate.of(year, month, day), time).toInstant(offset);
      } catch (DateTimeException e) {
        return null;
      }
    }

    private DateOrder defaultOrder() {
      return separator == '.' ? DateOrder.DAY_FIRST : DateOrder.MONTH_FIRST;
    }
  }

  /**
   * The order the first unambiguous timestamp among {@code times} shows, or null when none shows
   * one.
   *
   * @param times timestamps of one file, in file order; null elements are skipped
   */
  public static DateOrder fileOrder(Iterable<WrittenTime> times) {
    for (WrittenTime t : times) {
      if (t != null) {
        Optional<DateOrder> e = t.evidence();
        if (e.isPresent()) {
          return e.get();
        }
      }
    }
    return null;
  }

  /**
   * Reads {@code text} in any accepted style; empty when it is null, blank or in no accepted style.
   */
  public static Optional<WrittenTime> read(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String s = text.strip();
    if (s.isEmpty()) {
      return Optional.empty();
    }
    if (ISO_LIKE.matcher(s).matches()) {
      Optional<WrittenTime> iso = readIso(s.replace(' ', 'T'));
      if (iso.isPresent()) {
        return iso;
      }
    }
    Matcher m = NUMERIC.matcher(s);
    if (m.matches()) {
      return numeric(m);
    }
    m = MONTH_FIRST_NAME.matcher(s);
    if (m.matches()) {
      return named(m.group(1), m.group(2), m.group(3), m, 4);
    }
    m = DAY_FIRST_NAME.matcher(s);
    if (m.matches()) {
      return named(m.group(2), m.group(1), m.group(3), m, 4);
    }
    return Optional.empty();
  }

  /** {@link #read} and {@link WrittenTime#resolve} in one step, for a timestamp read on its own. */
  public static Instant parse(String text) {
    return read(text).map(t -> t.resolve(null)).orElse(null);
  }

  private static Optional<WrittenTime> readIso(String s) {
    try {
      OffsetDateTime odt = OffsetDateTime.parse(s, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
      return Optional.of(
          new WrittenTime(
              odt.getYear(),
              odt.getMonthValue(),
              odt.getDayOfMonth(),
              DateOrder.MONTH_FIRST,
              (char) 0,
              odt.toLocalTime(),
              odt.getOffset()));
    } catch (DateTimeParseException e) {
      // no offset: try a local date-time below
    }
    try {
      LocalDateTime ldt = LocalDateTime.parse(s, DateTimeFormatter.ISO_LOCAL_DATE_TIME);
      return Optional.of(
          new WrittenTime(
              ldt.getYear(),
              ldt.getMonthValue(),
              ldt.getDayOfMonth(),
              DateOrder.MONTH_FIRST,
              (char) 0,
              ldt.toLocalTime(),
              ZoneOffset.UTC));
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static Optional<WrittenTime> numeric(Matcher m) {
    String a = m.group(1);
    char sep = m.group(2).charAt(0);
    int b = Integer.parseInt(m.group(3));
    String c = m.group(4);
    Optional<LocalTime> time = time(m, 5);
    Optional<ZoneOffset> zone = zone(m.group(10));
    if (time.isEmpty() || zone.isEmpty()) {
      return Optional.empty();
    }
    if (a.length() == 4) {
      if (c.length() > 2) {
        return Optional.empty();
      }
      return Optional.of(
          new WrittenTime(
              Integer.parseInt(a),
              b,
              Integer.parseInt(c),
              DateOrder.MONTH_FIRST,
              (char) 0,
              time.get(),
              zone.get()));
    }
    if (a.length() > 2 || (c.length() != 2 && c.length() != 4)) {
      return Optional.empty();
    }
    int year = c.length() == 2 ? 2000 + Integer.parseInt(c) : Integer.parseInt(c);
    return Optional.of(
        new WrittenTime(year, Integer.parseInt(a), b, null, sep, time.get(), zone.get()));
  }

  private static Optional<WrittenTime> named(
      String month, String day, String year, Matcher m, int timeGroup) {
    Optional<LocalTime> time = time(m, timeGroup);
    Optional<ZoneOffset> zone = zone(m.group(timeGroup + 5));
    if (time.isEmpty() || zone.isEmpty()) {
      return Optional.empty();
    }
    int monthValue = MONTHS.get(month.substring(0, 3).toLowerCase(Locale.ROOT));
    return Optional.of(
        new WrittenTime(
            Integer.parseInt(year),
            monthValue,
            Integer.parseInt(day),
            DateOrder.MONTH_FIRST,
            (char) 0,
            time.get(),
            zone.get()));
  }

  /**
   * The time from groups {@code g..g+4} (hour, minute, second, fraction, am/pm); midnight when
   * absent.
   */
  private static Optional<LocalTime> time(Matcher m, int g) {
    if (m.group(g) == null) {
      return Optional.of(LocalTime.MIDNIGHT);
    }
    int hour = Integer.parseInt(m.group(g));
    int minute = Integer.parseInt(m.group(g + 1));
    int second = m.group(g + 2) == null ? 0 : Integer.parseInt(m.group(g + 2));
    int nanos =
        m.group(g + 3) == null
            ? 0
            : Integer.parseInt((m.group(g + 3) + "00000000").substring(0, 9));
    String half = m.group(g + 4);
    if (half != null) {
      if (hour < 1 || hour > 12) {
        return Optional.empty();
      }
      boolean pm = half.equalsIgnoreCase("p");
      hour = hour % 12 + (pm ? 12 : 0);
    }
    try {
      return Optional.of(LocalTime.of(hour, minute, second, nanos));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Optional<ZoneOffset> zone(String zone) {
    if (zone == null) {
      return Optional.of(ZoneOffset.UTC);
    }
    String z = zone.toUpperCase(Locale.ROOT);
    if (z.equals("Z") || z.equals("UTC") || z.equals("GMT")) {
      return Optional.of(ZoneOffset.UTC);
    }
    if (z.startsWith("UTC") || z.startsWith("GMT")) {
      z = z.substring(3);
    }
    try {
      return Optional.of(ZoneOffset.of(z));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }
}
