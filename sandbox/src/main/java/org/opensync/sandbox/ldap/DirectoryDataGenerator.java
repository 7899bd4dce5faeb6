package org.opensync.sandbox.ldap;

import java.util.ArrayList;
import java.util.List;

/**
  * Deterministic people and groups: every value is a pure function of (seed, index), so a test can recompute any
  * user or group the directory was loaded with, and two runs (or the LDIF and the live server) always agree.
  */
public final class DirectoryDataGenerator {

    public static final long DEFAULT_SEED = 20_261_126L;

    private static final String[] GIVEN_NAMES = {
            "Ada", "Alan", "Barbara", "Brian", "Carla", "Chen", "Dana", "David", "Elena", "Emeka", "Fatima", "Felix",
            "Grace", "Hiro", "Ines", "Ivan", "Jana", "Jorge", "Kamala", "Kofi", "Lena", "Liam", "Maria", "Mateo",
            "Nadia", "Noah", "Olga", "Omar", "Priya", "Quentin", "Rosa", "Sven", "Tara", "Tomas", "Uma", "Victor",
            "Wen", "Xavier", "Yara", "Zoe"};
    private static final String[] SURNAMES = {
            "Abe", "Becker", "Castro", "Dubois", "Eriksen", "Fischer", "Garcia", "Hansen", "Ibrahim", "Jensen", "Kim",
            "Larsen", "Müller", "Nakamura", "Okafor", "Petrov", "Quinn", "Rossi", "Schmidt", "Tanaka", "Usman", "Varga",
            "Wagner", "Xu", "Yilmaz", "Zhang", "O'Brien", "Lefèvre", "Novak", "Silva"};
    private static final String[] TITLES = {
            "Software Engineer", "Senior Software Engineer", "Product Manager", "Designer", "Accountant",
            "Sales Representative", "Support Specialist", "Data Analyst", "HR Partner", "Team Lead"};
    private static final String[] DEPARTMENTS = {
            "Engineering", "Product", "Design", "Finance", "Sales", "Support", "Research", "People"};
    private static final String[] LANGUAGES = {"en-US", "de-DE", "fr-FR", "es-ES", "ja-JP", "pt-BR"};
    private static final Office[] OFFICES = {
            new Office("Seattle", "WA", "98101", "1200 First Avenue", "SEA-1"),
            new Office("Austin", "TX", "73301", "400 Congress Avenue", "AUS-2"),
            new Office("New York", "NY", "10001", "350 Fifth Avenue", "NYC-4"),
            new Office("Chicago", "IL", "60601", "200 Randolph Street", "CHI-1"),
            new Office("Denver", "CO", "80202", "1700 Lincoln Street", "DEN-3"),
            new Office("Boston", "MA", "02110", "100 Federal Street", "BOS-2")};

    /** Every 25th person (and the first) reports to nobody, so "most users" have a manager, not all. */
    private static final int UNMANAGED_EVERY = 25;
    /** Span of control: person i reports to person i / SPAN, always someone created earlier. */
    private static final int SPAN = 8;

    private final long seed;

    public DirectoryDataGenerator() {
        this(DEFAULT_SEED);
    }

    public DirectoryDataGenerator(long seed) {
        this.seed = seed;
    }

    /** A lazily computed data set: cheap even for 100k users, as nothing is held beyond the two counts. */
    public DirectoryData generate(int userCount, int groupCount) {
        return new DirectoryData(this, userCount, groupCount);
    }

    public static String uid(int index) {
        return String.format("user%05d", index);
    }

    public static String groupCn(int index) {
        return String.format("group%03d", index);
    }

    public GeneratedUser user(int index) {
        String given = pick(GIVEN_NAMES, index, 1);
        String surname = pick(SURNAMES, index, 2);
        Office office = pick(OFFICES, index, 3);
        String managerUid = index % UNMANAGED_EVERY == 0 ? null : uid(index / SPAN);
        return new GeneratedUser(
                index,
                uid(index),
                given,
                surname,
                given + " " + surname,
                asciiLower(given) + "." + asciiLower(surname) + index + "@" + DirectoryLayout.MAIL_DOMAIN,
                pick(TITLES, index, 4),
                pick(DEPARTMENTS, index, 5),
                String.valueOf(100_000 + index),
                String.format("+1 555 %03d %04d", index / 10_000 % 1_000, index % 10_000),
                String.format("+1 555 9%02d %04d", index / 10_000 % 100, index % 10_000),
                office.locality(),
                office.state(),
                office.postalCode(),
                office.street(),
                office.name(),
                pick(LANGUAGES, index, 6),
                managerUid);
    }

    /**
      * Each user i is in group {@code i % groupCount}; every third user is also in one other group, so memberships
      * overlap. A group left empty (fewer users than groups) gets one user, as groupOfNames needs a member.
      */
    public GeneratedGroup group(int index, int userCount, int groupCount) {
        if (index < 0 || index >= groupCount) {
            throw new IndexOutOfBoundsException("group " + index + " of " + groupCount);
        }
        if (userCount < 1) {
            throw new IllegalArgumentException("groups need at least one user to draw members from");
        }
        List<String> members = new ArrayList<>();
        for (int user = 0; user < userCount; user++) {
            if (user % groupCount == index || secondaryGroup(user, groupCount) == index) {
                members.add(uid(user));
            }
        }
        if (members.isEmpty()) {
            members.add(uid(index % userCount));
        }
        return new GeneratedGroup(index, groupCn(index),
                "Generated group " + index + " (" + DEPARTMENTS[index % DEPARTMENTS.length] + ")", members);
    }

    private static int secondaryGroup(int user, int groupCount) {
        if (groupCount < 2 || user % 3 != 0) {
            return -1;
        }
        int primary = user % groupCount;
        return (primary + 1 + (user / groupCount) % (groupCount - 1)) % groupCount;
    }

    private <T> T pick(T[] values, int index, int salt) {
        return values[(int) Long.remainderUnsigned(mix(seed + salt * 0x9E3779B97F4A7C15L + index), values.length)];
    }

    /** SplitMix64 finaliser: a fixed, documented function, unlike java.util.Random's adjacent-seed correlation. */
    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    private static String asciiLower(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("[^A-Za-z]", "")
                .toLowerCase(java.util.Locale.ROOT);
    }

    private record Office(String locality, String state, String postalCode, String street, String name) {
    }
}
