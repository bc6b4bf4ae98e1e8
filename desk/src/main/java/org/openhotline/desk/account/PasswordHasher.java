package org.openhotline.desk.account;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.concurrent.Semaphore;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes (Bouncy Castle) in the PHC string format {@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash},
 * so every hash says how it was made: raising the parameters later leaves old hashes verifiable, and
 * {@link #needsRehash} tells the sign-in to store a new one. At most {@code concurrency} hashes are computed at
 * once, so a flood of sign-ins cannot exhaust the heap (each takes {@code memoryKib}).
 */
public final class PasswordHasher {
    private static final String PREFIX = "$argon2id$v=19$";
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64D = Base64.getDecoder();

    private final int memoryKib;
    private final int iterations;
    private final int parallelism;
    private final Semaphore slots;
    private final SecureRandom random = new SecureRandom();

    /** OWASP's minimum for Argon2id (19 MiB, 2 passes, 1 lane); raise them when the hardware allows. */
    public static PasswordHasher defaults() {
        return new PasswordHasher(19_456, 2, 1, 4);
    }

    public PasswordHasher(int memoryKib, int iterations, int parallelism, int concurrency) {
        if (memoryKib < 8 * parallelism || iterations < 1 || parallelism < 1 || concurrency < 1) {
            throw new IllegalArgumentException("argon2: memory-kib ≥ 8 × parallelism, iterations ≥ 1, parallelism ≥ 1, concurrency ≥ 1");
        }
        this.memoryKib = memoryKib;
        this.iterations = iterations;
        this.parallelism = parallelism;
        this.slots = new Semaphore(concurrency, true);
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] out = derive(password, salt, memoryKib, iterations, parallelism, HASH_BYTES);
        return PREFIX + "m=" + memoryKib + ",t=" + iterations + ",p=" + parallelism + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(out);
    }

    /** False for a wrong password and for anything that is not a hash this class wrote (never throws on bad data). */
    public boolean verify(String password, String encoded) {
        Parsed p = Parsed.of(encoded);
        if (p == null) {
            derive(password, new byte[SALT_BYTES], memoryKib, iterations, parallelism, HASH_BYTES); // same time as a real check
            return false;
        }
        return MessageDigest.isEqual(p.hash, derive(password, p.salt, p.memory, p.iterations, p.parallelism, p.hash.length));
    }

    /** True when {@code encoded} was made with other parameters than this hasher's (weaker or simply older). */
    public boolean needsRehash(String encoded) {
        Parsed p = Parsed.of(encoded);
        return p == null || p.memory != memoryKib || p.iterations != iterations || p.parallelism != parallelism;
    }

    private byte[] derive(String password, byte[] salt, int memory, int iters, int lanes, int length) {
        Argon2Parameters params = new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id).withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(memory).withIterations(iters).withParallelism(lanes).withSalt(salt).build();
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[length];
        slots.acquireUninterruptibly();
        try {
            Argon2BytesGenerator gen = new Argon2BytesGenerator();
            gen.init(params);
            gen.generateBytes(pw, out);
            return out;
        } finally {
            slots.release();
            Arrays.fill(pw, (byte) 0);
        }
    }

    /** The parts of a stored hash; null when it is not one (bounds keep a tampered row from demanding gigabytes). */
    private record Parsed(int memory, int iterations, int parallelism, byte[] salt, byte[] hash) {
        static Parsed of(String s) {
            if (s == null || !s.startsWith(PREFIX)) return null;
            String[] parts = s.substring(PREFIX.length()).split("\\$");
            if (parts.length != 3) return null;
            try {
                int m = -1, t = -1, p = -1;
                for (String kv : parts[0].split(",")) {
                    String[] pair = kv.split("=", 2);
                    int v = Integer.parseInt(pair[1]);
                    switch (pair[0]) {
                        case "m" -> m = v;
                        case "t" -> t = v;
                        case "p" -> p = v;
                        default -> { return null; }
                    }
                }
                if (m < 8 || m > 4 * 1024 * 1024 || t < 1 || t > 100 || p < 1 || p > 64) return null;
                byte[] salt = B64D.decode(parts[1]);
                byte[] hash = B64D.decode(parts[2]);
                return salt.length < 8 || hash.length < 16 ? null : new Parsed(m, t, p, salt, hash);
            } catch (RuntimeException e) {
                return null;
            }
        }
    }
}
