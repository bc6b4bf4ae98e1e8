package org.openhotline.wechat.api;

/** An access token and when this product stops using it (some minutes before WeChat's own expiry). */
public record AccessToken(String value, long refreshAtMillis) {}
