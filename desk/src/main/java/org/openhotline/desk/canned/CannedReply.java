package org.openhotline.desk.canned;

import java.time.Instant;

/** A prepared answer an agent inserts: personal ({@code ownerId} set) or shared ({@code ownerId} null). */
public record CannedReply(long id, String ownerId, String title, String text, String groupCode, Instant updatedAt) {
    public boolean shared() {
        return ownerId == null;
    }
}
