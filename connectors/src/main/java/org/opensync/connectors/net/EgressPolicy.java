package org.opensync.connectors.net;

import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
  * Decides whether a connector may connect to a destination, so that a tenant cannot use a job's {@code BaseAddress}
  * or LDAP {@code Server} to reach the platform's own services, its database or broker, or a cloud metadata endpoint,
  * nor scan ports. A destination is checked by name and port before connecting, and every address the name resolves
  * to is checked again: a public name resolving to 127.0.0.1 is refused like 127.0.0.1 itself.
  * <p>
  * Always refused: link-local addresses (169.254/16, fe80::/10), cloud metadata hosts (169.254.169.254,
  * fd00:ec2::254, 100.100.100.200, metadata.google.internal), unspecified, broadcast and multicast addresses.
  * Refused unless allowed by {@link EgressSettings}: loopback, private ranges, the denied ports and hosts.
  * Immutable and thread-safe.
  */
public final class EgressPolicy {

    /** Parsed without a DNS lookup. Declared first: the ranges below use it. */
    private static final Pattern IP_LITERAL = Pattern.compile("[0-9.]+|.*:.*");
    private static final Set<String> METADATA_NAMES = Set.of("metadata.google.internal");
    private static final List<Range> METADATA_ADDRESSES = List.of(Range.parse("169.254.169.254/32"),
            Range.parse("fd00:ec2::254/128"), Range.parse("100.100.100.200/32"));
    private static final List<Range> PRIVATE = List.of(Range.parse("10.0.0.0/8"), Range.parse("172.16.0.0/12"),
            Range.parse("192.168.0.0/16"), Range.parse("100.64.0.0/10"), Range.parse("fc00::/7"),
            Range.parse("fec0::/10"));
    private static final List<Range> UNSPECIFIED = List.of(Range.parse("0.0.0.0/8"),
            Range.parse("255.255.255.255/32"));

    private final EgressSettings settings;
    private final List<int[]> deniedPorts = new ArrayList<>();
    private final List<String> deniedNames = new ArrayList<>();
    private final List<Range> deniedRanges = new ArrayList<>();

    private EgressPolicy(EgressSettings settings) {
        this.settings = settings;
        for (String entry : settings.deniedPorts()) {
            deniedPorts.add(portRange(entry.trim()));
        }
        for (String entry : settings.deniedHosts()) {
            String host = normalise(entry);
            if (host.isEmpty()) {
                continue;
            }
            if (host.contains("/") || IP_LITERAL.matcher(host).matches()) {
                deniedRanges.add(Range.parse(host.contains("/") ? host : host + (host.contains(":") ? "/128" : "/32")));
            } else {
                deniedNames.add(host);
            }
        }
    }

    /** @throws IllegalArgumentException for a port or host entry that is not one */
    public static EgressPolicy of(EgressSettings settings) {
        return new EgressPolicy(settings);
    }

    /** {@link EgressSettings#DEFAULT}. */
    public static EgressPolicy defaults() {
        return of(EgressSettings.DEFAULT);
    }

    public EgressSettings settings() {
        return settings;
    }

    /** {@link #check(String, int)} for an http(s) URL, with the scheme's default port when it names none. */
    public List<InetAddress> check(URI url) {
        int port = url.getPort() >= 0 ? url.getPort() : "https".equalsIgnoreCase(url.getScheme()) ? 443 : 80;
        return check(url.getHost() == null ? "" : url.getHost(), port);
    }

    /**
      * Checks the name and port, resolves the name and checks every address it resolves to.
      *
      * @return the addresses; empty when the name does not resolve (connecting fails on its own then)
      * @throws EgressDeniedException naming the destination and the reason
      */
    public List<InetAddress> check(String host, int port) {
        String name = normalise(host);
        if (name.isEmpty()) {
            // The JDK resolves an empty name to the loopback address
            throw denied(name, port, null, "the destination names no host (sync.egress)");
        }
        for (int[] range : deniedPorts) {
            if (port >= range[0] && port <= range[1]) {
                throw denied(name, port, null, "port " + port + " belongs to the platform or its infrastructure "
                        + "(sync.egress.denied-ports)");
            }
        }
        if (METADATA_NAMES.contains(name)) {
            throw denied(name, port, null, "link-local and cloud metadata addresses are not allowed (sync.egress)");
        }
        for (String denied : deniedNames) {
            if (name.equals(denied) || name.endsWith("." + denied)) {
                throw denied(name, port, null, "the host is listed in sync.egress.denied-hosts");
            }
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(name);
        } catch (UnknownHostException e) {
            return List.of();
        }
        for (InetAddress address : addresses) {
            checkAddress(name, port, address);
        }
        return List.of(addresses);
    }

    /**
      * Checks one address a connector is about to connect to (after its own name resolution).
      *
      * @param host the name the address was resolved from, for the message
      */
    public void checkAddress(String host, int port, InetAddress address) {
        String reason = refusal(ipv4IfCompatible(address));
        if (reason != null) {
            throw denied(normalise(host), port, address, reason);
        }
    }

    private String refusal(InetAddress address) {
        if (address.isLinkLocalAddress() || inAny(METADATA_ADDRESSES, address)) {
            return "link-local and cloud metadata addresses are not allowed (sync.egress)";
        }
        if (address.isAnyLocalAddress() || address.isMulticastAddress() || inAny(UNSPECIFIED, address)) {
            return "unspecified, broadcast and multicast addresses are not allowed (sync.egress)";
        }
        if (address.isLoopbackAddress() && !settings.allowLoopback()) {
            return "loopback addresses are not allowed (sync.egress.allow-loopback)";
        }
        if (inAny(PRIVATE, address) && !settings.allowPrivate()) {
            return "private addresses are not allowed (sync.egress.allow-private)";
        }
        if (inAny(deniedRanges, address)) {
            return "the address is listed in sync.egress.denied-hosts";
        }
        return null;
    }

    private static EgressDeniedException denied(String host, int port, InetAddress address, String reason) {
        String destination = (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
        String resolved = address == null || IP_LITERAL.matcher(host).matches() ? ""
                : " (resolves to " + address.getHostAddress() + ")";
        return new EgressDeniedException("Egress policy refused " + destination + resolved + ": " + reason);
    }

    /** ::a.b.c.d (IPv4-compatible, other than :: and ::1) reaches a.b.c.d; Java already turns ::ffff:a.b.c.d into an IPv4 address. */
    private static InetAddress ipv4IfCompatible(InetAddress address) {
        if (address instanceof Inet6Address v6 && v6.isIPv4CompatibleAddress() && !v6.isLoopbackAddress()
                && !v6.isAnyLocalAddress()) {
            byte[] bytes = v6.getAddress();
            try {
                return InetAddress.getByAddress(new byte[] {bytes[12], bytes[13], bytes[14], bytes[15]});
            } catch (UnknownHostException e) {
                throw new IllegalStateException("four bytes are an IPv4 address", e);
            }
        }
        return address;
    }

    private static boolean inAny(List<Range> ranges, InetAddress address) {
        return ranges.stream().anyMatch(range -> range.contains(address));
    }

    private static String normalise(String host) {
        String name = host.trim().toLowerCase(Locale.ROOT);
        if (name.startsWith("[") && name.endsWith("]")) {
            name = name.substring(1, name.length() - 1);
        }
        return name.endsWith(".") ? name.substring(0, name.length() - 1) : name;
    }

    private static int[] portRange(String entry) {
        try {
            String[] bounds = entry.split("-", 2);
            int low = Integer.parseInt(bounds[0].trim());
            int high = bounds.length == 2 ? Integer.parseInt(bounds[1].trim()) : low;
            if (low < 1 || high > 65535 || low > high) {
                throw new NumberFormatException(entry);
            }
            return new int[] {low, high};
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("sync.egress.denied-ports: '" + entry
                    + "' is neither a port nor a range like 8081-8085", e);
        }
    }

    /** An address range in CIDR notation. */
    private record Range(byte[] network, int prefix) {

        static Range parse(String cidr) {
            String[] parts = cidr.split("/", 2);
            if (!IP_LITERAL.matcher(parts[0]).matches()) {
                throw new IllegalArgumentException("sync.egress.denied-hosts: '" + cidr + "' is not an address range");
            }
            try {
                byte[] network = InetAddress.getByName(parts[0]).getAddress();
                int prefix = Integer.parseInt(parts[1]);
                if (prefix < 0 || prefix > network.length * 8) {
                    throw new NumberFormatException(parts[1]);
                }
                return new Range(network, prefix);
            } catch (UnknownHostException | NumberFormatException e) {
                throw new IllegalArgumentException("sync.egress.denied-hosts: '" + cidr + "' is not an address range",
                        e);
            }
        }

        boolean contains(InetAddress address) {
            byte[] bytes = address.getAddress();
            if (bytes.length != network.length) {
                return false;
            }
            for (int bit = 0; bit < prefix; bit++) {
                int mask = 0x80 >>> (bit % 8);
                if ((bytes[bit / 8] & mask) != (network[bit / 8] & mask)) {
                    return false;
                }
            }
            return true;
        }
    }
}
