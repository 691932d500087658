package org.reviewdesk.ui.workspace;

import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.reviewdesk.domain.CaseFile;
import org.reviewdesk.domain.Item;
import org.reviewdesk.service.RecordService;

/** The opening sentences of a clinical summary, from what the case itself knows. */
final class SummaryStarter {
    private static final DateTimeFormatter LONG = DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.US);

    private SummaryStarter() {
    }

    static String start(CaseFile c, RecordService.WorkerFacts f) {
        StringBuilder b = new StringBuilder("The injured worker");
        if (f != null && (f.age() != null || f.occupation() != null)) {
            b.append(" is a");
            if (f.age() != null) {
                b.append(' ').append(f.age()).append(" year old");
            }
            if (f.sex() != null) {
                b.append(' ').append(f.sex());
            }
            b.append(f.occupation() != null ? " " + f.occupation() : f.sex() == null ? " person" : "").append(" who");
        }
        b.append(c.dateOfInjury() == null ? " sustained an industrial injury."
                : " sustained an industrial injury on " + LONG.format(c.dateOfInjury()) + ".");
        List<String> requests = c.items().stream().map(Item::request).filter(r -> r != null && !r.isBlank())
                .map(String::strip).toList();
        if (!requests.isEmpty()) {
            b.append(c.urDenialDate() == null ? " Utilization review" : " On " + LONG.format(c.urDenialDate())
                    + ", utilization review");
            b.append(" non-certified the request for ").append(String.join("; ", requests)).append('.');
        }
        return b.append(' ').toString();
    }
}
