package org.reviewdesk.domain;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.Optional;

/** The statutory review clock: 30 days standard, 3 days expedited, 5 working days formulary. */
public final class DueDates {
    private DueDates() {
    }

    public static Optional<LocalDate> compute(LocalDate assigned, Priority priority, ReviewType type) {
        if (assigned == null) {
            return Optional.empty();
        }
        if (type == ReviewType.FORMULARY) {
            return Optional.of(plusWorkingDays(assigned, 5));
        }
        return Optional.of(assigned.plusDays(priority == Priority.EXPEDITED ? 3 : 30));
    }

    static LocalDate plusWorkingDays(LocalDate start, int days) {
        LocalDate d = start;
        int added = 0;
        while (added < days) {
            d = d.plusDays(1);
            if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
                added++;
            }
        }
        return d;
    }
}
