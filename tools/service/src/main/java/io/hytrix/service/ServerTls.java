package io.hytrix.service;

import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.handler.ssl.SslProvider;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Turns {@link TlsSettings} into the server's Netty {@link SslContext} (the JDK's TLS, no native
 * or extra crypto library). The files are read and checked here first, because the errors Netty and
 * the JDK give for a missing file, a PKCS#1 key or a key of another certificate are long, nested
 * and do not always name the file; an operator gets one line saying which file and what to do.
 */
final class ServerTls
{
    private static final Pattern CERTIFICATE = pem("CERTIFICATE");
    private static final Pattern PKCS8_KEY = pem("PRIVATE KEY");
    private static final String[] KEY_ALGORITHMS = { "RSA", "EC", "EdDSA", "RSASSA-PSS", "DSA" };

    /** The TLS files cannot serve: the message is one line naming the file. */
    static final class Unusable extends IllegalArgumentException
    {
        private static final long serialVersionUID = 1L;

        Unusable(final String message)
        {
            super(message);
        }
    }

    private ServerTls()
    {
    }

    static SslContext context(final TlsSettings tls)
    {
        final Path certFile = tls.certificateChain();
        final Path keyFile = tls.privateKey();
        final List<X509Certificate> chain = certificates(certFile);
        final PrivateKey key = privateKey(keyFile);
        requireSameKeyPair(chain.get(0), key, certFile, keyFile);
        try
        {
            return SslContextBuilder.forServer(certFile.toFile(), keyFile.toFile())
                .sslProvider(SslProvider.JDK)
                .protocols("TLSv1.3", "TLSv1.2")
                .build();
        }
        catch (final IOException | RuntimeException ex)
        {
            throw new Unusable("cannot serve TLS with " + certFile + " and " + keyFile + ": " + oneLine(ex));
        }
    }

    private static List<X509Certificate> certificates(final Path file)
    {
        final String text = read(file, "TLS certificate");
        final List<X509Certificate> chain = new ArrayList<>();
        try
        {
            final CertificateFactory x509 = CertificateFactory.getInstance("X.509");
            for (final Matcher m = CERTIFICATE.matcher(text); m.find(); )
            {
                chain.add((X509Certificate)x509.generateCertificate(new ByteArrayInputStream(base64(m.group(1)))));
            }
        }
        catch (final GeneralSecurityException | IllegalArgumentException ex)
        {
            throw new Unusable("TLS certificate " + file + " holds a broken certificate: " + oneLine(ex));
        }
        if (chain.isEmpty())
        {
            throw new Unusable("TLS certificate " + file + " holds no PEM certificate (-----BEGIN CERTIFICATE-----)");
        }
        return chain;
    }

    private static PrivateKey privateKey(final Path file)
    {
        final String text = read(file, "TLS key");
        final Matcher m = PKCS8_KEY.matcher(text);
        if (!m.find())
        {
            if (text.contains("-----BEGIN ENCRYPTED PRIVATE KEY-----"))
            {
                throw new Unusable("TLS key " + file + " is encrypted; serve takes an unencrypted PKCS#8 key"
                    + " (openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem)");
            }
            if (text.matches("(?s).*-----BEGIN [A-Z]+ PRIVATE KEY-----.*"))
            {
                throw new Unusable("TLS key " + file + " is not PKCS#8; convert it with"
                    + " openssl pkcs8 -topk8 -nocrypt -in " + file + " -out key.pem");
            }
            throw new Unusable("TLS key " + file + " holds no PEM PKCS#8 private key (-----BEGIN PRIVATE KEY-----)");
        }
        final byte[] der;
        try
        {
            der = base64(m.group(1));
        }
        catch (final IllegalArgumentException ex)
        {
            throw new Unusable("TLS key " + file + " is not valid base64: " + oneLine(ex));
        }
        for (final String algorithm : KEY_ALGORITHMS)
        {
            try
            {
                return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
            }
            catch (final GeneralSecurityException ex)
            {
                // not this algorithm: try the next
            }
        }
        throw new Unusable("TLS key " + file + " is not an RSA, EC, EdDSA or DSA PKCS#8 private key");
    }

    /**
     * Signs a random challenge with the key and verifies it with the certificate's public key: works
     * for every key type the JDK signs with, where comparing moduli would only cover RSA.
     */
    private static void requireSameKeyPair(final X509Certificate certificate, final PrivateKey key, final Path certFile,
        final Path keyFile)
    {
        final String signing = switch (key.getAlgorithm())
        {
            case "RSA" -> "SHA256withRSA";
            case "EC" -> "SHA256withECDSA";
            case "DSA" -> "SHA256withDSA";
            case "EdDSA", "Ed25519", "Ed448" -> key.getAlgorithm();
            default -> null; // e.g. RSASSA-PSS needs parameters; the TLS handshake is the check then
        };
        if (signing == null)
        {
            return;
        }
        final byte[] challenge = new byte[32];
        new SecureRandom().nextBytes(challenge);
        boolean same;
        try
        {
            final Signature signer = Signature.getInstance(signing);
            signer.initSign(key);
            signer.update(challenge);
            final byte[] signature = signer.sign();
            final Signature verifier = Signature.getInstance(signing);
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(challenge);
            same = verifier.verify(signature);
        }
        catch (final GeneralSecurityException ex)
        {
            same = false; // e.g. an EC key against an RSA certificate
        }
        if (!same)
        {
            throw new Unusable("TLS key " + keyFile + " does not belong to the first certificate in " + certFile
                + " (" + certificate.getSubjectX500Principal().getName() + ")");
        }
    }

    private static String read(final Path file, final String what)
    {
        if (!Files.exists(file))
        {
            throw new Unusable(what + " file not found: " + file);
        }
        if (Files.isDirectory(file))
        {
            throw new Unusable(what + " " + file + " is a directory, not a file");
        }
        try
        {
            return Files.readString(file, StandardCharsets.ISO_8859_1);
        }
        catch (final AccessDeniedException ex)
        {
            throw new Unusable("cannot read " + what + " " + file + ": permission denied");
        }
        catch (final IOException ex)
        {
            throw new Unusable("cannot read " + what + " " + file + ": " + oneLine(ex));
        }
    }

    private static Pattern pem(final String label)
    {
        return Pattern.compile("-----BEGIN " + label + "-----([A-Za-z0-9+/=\\s]*)-----END " + label + "-----");
    }

    private static byte[] base64(final String body)
    {
        return Base64.getMimeDecoder().decode(body);
    }

    /** The innermost cause's message on one line: what the JDK or Netty objected to, without the nesting. */
    private static String oneLine(final Throwable ex)
    {
        Throwable t = ex;
        while (t.getCause() != null && t.getCause() != t)
        {
            t = t.getCause();
        }
        final String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return message.replaceAll("\\s+", " ").strip();
    }
}
