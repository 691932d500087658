package org.reviewdesk.service;

import org.reviewdesk.domain.SmtpSettings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetupTest;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.reviewdesk.TestData;
import org.reviewdesk.exchange.MailDraft;

/** The signed letter leaves by e-mail: a draft the mail client opens, or a message sent over real SMTP. */
class EmailDeliveryTest {
    @RegisterExtension
    static GreenMailExtension smtp = new GreenMailExtension(ServerSetupTest.SMTP.dynamicPort());

    @TempDir
    Path tmp;
    private Workbench w;
    private byte[] signed;

    @BeforeEach
    void signTheSample() throws Exception {
        w = Workbench.create(tmp.resolve("data"), TestData.PASSWORD, false);
        w.letters().createIdentity("Reviewer 4711");
        signed = w.letters().sign("EXAMPLE-0001", null).pdf();
    }

    @AfterEach
    void close() {
        w.close();
    }

    private static byte[] attachment(MimeMessage m) throws Exception {
        Multipart mp = (Multipart) m.getContent();
        for (int i = 0; i < mp.getCount(); i++) {
            Part p = mp.getBodyPart(i);
            if (Part.ATTACHMENT.equalsIgnoreCase(p.getDisposition()) || p.getFileName() != null) {
                try (InputStream in = p.getInputStream()) {
                    return in.readAllBytes();
                }
            }
        }
        throw new AssertionError("no attachment");
    }

    @Test
    void theDraftParsedBackCarriesTheSignedLetterIntact() throws Exception {
        Path eml = tmp.resolve("EXAMPLE-0001.eml");
        var d = w.delivery().deliver("EXAMPLE-0001", "imr@example.org", eml, false);
        assertFalse(d.sent());
        MimeMessage m;
        try (InputStream in = Files.newInputStream(eml)) {
            m = new MimeMessage(Session.getInstance(new Properties()), in);
        }
        assertEquals("IMR determination EXAMPLE-0001", m.getSubject());
        assertEquals("1", m.getHeader("X-Unsent")[0]);
        assertEquals("imr@example.org", m.getAllRecipients()[0].toString());
        assertArrayEquals(signed, attachment(m));
        assertEquals("imr@example.org", w.delivery().defaultRecipient(), "the recipient is remembered");
    }

    @Test
    void sendingOverSmtpDeliversTheLetter() throws Exception {
        w.delivery().saveSmtp(new SmtpSettings("127.0.0.1", smtp.getSmtp().getPort(), "", new char[0],
                SmtpSettings.Security.NONE, "reviewer@example.org"));
        var d = w.delivery().deliver("EXAMPLE-0001", "imr@example.org", tmp.resolve("x.eml"), true);
        assertTrue(d.sent(), d.problem());
        assertTrue(smtp.waitForIncomingEmail(10_000, 1));
        MimeMessage received = smtp.getReceivedMessages()[0];
        assertEquals("IMR determination EXAMPLE-0001", received.getSubject());
        assertArrayEquals(signed, attachment(received));
        assertTrue(w.auditEntries().stream().anyMatch(e -> e.action().equals("EMAILED")));
    }

    @Test
    void aFailedSendKeepsTheDraftAndSaysWhy() throws Exception {
        w.delivery().saveSmtp(new SmtpSettings("127.0.0.1", 1, "", new char[0], SmtpSettings.Security.NONE,
                "reviewer@example.org"));
        Path eml = tmp.resolve("kept.eml");
        var d = w.delivery().deliver("EXAMPLE-0001", "imr@example.org", eml, true);
        assertFalse(d.sent());
        assertTrue(d.problem().contains("not sent") && d.problem().contains("draft is kept"), d.problem());
        assertTrue(Files.size(eml) > signed.length, "the draft with the letter is there");
    }

    @Test
    void anAddressWithAHeaderSmuggledInIsRefusedAsAnAddressAndNothingIsWritten() throws Exception {
        Path eml = tmp.resolve("smuggled.eml");
        java.io.IOException e = org.junit.jupiter.api.Assertions.assertThrows(java.io.IOException.class,
                () -> w.delivery().deliver("EXAMPLE-0001", "imr@example.org\r\nBcc: x@example.net", eml, false));
        assertTrue(e.getMessage().startsWith("The recipient address is not valid"), e.getMessage());
        assertFalse(e.getMessage().contains("\r") || e.getMessage().contains("\n"), e.getMessage());
        assertFalse(Files.exists(eml));
    }
}
