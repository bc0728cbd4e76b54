package dev.agoratoken.server;

/** The server cannot start with this configuration. The message names the variable and never holds a secret. */
public final class ConfigException extends Exception {
    public ConfigException(String message) {
        super(message);
    }
}
