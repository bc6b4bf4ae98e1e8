package org.openhotline.server.http;

/** The body of every 4xx/5xx answer: a stable code for programs and a sentence for people. */
public record ApiError(String error, String message) {}
