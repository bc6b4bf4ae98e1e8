package org.openhotline.server.config;

/** A configuration mistake, said in words a person running the product can fix. */
public class ConfigException extends RuntimeException {
    public ConfigException(String message) {
        super(message);
    }
}
