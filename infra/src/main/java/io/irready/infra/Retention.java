package io.irready.infra;

import software.amazon.awscdk.services.logs.RetentionDays;

/** Maps a day count to the shortest CloudWatch Logs retention that is at least that long. */
final class Retention {
    private static final int[] DAYS = {1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827,
        2192, 2557, 2922, 3288, 3653};
    private static final RetentionDays[] VALUES = {RetentionDays.ONE_DAY, RetentionDays.THREE_DAYS,
        RetentionDays.FIVE_DAYS, RetentionDays.ONE_WEEK, RetentionDays.TWO_WEEKS, RetentionDays.ONE_MONTH,
        RetentionDays.TWO_MONTHS, RetentionDays.THREE_MONTHS, RetentionDays.FOUR_MONTHS, RetentionDays.FIVE_MONTHS,
        RetentionDays.SIX_MONTHS, RetentionDays.ONE_YEAR, RetentionDays.THIRTEEN_MONTHS,
        RetentionDays.EIGHTEEN_MONTHS, RetentionDays.TWO_YEARS, RetentionDays.THREE_YEARS, RetentionDays.FIVE_YEARS,
        RetentionDays.SIX_YEARS, RetentionDays.SEVEN_YEARS, RetentionDays.EIGHT_YEARS, RetentionDays.NINE_YEARS,
        RetentionDays.TEN_YEARS};

    private Retention() {
    }

    /** Days in, CloudWatch Logs retention out; beyond ten years, never expire. */
    static RetentionDays atLeast(int days) {
        for (int i = 0; i < DAYS.length; i++) {
            if (DAYS[i] >= days) {
                return VALUES[i];
            }
        }
        return RetentionDays.INFINITE;
    }

    /** The number of days {@link #atLeast} picks (0 = never expire), for tests and docs. */
    static int daysAtLeast(int days) {
        for (int d : DAYS) {
            if (d >= days) {
                return d;
            }
        }
        return 0;
    }
}
