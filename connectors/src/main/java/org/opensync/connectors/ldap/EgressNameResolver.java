package org.opensync.connectors.ldap;

import com.unboundid.ldap.sdk.NameResolver;
import java.net.InetAddress;
import java.net.UnknownHostException;
import org.opensync.connectors.net.EgressPolicy;

/**
  * Resolves the directory's host name for the LDAP SDK and checks every address against the egress policy. The SDK
  * connects to exactly the addresses returned here, so a name whose DNS answer changed since the check before
  * connecting (DNS rebinding) is refused as well.
  */
final class EgressNameResolver extends NameResolver {

    private final EgressPolicy policy;
    private final int port;

    EgressNameResolver(EgressPolicy policy, int port) {
        this.policy = policy;
        this.port = port;
    }

    @Override
    public InetAddress getByName(String host) throws UnknownHostException {
        InetAddress address = InetAddress.getByName(host);
        policy.checkAddress(host, port, address);
        return address;
    }

    @Override
    public InetAddress[] getAllByName(String host) throws UnknownHostException {
        InetAddress[] addresses = InetAddress.getAllByName(host);
        for (InetAddress address : addresses) {
            policy.checkAddress(host, port, address);
        }
        return addresses;
    }

    @Override
    public void toString(StringBuilder buffer) {
        buffer.append("EgressNameResolver(port=").append(port).append(')');
    }
}
