package org.reviewdesk.precedent;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The body regions a request names ("MRI of the lumbar spine" is the low back), in the regions of the MTUS
 * complaint chapters; and the part of a modified request that IMR decides.
 */
public final class BodyParts {
    private static final Map<String, Pattern> REGIONS = new LinkedHashMap<>();

    static {
        region("low-back", "lumbar|lumbosacral|low(?:er)? back|l[1-5]-?(?:l?[1-5]|s1)|l[1-5]|sacroiliac|\\bsi joint|sciatic");
        region("neck", "cervical|neck|c[1-7]-?c?[1-7]?\\b|trapezi");
        region("thoracic", "thoracic|mid back|upper back");
        region("shoulder", "shoulder|rotator cuff|acromi|glenohumeral|labral|clavic");
        region("elbow", "elbow|epicondyl|cubital");
        region("hand", "wrist|hand|finger|thumb|carpal|radius|ulnar|digit|trigger");
        region("hip", "\\bhip|pelvi|groin|femoral|acetabul");
        region("knee", "knee|menisc|patell|\\bacl\\b|tibia");
        region("foot", "ankle|foot|feet|toe|plantar|achilles|heel");
        region("head", "head|brain|cranial|concussion|migraine|headache|eye|ear\\b|hearing|dental|teeth|tooth");
    }

    private static final Pattern ELIGIBLE = Pattern.compile(
            "(?:The remaining IMR eligible portion of the original request,|The original request,)\\s*(.+?)\\s*(?:is)?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);

    private BodyParts() {
    }

    private static void region(String key, String regex) {
        REGIONS.put(key, Pattern.compile("(?i)(?<![a-z])(?:" + regex + ")"));
    }

    /** The regions a text names, in a fixed order. */
    public static Set<String> of(String text) {
        Set<String> out = new LinkedHashSet<>();
        if (text == null) {
            return out;
        }
        REGIONS.forEach((k, p) -> {
            if (p.matcher(text).find()) {
                out.add(k);
            }
        });
        return out;
    }

    /**
     * The request IMR decides: for a request utilization review modified ("... was the original request. ... was
     * authorized by the Claims Administrator. The remaining IMR eligible portion of the original request, X is"),
     * X; otherwise the request as it is.
     */
    public static String decidedPart(String request) {
        if (request == null) {
            return "";
        }
        var m = ELIGIBLE.matcher(request);
        return m.find() ? m.group(1).strip() : request;
    }
}
