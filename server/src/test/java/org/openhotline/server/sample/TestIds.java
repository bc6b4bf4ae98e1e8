package org.openhotline.server.sample;

/** Valid resident ID numbers for tests: the GB 11643 check character computed for a chosen first 17 digits. */
final class TestIds {
    private static final int[] WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};

    static String valid(String first17) {
        int sum = 0;
        for (int i = 0; i < 17; i++) sum += (first17.charAt(i) - '0') * WEIGHTS[i];
        return first17 + "10X98765432".charAt(sum % 11);
    }

    /** Born 1990: the sample service has records for it. */
    static final String ADULT = valid("61011319900307451");
    /** Born 2012: the sample service has no records for it. */
    static final String CHILD = valid("61011320120515123");

    /** The same number with a wrong check character. */
    static String broken(String id) {
        char c = id.charAt(17) == '1' ? '2' : '1';
        return id.substring(0, 17) + c;
    }
}
