package org.openhotline.wechat.api;

/** How one customer-service send ended: delivered (after {@code attempts} tries) or recorded as undelivered. */
public record Delivery(boolean delivered, int attempts, int errorCode) {}
