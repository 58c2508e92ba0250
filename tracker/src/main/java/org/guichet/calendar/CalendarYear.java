package org.guichet.calendar;

/**
 * One year of a business calendar, indexed by day of year: which days are closed
 * (holiday or closure) and the running total of open time, so that the open time of
 * any run of whole days is one subtraction and the day on which a duration runs out
 * is one binary search.
 */
final class CalendarYear {

    final int year;
    private final boolean[] closed;
    /** {@code cumulative[i]}: open nanoseconds of the first {@code i} days of the year. */
    private final long[] cumulative;

    CalendarYear(int year, boolean[] closed, long[] cumulative) {
        this.year = year;
        this.closed = closed;
        this.cumulative = cumulative;
    }

    int length() {
        return closed.length;
    }

    /** Whether day {@code index} (0 = 1 January) is a holiday or falls in a closure. */
    boolean isClosed(int index) {
        return closed[index];
    }

    /** Open nanoseconds from day {@code fromIndex} (included) to day {@code toIndex} (excluded). */
    long openNanos(int fromIndex, int toIndex) {
        return cumulative[toIndex] - cumulative[fromIndex];
    }

    /**
     * The first day at or after {@code fromIndex} by whose end at least {@code nanos} of
     * open time have passed since the start of {@code fromIndex}, or -1 if the year ends before.
     * With {@code nanos} = 1 this is the next day with any open time.
     */
    int dayReaching(int fromIndex, long nanos) {
        long target = cumulative[fromIndex] + nanos;
        if (cumulative[length()] < target) {
            return -1;
        }
        int low = fromIndex + 1;
        int high = length();
        while (low < high) {            // smallest j with cumulative[j] >= target
            int mid = (low + high) >>> 1;
            if (cumulative[mid] >= target) {
                high = mid;
            } else {
                low = mid + 1;
            }
        }
        return low - 1;
    }
}
