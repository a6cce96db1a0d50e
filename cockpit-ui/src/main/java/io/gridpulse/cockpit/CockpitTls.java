package io.gridpulse.cockpit;

import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.util.ssl.SslContextFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/**
 * The cockpit over HTTPS, from the same PEM files an operator gives the edge (GP_COCKPIT_TLS_CERT and _KEY): the
 * certificate chain, and the private key in PKCS#8 ({@code -----BEGIN PRIVATE KEY-----}, what {@code openssl req
 * -nodes} and certbot write), RSA or EC.
 *
 * @param certificate the certificate chain, leaf first
 * @param key         its private key
 */
public record CockpitTls(Path certificate, Path key) {
    private static final char[] IN_MEMORY = "gridpulse".toCharArray();

    public CockpitTls {
        java.util.Objects.requireNonNull(certificate, "certificate");
        java.util.Objects.requireNonNull(key, "key");
    }

    /** The PEM files as a key store, or an exception that says which file is wrong and how. */
    KeyStore keyStore() throws IOException, GeneralSecurityException {
        List<? extends Certificate> chain;
        try (InputStream in = Files.newInputStream(certificate)) {
            chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certificate + " holds no certificate (PEM, -----BEGIN CERTIFICATE-----)");
        }
        var store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry("cockpit", privateKey(), IN_MEMORY, chain.toArray(Certificate[]::new));
        return store;
    }

    private PrivateKey privateKey() throws IOException, GeneralSecurityException {
        var pem = Files.readString(key);
        var begin = "-----BEGIN PRIVATE KEY-----";
        var start = pem.indexOf(begin);
        var end = pem.indexOf("-----END PRIVATE KEY-----");
        if (start < 0 || end < start) {
            throw new GeneralSecurityException(key + " is not a PKCS#8 private key (-----BEGIN PRIVATE KEY-----); an"
                    + " RSA or EC key in another form converts with: openssl pkcs8 -topk8 -nocrypt -in <key> -out <new key>");
        }
        var der = Base64.getMimeDecoder().decode(pem.substring(start + begin.length(), end));
        var spec = new PKCS8EncodedKeySpec(der);
        for (var algorithm : List.of("RSA", "EC", "Ed25519")) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException notThisOne) {
                // try the next
            }
        }
        throw new GeneralSecurityException(key + " holds a private key that is neither RSA, EC nor Ed25519");
    }

    /** A TLS 1.2+ connector of the server on this interface and port, HTTP/1.1 inside. */
    ServerConnector connector(Server server, String host, int port) throws IOException, GeneralSecurityException {
        var ssl = new SslContextFactory.Server();
        ssl.setKeyStore(keyStore());
        ssl.setKeyStorePassword(new String(IN_MEMORY));
        ssl.setKeyManagerPassword(new String(IN_MEMORY));
        ssl.setIncludeProtocols("TLSv1.3", "TLSv1.2");
        var http = new HttpConfiguration();
        http.setSendServerVersion(false);
        // the certificate's names are the operator's business; Jetty's default would refuse 127.0.0.1 against a named one
        var secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        http.addCustomizer(secure);
        var connector = new ServerConnector(server, ssl, new HttpConnectionFactory(http));
        connector.setHost(host);
        connector.setPort(port);
        return connector;
    }
}
