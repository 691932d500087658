package org.reviewdesk.exchange;

import jakarta.activation.DataHandler;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Date;
import java.util.Properties;
import org.reviewdesk.domain.SmtpSettings;

/** The e-mail that delivers a signed letter: a draft ({@code .eml}) or a message sent over SMTP. */
public final class MailDraft {
    private MailDraft() {
    }

    static String subject(String caseNumber) {
        return "IMR determination " + caseNumber;
    }

    static String body(String caseNumber) {
        return "Please find attached the signed Final Determination Letter for Independent Medical Review case "
                + caseNumber + ".\n\nThe PDF carries a digital signature; any change to the file invalidates it.\n";
    }

    /** The message: To, subject {@code IMR determination <case>}, a short body, the PDF attached. */
    public static MimeMessage message(Session session, String from, String to, String caseNumber, byte[] pdf,
                                      boolean unsent) throws MessagingException {
        MimeMessage m = new MimeMessage(session);
        if (from != null && !from.isBlank()) {
            m.setFrom(new InternetAddress(from));
        }
        m.setRecipients(MimeMessage.RecipientType.TO, InternetAddress.parse(to, true));
        m.setSubject(subject(caseNumber), "UTF-8");
        m.setSentDate(new Date());
        MimeBodyPart text = new MimeBodyPart();
        text.setText(body(caseNumber), "UTF-8");
        MimeBodyPart attachment = new MimeBodyPart();
        attachment.setDataHandler(new DataHandler(new ByteArrayDataSource(pdf, "application/pdf")));
        attachment.setFileName(caseNumber + "-determination.pdf");
        MimeMultipart mp = new MimeMultipart();
        mp.addBodyPart(text);
        mp.addBodyPart(attachment);
        m.setContent(mp);
        if (unsent) {
            // Outlook and others open a message marked this way as a draft to send
            m.setHeader("X-Unsent", "1");
        }
        m.saveChanges();
        return m;
    }

    /** The draft as {@code .eml} bytes. */
    public static byte[] eml(String to, String caseNumber, byte[] pdf) throws MessagingException, IOException {
        MimeMessage m = message(Session.getInstance(new Properties()), null, to, caseNumber, pdf, true);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        m.writeTo(out);
        return out.toByteArray();
    }

    /** Sends the letter over SMTP. */
    public static void send(SmtpSettings smtp, String to, String caseNumber, byte[] pdf) throws MessagingException {
        Properties p = new Properties();
        p.put("mail.smtp.host", smtp.host());
        p.put("mail.smtp.port", String.valueOf(smtp.port()));
        p.put("mail.smtp.auth", String.valueOf(smtp.user() != null && !smtp.user().isBlank()));
        p.put("mail.smtp.connectiontimeout", "15000");
        p.put("mail.smtp.timeout", "30000");
        if (smtp.security() == SmtpSettings.Security.STARTTLS) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if (smtp.security() == SmtpSettings.Security.TLS) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        Session session = Session.getInstance(p);
        MimeMessage m = message(session, smtp.from(), to, caseNumber, pdf, false);
        if (smtp.user() == null || smtp.user().isBlank()) {
            Transport.send(m);
        } else {
            Transport.send(m, smtp.user(), new String(smtp.password()));
        }
    }
}
