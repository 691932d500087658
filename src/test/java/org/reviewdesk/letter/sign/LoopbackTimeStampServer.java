package org.reviewdesk.letter.sign;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.math.BigInteger;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.DigestCalculator;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.bouncycastle.operator.DefaultDigestAlgorithmIdentifierFinder;
import org.bouncycastle.tsp.TSPAlgorithms;
import org.bouncycastle.tsp.TimeStampRequest;
import org.bouncycastle.tsp.TimeStampResponse;
import org.bouncycastle.tsp.TimeStampResponseGenerator;
import org.bouncycastle.tsp.TimeStampTokenGenerator;

/** A real RFC 3161 time-stamp server on 127.0.0.1, built from BouncyCastle's generator and the JDK's HTTP server. */
final class LoopbackTimeStampServer implements AutoCloseable {
    private static final ASN1ObjectIdentifier TEST_POLICY = new ASN1ObjectIdentifier("1.3.6.1.4.1.99999.1");

    private final HttpServer server;
    private final TestCertificates.Issued tsa;
    private final AtomicLong serial = new AtomicLong(1);
    private final AtomicInteger requests = new AtomicInteger();

    private LoopbackTimeStampServer(HttpServer server, TestCertificates.Issued tsa) {
        this.server = server;
        this.tsa = tsa;
    }

    static LoopbackTimeStampServer start() throws Exception {
        Instant now = Instant.now();
        TestCertificates.Issued tsa = TestCertificates.timeStampAuthority(now.minus(Duration.ofDays(1)),
                now.plus(Duration.ofDays(365)));
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        LoopbackTimeStampServer result = new LoopbackTimeStampServer(server, tsa);
        server.createContext("/tsa", exchange -> {
            try (InputStream in = exchange.getRequestBody(); OutputStream out = exchange.getResponseBody()) {
                byte[] reply = result.respond(in.readAllBytes());
                exchange.getResponseHeaders().add("Content-Type", "application/timestamp-reply");
                exchange.sendResponseHeaders(200, reply.length);
                out.write(reply);
            } catch (Exception e) {
                exchange.sendResponseHeaders(500, -1);
            }
        });
        server.start();
        return result;
    }

    private byte[] respond(byte[] requestBytes) throws Exception {
        requests.incrementAndGet();
        TimeStampRequest request = new TimeStampRequest(requestBytes);
        DigestCalculator certIdDigest = new JcaDigestCalculatorProviderBuilder().build()
                .get(new DefaultDigestAlgorithmIdentifierFinder().find("SHA-256"));
        TimeStampTokenGenerator tokens = new TimeStampTokenGenerator(new JcaSimpleSignerInfoGeneratorBuilder()
                .build("SHA256withRSA", tsa.privateKey(), tsa.certificate()), certIdDigest, TEST_POLICY);
        tokens.addCertificates(new JcaCertStore(List.of(tsa.certificate())));
        TimeStampResponseGenerator responses = new TimeStampResponseGenerator(tokens, TSPAlgorithms.ALLOWED);
        TimeStampResponse response = responses.generate(request, BigInteger.valueOf(serial.getAndIncrement()),
                java.util.Date.from(Instant.now()));
        return response.getEncoded();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/tsa";
    }

    int requests() {
        return requests.get();
    }

    @Override
    public void close() throws IOException {
        server.stop(0);
    }
}
