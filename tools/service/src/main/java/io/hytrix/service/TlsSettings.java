package io.hytrix.service;

import java.nio.file.Path;
import java.util.Objects;

/**
 * HTTPS for the front door: the files {@code serve --tls-cert/--tls-key} name. They are read when
 * the service starts ({@link ServerTls}), so a bad file stops the start instead of the first client.
 *
 * @param certificateChain PEM: the server certificate first, then any intermediates
 * @param privateKey       PEM, unencrypted PKCS#8 ({@code BEGIN PRIVATE KEY}) of the first certificate
 */
public record TlsSettings(Path certificateChain, Path privateKey)
{
    public TlsSettings
    {
        Objects.requireNonNull(certificateChain, "certificateChain");
        Objects.requireNonNull(privateKey, "privateKey");
    }
}
