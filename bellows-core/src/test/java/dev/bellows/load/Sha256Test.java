package dev.bellows.load;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The checksums of migration files stay what {@code MessageDigest}'s SHA-256 gives (history rows hold them). */
class Sha256Test {

    @Test
    void knownDigests() {
        // FIPS 180-4 examples
        assertThat(hex(Sha256.digest("abc".getBytes(StandardCharsets.US_ASCII))))
                .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        assertThat(hex(Sha256.digest(new byte[0])))
                .isEqualTo("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        assertThat(MigrationLoader.sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"
                .getBytes(StandardCharsets.US_ASCII)))
                .isEqualTo("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
    }

    @Test
    void sameAsMessageDigestAcrossThePaddingBoundariesAndOnRandomInputs() throws Exception {
        MessageDigest jdk = MessageDigest.getInstance("SHA-256");
        Random random = new Random(20261207);
        for (int length = 0; length <= 260; length++) {
            byte[] data = new byte[length];
            random.nextBytes(data);
            assertThat(Sha256.digest(data)).as("%d bytes", length).isEqualTo(jdk.digest(data));
        }
        for (int i = 0; i < 50; i++) {
            byte[] data = new byte[random.nextInt(200_000)];
            random.nextBytes(data);
            assertThat(Sha256.digest(data)).as("%d bytes", data.length).isEqualTo(jdk.digest(data));
        }
    }

    private static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
