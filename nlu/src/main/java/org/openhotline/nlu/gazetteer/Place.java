package org.openhotline.nlu.gazetteer;

import java.util.List;

/** One place of a gazetteer, under its canonical name, with the other names citizens call it by. */
public record Place(PlaceType type, String name, String parent, List<String> aliases) {
    public Place {
        aliases = List.copyOf(aliases);
    }
}
