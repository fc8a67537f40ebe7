package io.hytrix.service;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unusable TLS files are refused at start, in one line naming the file, before the journal is touched. */
class ServerTlsTest
{
    @TempDir
    Path dir;

    @Test
    void aGoodPairBuildsAServerContext()
    {
        final TestCertificates.Pair pair = TestCertificates.generate(dir, "good");
        assertThat(ServerTls.context(pair.settings()).isServer()).isTrue();
    }

    @Test
    void keytoolsPairWorksToo()
    {
        // The fallback the tests use where openssl is missing must itself give files serve accepts.
        final TestCertificates.Pair pair = TestCertificates.keytool(dir, "viakeytool");
        assertThat(ServerTls.context(pair.settings()).isServer()).isTrue();
    }

    @Test
    void missingAndMisplacedFilesSayWhich() throws Exception
    {
        final TestCertificates.Pair pair = TestCertificates.generate(dir, "pair");
        final Path missing = dir.resolve("nowhere.pem");
        assertRefused(new TlsSettings(missing, pair.key()), "TLS certificate file not found: " + missing);
        assertRefused(new TlsSettings(pair.certificate(), missing), "TLS key file not found: " + missing);
        assertRefused(new TlsSettings(dir, pair.key()), "TLS certificate " + dir + " is a directory, not a file");
        final Path text = Files.writeString(dir.resolve("notes.txt"), "not a certificate\n");
        assertRefused(new TlsSettings(text, pair.key()), "TLS certificate " + text + " holds no PEM certificate");
        assertRefused(new TlsSettings(pair.certificate(), text), "TLS key " + text + " holds no PEM PKCS#8 private key");
        // Swapped: the key file holds no certificate, the certificate file no key.
        assertRefused(new TlsSettings(pair.key(), pair.certificate()), "TLS certificate " + pair.key() + " holds no PEM certificate");
    }

    @Test
    void keysOfAnotherFormatOrCertificateAreNamed() throws Exception
    {
        final TestCertificates.Pair one = TestCertificates.generate(dir, "one");
        final TestCertificates.Pair two = TestCertificates.generate(dir, "two");
        assertRefused(new TlsSettings(one.certificate(), two.key()),
            "TLS key " + two.key() + " does not belong to the first certificate in " + one.certificate());

        final Path pkcs1 = Files.writeString(dir.resolve("rsa.pem"),
            "-----BEGIN RSA PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END RSA PRIVATE KEY-----\n");
        assertRefused(new TlsSettings(one.certificate(), pkcs1), "TLS key " + pkcs1 + " is not PKCS#8; convert it with openssl pkcs8");
        final Path encrypted = Files.writeString(dir.resolve("enc.pem"),
            "-----BEGIN ENCRYPTED PRIVATE KEY-----\nMIIBOgIBAAJBAK\n-----END ENCRYPTED PRIVATE KEY-----\n");
        assertRefused(new TlsSettings(one.certificate(), encrypted), "TLS key " + encrypted + " is encrypted");
        final Path garbled = Files.writeString(dir.resolve("garbled.pem"),
            "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        assertRefused(new TlsSettings(one.certificate(), garbled), "TLS key " + garbled + " is not an RSA, EC, EdDSA or DSA");
        final Path brokenCert = Files.writeString(dir.resolve("broken.crt.pem"),
            "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
        assertRefused(new TlsSettings(brokenCert, one.key()), "TLS certificate " + brokenCert + " holds a broken certificate");
    }

    @Test
    void anUnreadableFileSaysPermissionDenied() throws Exception
    {
        final TestCertificates.Pair pair = TestCertificates.generate(dir, "locked");
        Files.setPosixFilePermissions(pair.key(), PosixFilePermissions.fromString("---------"));
        Assumptions.assumeFalse(Files.isReadable(pair.key()), "running as root: every file is readable");
        assertRefused(new TlsSettings(pair.certificate(), pair.key()), "cannot read TLS key " + pair.key() + ": permission denied");
    }

    @Test
    void theServiceRefusesToStartBeforeOpeningTheJournal()
    {
        final Path journal = dir.resolve("journal");
        final Path missing = dir.resolve("missing.pem");
        final ServiceSettings settings = TestServer.quietSettings(journal)
            .withHttp(http -> http.withAddress("127.0.0.1", 0).withTls(new TlsSettings(missing, missing)));
        assertThatThrownBy(() -> HttpService.start(settings)).isInstanceOf(ServerTls.Unusable.class)
            .hasMessage("TLS certificate file not found: " + missing);
        assertThat(journal).doesNotExist();
    }

    private static void assertRefused(final TlsSettings tls, final String expected)
    {
        assertThatThrownBy(() -> ServerTls.context(tls)).isInstanceOf(ServerTls.Unusable.class)
            .hasMessageContaining(expected)
            .satisfies(ex -> assertThat(ex.getMessage()).doesNotContain("\n"));
    }
}
