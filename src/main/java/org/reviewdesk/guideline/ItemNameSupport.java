package org.reviewdesk.guideline;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The name of the item under review, and that name written inside a sentence. */
final class ItemNameSupport {

    // "... The remaining IMR eligible portion of the original request, Z is": Z is what remains.
    private static final Pattern REMAINING = Pattern.compile(
            "remaining IMR eligible portion of the original request,\\s*(.+?)\\s*,?\\s+(?:is|are)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    // "... leaving the original request IMR eligible. The original request, X is": all of X remains.
    private static final Pattern ORIGINAL = Pattern.compile(
            "The original request,\\s*(.+?)\\s*,?\\s+(?:is|are)\\s*$", Pattern.CASE_INSENSITIVE | Pattern.DOTALL);
    // Brand names keep their capital; generic words are lowercased inside a sentence.
    private static final Set<String> BRANDS = Set.of("norco", "percocet", "ultram", "ultracet", "vicodin",
            "oxycontin", "celebrex", "mobic", "motrin", "naprosyn", "anaprox", "flexeril", "norflex", "soma",
            "robaxin", "zanaflex", "skelaxin", "lidoderm", "voltaren", "zofran", "valium", "xanax", "ambien",
            "neurontin", "lyrica", "cymbalta", "pepcid", "prilosec", "nexium", "protonix", "terocin", "flector",
            "butrans", "nucynta", "dilaudid", "duragesic", "opana", "toradol", "synvisc", "botox", "tylenol",
            "fanatrex", "dicopanol", "deprizine", "tabradol", "jamar");

    private ItemNameSupport() {
    }

    // Billing details that are not part of the treatment's name: "DOS: 11/11/2016", "(15 mins)".
    private static final Pattern BILLING = Pattern.compile(
            "(?i)\\s*\\(?\\b(?:DOS|date of service):?\\s*[0-9/.-]+\\)?|\\s*\\(\\s*\\d+\\s*min(?:ute)?s?\\.?\\s*\\)");

    static String itemName(String request) {
        String name = portion(request);
        return BILLING.matcher(name).replaceAll("").replaceAll("\\s{2,}", " ").replaceAll("\\s+([,.;:])", "$1")
                .replaceAll("[,;:]\\s*$", "").strip();
    }

    private static String portion(String request) {
        if (request == null) {
            return "";
        }
        String r = request.strip();
        Matcher m = REMAINING.matcher(r);
        if (m.find()) {
            // "with open carpal tunnel release" reads as "open carpal tunnel release" after "the request for".
            return m.group(1).strip().replaceFirst("^(?i)with\\s+", "");
        }
        m = ORIGINAL.matcher(r);
        return m.find() ? m.group(1).strip() : r;
    }

    /** The name as it reads after "the request for": a capital that only starts the name is lowercased. */
    static String inSentence(String name) {
        if (name.isEmpty()) {
            return name;
        }
        String[] words = name.split("\\s+");
        String first = words[0].replaceAll("[^A-Za-z]", "");
        boolean plainCapitalized = words[0].matches("[A-Z][a-z]+[,:]?") && !BRANDS.contains(first.toLowerCase(Locale.ROOT));
        return plainCapitalized && !titleCase(words) ? Character.toLowerCase(name.charAt(0)) + name.substring(1) : name;
    }

    // "Lumbar Spine Epidural Injection" is written in title case; lowercasing only its first word would look odd.
    private static boolean titleCase(String[] words) {
        int long1 = 0;
        int capitalized = 0;
        for (int i = 1; i < words.length; i++) {
            if (words[i].matches("[A-Za-z]{4,}")) {
                long1++;
                if (Character.isUpperCase(words[i].charAt(0))) {
                    capitalized++;
                }
            }
        }
        return long1 > 0 && capitalized * 2 > long1;
    }
}
