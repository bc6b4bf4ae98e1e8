package org.openhotline.kb.io;

/** A knowledge-base file that cannot be read at all (missing, not a spreadsheet, wrong columns). */
public class KnowledgeFileException extends RuntimeException {
    public KnowledgeFileException(String message) {
        super(message);
    }

    public KnowledgeFileException(String message, Throwable cause) {
        super(message, cause);
    }
}
