package org.reviewdesk.service;

import org.reviewdesk.domain.SmtpSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.reviewdesk.exchange.MailDraft;
import org.reviewdesk.store.Store;
import org.reviewdesk.store.StoreException;

/** Delivering a signed letter by e-mail: a draft for the mail client, or a message sent over SMTP. */
public final class DeliveryService {
    /** The draft and, when sending was asked for, whether it went out (and why not). */
    public record Delivery(Path draft, boolean sent, String problem) {
    }

    private final Store store;
    private final LetterService letters;

    DeliveryService(Store store, LetterService letters) {
        this.store = store;
        this.letters = letters;
    }

    public SmtpSettings smtp() throws StoreException {
        var s = store.settings();
        String host = s.get("smtp.host").orElse("");
        if (host.isBlank()) {
            return null;
        }
        return new SmtpSettings(host, Integer.parseInt(s.get("smtp.port").orElse("587")),
                s.get("smtp.user").orElse(""), s.get("smtp.password").orElse("").toCharArray(),
                SmtpSettings.Security.valueOf(s.get("smtp.security").orElse("STARTTLS")),
                s.get("smtp.from").orElse(""));
    }

    /** Saves the SMTP settings; the password is kept inside the encrypted store. */
    public void saveSmtp(SmtpSettings smtp) throws StoreException {
        var s = store.settings();
        s.put("smtp.host", smtp.host());
        s.put("smtp.port", String.valueOf(smtp.port()));
        s.put("smtp.user", smtp.user());
        s.put("smtp.password", new String(smtp.password()));
        s.put("smtp.security", smtp.security().name());
        s.put("smtp.from", smtp.from());
    }

    public String defaultRecipient() throws StoreException {
        return store.settings().get("mail.to").orElse("");
    }

    /**
     * Writes the e-mail draft with the case's signed letter attached and, if asked, sends it. A send
     * that fails keeps the draft and says why.
     */
    public Delivery deliver(String caseNumber, String to, Path draft, boolean send) throws StoreException,
            IOException {
        byte[] pdf = letters.signedLetter(caseNumber).orElseThrow(() -> new StoreException("Case " + caseNumber
                + " has no signed letter yet: sign it first (Sign & Export, or 'letter " + caseNumber + " --sign')."));
        DataFolders.requireOutside(store.dir(), draft, "e-mail draft");
        try {
            org.reviewdesk.files.PrivateFiles.writeAtomically(draft, MailDraft.eml(to, caseNumber, pdf));
        } catch (jakarta.mail.internet.AddressException e) {
            throw new IOException("The recipient address is not valid (" + e.getMessage().replaceAll("\\p{Cntrl}", " ")
                    + "): give one address such as name@example.org; no e-mail was written.", e);
        } catch (jakarta.mail.MessagingException e) {
            throw new IOException("The e-mail could not be written: " + e.getMessage(), e);
        }
        store.settings().put("mail.to", to);
        store.audit().append("EMAIL_DRAFTED", caseNumber, null);
        if (!send) {
            return new Delivery(draft, false, null);
        }
        SmtpSettings smtp = smtp();
        if (smtp == null) {
            return new Delivery(draft, false, "no SMTP server is set (Settings); the draft is kept");
        }
        try {
            MailDraft.send(smtp, to, caseNumber, pdf);
            store.audit().append("EMAILED", caseNumber, null);
            if (store.cases().status(caseNumber) == org.reviewdesk.domain.CaseStatus.FINALIZED) {
                store.cases().setStatus(caseNumber, org.reviewdesk.domain.CaseStatus.DELIVERED);
            }
            return new Delivery(draft, true, null);
        } catch (jakarta.mail.MessagingException e) {
            return new Delivery(draft, false, "the letter was not sent (" + e.getMessage() + "); the draft is kept");
        }
    }
}
