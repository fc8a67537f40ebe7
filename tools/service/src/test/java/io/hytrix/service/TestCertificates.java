package io.hytrix.service;

import org.junit.jupiter.api.Assumptions;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Self-signed certificates for 127.0.0.1 made by the tools on the machine (openssl, else the JDK's
 * keytool), written as the PEM pair {@code serve --tls-cert/--tls-key} takes; a test that needs one
 * is skipped when neither tool runs. Nothing is checked in: a committed key would expire and invite reuse.
 */
public final class TestCertificates
{
    private static final String SUBJECT_ALT_NAMES = "IP:127.0.0.1,DNS:localhost";

    /** A certificate and its private key, both PEM. */
    public record Pair(Path certificate, Path key)
    {
        public TlsSettings settings()
        {
            return new TlsSettings(certificate, key);
        }
    }

    private TestCertificates()
    {
    }

    /** A fresh pair in {@code dir}, files named {@code NAME.crt.pem} and {@code NAME.key.pem}. */
    public static Pair generate(final Path dir, final String name)
    {
        final Pair pair = openssl(dir, name);
        return pair != null ? pair : keytool(dir, name);
    }

    /** With openssl, or null when it is not installed. */
    static Pair openssl(final Path dir, final String name)
    {
        final Pair pair = pairIn(dir, name);
        final boolean ran = run(dir, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2",
            "-subj", "/CN=" + name, "-addext", "subjectAltName=" + SUBJECT_ALT_NAMES,
            "-keyout", pair.key().toString(), "-out", pair.certificate().toString());
        return ran ? pair : null;
    }

    /** With keytool, then the key store rewritten as PEM; skips the test when keytool is missing too. */
    static Pair keytool(final Path dir, final String name)
    {
        final Path store = dir.resolve(name + ".p12");
        final String keytool = Path.of(System.getProperty("java.home"), "bin", "keytool").toString();
        final boolean ran = run(dir, keytool, "-genkeypair", "-alias", name, "-keyalg", "RSA", "-keysize", "2048",
            "-validity", "2", "-dname", "CN=" + name, "-ext", "san=ip:127.0.0.1,dns:localhost",
            "-storetype", "PKCS12", "-keystore", store.toString(), "-storepass", "changeit", "-keypass", "changeit");
        Assumptions.assumeTrue(ran, "neither openssl nor keytool can make a test certificate here");
        try (InputStream in = Files.newInputStream(store))
        {
            final KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(in, "changeit".toCharArray());
            final Key key = ks.getKey(name, "changeit".toCharArray());
            final Pair pair = pairIn(dir, name);
            Files.writeString(pair.key(), pem("PRIVATE KEY", key.getEncoded()), StandardCharsets.US_ASCII);
            Files.writeString(pair.certificate(), pem("CERTIFICATE", ks.getCertificate(name).getEncoded()),
                StandardCharsets.US_ASCII);
            return pair;
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new AssertionError("keytool's key store " + store + " did not load", ex);
        }
    }

    /** A client-side TLS context trusting exactly the certificates in {@code certificate} (a PEM file). */
    public static SSLContext trusting(final Path certificate)
    {
        try (InputStream in = Files.newInputStream(certificate))
        {
            final KeyStore trust = KeyStore.getInstance(KeyStore.getDefaultType());
            trust.load(null, null);
            int i = 0;
            for (final Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in))
            {
                trust.setCertificateEntry("c" + i++, c);
            }
            final TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            final SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        }
        catch (final IOException | GeneralSecurityException ex)
        {
            throw new AssertionError("cannot trust " + certificate, ex);
        }
    }

    private static Pair pairIn(final Path dir, final String name)
    {
        return new Pair(dir.resolve(name + ".crt.pem"), dir.resolve(name + ".key.pem"));
    }

    private static String pem(final String label, final byte[] der)
    {
        return "-----BEGIN " + label + "-----\n"
            + Base64.getMimeEncoder(64, new byte[] { '\n' }).encodeToString(der)
            + "\n-----END " + label + "-----\n";
    }

    /** Runs a tool in {@code dir}; false when it is not installed or fails (its output is dropped). */
    private static boolean run(final Path dir, final String... command)
    {
        try
        {
            final Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            if (!p.waitFor(60, TimeUnit.SECONDS))
            {
                p.destroyForcibly();
                return false;
            }
            return p.exitValue() == 0;
        }
        catch (final IOException ex)
        {
            return false;
        }
        catch (final InterruptedException ex)
        {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
