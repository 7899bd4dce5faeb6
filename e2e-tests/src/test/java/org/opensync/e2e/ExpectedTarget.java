package org.opensync.e2e;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.opensync.sandbox.directory.TestDirectory;
import org.opensync.sandbox.ldap.DirectoryData;
import org.opensync.sandbox.ldap.DirectoryDataGenerator;
import org.opensync.sandbox.ldap.GeneratedGroup;
import org.opensync.sandbox.ldap.GeneratedUser;
import org.opensync.sandbox.scim.ScimServer;

/**
 * What the SCIM application must hold for the directory as the test changed it — every user with its title and
 * active flag, no deleted one, every group with exactly its members — and the changes that keep arriving while
 * faults run: new users, title changes, users leaving scope (title {@value #OUT_OF_SCOPE}: disabled in the target),
 * deletions and membership changes.
 */
final class ExpectedTarget {
    static final String OUT_OF_SCOPE = "Contractor";

    private final TestDirectory directory;
    private final DirectoryDataGenerator generator;
    private final Map<String, User> users = new LinkedHashMap<>();
    private final Map<String, Set<String>> members = new LinkedHashMap<>();
    private final Random random = new Random(42);
    private int nextUser;
    private int changes;

    /** A source user as the target must show it; {@code title} is the last one exported while in scope. */
    private record User(String uid, String mail, String title, boolean inScope) {
    }

    /** How the target differs from what it must hold. */
    record Differences(int missing, int wrong, int duplicated, int notDeleted, int wrongGroups, List<String> examples) {
        int lost() {
            return missing + wrong + notDeleted + wrongGroups;
        }

        boolean none() {
            return lost() == 0 && duplicated == 0;
        }
    }

    ExpectedTarget(TestDirectory directory, DirectoryDataGenerator generator, DirectoryData data) {
        this.directory = directory;
        this.generator = generator;
        data.users().forEach(user -> users.put(user.uid(), new User(user.uid(), user.mail(), user.title(), true)));
        for (GeneratedGroup group : data.groups()) {
            members.put(group.cn(), new LinkedHashSet<>(group.memberUids()));
        }
        nextUser = data.users().size();
    }

    /** Changes made to the source so far. */
    int changes() {
        return changes;
    }

    /**
     * A mix of changes: for every 10, 3 title changes, 2 new users, 2 membership moves, 1 user leaving scope,
     * 1 deletion and 1 user coming back into scope (when one is out).
     */
    void change(int count) {
        for (int i = 0; i < count; i++) {
            switch (i % 10) {
                case 0, 4, 8 -> retitle();
                case 1, 6 -> add();
                case 2, 7 -> moveMember();
                case 3 -> leaveScope();
                case 5 -> delete();
                default -> returnToScope();
            }
            changes++;
        }
    }

    Differences differences(ScimServer scim) {
        Map<String, List<ObjectNode>> byUserName = scim.users().all().stream()
                .collect(Collectors.groupingBy(user -> user.path("userName").asText().toLowerCase()));
        int missing = 0;
        int wrong = 0;
        int duplicated = 0;
        List<String> examples = new ArrayList<>();
        Map<String, String> idByUid = new HashMap<>();
        for (User user : users.values()) {
            List<ObjectNode> found = byUserName.getOrDefault(user.mail().toLowerCase(), List.of());
            if (found.isEmpty()) {
                missing++;
                note(examples, "missing " + user.mail());
                continue;
            }
            duplicated += found.size() - 1;
            ObjectNode target = found.get(0);
            idByUid.put(user.uid(), target.path("id").asText());
            boolean active = target.path("active").asBoolean();
            if (active != user.inScope() || (user.inScope() && !user.title().equals(target.path("title").asText()))) {
                wrong++;
                note(examples, user.mail() + ": active " + active + ", title " + target.path("title").asText()
                        + " (expected " + user.inScope() + ", " + user.title() + ")");
            }
        }
        Set<String> expectedNames = users.values().stream().map(u -> u.mail().toLowerCase())
                .collect(Collectors.toSet());
        int notDeleted = (int) byUserName.keySet().stream().filter(name -> !expectedNames.contains(name)).count();
        if (notDeleted > 0) {
            note(examples, notDeleted + " users deleted in the source are still in the target");
        }
        int wrongGroups = 0;
        for (Map.Entry<String, Set<String>> group : members.entrySet()) {
            List<ObjectNode> found = scim.groups().find("displayName eq \"" + group.getKey() + "\"");
            Set<String> expected = group.getValue().stream().filter(users::containsKey).map(idByUid::get)
                    .collect(Collectors.toSet());
            Set<String> actual = new LinkedHashSet<>();
            if (found.size() == 1) {
                found.get(0).path("members").forEach(member -> actual.add(member.path("value").asText()));
            }
            duplicated += Math.max(0, found.size() - 1);
            if (found.size() != 1 || !actual.equals(expected)) {
                wrongGroups++;
                note(examples, group.getKey() + ": " + actual.size() + " members, expected " + expected.size());
            }
        }
        return new Differences(missing, wrong, duplicated, notDeleted, wrongGroups, examples);
    }

    private void retitle() {
        User user = pick(User::inScope);
        String title = "Title " + changes;
        directory.modify(directory.userDn(user.uid()), "title", title);
        users.put(user.uid(), new User(user.uid(), user.mail(), title, true));
    }

    private void add() {
        GeneratedUser user = generator.user(nextUser++);
        directory.addUser(user);
        users.put(user.uid(), new User(user.uid(), user.mail(), user.title(), true));
        String group = groupNames().get(random.nextInt(members.size()));
        directory.addMember(directory.groupDn(group), directory.userDn(user.uid()));
        members.get(group).add(user.uid());
    }

    private void moveMember() {
        List<String> groups = groupNames();
        String from = groups.get(random.nextInt(groups.size()));
        List<String> candidates = members.get(from).stream().filter(users::containsKey).toList();
        if (candidates.isEmpty()) {
            return;
        }
        String uid = candidates.get(random.nextInt(candidates.size()));
        String to = groups.get(random.nextInt(groups.size()));
        directory.removeMember(directory.groupDn(from), directory.userDn(uid));
        members.get(from).remove(uid);
        if (!members.get(to).contains(uid)) {
            directory.addMember(directory.groupDn(to), directory.userDn(uid));
            members.get(to).add(uid);
        }
    }

    private void leaveScope() {
        User user = pick(User::inScope);
        directory.modify(directory.userDn(user.uid()), "title", OUT_OF_SCOPE);
        users.put(user.uid(), new User(user.uid(), user.mail(), user.title(), false));
    }

    private void returnToScope() {
        User user = users.values().stream().filter(u -> !u.inScope()).findFirst().orElse(null);
        if (user == null) {
            retitle();
            return;
        }
        String title = "Back " + changes;
        directory.modify(directory.userDn(user.uid()), "title", title);
        users.put(user.uid(), new User(user.uid(), user.mail(), title, true));
    }

    /** Deletes a user in scope; it may be in groups or manage others: the target must drop those references too. */
    private void delete() {
        User user = pick(User::inScope);
        directory.delete(directory.userDn(user.uid()));
        users.remove(user.uid());
    }

    private User pick(Predicate<User> filter) {
        List<User> candidates = users.values().stream().filter(filter).toList();
        return candidates.get(random.nextInt(candidates.size()));
    }

    private List<String> groupNames() {
        return new ArrayList<>(members.keySet());
    }

    private static void note(List<String> examples, String example) {
        if (examples.size() < 5) {
            examples.add(example);
        }
    }
}
