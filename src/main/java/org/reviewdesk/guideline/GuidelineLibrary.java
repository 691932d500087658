package org.reviewdesk.guideline;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The guideline library: the shipped entries, optionally extended by the user's own file. */
public final class GuidelineLibrary {
    private static final String SHIPPED = "library.json";

    private final List<GuidelineEntry> entries;
    private final Map<String, GuidelineEntry> byId = new LinkedHashMap<>();
    private GuidelineRanker ranker;

    private GuidelineLibrary(Collection<GuidelineEntry> entries) {
        this.entries = List.copyOf(entries);
        this.entries.forEach(e -> byId.put(e.id(), e));
    }

    /** The library shipped with the app; a broken shipped file is a build error, hence unchecked. */
    public static GuidelineLibrary shipped() {
        try (InputStream in = GuidelineLibrary.class.getResourceAsStream(SHIPPED)) {
            if (in == null) {
                throw new IllegalStateException("the shipped guideline library " + SHIPPED + " is missing");
            }
            return load(in, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (GuidelineFormatException e) {
            throw new IllegalStateException("the shipped guideline library is invalid: " + e.getMessage(), e);
        }
    }

    /**
     * Reads the shipped library and merges the user's file (same format) over it: a user entry with an
     * existing id replaces it in place, a new id is added at the end.
     */
    public static GuidelineLibrary load(InputStream shipped, Path userFileOrNull)
            throws IOException, GuidelineFormatException {
        Map<String, GuidelineEntry> merged = new LinkedHashMap<>();
        LibraryJson.read(shipped).forEach(e -> merged.put(e.id(), e));
        if (userFileOrNull != null) {
            try (InputStream in = Files.newInputStream(userFileOrNull)) {
                LibraryJson.read(in).forEach(e -> merged.put(e.id(), e));
            } catch (GuidelineFormatException e) {
                // Name the file: the user has to know which of their files to fix.
                throw e.inFile(userFileOrNull.toString());
            } catch (java.nio.file.NoSuchFileException e) {
                throw e;
            } catch (IOException e) {
                throw GuidelineFormatException.unreadable(userFileOrNull.toString(), e);
            }
        }
        return new GuidelineLibrary(merged.values());
    }

    /** All entries, MTUS guidelines first as shipped, then the rest. */
    public List<GuidelineEntry> entries() {
        return entries;
    }

    public Optional<GuidelineEntry> byId(String id) {
        return Optional.ofNullable(byId.get(id));
    }

    /** The entry with this id, or an {@link UnknownGuidelineException} naming it. */
    public GuidelineEntry require(String id) {
        GuidelineEntry e = byId.get(id);
        if (e == null) {
            throw new UnknownGuidelineException("the guideline library has no entry \"" + id + "\"");
        }
        return e;
    }

    /** Entries whose categories (their own or a section's) include this treatment category key. */
    public List<GuidelineEntry> forCategory(String category) {
        String key = category.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.categories().contains(key)
                || e.sections().stream().anyMatch(s -> s.categories().contains(key))).toList();
    }

    /**
     * Entries and sections matching every word of the query (case-insensitive prefix match on words of
     * the name, section name, categories, summary and limits); name matches rank first. A blank query
     * lists every entry followed by its sections.
     */
    public List<SearchHit> search(String query) {
        List<String> words = Words.of(query);
        List<SearchHit> all = new ArrayList<>();
        for (GuidelineEntry e : entries) {
            all.add(new SearchHit(e, null));
            e.sections().forEach(s -> all.add(new SearchHit(e, s)));
        }
        if (words.isEmpty()) {
            return all;
        }
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < all.size(); i++) {
            int score = HitScore.score(all.get(i), words);
            if (score > 0) {
                scored.add(new Scored(all.get(i), score, i));
            }
        }
        scored.sort(Comparator.comparingInt((Scored s) -> -s.score).thenComparingInt(s -> s.order));
        return scored.stream().map(s -> s.hit).toList();
    }

    /**
     * The ranking of this library for disputed items (BM25 with synonyms, category, body part and MTUS
     * first), built on first use with the shipped rules. This is the entry point the Cite dialog and
     * {@code suggest} use; its {@code boost} map lets a caller raise entries (e.g. those that similar past
     * decisions cited).
     */
    public synchronized GuidelineRanker ranker() {
        if (ranker == null) {
            ranker = new GuidelineRanker(this, RulesData.active());
        }
        return ranker;
    }

    /**
     * Whether a non-MTUS entry is a whole chapter (it has sections), under which a topic the library lacks
     * can be cited as free text.
     */
    public static boolean isChapter(GuidelineEntry e) {
        return e.kind() == GuidelineKind.NON_MTUS && !e.sections().isEmpty();
    }

    /** The non-MTUS chapters, by name, for citing a topic the library lacks. */
    public List<GuidelineEntry> chapters() {
        return entries().stream().filter(GuidelineLibrary::isChapter)
                .sorted(java.util.Comparator.comparing(GuidelineEntry::name)).toList();
    }

    /** The entry of this kind cited under exactly this name, if any. */
    Optional<GuidelineEntry> byName(GuidelineKind kind, String name) {
        return entries.stream().filter(e -> e.kind() == kind && e.name().equals(name)).findFirst();
    }

    /** Entries of a kind, longest name first, so that a name that is a prefix of another never wins. */
    List<GuidelineEntry> longestNamesFirst(GuidelineKind kind) {
        return entries.stream().filter(e -> e.kind() == kind)
                .sorted(Comparator.comparingInt((GuidelineEntry e) -> -e.name().length())).toList();
    }

    private record Scored(SearchHit hit, int score, int order) {
    }
}
