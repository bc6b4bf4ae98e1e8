package org.openhotline.desk.chat;

/** Where an internal transfer goes: exactly one of an agent or a skill group. */
public record TransferTarget(String agentId, String group) {
    public TransferTarget {
        if ((agentId == null) == (group == null)) throw new IllegalArgumentException("transfer to an agent or a group, not both");
    }

    public static TransferTarget agent(String id) {
        return new TransferTarget(id, null);
    }

    public static TransferTarget group(String code) {
        return new TransferTarget(null, code);
    }
}
