package org.openhotline.voice.asr;

import java.io.IOException;
import java.io.InputStream;
import java.net.JarURLConnection;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Enumeration;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Unpacks a Vosk model shipped inside a jar on the classpath (the English test model is Maven Central's
 * {@code com.alphacephei:vosk-model-en}, whose {@code assets/model-en-us} is the model) into a folder, because
 * the native loader reads files. The copy is reused while its {@code uuid} matches, and written beside and
 * renamed into place, so concurrent test JVMs never see half a model.
 */
public final class ClasspathModel {
    /** The English model's folder inside {@code com.alphacephei:vosk-model-en}. */
    public static final String ENGLISH = "assets/model-en-us";

    private ClasspathModel() {}

    public static Path unpack(String resourceFolder, Path targetRoot) throws IOException {
        URL marker = ClasspathModel.class.getClassLoader().getResource(resourceFolder + "/uuid");
        if (marker == null) {
            throw new RecognizerUnavailableException("no Vosk model at " + resourceFolder + " on the classpath (com.alphacephei:vosk-model-en is a test dependency)");
        }
        String uuid;
        try (InputStream in = marker.openStream()) {
            uuid = new String(in.readAllBytes()).strip();
        }
        Path target = targetRoot.resolve(uuid);
        if (Files.isRegularFile(target.resolve(".complete"))) return target;
        Files.createDirectories(targetRoot);
        if (Files.exists(target)) deleteTree(target); // an earlier copy cut short
        Path staging = Files.createTempDirectory(targetRoot, uuid + ".unpacking");
        JarURLConnection connection = (JarURLConnection) marker.openConnection();
        connection.setUseCaches(false);
        try (JarFile jar = connection.getJarFile()) {
            String prefix = resourceFolder + "/";
            for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                JarEntry entry = e.nextElement();
                if (!entry.getName().startsWith(prefix) || entry.isDirectory()) continue;
                Path out = staging.resolve(entry.getName().substring(prefix.length())).normalize();
                if (!out.startsWith(staging)) continue;
                Files.createDirectories(out.getParent());
                try (InputStream in = jar.getInputStream(entry)) {
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        Files.writeString(staging.resolve(".complete"), uuid);
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException raced) {
            if (!Files.isRegularFile(target.resolve(".complete"))) throw raced;
            deleteTree(staging);
        }
        return target;
    }

    private static void deleteTree(Path root) throws IOException {
        try (var paths = Files.walk(root)) {
            for (Path p : paths.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        }
    }
}
