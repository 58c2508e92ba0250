package org.guichet.gateway.attachment;

import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, file by file, what is stored: nothing that runs code (by name, declared type or
 * bytes), nothing unreadable, nothing above the size limits, only the allowed detected types.
 * Refusals come in that order, so an executable is always reported as one, whatever its size.
 */
final class AttachmentPolicy {

    private final long maxSize;
    private final long maxTotal;
    private final Set<String> allowed;
    private final Set<String> refusedExtensions;

    AttachmentPolicy(AttachmentProperties properties) {
        this.maxSize = properties.maxSize().toBytes();
        this.maxTotal = properties.maxTotal().toBytes();
        this.allowed = Set.copyOf(properties.allowedTypes());
        this.refusedExtensions = Set.copyOf(properties.refusedExtensions());
    }

    /**
     * @param fileName    the sanitised name
     * @param storedSoFar bytes of this message's files already accepted
     */
    Optional<Refusal> judge(AttachedFile file, String fileName, Detection detected, long storedSoFar) {
        String extension = FileName.extension(fileName);
        if (ExecutableNames.refused(extension) || refusedExtensions.contains(extension)
                || ExecutableNames.refusedType(file.declaredType())) {
            return Optional.of(Refusal.EXECUTABLE);
        }
        if (!file.readable()) {
            return Optional.of(Refusal.UNREADABLE);
        }
        if (detected.runsCode()) {
            return Optional.of(Refusal.EXECUTABLE);
        }
        long size = file.bytes().length;
        if (size > maxSize) {
            return Optional.of(Refusal.TOO_LARGE);
        }
        if (!allowed(detected.type())) {
            return Optional.of(Refusal.TYPE_NOT_ALLOWED);
        }
        if (storedSoFar + size > maxTotal) {
            return Optional.of(Refusal.MESSAGE_TOO_LARGE);
        }
        return Optional.empty();
    }

    private boolean allowed(String type) {
        String lower = type.toLowerCase(Locale.ROOT);
        if (allowed.contains(lower)) {
            return true;
        }
        int slash = lower.indexOf('/');
        return slash > 0 && allowed.contains(lower.substring(0, slash) + "/*");
    }
}
