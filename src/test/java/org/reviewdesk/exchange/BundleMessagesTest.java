package org.reviewdesk.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** A damaged bundle's message says what is wrong in words, without Java's class names. */
class BundleMessagesTest {
    @Test
    void classNamesAreTakenOutOfTheCause() {
        assertEquals("invalid distance too far back",
                ArchiveBundle.withoutClassName("java.util.zip.DataFormatException: invalid distance too far back"));
        assertEquals("Zip headers not found. Probably not a zip file",
                ArchiveBundle.withoutClassName("net.lingala.zip4j.exception.ZipException: Zip headers not found. "
                        + "Probably not a zip file"));
        assertEquals("the record p.1.Exception: stays", ArchiveBundle.withoutClassName("the record p.1.Exception: stays"));
    }
}
