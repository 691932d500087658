package org.reviewdesk.service;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.CaseStatus;
import org.reviewdesk.domain.CaseSummary;
import org.reviewdesk.domain.Decision;
import org.reviewdesk.domain.Item;
import org.reviewdesk.guideline.CategorySuggester;
import org.reviewdesk.guideline.TreatmentCategory;
import org.reviewdesk.precedent.Precedent;
import org.reviewdesk.precedent.PrecedentIndex;
import org.reviewdesk.precedent.PrecedentItem;
import org.reviewdesk.store.StoreException;

/**
 * The reviewer's own record for the dashboard: cases per week (by assignment date), open cases by due date,
 * decisions by treatment category against the public letters' proportions, and the average days from assignment
 * to signing.
 */
public record ReviewerRecord(LocalDate today, Map<LocalDate, Integer> casesPerWeek, List<OpenCase> openCases,
                             List<CategoryRow> categories, Double averageDaysToSign, int signedCases) {
    /** Days before the due date from which an open case is "due soon". */
    public static final int DUE_SOON_DAYS = 2;

    /** An open case and its due date. */
    public record OpenCase(String caseNumber, CaseStatus status, LocalDate dueDate) {
        public boolean overdue(LocalDate today) {
            return dueDate != null && dueDate.isBefore(today);
        }

        public boolean dueSoon(LocalDate today) {
            return dueDate != null && !overdue(today) && !dueDate.isAfter(today.plusDays(DUE_SOON_DAYS));
        }
    }

    /** Decisions in one treatment category: the reviewer's and the public letters'. */
    public record CategoryRow(String categoryKey, String label, int ownUpheld, int ownOverturned, int publicUpheld,
                              int publicOverturned) {
        public int ownTotal() {
            return ownUpheld + ownOverturned;
        }

        public int publicTotal() {
            return publicUpheld + publicOverturned;
        }

        /** The share overturned, 0..1, or null without decisions. */
        public Double ownOverturnRate() {
            return ownTotal() == 0 ? null : (double) ownOverturned / ownTotal();
        }

        public Double publicOverturnRate() {
            return publicTotal() == 0 ? null : (double) publicOverturned / publicTotal();
        }
    }

    /** Works the record out from the case library and the public precedents. */
    static ReviewerRecord compute(CaseLibrary cases, List<Precedent> publicLetters, LocalDate today)
            throws StoreException {
        Map<LocalDate, Integer> perWeek = new TreeMap<>();
        List<OpenCase> open = new ArrayList<>();
        Map<TreatmentCategory, int[]> counts = new TreeMap<>();
        long days = 0;
        int signed = 0;
        for (CaseSummary s : cases.list()) {
            Optional<CaseFile> found = cases.find(s.caseNumber());
            if (found.isEmpty()) {
                continue;
            }
            CaseFile c = found.get();
            if (c.dateAssigned() != null) {
                perWeek.merge(c.dateAssigned().with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)), 1,
                        Integer::sum);
            }
            if (!s.status().locked()) {
                open.add(new OpenCase(s.caseNumber(), s.status(), s.dueDate()));
            } else if (c.dateAssigned() != null && c.decisionDate() != null) {
                days += ChronoUnit.DAYS.between(c.dateAssigned(), c.decisionDate());
                signed++;
            }
            for (int n = 0; n < c.items().size(); n++) {
                Item i = c.items().get(n);
                if (i.decision() != null) {
                    TreatmentCategory cat = CategorySuggester.ofItem(c, n);
                    counts.computeIfAbsent(cat, k -> new int[4])[i.decision() == Decision.UPHELD ? 0 : 1]++;
                }
            }
        }
        for (Precedent p : publicLetters) {
            if (p.source() != Precedent.Source.PUBLIC) {
                continue;
            }
            for (PrecedentItem i : p.items()) {
                TreatmentCategory cat = TreatmentCategory.fromKey(PrecedentIndex.categoryOf(i.request()));
                counts.computeIfAbsent(cat, k -> new int[4])[i.decision() == Decision.UPHELD ? 2 : 3]++;
            }
        }
        open.sort((a, b) -> a.dueDate() == null ? 1 : b.dueDate() == null ? -1 : a.dueDate().compareTo(b.dueDate()));
        List<CategoryRow> rows = new ArrayList<>();
        counts.forEach((k, v) -> rows.add(new CategoryRow(k.key(), k.label(), v[0], v[1], v[2], v[3])));
        return new ReviewerRecord(today, perWeek, open, rows, signed == 0 ? null : (double) days / signed, signed);
    }

    /** The record as CSV: one section per chart, each with a header line. */
    public String toCsv() {
        StringBuilder sb = new StringBuilder();
        sb.append("section,key,value1,value2,value3,value4\n");
        casesPerWeek.forEach((w, n) -> sb.append("cases per week,").append(w).append(',').append(n).append(",,,\n"));
        for (OpenCase o : openCases) {
            sb.append("open case,").append(csv(o.caseNumber())).append(',').append(o.dueDate() == null ? ""
                    : o.dueDate()).append(',').append(o.overdue(today) ? "overdue" : o.dueSoon(today) ? "due soon"
                    : "").append(',').append(csv(o.status().label())).append(",\n");
        }
        sb.append("decisions by category (own upheld; own overturned; public upheld; public overturned),,,,,\n");
        for (CategoryRow r : categories) {
            sb.append("category,").append(csv(r.label())).append(',').append(r.ownUpheld()).append(',')
                    .append(r.ownOverturned()).append(',').append(r.publicUpheld()).append(',')
                    .append(r.publicOverturned()).append('\n');
        }
        sb.append("average days from assignment to signing,").append(averageDaysToSign == null ? ""
                : String.format(Locale.ROOT, "%.1f", averageDaysToSign)).append(',').append(signedCases)
                .append(" signed cases,,,\n");
        return sb.toString();
    }

    private static String csv(String s) {
        return s.contains(",") || s.contains("\"") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
    }
}
