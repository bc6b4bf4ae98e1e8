package org.openhotline.desk.chat;

public enum Sender {
    CITIZEN,
    AGENT,
    SYSTEM
}
