package org.w3id.silkgraph.extract;

import java.time.LocalDate;
import java.time.MonthDay;

/**
 * A date or date range as written: days always, years only where the text gives them.
 *
 * @param startYear year of the first day, or 0 when the text leaves it out
 * @param start     month and day of the first day
 * @param endYear   year of the last day, or 0
 * @param end       month and day of the last day, or null for a single day
 */
record DateSpan(int startYear, MonthDay start, int endYear, MonthDay end) {

    boolean hasYear() {
        return startYear > 0;
    }

    boolean isRange() {
        return end != null;
    }

    /** The same dates with the year filled in from a reference date when the text has none. */
    DateSpan withYearNear(LocalDate reference) {
        if (hasYear() || reference == null) {
            return this;
        }
        int y = closestYear(start, reference);
        int ey = end == null ? 0 : (end.isBefore(start) ? y + 1 : y);
        return new DateSpan(y, start, ey, end);
    }

    /** The year that puts month-day within half a year of the reference. */
    private static int closestYear(MonthDay md, LocalDate ref) {
        int best = ref.getYear();
        long bestGap = Long.MAX_VALUE;
        for (int y = ref.getYear() - 1; y <= ref.getYear() + 1; y++) {
            if (!md.isValidYear(y)) {
                continue;
            }
            long gap = Math.abs(md.atYear(y).toEpochDay() - ref.toEpochDay());
            if (gap < bestGap) {
                bestGap = gap;
                best = y;
            }
        }
        return best;
    }

    LocalDate startDate() {
        return hasYear() && start.isValidYear(startYear) ? start.atYear(startYear) : null;
    }

    LocalDate endDate() {
        if (end == null) {
            return null;
        }
        int y = endYear > 0 ? endYear : startYear;
        return y > 0 && end.isValidYear(y) ? end.atYear(y) : null;
    }
}
