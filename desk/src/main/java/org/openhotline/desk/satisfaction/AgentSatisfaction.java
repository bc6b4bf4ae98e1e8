package org.openhotline.desk.satisfaction;

import java.util.Map;

/** Report line: an agent's ratings in a period; {@code byLevel} counts per level 1..5. */
public record AgentSatisfaction(String agentId, int ratings, double average, Map<Integer, Integer> byLevel, double satisfiedShare) {
    public AgentSatisfaction {
        byLevel = Map.copyOf(byLevel);
    }
}
